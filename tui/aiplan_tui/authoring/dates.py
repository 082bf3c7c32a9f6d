"""Dated events: a clause with a date ("On July 28, ...", "on Saturday", "last week").

A weekday is worked out from the article's published date (the last such day on or before
it), or the date the article states as its own (a byline's "Published July 24, 2025", a
dateline with its year); without one, and for "last week"-like phrases, the date is the
text. A byline and a dateline are not events; a year or a period ("last year") dates none."""

from __future__ import annotations

import datetime as dt
import re

from aiplan_tui.authoring.match_starts import DIGITS, Lead, tried_at, with_leads
from aiplan_tui.authoring.text import Found, Span, Taken, sentence_at, trim

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH = (
    r"(?P<month>"
    + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
    + r")\.?"
)
DATE_PATTERNS = (
    # July 28, 2025 / July 28
    re.compile(
        rf"\b(?:[Oo]n\s+)?{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    ),
    # 28 July 2025 / 28 July
    re.compile(rf"\b(?:[Oo]n\s+)?(?P<day>\d{{1,2}})\s+{MONTH}\b(?:\s+(?P<year>(?:19|20)\d\d)\b)?"),
    # on Saturday, last Friday, "said Tuesday" (wire style), Monday's vote
    re.compile(
        r"\b(?:(?:[Oo]n|(?P<last>[Ll]ast))\s+)?(?P<weekday>"
        + "|".join(w.capitalize() for w in WEEKDAYS)
        + r")\b(?!\s*,?\s*(?:"
        + "|".join(m.capitalize() for m in MONTHS)
        + r")\b)"
    ),
    # relative: the text is the date
    re.compile(
        r"\b(?P<relative>(?:[Dd]ays|[Ww]eeks|[Mm]onths)\s+(?:earlier|later)|[Ee]arlier\s+this\s+"
        r"(?:week|month)|(?:[Ll]ast|[Nn]ext)\s+(?:week|month)|[Yy]esterday|[Aa]\s+day\s+"
        r"(?:earlier|later)|[Tt]he\s+day\s+(?:before|after)|[Aa]t\s+the\s+weekend|"
        r"(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our)\s+(?:day|week|month)s?\s+(?:before|after)|"
        r"[Tt]his\s+weekend)\b"
    ),
)
_DAY = r"(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})"
_BYLINE = re.compile(
    r"\s*[_*]{0,2}(?:By\s[^|\n]{1,80}\|\s*)?(?:Published|Updated|Posted|Last\s+updated)\b[^|]*$"
    r"|\s*By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$"
    rf"|\s*By\s[^|\n]{{1,80}}\|\s*(?:[A-Z][a-z]+day,?\s+)?{_DAY},?\s+(?:19|20)\d\d\b[^.|]{{0,30}}$"
    r"|\s*[_*]{0,2}(?:[A-Z][a-z]+day,?\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2},?|\d{1,2}\s+[A-Z][a-z]+)\s+"
    r"(?:19|20)\d\d\b[^.]{0,30}$"
)
"""A byline, a "Published/Updated ..." line or a date alone: the article's own date (in
markdown's emphasis or not: "_Updated July 24, 2025_")."""
_STAMP = re.compile(
    r"(?<=[.!?]\s)\s*(?:Published|Updated|Posted|Last\s+updated)\s+(?:on\s+)?"
    rf"(?:[A-Z][a-z]+day,?\s+)?{_DAY},?\s+(?:19|20)\d\d\b[^|]{{0,30}}$"
)
"""An "Updated ..." line run on after a sentence at a paragraph's end ("Live updates ..., by
Ann Roe. Last updated 28 July 2025, 18:05"): the article's own date, no event."""
_SEPARATOR = re.compile(r"\s+[·|•]\s+")
_DATE_SEGMENT = re.compile(
    rf"(?:[A-Z][a-z]+day,?\s+)?(?:{_DAY}),?\s+(?:19|20)\d\d(?:\s*,?\s*\d{{1,2}}[:.]\d\d"
    r"(?:\s*[ap]\.?m\.?)?)?"
)
"""A segment of a header line that is a full date ("Thursday, July 24, 2025")."""
_DATELINE = re.compile(
    rf"\s*[A-Z][A-Z .'’-]{{1,40}},\s*{_DAY}(?:,?\s+(?:19|20)\d\d)?\s*(?:\([^)]{{1,40}}\))?"
    r"\s*(?:--|—|–|-)\s*"
)
"""A dateline ("SHANGHAI, July 28 (Meridian Wire) --"): where and when it was filed."""
_DATE_HEADER = re.compile(
    rf"\s*(?:[A-Z][a-z]+day,?\s+)?{_DAY}(?:,?\s+(?:19|20)\d\d)?(?:,?\s+\d{{1,2}}[:.]\d\d)?"
    r"\s+[·|•]\s+"
)
"""A live blog's or a page's date before a separator ("Monday, July 28 · Live updates from
the expo"): the page's own date, no event's."""
_FULL_DATE = (DATE_PATTERNS[0], DATE_PATTERNS[1])
_MONTH_NAMES = re.compile("|".join(m.capitalize() for m in MONTHS))
_WEEKDAY_NAMES = re.compile("|".join(w.capitalize() for w in WEEKDAYS))
_ON, _ON_OR_LAST = Lead(["on"]), Lead(["on", "last"])
_RELATIVE_NEEDS = re.compile("arlier|ater|week|onth|esterday|efore|fter")
"""What every relative date (DATE_PATTERNS[3]) holds: a paragraph without any is not
searched for one."""


def _starts(paragraph: str) -> tuple[tuple[int, ...] | None, ...]:
    """For each of DATE_PATTERNS, every place a match may start (a month's or a weekday's
    name, a day's number, or "on" or "last" before one), or None (searched for): the
    patterns are tried there only (match_starts.py). The first two need a month's name: in
    a paragraph without one, neither is tried at its numbers."""
    months = [m.start() for m in _MONTH_NAMES.finditer(paragraph)]
    days = [m.start() for m in DIGITS.finditer(paragraph)] if months else []
    weekdays = [m.start() for m in _WEEKDAY_NAMES.finditer(paragraph)]
    return (
        with_leads(paragraph, months, [_ON]) if months else (),
        with_leads(paragraph, days, [_ON]) if days else (),
        with_leads(paragraph, weekdays, [_ON_OR_LAST]) if weekdays else (),
        None if _RELATIVE_NEEDS.search(paragraph) else (),
    )


def _header_date(paragraph: str) -> str | None:
    """The date of a header line: short segments split by "·", "|" or "•", no sentence, one
    segment a full date ("Live · Saturday 26 July 2025 · Shanghai desk"): a live blog's or a
    page's masthead, where the article states its own date. None for any other paragraph."""
    if len(paragraph) > 160 or not _SEPARATOR.search(paragraph):
        return None
    segments = _SEPARATOR.split(paragraph.strip())
    if len(segments) > 6 or any(len(s) > 40 or s.endswith((".", "?", "!")) for s in segments):
        return None
    dates = [s for s in segments if _DATE_SEGMENT.fullmatch(s)]
    return dates[0] if len(dates) == 1 else None


def _own_date_line(paragraph: str) -> str | None:
    """The text of a byline, an "Updated" line, a dateline or a header line that holds the
    article's own date, or None."""
    own = _BYLINE.match(paragraph) or _DATELINE.match(paragraph) or _STAMP.search(paragraph)
    return own.group().strip().strip("_*") if own is not None else _header_date(paragraph)


def stated_date(paragraphs: tuple[str, ...] | list[str]) -> dt.date | None:
    """The date the article gives as its own, day, month and year: a byline's or an
    "Updated" line's, or a dateline's with its year, in its first paragraphs."""
    for paragraph in paragraphs[:3]:
        own = _own_date_line(paragraph)
        if own is None:
            continue
        for pattern in _FULL_DATE:
            match = pattern.search(own)
            if match and match.group("year"):
                date, _ = _date(match, None)
                if isinstance(date, dt.date):
                    return date
    return None


def events(paragraph: str, number: int, published: dt.date | None) -> list[Found]:
    """Each clause of the paragraph that a date phrase dates, one event per clause; none in a
    byline or a dateline."""
    found: list[Found] = []
    dated = Taken()
    if _BYLINE.match(paragraph) or _header_date(paragraph) is not None:
        return found
    dateline = _DATELINE.match(paragraph) or _DATE_HEADER.match(paragraph)
    skip = dateline.end() if dateline else 0
    stamped = any(word in paragraph for word in ("pdated", "ublished", "osted"))
    stamp = _STAMP.search(paragraph) if stamped else None
    until = stamp.start() if stamp else len(paragraph)  # the stamp's date is the article's
    for pattern, starts in zip(DATE_PATTERNS, _starts(paragraph), strict=True):
        if starts is None:
            matches = pattern.finditer(paragraph, skip, until)
        else:
            matches = tried_at(pattern, paragraph, [at for at in starts if skip <= at < until])
        for match in matches:
            if match.end() > until:
                continue
            sentence = sentence_at(paragraph, match.start())
            date, how = _date(match, published)
            if date is None:
                continue
            clause = _clause(paragraph, max(match.start(), skip), match.end(), sentence)
            if clause is not None and clause.start < skip:  # the dateline is not the event's
                clause = Span(skip, clause.end) if clause.end - skip > 2 else None
            if clause is None or dated.meets(clause.start, clause.end):
                continue
            dated.add(clause.start, clause.end)
            phrase = " ".join(match.group().split())
            if _unfixed_future(match, paragraph[clause.start : clause.end], date):
                date, how = phrase.removeprefix("On ").removeprefix("on "), " (ahead: the text)"
            found.append(
                Found("event", number, clause.start, clause.end, {"date": date},
                      f"a dated clause: {phrase!r}{how}")
            )  # fmt: skip
    found.sort(key=lambda f: f.start)
    return found


_FUTURE = re.compile(
    r"\b(?:will|would|shall|(?:is|are|was|were)\s+(?:due|set|scheduled|expected)\s+to|"
    r"plans?\s+to|planned\s+to|next)\b"
)
"""A clause about what is to come: the day and month it gives are not counted back."""


def _unfixed_future(match: re.Match[str], clause: str, date: object) -> bool:
    """Whether a day and month without a year date a clause about what is to come ("would
    vote on Aug. 14"): counting back from the published date would put it a year early, and
    which year it is the text does not say."""
    groups = match.groupdict()
    return (
        isinstance(date, dt.date)
        and bool(groups.get("month"))
        and not groups.get("year")
        and _FUTURE.search(clause) is not None
    )


def _date(match: re.Match[str], published: dt.date | None) -> tuple[dt.date | str | None, str]:
    groups = match.groupdict()
    if groups.get("weekday"):
        name = groups["weekday"]
        if published is None:
            return name, " (no published date to count back from)"
        back = (published.weekday() - WEEKDAYS.index(name.casefold())) % 7
        if groups.get("last"):  # "last Friday": before the day it was written
            back = back or 7
            return published - dt.timedelta(days=back), f", the last {name} before {published}"
        return published - dt.timedelta(days=back), f", the last {name} on or before {published}"
    if groups.get("relative"):
        text = groups["relative"]
        if text.casefold() == "yesterday" and published is not None:
            return published - dt.timedelta(days=1), f", the day before {published}"
        return text[0].upper() + text[1:], " (a relative date: kept as the text)"
    month = MONTHS[groups["month"].casefold()]
    day = int(groups["day"])
    year_text = groups.get("year")
    if year_text:
        year, how = int(year_text), ""
    elif published is not None:
        year = published.year
        how = f", in the year of the published date {published}"
        try:
            if dt.date(year, month, day) > published:
                year -= 1
                how = f", the last {groups['month']} {day} before the published date {published}"
        except ValueError:
            return None, ""
    else:
        return " ".join(match.group().split()).removeprefix("On ").removeprefix("on "), (
            " (no year and no published date: kept as the text)"
        )
    try:
        return dt.date(year, month, day), how
    except ValueError:
        return None, ""


def _clause(paragraph: str, start: int, end: int, sentence: Span) -> Span | None:
    """The clause around a date phrase: between the commas or semicolons around it; when the
    phrase is its own clause ("On July 28, China ..."), the clause after it."""
    text = paragraph

    def bounds(at: int, until: int) -> Span:
        left = max([sentence.start, *(text.rfind(c, sentence.start, at) + 1 for c in ",;")])
        rights = [i for c in ",;" if (i := text.find(c, until, sentence.end)) != -1]
        right = min([sentence.end, *rights])
        return Span(left, right)

    clause = bounds(start, end)
    begin, finish = trim(text, clause.start, clause.end, " ,;:.")
    if text[begin:finish].strip(" ,") == text[start:end].strip(" ,") or finish - begin < 1:
        if clause.end >= sentence.end:
            return None
        following = bounds(clause.end + 1, clause.end + 1)
        begin, finish = trim(text, following.start, following.end, " ,;:.")
    while begin < finish and text[begin] in '“”«»" ':  # “...,” the mayor said on Tuesday
        begin += 1
    if finish - begin < 3 or len(text[begin:finish].split()) < 3:
        return None
    return Span(begin, finish)
