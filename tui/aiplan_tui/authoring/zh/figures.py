"""Figures in Chinese: money in 万, 亿 and 万亿 with 元, 人民币, 美元 (约150亿美元, 6000亿元人民币),
percentages (12.6%, 百分之二十, 三成), percentage points (2.3个百分点), counts with their
measure word (1200余名, 超过1,400间; the counted noun after it is left out), multiples
(近两倍) and measures (3天, 超过7万平方米); a qualifier before (超过, 约, 近, 最高) or after
(多, 余, 以上, 左右) is part of it. Years, dates, times and numbers in names are not figures;
nor is 一 with a measure word (一家企业: "a company")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiplan_tui.authoring.text import Found
from aiplan_tui.authoring.zh.names import HAN
from aiplan_tui.authoring.zh.numbers import CHINESE_NUMBER, number_value

QUALIFIER = (
    r"(?P<qual>超过|超過|超|逾|将近|將近|接近|近|大约|大約|约|約|多达|多達|至少|不到|不足|不少于|"
    r"最高|最多|高达|高達)?"
)
NUMBER = rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|{CHINESE_NUMBER})"
SECOND = rf"(?:\s*(?:至|到|~|～|—|-)\s*(?:\d+(?:,\d{{3}})*(?:\.\d+)?|{CHINESE_NUMBER}))?"
AFTER_NUMBER = r"(?P<more>多|余|餘)?"
SCALE = r"(?P<scale>万亿|萬億|亿|億|万|萬|千)?"
AFTER_SCALE = r"(?P<more2>多|余|餘)?"
LATER = r"(?P<later>以上|左右|上下|以内|以內)?"
CURRENCY = (
    r"(?P<cur>元人民币|元人民幣|元|美元|欧元|歐元|港元|港币|港幣|日元|英镑|英鎊|人民币|人民幣)"
)
MEASURE_WORD = (
    r"(?P<mw>人次|家|个|個|名|项|項|位|人|期(?!项目|項目|工程)|页|頁|间|間|台|款|条|條|架|座|件|次|场|場|所|支|批|种|種|套|部|"
    r"辆|輛|颗|顆|枚|块|塊|份|篇|例|户|戶|张|張|只|艘|亩|畝|卡|片)"
)
UNIT = (
    r"(?P<unit>平方公里|平方米|平方千米|千瓦时|千瓦時|兆瓦|吉瓦|千瓦|瓦|吨|噸|公里|千米|米|TB|PB|"
    r"个月|個月|年|天|小时|小時|分钟|分鐘|周|倍|EFLOPS|PFLOPS|TFLOPS|GW|MW|kW|TWh|GWh|"
    r"千兆瓦|亿千瓦时|万千瓦|度电)"
)
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("points", re.compile(rf"{QUALIFIER}{NUMBER}{SECOND}{AFTER_NUMBER}[个個]百分[点點]{LATER}")),
    ("percent", re.compile(rf"{QUALIFIER}{NUMBER}{SECOND}\s*[%％]{LATER}")),
    ("percent", re.compile(rf"{QUALIFIER}百分之{NUMBER}{SECOND}{LATER}")),
    (
        "percent",
        re.compile(
            rf"{QUALIFIER}(?P<num>[一二两兩三四五六七八九])成(?![为為立功员員长長本果交型就不])"
        ),
    ),
    (
        "money",
        re.compile(
            rf"{QUALIFIER}(?:人民币|人民幣|美元)?{NUMBER}{SECOND}{AFTER_NUMBER}{SCALE}{AFTER_SCALE}"
            rf"{CURRENCY}{LATER}"
        ),
    ),
    ("measure", re.compile(rf"{QUALIFIER}{NUMBER}{SECOND}{AFTER_NUMBER}{SCALE}{UNIT}{LATER}")),
    (
        "count",
        re.compile(
            rf"{QUALIFIER}{NUMBER}{SECOND}{AFTER_NUMBER}{SCALE}{AFTER_SCALE}{MEASURE_WORD}{LATER}"
        ),
    ),
    (
        "count",  # 用户规模达5亿: a number in 万 or 亿 and no unit counts what is near
        re.compile(
            rf"{QUALIFIER}(?P<num>\d+(?:\.\d+)?){AFTER_NUMBER}(?P<scale>万亿|萬億|亿|億|万|萬)"
            rf"{AFTER_SCALE}(?![元美欧歐港日英人])"
        ),
    ),
)
CURRENCY_CODES = {
    "美元": "USD", "欧元": "EUR", "歐元": "EUR", "港元": "HKD", "港币": "HKD", "港幣": "HKD",
    "日元": "JPY", "英镑": "GBP", "英鎊": "GBP",
}  # fmt: skip
SCALES = {"万亿": 1e12, "萬億": 1e12, "亿": 1e8, "億": 1e8, "万": 1e4, "萬": 1e4, "千": 1e3}


@dataclass(frozen=True)
class _Figure:
    kind: str
    start: int
    end: int
    match: re.Match[str]


def chinese_figures(paragraph: str, number: int, start: int = 0) -> list[Found]:
    """Each figure of the paragraph from `start` on (the first that takes a place wins: a
    percentage point before a count of 个)."""
    taken: list[_Figure] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(paragraph, start):
            figure = _Figure(kind, match.start(), match.end(), match)
            if any(f.start < figure.end and figure.start < f.end for f in taken):
                continue
            if _refused(paragraph, figure):
                continue
            taken.append(figure)
    taken.sort(key=lambda f: f.start)
    return [_found(paragraph, number, f, end) for f, end in _ranges(paragraph, taken)]


_RANGE = re.compile(r"\s*(?:至|到|~|～|—|-)\s*$")


def _ranges(paragraph: str, figures: list[_Figure]) -> list[tuple[_Figure, int]]:
    """Each figure with where it ends: a range's first figure ends where its second does
    (20万元至30万元 is one figure), and the second is dropped."""
    out: list[tuple[_Figure, int]] = []
    for figure in figures:
        if out:
            first, end = out[-1]
            between = paragraph[end : figure.start]
            if first.kind == figure.kind and between and _RANGE.match(between):
                out[-1] = (first, figure.end)
                continue
        out.append((figure, figure.end))
    return out


_MONTH_OR_DAY = re.compile(r"[月日号號时時点點:：]")


def _refused(paragraph: str, figure: _Figure) -> bool:
    """A year, a date, a time, an ordinal, a number inside a name or another number, or 一
    with a measure word (a/an)."""
    match = figure.match
    num = match.group("num")
    before = paragraph[figure.start - 1 : figure.start] if figure.start else ""
    if _one_of(before, "第.") or before.isdigit() or (before.isascii() and before.isalpha()):
        return True
    after = paragraph[figure.end : figure.end + 2]
    groups = match.groupdict()
    if groups.get("unit") == "年" and (
        (len(num) == 4 and num[:2] in ("19", "20")) or _one_of(after[:1], "前后後来來初底末")
    ):
        return True  # 2027年, 两年前
    spell = groups.get("unit") in ("年", "天", "周", "个月", "個月")
    if spell and _one_of(after[:1], "前后後以来來"):
        return True
    if groups.get("unit") == "周" and _one_of(after[:1], "一二三四五六日天年"):
        return True  # 周六: a weekday
    more = groups.get("more") or groups.get("more2")
    plain = not match.group("qual") and not (more and num != "一")  # 百余家: a count
    plain = plain and not groups.get("scale")  # 一万名: ten thousand
    if num in ("一", "百", "千") and plain and figure.kind != "measure":
        return True  # 一家企业 ("a company"), 千家万户 (a saying)
    counted = groups.get("mw") in ("个", "個")
    return figure.kind == "count" and counted and _MONTH_OR_DAY.match(after) is not None


def _one_of(char: str, chars: str) -> bool:
    """Whether `char` is one of `chars` (never for "": the paragraph's edge)."""
    return bool(char) and char in chars


def _found(paragraph: str, number: int, figure: _Figure, end: int) -> Found:
    match = figure.match
    groups = match.groupdict()
    value = number_value(groups["num"]) or 0.0
    scale = groups.get("scale") or ""
    value *= SCALES.get(scale, 1.0)
    qualifier = " ".join(
        q
        for q in (
            groups.get("qual"),
            groups.get("more") or groups.get("more2"),
            groups.get("later"),
        )
        if q
    )
    if figure.kind == "money":
        unit = CURRENCY_CODES.get(str(groups.get("cur")), "CNY")
    elif figure.kind == "percent":
        unit = "percent"
        if groups["num"] and paragraph[match.start("num") + len(groups["num"])] == "成":
            value *= 10  # 三成: 30 percent
    elif figure.kind == "points":
        unit = "percentage points"
    elif figure.kind == "measure":
        unit = str(groups.get("unit"))
    else:
        unit = str(groups.get("mw"))
    text = paragraph[figure.start : end]
    noun = re.match(f"[{HAN}]{{0,6}}", paragraph[end:])
    metric = text + (noun.group() if noun and figure.kind == "count" else "")
    fields: dict[str, object] = {"metric": metric, "value": value, "unit": unit}
    if qualifier:
        fields["qualifier"] = qualifier
    why = f"a figure ({figure.kind}): {text!r}"
    return Found("fact", number, figure.start, end, fields, why)
