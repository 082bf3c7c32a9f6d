"""Who a Chinese subject names: a person by a surname and a given name (the titles before the
name are the role: 国务院总理李强, 外交部发言人郭嘉昆), a transliterated name with `·`
(马丁·勒克莱尔), an organisation by the last word of its name (外交部, 国家发展改革委; its
spokesperson unnamed is the organisation), or someone the text does not name
(一位不愿具名的分析师). Simplified and traditional characters alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiplan_tui.core.model import EntityKind


def by_length(text: str) -> tuple[str, ...]:
    """The words of `text` (split at white space), each once, longest first: an alternation
    of them tries the longest first."""
    return tuple(sorted(set(text.split()), key=len, reverse=True))


def _words(text: str) -> list[str]:
    return text.split()


HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘"
    "祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟"
    "艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞"
    "姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封"
    # traditional forms
    "張劉陳楊黃趙吳孫馬鄭謝許韓馮鄧彭蕭蕭葉蘇呂鍾譚陸範廖賈韋鄒熊邱閆龍陶賀顧龔萬錢嚴湯溫樊齊喬"
    "龐顏莊聶詹歐蘭俞紀畢單塗藍遊靳鮑饒艾農繆簡車項連婁竇戚衛臧閔邊師顏魯鄺覃"
)
COMPOUND_SURNAMES = frozenset(
    _words(
        """上官 东方 令狐 公孙 公孫 司徒 司馬 司马 夏侯 宇文 尉迟 慕容 東方
        欧阳 歐陽 皇甫 端木 諸葛 诸葛 軒轅 轩辕 長孫 长孙"""
    )
)
TITLES = by_length(
    """首席经济学家 新闻发言人 立法會議員 部门负责人 首席副校長 首席副校长
    首席技术官 新聞發言人 首席分析师 特约研究员 联合创始人 高级研究员
    首席执行官 首席科学家 国务院总理 常务副主任 国务委员 研究主任 经济学家
    副总经理 經濟學家 行政總裁 副董事长 副秘书长 行政長官 执行董事 总工程师
    副研究员 部长助理 首席代表 外交部长 副总裁 合伙人 副市长 总理府 董事长
    总编辑 总干事 理事长 总经理 理事長 副主任 副總裁 副行长 副院長 董事長
    副校長 副书记 副局長 發言人 副院长 科学家 副局长 副总理 工程师 负责人
    總經理 创始人 副教授 副区长 負責人 創始人 秘书长 副会长 副省长 副校长
    CEO 研究员 主持人 发言人 副會長 秘書長 科學家 总书记 副所长 副主席
    副司长 副總理 創辦人 分析師 副部长 分析师 工程師 会长 廳長 院士 官员
    委员 代表 市長 記者 博士 首相 總理 局長 总裁 市长 专家 厅长 區長
    主席 经理 司長 书记 议员 教授 所长 校长 主管 局长 总监 处长 行长
    總監 所長 專家 學者 总统 记者 校長 院长 大使 总理 省長 区长 董事
    官員 司长 主編 議員 經理 部长 主任 院長 县长 外长 特首 学者 總裁
    主编 省长 得主 律师 會長 處長"""
)
"""Words for what a person is, written just before the name (国务院总理李强)."""
_TITLE_END = re.compile("(?:" + "|".join(TITLES) + r")$")
_TITLE_END_BEFORE = re.compile(".*(?:" + "|".join(t for t in TITLES if len(t) > 1) + ")")
"""The run up to the last title in it (greedy: the last one)."""
ORGANISATION_ENDS = by_length(
    """电视台 基金会 交易所 研究院 发改委 国务院 委员会 商务部 大使馆 经信委
    委員會 研究所 办公室 实验室 联合国 辦公室 外交部 领事馆 白宫 使馆 銀行
    大学 学院 协会 资本 財新 晚报 證券 银行 中心 学会 组织 政府 证券
    大學 日报 公司 協會 科委 新聞 科技 集團 部門 时报 联盟 集团 聯盟
    商会 股份 新闻 局 办 报 院 委 网 会 社 署 所 厅 部"""
)
_ORGANISATION_END = re.compile("(?:" + "|".join(ORGANISATION_ENDS) + r")$")
_ORGANISATION_FIRST = re.compile(
    "(?:部|委|局|署|厅|廳|社|" + "|".join(e for e in ORGANISATION_ENDS if len(e) > 1) + ")$"
)
"""Ends no name has: the organisation is tried before a person (商务部 is no 商 person)."""
_NOT_ORGANISATIONS = frozenset(
    [
        "本报",
        "本報",
        "本社",
        "报道",
        "報道",
        "本网",
        "我会",
        "大会",
        "开幕会",
        "记者会",
        "发布会",
        "社会",
    ]
)
_SPOKESPERSON = re.compile(
    r"(?:有关|相关|有關|相關)?(?:负责人|負責人|新闻发言人|新聞發言人|发言人|發言人|官员|官員)$"
)
"""An organisation's unnamed spokesperson or official: the organisation speaks."""
UNNAMED_PEOPLE = re.compile(
    r"^(?:一位|一名|一家|一些|多位|多名|某|有|另一位|另一名)[" + HAN + r"、]{0,24}?"
    r"(?:人士|专家|專家|学者|學者|分析师|分析師|负责人|負責人|官员|官員|高管|员工|員工|代表|教授|"
    r"研究员|工程师|经理|经济学家|投资者|从业者|创业者|人员|消息人士|知情人士|业内人士)$"
)
"""Someone the text does not name: "一位不愿具名的半导体行业分析师"."""
_ALONE_UNNAMED = re.compile(r"^(?:业内人士|業內人士|知情人士|消息人士|分析人士|有关专家|相关专家)$")
FOREIGN_NAME = re.compile(rf"[{HAN}]{{1,8}}(?:[·•‧][{HAN}]{{1,10}})+$")
"""A transliterated name: 马丁·勒克莱尔 (the last of the run, its given name and surname)."""
_NOT_NAMES = frozenset(
    [
        "高层",
        "高管",
        "高校",
        "方面",
        "官方",
        "于是",
        "于此",
        "向来",
        "安全",
        "和平",
        "成本",
        "成员",
        "成果",
        "毛利",
        "金额",
        "金融",
        "文件",
        "全球",
        "全国",
        "全体",
        "全面",
        "国家",
        "华为",
        "华人",
        "明年",
        "明天",
        "时间",
        "时代",
        "程序",
        "管理",
        "单位",
        "车企",
        "项目",
        "政府",
        "公司",
        "应该",
        "应当",
        "连续",
        "关于",
        "关键",
        "经济",
        "向记",
        "商务",
        "商务部",
        "黄金",
        "司法",
        "万元",
        "常委",
        "常务",
        "石油",
        "龙头",
        "方向",
        "何时",
        "何种",
        "齐心",
    ]
)
"""Two or three characters that begin with a surname's character but are words."""


