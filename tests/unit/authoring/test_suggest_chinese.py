"""The Chinese rules (issue 31), shape by shape, each with the near misses that must not be
taken for it. Every sentence is invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplan_tui.pack.anchors import find_all
from suggesting import figures, quotes, run


def events(paragraphs: list[str], published: dt.date | None = None) -> list[tuple[str, object]]:
    return [(h.exact, h.fields["date"]) for h in run(paragraphs, published).highlights if h.kind == "event"]  # fmt: skip


def test_the_issues_quotation_is_li_qiangs_with_a_pinyin_id() -> None:
    found = run(["“人工智能应当成为造福人类的国际公共产品。”李强说。"])
    [quote] = found.highlights
    assert quote.exact == "人工智能应当成为造福人类的国际公共产品。" and quote.fields["direct"]
    [person] = found.entities
    assert (person.id, person.name, person.kind) == ("li-qiang", "李强", "person")
    assert quote.fields["speaker"] == "li-qiang"


def test_the_issues_money_is_one_figure_in_yuan() -> None:
    [fact] = [h for h in run(["中方将投入6000亿元人民币。"]).highlights if h.kind == "fact"]
    assert fact.exact == "6000亿元人民币"
    assert fact.fields["value"] == 6000e8 and fact.fields["unit"] == "CNY"


@pytest.mark.parametrize(
    ("paragraph", "words", "speaker"),
    [
        ("外交部发言人郭明远表示：“中方愿同各方加强合作。”", "中方愿同各方加强合作。", "郭明远"),
        ("他补充说，“这不是一句空话”。", None, ""),  # nobody named before: no speaker
        (
            "上海人工智能实验室主任陈立东在接受采访时说：“算力要算总账。”",
            "算力要算总账。",
            "陈立东",
        ),
        ("「香港有優勢。」孫嘉明在論壇上說。", "香港有優勢。", "孫嘉明"),
        (
            "“技术封锁挡不住发展。”国务院总理温浩林强调，中方愿意合作。",
            "技术封锁挡不住发展。",
            "温浩林",
        ),
        ("美国总统特兰斯（Tom Trance）表示：“我们会赢。”", "我们会赢。", "特兰斯"),
    ],
)
def test_a_direct_quotation_has_the_speaker_named_before_or_after_it(
    paragraph: str, words: str | None, speaker: str
) -> None:
    found = quotes([paragraph], direct=True)
    assert found == ([(words, speaker)] if words else [])


def test_a_title_before_the_name_is_the_role_not_part_of_the_name() -> None:
    found = run(["国家数据局主任陈明表示，数据要素市场将加快建设。"])
    [person] = found.entities
    assert (person.name, person.role) == ("陈明", "国家数据局主任")  # not 任陈明


def test_a_role_list_and_a_transliterated_name() -> None:
    found = run(["图灵奖得主、加拿大学者马丁·勒克莱尔在会上说，风险是全球性的。"])
    [person] = found.entities
    assert person.name == "马丁·勒克莱尔" and person.role == "图灵奖得主、加拿大学者"
    assert person.id == "ma-ding-le-ke-lai-er" or person.id.startswith("mading")


@pytest.mark.parametrize(
    ("paragraph", "reported", "speaker"),
    [
        ("李强表示，中方愿同各方一道推动合作。", "表示，中方愿同各方一道推动合作", "李强"),
        ("据徐汇区科委主任龙静介绍，新政共有18条措施。", "介绍，新政共有18条措施", "龙静"),
        (
            "商务部新闻发言人何振东30日回应称，中方将采取必要措施。",
            "回应称，中方将采取必要措施",
            "何振东",
        ),
        (
            "中国外交部24日表示，中方反对将科技问题政治化。",
            "表示，中方反对将科技问题政治化",
            "中国外交部",
        ),
        (
            "国家发展改革委有关负责人介绍，算力规模位居全球第二。",
            "介绍，算力规模位居全球第二",
            "国家发展改革委",
        ),
        (
            "一位不愿具名的分析师对记者表示，订单增长很快。",
            "表示，订单增长很快",
            "一位不愿具名的分析师",
        ),
    ],
)
def test_reported_speech_runs_from_the_verb_to_the_sentences_end(
    paragraph: str, reported: str, speaker: str
) -> None:
    assert quotes([paragraph], direct=False) == [(reported, speaker)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "据统计，本港目前有超过1,400间初创企业。",  # a source, not speech
        "据新华社报道，大会将持续三天。",
        "白皮书指出，全球约有15%的企业分布在中国。",  # a document says it
        "可以说，这是一次重要的会议。",  # 说 with nobody before it
        "记者从国家发展改革委获悉，算力中心将加快建设。",
        "要深入实施“人工智能+”行动。",  # a name in marks
        "中方发布了《全球人工智能治理行动计划》。",
        "他们表示，将继续观察。",  # they: nobody in particular
        "有观点认为，开源可以帮助追赶。",
        "该局有关负责人表示，将加快审批。",  # named before, by words that do not name it
    ],
)
def test_near_misses_are_no_quotation(paragraph: str) -> None:
    assert quotes([paragraph]) == []


def test_a_phrase_in_marks_inside_reported_speech_is_speech_a_term_is_not() -> None:
    found = quotes(["葛宁远认为，美方的核心是“以出口换盟友”，并非“全栈式”技术本身。"], direct=True)
    assert found == [("以出口换盟友", "葛宁远")]


def test_a_pronoun_is_the_person_mentioned_last_before() -> None:
    paragraphs = ["加拿大学者马丁·勒克莱尔在论坛上发言。他说：“治理必须是全球性的。”"]
    assert quotes(paragraphs, direct=True) == [("治理必须是全球性的。", "马丁·勒克莱尔")]


def test_a_transcripts_answers_and_named_questions_are_quotations() -> None:
    paragraphs = [
        "外交部发言人卢松涛主持例行记者会。",
        "法新社记者：中方对此有何评论？",
        "卢松涛：我们注意到有关报道。",
        "问：能否介绍更多细节？",
        "答：请向主管部门询问。",
        "发布时间：2025-07-28 19:05",
    ]
    assert quotes(paragraphs) == [
        ("中方对此有何评论？", "法新社记者"),
        ("我们注意到有关报道。", "卢松涛"),
        ("请向主管部门询问。", "卢松涛"),
    ]


def test_an_explainers_questions_and_answers_are_nobodys() -> None:
    assert quotes(["问：计划有哪些内容？", "答：计划提出13项行动。"]) == []


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("来自40多个国家的1200余名嘉宾出席。", ["40多个", "1200余名"]),
        ("市值突破3000亿元，成交额达86.4亿元。", ["3000亿元", "86.4亿元"]),
        ("进口额为1784亿美元，比重下降2.3个百分点。", ["1784亿美元", "2.3个百分点"]),
        ("能效至少要提高百分之二十，约三成企业受益。", ["百分之二十", "约三成"]),
        ("单价在20万元至30万元之间，订单约2000台。", ["20万元至30万元", "约2000台"]),
        ("首批可能会有三十个左右的国家，增长60%以上。", ["三十个左右", "60%以上"]),
        ("展览面积超过7万平方米，为期3天。", ["超过7万平方米", "3天"]),
        ("特区政府已预留约30億港元。", ["约30億港元"]),
        ("用户规模达5亿，同比增长约4倍。", ["5亿", "约4倍"]),
    ],
)
def test_figures_with_their_qualifiers_and_units(paragraph: str, expected: list[str]) -> None:
    assert figures(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "2025世界人工智能大会7月26日在上海开幕。",  # a number in a name, a date
        "到2027年建成智能算力中心，第78届联大通过决议。",  # a year, an ordinal
        "一家企业的负责人在10:30发言。",  # 一 (a), a time
        "这是两年前的事，也是千家万户的事。",  # ago; a saying
        "新华社上海7月26日电（记者 王晓）",
    ],
)
def test_near_misses_are_no_figure(paragraph: str) -> None:
    assert figures(paragraph) == []


def test_a_day_is_counted_from_the_stated_date_only() -> None:
    text = ["发布时间：2025-07-27 18:40", "温浩林26日出席开幕式。大会将持续至28日。"]
    assert events(text) == [
        ("温浩林26日出席开幕式", dt.date(2025, 7, 26)),
        ("大会将持续至28日", "28日"),  # after the stated day: not counted back
    ]
    assert events(text[1:]) == [("温浩林26日出席开幕式", "26日"), ("大会将持续至28日", "28日")]


def test_a_full_date_and_a_month_and_day_and_a_dateline() -> None:
    text = ["新华社北京7月24日电 中国外交部24日表示，中方反对。", "2025年7月27日，大会在杭州开幕。"]
    assert events(text) == [
        ("中国外交部24日表示，中方反对", "24日"),  # a dateline gives no year: no date
        ("2025年7月27日，大会在杭州开幕", dt.date(2025, 7, 27)),
    ]
    assert events(["7月26日，计划公布。"], dt.date(2025, 7, 30)) == [
        ("7月26日，计划公布", dt.date(2025, 7, 26))
    ]


def test_an_article_in_both_languages_works_paragraph_by_paragraph() -> None:
    paragraphs = [
        '"We will compete," said Jordan Vale, the commerce secretary.',
        "“人工智能不应成为少数国家的游戏。”温浩林说。",
    ]
    assert quotes(paragraphs, direct=True) == [
        ("We will compete", "Jordan Vale"),
        ("人工智能不应成为少数国家的游戏。", "温浩林"),
    ]


def test_every_suggestion_is_anchored_to_its_own_place() -> None:
    paragraphs = (
        "超过100项展品，其中超过100项首发。“很好。”李强说。",
        "“很好。”李强说。超过100项。",
    )
    found = run(paragraphs)
    places = set()
    for h in found.highlights:
        [where] = find_all(paragraphs, h.exact, h.prefix, h.suffix)
        places.add((where.paragraph, where.start, h.kind))
    assert len(places) == len(found.highlights) == 5  # three figures, two quotations


def test_a_weekday_counts_back_from_the_stated_date_or_on_when_it_is_ahead() -> None:
    text = [
        "2025年07月28日 10:15 来源：人民网",
        "黄志勋周六在上海对记者说，中国市场非常重要。",
        "美国商务部长卢特尼克上周五表示，将继续收紧出口管制。",
        "会议定于周三举行。",
    ]
    assert events(text) == [
        ("黄志勋周六在上海对记者说，中国市场非常重要", dt.date(2025, 7, 26)),
        ("美国商务部长卢特尼克上周五表示，将继续收紧出口管制", dt.date(2025, 7, 25)),
        ("会议定于周三举行", dt.date(2025, 7, 30)),  # to come: the next Wednesday
    ]
    assert quotes(text, direct=False) == [
        ("说，中国市场非常重要", "黄志勋"),
        ("表示，将继续收紧出口管制", "卢特尼克"),  # a transliterated name after a title
    ]


def test_straight_marks_and_a_name_that_holds_an_adverbs_character() -> None:
    paragraphs = [
        '中国科学院自动化研究所研究员曾毅认为:"治理不能等技术成熟了再做。"',
        "北京大学教授张建正说，企业需要更多确定性。",
    ]
    assert quotes(paragraphs) == [
        ("治理不能等技术成熟了再做。", "曾毅"),  # not cut at 曾
        ("说，企业需要更多确定性", "张建正"),
    ]


def test_a_term_in_marks_after_a_speech_verb_is_no_quotation() -> None:
    paragraphs = ["王小川说，开源很重要。他特别提到，“人工智能+”行动已覆盖200多个场景。"]
    assert quotes(paragraphs, direct=True) == []
    assert ("提到，“人工智能+”行动已覆盖200多个场景", "王小川") in quotes(paragraphs, direct=False)


def test_a_quotation_going_on_in_the_next_paragraph_keeps_its_speaker() -> None:
    paragraphs = ["王小川说：“大模型的竞争才刚刚开始。", "“下一步，我们将推动更多城市加入。”"]
    assert quotes(paragraphs) == [
        ("大模型的竞争才刚刚开始。", "王小川"),
        ("下一步，我们将推动更多城市加入。", "王小川"),
    ]
    assert quotes(["“不管风吹浪打，我们都会坚持开放。”"]) == []  # nobody before: no speaker


def test_a_chinese_and_an_english_speaker_with_one_romanisation_get_two_ids() -> None:
    paragraphs = ["“人工智能应当成为国际公共产品。”李强说。", '"We will cooperate," said Li Qiang.']
    found = run(paragraphs)
    ids = {e.name: e.id for e in found.entities}
    assert ids == {"Li Qiang": "li-qiang", "李强": "li-qiang-2"}  # the editor may merge them
    speakers = [h.fields["speaker"] for h in found.highlights if h.kind == "quote"]
    assert speakers == ["li-qiang-2", "li-qiang"]


def test_an_aside_before_the_speaker_after_a_quotation_and_traditional_points() -> None:
    paragraphs = ["“这里聚集着上下游企业。”采访中，多位企业负责人这样说。"]
    assert quotes(paragraphs) == [("这里聚集着上下游企业。", "多位企业负责人")]
    assert figures("普及率達42.8%，按年提高25.2個百分點。") == ["42.8%", "25.2個百分點"]
    assert events(["中新网 北京10月21日电(记者 王恩)研究机构21日发布报告。"]) == [
        ("研究机构21日发布报告", "21日")  # a dateline with a space in it is no event's
    ]


def test_a_question_asked_and_a_verb_of_two_words() -> None:
    assert quotes(["有记者问：“中方是否会参加？”"]) == [("中方是否会参加？", "有记者")]
    assert quotes(["李强强调指出，要坚持开放合作。"]) == [("强调指出，要坚持开放合作", "李强")]
    assert quotes(["请问，这是什么？"]) == []


def test_a_month_and_day_takes_the_year_nearest_the_stated_date() -> None:
    assert events(["去年12月28日，试点启动。"], dt.date(2026, 1, 5)) == [
        ("去年12月28日，试点启动", dt.date(2025, 12, 28))
    ]
    assert events(["政策将于8月1日起实施。"], dt.date(2025, 7, 31)) == [
        ("政策将于8月1日起实施", dt.date(2025, 8, 1))
    ]
