"""Who a Chinese subject names: a person by a surname and a given name (the titles before the
name are the role: 国务院总理李强, 外交部发言人郭嘉昆), a transliterated name with `·`
(马丁·勒克莱尔), an organisation by the last word of its name (外交部, 国家发展改革委; its
spokesperson unnamed is the organisation), or someone the text does not name
(一位不愿具名的分析师). Simplified and traditional characters alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiplan_tui.authoring.zh.words import (
    COMPANIES,
    COMPOUND_SURNAMES,
    NOT_NAMES,
    NOT_ORGANISATIONS,
    ORGANISATION_ENDS,
    SURNAMES,
    TITLES,
)
from aiplan_tui.core.model import EntityKind

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

_TITLE_END = re.compile("(?:" + "|".join(TITLES) + r")$")
_TITLE_END_BEFORE = re.compile(".*(?:" + "|".join(t for t in TITLES if len(t) > 1) + ")")
"""The run up to the last title in it (greedy: the last one)."""
_ORGANISATION_END = re.compile("(?:" + "|".join(ORGANISATION_ENDS) + r")$")
_ORGANISATION_FIRST = re.compile(
    "(?:部|委|局|署|厅|廳|社|" + "|".join(e for e in ORGANISATION_ENDS if len(e) > 1) + ")$"
)
"""Ends no name has: the organisation is tried before a person (商务部 is no 商 person)."""
_SPOKESPERSON = re.compile(
    r"(?:有关|相关|有關|相關)?(?:负责人|負責人|新闻发言人|新聞發言人|发言人|發言人|官员|官員)$"
)
"""An organisation's unnamed spokesperson or official: the organisation speaks."""
UNNAMED_PEOPLE = re.compile(
    r"^(?:一位|一名|一家|一些|多位|多名|某|有|另一位|另一名|不少|许多|許多|部分)"
    r"[" + HAN + r"、]{0,24}?"
    r"(?:人士|专家|專家|学者|學者|分析师|分析師|负责人|負責人|官员|官員|高管|员工|員工|代表|教授|"
    r"研究员|工程师|经理|经济学家|投资者|从业者|创业者|人员|消息人士|知情人士|业内人士|观众|觀眾|"
    r"律师|律師|志愿者|志願者|评论员|評論員|主持人|领导人|領導人)$"
)
"""Someone the text does not name: "一位不愿具名的半导体行业分析师"."""
_ALONE_UNNAMED = re.compile(
    r"^(?:(?:现场|現場)?工作人[员員]|业内人士|業內人士|知情人士|消息人士|分析人士|有关专家|相关专家)$"
)
FOREIGN_NAME = re.compile(rf"[{HAN}]{{1,8}}(?:[·•‧][{HAN}]{{1,10}})+$")
"""A transliterated name: 马丁·勒克莱尔 (the last of the run, its given name and surname)."""


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
    if not text or not re.fullmatch(f"[{HAN}]+", text) or text in NOT_NAMES:
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
    if _OUTLET_REPORTS.match(subject):
        return organisation(subject)
    if not subject or len(subject) > 40 or _DOCUMENT_END.search(subject):
        return None
    if subject[0] in "该該此这這那其" and not _person_name(subject):
        # 该局有关负责人: one named before, by words that do not name it; but
        # 该协会会长葛兰·珀迪 names 葛兰·珀迪 after the words
        return person_at_end(subject)
    if UNNAMED_PEOPLE.match(subject) or _ALONE_UNNAMED.match(subject):
        return Named(subject, "person", unnamed=True)
    if subject.endswith(("记者", "記者")) and len(subject) > 2:
        return Named(subject, "person", unnamed=True)  # 法新社记者: a reporter, unnamed
    if _ORGANISATION_FIRST.search(subject):
        return organisation(subject) or person_at_end(subject)
    return person_at_end(subject) or organisation(subject)


_KIND_OF_BODY = re.compile(
    r"^(?:行业组织|行業組織|行业协会|行業協會|国际组织|國際組織|非营利组织|非營利組織|智库|智庫|"
    r"研究机构|研究機構|咨询机构|諮詢機構|投资机构|投資機構|评级机构|評級機構)(?=..)"
)
"""What kind of body it is, before its name: 行业组织环太平洋半导体联盟."""
_OUTLET_REPORTS = re.compile(r"^《(?P<name>[^《》]{2,20})》(?:报道|報道)$")
"""An outlet that reports: 《某某财经》报道称 (its name without the marks)."""


def organisation(subject: str) -> Named | None:
    """The organisation the subject names: its name (外交部), or the name before its unnamed
    spokesperson's words (国家发展改革委有关负责人 -> 国家发展改革委)."""
    outlet = _OUTLET_REPORTS.match(subject)
    if outlet is not None:
        return Named(outlet["name"], "organisation")
    subject = _KIND_OF_BODY.sub("", subject)
    spokesperson = _SPOKESPERSON.search(subject)
    if spokesperson is not None and spokesperson.start() > 0:
        subject = subject[: spokesperson.start()]
    if subject in NOT_ORGANISATIONS or len(subject) < 2:
        return None
    if not re.fullmatch(rf"[{HAN}A-Za-z0-9]+", subject) or "的" in subject:
        return None
    if _ORGANISATION_END.search(subject) or subject in COMPANIES:
        return Named(subject, "organisation")
    if re.fullmatch(r"[A-Z][A-Za-z0-9]{2,}", subject):
        return Named(subject, "organisation")  # OpenAI, DeepSeek: a company by its name
    return None
