"""Dates in Chinese news: the article's own date from a byline line (发布时间：2025-07-28 19:05,
上观新闻 2025年7月31日), what a dateline or byline takes at a paragraph's start (新华社上海7月26日电
（记者 …）, 【财新网】（记者 …）), and each sentence a date phrase dates: 2025年7月26日 is its
date; 7月26日 and 26日 are counted in the stated date's year (and month), else the text;
昨天, 当天, 上周 and the like are the text. A date is never invented."""

from __future__ import annotations

import datetime as dt
import re

from aiplan_tui.authoring.text import Found
from aiplan_tui.authoring.zh.text import (
    mostly_chinese,
    quotation_pairs,
    sentence_end,
    sentence_start,
)

_FULL = (
    r"(?P<year>(?:19|20)\d\d)\s*(?:年|-|/|\.)\s*(?P<month>\d{1,2})\s*(?:月|-|/|\.)\s*"
    r"(?P<day>\d{1,2})日?"
)
FULL_DATE = re.compile(_FULL + r"(?!\d)")
_BYLINE_LONGEST = 100
DATELINE = re.compile(
    r"^\s*(?:\d{1,2}[:：]\d\d\s+)?(?:【[^】]{1,16}】\s*)?"
    r"(?:[^，。（(【]{2,20}?\d{1,2}月\d{1,2}日[电電]|[^\s，。（(]{2,16}?\d{1,2}日[电電])?"
    r"\s*(?:[（(][^）)]{0,40}[）)]|(?:记者|記者)\s*\S{2,4}\s*(?:报道|報道)[：:])?"
)
"""A wire's or paper's head: 新华社上海7月26日电（记者 …）, 【本報訊】記者 梁嘉敏 報道："""
_PHRASES = re.compile(
    _FULL
    + r"|(?<!\d年)(?<!\d)(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?!电)"
    + r"|(?<![月\d.])(?P<dd>\d{1,2})日(?!电)"
    + r"|(?P<rel>昨天|昨日|今天|今日|当天|当日|當天|當日|前一天|次日|同日|前天|明天|明日|后天|"
    + r"上周末|本周末|周末|本周|下周|上月|下月|上个月|下个月|上個月|下個月|"
    + r"上星期(?![一二三四五六日天])|上周(?![一二三四五六日末]))"
    + r"|(?P<last>上)?(?:周|星期|禮拜|礼拜)(?P<weekday>[一二三四五六日天])"
)


def stated_date(paragraphs: tuple[str, ...] | list[str]) -> dt.date | None:
    """The date a byline line among the first three paragraphs gives as the article's own:
    a short line with no sentence in it and a full date (发布时间：2025-07-28 19:05)."""
    for paragraph in paragraphs[:3]:
        if mostly_chinese(paragraph) and is_byline(paragraph):
            match = FULL_DATE.search(paragraph)
            if match is not None:
                return _date(int(match["year"]), int(match["month"]), int(match["day"]))
    return None


def is_byline(paragraph: str) -> bool:
    """A short line with a full date or a time and no sentence's stop: a byline or a stamp."""
    text = paragraph.strip()
    if len(text) > _BYLINE_LONGEST or any(stop in text for stop in "。！？"):
        return False
    return FULL_DATE.search(text) is not None or (
        re.search(r"\d{1,2}:\d\d", text) is not None and len(text) < 40
    )


def head_end(paragraph: str) -> int:
    """Where the paragraph's text begins after a dateline or a byline at its start."""
    match = DATELINE.match(paragraph)
    return match.end() if match else 0


def chinese_events(
    paragraph: str, number: int, published: dt.date | None, start: int = 0
) -> list[Found]:
    """Each sentence a date phrase dates, from `start` on (one event a sentence)."""
    found: list[Found] = []
    pairs = quotation_pairs(paragraph)
    done = start
    for match in _PHRASES.finditer(paragraph, start):
        if match.start() < done:
            continue
        begin = sentence_start(paragraph, match.start(), pairs, start)
        end = sentence_end(paragraph, match.end(), pairs)
        while begin < end and paragraph[begin] in " \u3000":
            begin += 1
        if end <= begin:
            continue
        ahead = _AHEAD.search(paragraph, begin, match.start()) is not None
        date, how = _dated(match, published, ahead)
        phrase = match.group()
        found.append(
            Found("event", number, begin, end, {"date": date}, f"a dated sentence: {phrase!r}{how}")
        )
        done = end
    return found


_FROM_TODAY = {
    "前天": -2, "昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2,
}  # fmt: skip
"""Days counted from the article's own date (当天, 次日 count from another sentence's)."""
_AHEAD = re.compile(r"将|將|拟|擬|计划于|計劃於|预计|預計|即将|即將|定于|定於")
"""What is to come: its day is not counted back from the article's date."""


def _dated(
    match: re.Match[str], published: dt.date | None, ahead: bool
) -> tuple[dt.date | str, str]:
    text = match.group()
    if match["year"]:
        date = _date(int(match["year"]), int(match["month"]), int(match["day"]))
        return (date, "") if date else (text, "")
    if match["m"] and published is not None:
        date = _date(published.year, int(match["m"]), int(match["d"]))
        if date is not None and date - published > dt.timedelta(days=183):
            date = _date(
                published.year - 1, int(match["m"]), int(match["d"])
            )  # 12月28日 in January
        if date is not None:
            return date, f" (in {date.year}, the year nearest the article's date)"
    if match["rel"] in _FROM_TODAY and published is not None:
        date = published + dt.timedelta(days=_FROM_TODAY[match["rel"]])
        return date, " (counted from the article's date)"
    if match["weekday"] and published is not None and ahead and not match["last"]:
        day = "一二三四五六日".find(match["weekday"].replace("天", "日"))
        on = published + dt.timedelta(days=(day - published.weekday()) % 7)
        return on, " (the next such day, from the article's date)"
    if match["weekday"] and published is not None and not ahead:
        day = "一二三四五六日".find(match["weekday"].replace("天", "日"))
        if match["last"]:  # 上周五: last week's
            monday = published - dt.timedelta(days=published.weekday() + 7)
            return monday + dt.timedelta(days=day), " (last week's, from the article's date)"
        back = (published.weekday() - day) % 7  # 周六: the last such day on or before it
        return published - dt.timedelta(days=back), " (the last such day, from the article's date)"
    if match["dd"] and published is not None and int(match["dd"]) <= published.day:
        date = _date(published.year, published.month, int(match["dd"]))
        if date is not None:
            return date, " (in the article's month)"
    return text, ""


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