@dataclass(frozen=True)
class Named:
    """What a subject names: the name, its kind, the role the text gives, and whether the
    text does not name it (its words stand for it)."""

    name: str
    kind: EntityKind
    role: str = ""
    unnamed: bool = False


def _person_name(text: str) -> bool:
    """Whether the text alone is a Chinese name: a surname and a one- or two-character given
    name (a compound surname and one or two), all Chinese characters."""
    if not text or not re.fullmatch(f"[{HAN}]+", text) or text in _NOT_NAMES:
        return False
    if text[:2] in COMPOUND_SURNAMES and 3 <= len(text) <= 4:
        return True
    return text[0] in SURNAMES and 2 <= len(text) <= 3


def person_at_end(subject: str) -> Named | None:
    """The person whose name ends the subject, with the titles before it as the role
    (主任陈明: the name 陈明, not 任陈明), or the subject alone when it is a name."""
    foreign = FOREIGN_NAME.search(subject)
    if foreign is not None:
        name, role = split_foreign(subject[foreign.start() :])
        return Named(name, "person", (subject[: foreign.start()] + role).strip(" 、，,"))
    for size in (3, 2, 4):
        name = subject[-size:]
        if len(subject) > size and _person_name(name) and _TITLE_END.search(subject[:-size]):
            return Named(name, "person", subject[:-size].strip(" 、，,"))
    if _person_name(subject):
        return Named(subject, "person")
    title = _TITLE_END_BEFORE.search(subject)
    if title is not None and 2 <= len(subject) - title.end() <= 5:
        rest = subject[title.end() :]  # 美国总统特朗普: a transliterated name, no surname
        speech = re.search("表示|说|說|称|稱|指出|强调|強調|认为|認為|介绍|介紹|透露", rest)
        if re.fullmatch(f"[{HAN}]+", rest) and not _ORGANISATION_END.search(rest) and not speech:
            return Named(rest, "person", subject[: title.end()].strip(" 、，,"))
    title = _TITLE_END.search(subject)  # 李强总理: the name, then the title
    if title is not None and title.start() > 0 and _person_name(subject[: title.start()]):
        return Named(subject[: title.start()], "person", title.group())
    return None


