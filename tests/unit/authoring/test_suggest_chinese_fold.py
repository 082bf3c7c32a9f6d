"""The Chinese rules' shapes learnt from the first held-out half once it was folded into dev
(issue 31): speakers after long titles and by surname, unnamed people, mixed and straight
marks, a name in marks that is nobody's words, figures' measure words, days counted from the
article's date. Each with its near misses; every sentence is invented for the test."""

from __future__ import annotations

import datetime as dt

from suggesting import figures, quotes, run

DAY = dt.date(2025, 7, 26)  # a Saturday


def dates(paragraphs: list[str], published: dt.date | None) -> list[object]:
    return [h.fields["date"] for h in run(paragraphs, published).highlights if h.kind == "event"]


def test_a_transliterated_name_after_a_long_title_is_the_name_and_the_title_its_role() -> None:
    found = run(["在随后的对话中，某国际组织前高级顾问安娜·贝尔科表示，规则要落到实处。"])
    [person] = found.entities
    assert person.name == "安娜·贝尔科" and "高级顾问" in person.role
    assert quotes(["某研究所评论员卡尔·莫斯说，市场仍在观望。"]) == [
        ("说，市场仍在观望", "卡尔·莫斯")
    ]


def test_a_transliterated_surname_later_is_the_person_named_in_full_before() -> None:
    text = ["智库研究员梅拉·唐森认为，速度是关键。", "唐森同时指出，电力可能成为瓶颈。"]
    assert quotes(text) == [
        ("认为，速度是关键", "梅拉·唐森"),
        ("指出，电力可能成为瓶颈", "梅拉·唐森"),
    ]
    # two people with that surname: the surname alone names neither of them
    both = ["研究员梅拉·唐森表示，要快。", "律师伊万·唐森表示，要稳。", "唐森认为，还要再看。"]
    assert [who for _, who in quotes(both)] == ["梅拉·唐森", "伊万·唐森", "唐森"]


def test_a_name_after_words_that_point_back_is_the_speaker_but_the_words_alone_are_not() -> None:
    said = ["该协会会长葛兰·韦德在听证会上直言：“我们在失去市场。”"]
    assert quotes(said, direct=True) == [("我们在失去市场。", "葛兰·韦德")]
    assert quotes(["该局有关负责人表示，将加快审批。"]) == []


def test_people_the_text_does_not_name_speak_by_its_words() -> None:
    found = run(["一位来自苏州的观众告诉记者，她一早就来排队。", "现场工作人员说，座位已满。"])
    assert [e.name for e in found.entities] == ["一位来自苏州的观众", "现场工作人员"]
    assert all(h.fields.get("speaker") for h in found.highlights if h.kind == "quote")
    assert quotes(["有美方官员声称，这些措施是为了安全。"]) == [
        ("声称，这些措施是为了安全", "有美方官员")
    ]
    assert quotes(["一家电视台的主持人甚至发问：“电从哪里来？”"], direct=True) == [
        ("电从哪里来？", "一家电视台的主持人")
    ]
    assert quotes(["观众越来越多，座位已满。"]) == []  # no speech verb: nobody speaks


def test_a_curly_mark_closed_by_a_straight_one_is_a_quotation() -> None:
    text = ['“确定性比任何时候都强，"海川证券首席分析师邵远说。']
    assert quotes(text, direct=True) == [("确定性比任何时候都强，", "邵远")]
    assert quotes(["分析师邵远说：“确定性更强。”"], direct=True) == [("确定性更强。", "邵远")]


def test_a_name_in_marks_inside_a_subject_is_nobodys_words() -> None:
    text = ["开源基金会“星河开源”理事长王峰则提醒，开源模型仍有短板。"]
    assert quotes(text) == [("提醒，开源模型仍有短板", "王峰")]
    # the same marks opening a clause are the words of the speaker after them
    assert quotes(["“开源要有底线。”理事长王峰说。"], direct=True) == [("开源要有底线。", "王峰")]


def test_figures_with_the_measure_words_of_visits_sessions_and_pages() -> None:
    assert figures("预计接待观众超过20万人次，报告共28页，已办五期研修班。") == [
        "超过20万人次",
        "28页",
        "五期",
    ]
    assert figures("计划培养一万名专业人才。") == ["一万名"]
    assert figures("二期项目明年投产，一家企业已入驻。") == []  # a phase, "a company"
    assert figures("交易额突破3000亿元。") == ["3000亿元"]  # 突破 is the verb


def test_today_tomorrow_and_yesterday_count_from_the_articles_date() -> None:
    text = ["今天的议程告一段落。明天将举行开源论坛。记者昨天获悉，新政将出台。"]
    assert dates(text, DAY) == [DAY, dt.date(2025, 7, 27), dt.date(2025, 7, 25)]
    assert dates(text, None) == ["今天", "明天", "昨天"]  # no date of its own: no day
    assert dates(["会议当天闭幕。"], DAY) == ["当天"]  # 当天: another sentence's day


def test_a_weekday_to_come_is_the_next_such_day_and_one_past_the_last() -> None:
    assert dates(["大会将于周六上午开幕。"], DAY) == [DAY]
    assert dates(["大会将于周一开幕。"], DAY) == [dt.date(2025, 7, 28)]
    assert dates(["大会于周四闭幕。"], DAY) == [dt.date(2025, 7, 24)]
    assert dates(["上周五，大会闭幕。"], DAY) == [dt.date(2025, 7, 18)]


def test_an_aside_in_brackets_between_the_name_and_the_verb_is_passed_over() -> None:
    text = ["卡拉·温特（智库“某数字中心”研究员）认为，计划的核心是速度。"]
    assert quotes(text) == [("认为，计划的核心是速度", "卡拉·温特")]
    [person] = run(text).entities
    assert person.role == "智库“某数字中心”研究员"  # the aside ends with a title: the role
    [other] = run(["卡拉·温特（2024年）认为，计划的核心是速度。"]).entities
    assert other.role == ""  # an aside with no title is no role
    # the aside's words are not the speaker's, however they end
    assert quotes(["研究员李明（左二，来自某研究所）认为，要快。"]) == [("认为，要快", "李明")]


def test_a_body_by_its_kind_then_its_name_is_the_name_and_an_outlet_reports() -> None:
    assert quotes(["行业组织东海芯片联盟在声明中称，供应链承压。"]) == [
        ("称，供应链承压", "东海芯片联盟")
    ]
    assert quotes(["《东海财经》报道称，多家云服务商将提高开支。"]) == [
        ("称，多家云服务商将提高开支", "东海财经")
    ]
    assert quotes(["据《东海财经》报道，多家云服务商将提高开支。"]) == []  # a source
    assert quotes(["《行动计划》指出，要加快建设。"]) == []  # a document says it


def test_a_reported_clause_stops_at_a_semicolon_outside_marks() -> None:
    text = ["分析师邵远称，开支将增加；一位主持人甚至发问：“电从哪里来？”"]
    assert quotes(text) == [("称，开支将增加", "邵远"), ("电从哪里来？", "一位主持人")]
    inside = ["分析师邵远称，“开支将增加；电从哪里来”仍是问题。"]
    assert quotes(inside, direct=False) == [("称，“开支将增加；电从哪里来”仍是问题", "邵远")]


def test_a_short_phrase_after_a_dash_in_what_is_reported_is_the_speakers_words() -> None:
    text = ["教授谭明对笔者说，信号很清楚——“门是开着的”。"]
    assert quotes(text, direct=True) == [("门是开着的", "谭明")]
    # the same phrase ending a clause without the dash is a term in marks
    assert quotes(["教授谭明对笔者说，这是“开着的门”。"], direct=True) == []


def test_a_paragraph_without_stops_gives_each_verb_a_bounded_clause() -> None:
    # Chinese with no 。 (a run-on page): each verb's clause ran to the paragraph's end, so a
    # 16,800-character paragraph took 11 CPU s and suggested a 16,797-character "quotation".
    paragraph = "".join(f"李强表示，人工智能发展很快第{n}项，" for n in range(400))
    found = [h for h in run([paragraph]).highlights if h.kind == "quote"]
    assert len(found) == 400
    assert max(len(h.exact) for h in found) <= 2 + 300
    assert found[0].exact.startswith("表示，人工智能发展很快第0项，李强表示")
    ordinary = "李强表示，中方愿同各方一道，推动全球人工智能治理。"
    assert [h.exact for h in run([ordinary]).highlights] == [
        "表示，中方愿同各方一道，推动全球人工智能治理"
    ]