_TITLE_ANY = re.compile("|".join(TITLES))
_DOCUMENT_END = re.compile(
    r"(?:书|書|报告|報告|计划|計劃|文件|通知|意见|意見|方案|声明|聲明|规划|規劃|纲要|綱要|公报|公報|"
    r"条例|條例|办法|辦法|指南|倡议|倡議|数据|數據|研报|研報|调查|調查|统计|統計|消息|报道|報道)$"
)
"""What a document or a source says is nobody's speech: 白皮书指出, 报告称."""


_ASIDE = re.compile(r"[（(][^）)]{0,40}[）)]")
"""A name or words in brackets: 卢特尼克（Howard Lutnick）is 卢特尼克."""


def split_foreign(text: str) -> tuple[str, str]:
    """A transliterated name and the title before it, in a run that ends with the name:
    加拿大学者马丁·勒克莱尔 -> (马丁·勒克莱尔, 加拿大学者); its first part is at most six
    characters, after the last title or mark before its first dot."""
    dot = min(text.find(d) for d in "·•‧" if d in text)
    cut = max(0, dot - 6)
    for title in _TITLE_ANY.finditer(text, 0, dot):
        if title.end() < dot:
            cut = max(cut, title.end())
    for mark in re.finditer(r"[、，,\s]", text[:dot]):
        cut = max(cut, mark.end())
    return text[cut:], text[:cut]


def named(subject: str) -> Named | None:
    """What the subject names, or None when it names nobody ("这", "有观点", "白皮书")."""
    subject = _ASIDE.sub("", subject).strip(" \u3000、，,")
    if not subject or len(subject) > 40 or _DOCUMENT_END.search(subject):
        return None
    if UNNAMED_PEOPLE.match(subject) or _ALONE_UNNAMED.match(subject):
        return Named(subject, "person", unnamed=True)
    if subject.endswith(("记者", "記者")) and len(subject) > 2:
        return Named(subject, "person", unnamed=True)  # 法新社记者: a reporter, unnamed
    if _ORGANISATION_FIRST.search(subject):
        return organisation(subject) or person_at_end(subject)
    return person_at_end(subject) or organisation(subject)


def organisation(subject: str) -> Named | None:
    """The organisation the subject names: its name (外交部), or the name before its unnamed
    spokesperson's words (国家发展改革委有关负责人 -> 国家发展改革委)."""
    spokesperson = _SPOKESPERSON.search(subject)
    if spokesperson is not None and spokesperson.start() > 0:
        subject = subject[: spokesperson.start()]
    if subject in _NOT_ORGANISATIONS or len(subject) < 2:
        return None
    if not re.fullmatch(rf"[{HAN}A-Za-z0-9]+", subject) or "的" in subject:
        return None
    if _ORGANISATION_END.search(subject):
        return Named(subject, "organisation")
    return None
