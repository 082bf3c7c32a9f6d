"""Figures: money with its currency and magnitude, percentages, counts of things, ratios,
ranges, "N-month" measures, "since 2022" years and "his third trip" ordinals, each with the
qualifier in front of it ("approximately", "more than") and the period its sentence gives
("In 2024", "between 2013 and 2023"). A year alone is not a figure."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from aiplan_tui.authoring.figure_patterns import (
    COUNT,
    CURRENCY_WORDS,
    MEASURE,
    MONEY_CODE,
    MONEY_SYMBOL,
    MONEY_WORD,
    ORDINAL,
    ORDINALS,
    PERCENT,
    RATIO,
    SCALES,
    SINCE,
    SMALL,
    SYMBOLS,
    TENS,
    in_a_name,
)
from aiplan_tui.authoring.match_starts import ends_at
from aiplan_tui.authoring.text import Found, Span, Spans, Taken, sentence_at, trim, word_set

NOT_UNITS = word_set(
    "is was has as its this his us yes less unless thus plus across gas bus news series"
)
"""Words ending in s that do not name what is counted."""
HYPHEN_NOT_UNITS = word_set("way off sided fold time times year-old years-old")
"""After a number and a hyphen, no unit: "two-way", an age ("a 45-year-old engineer")."""
TIME_UNITS = word_set("years months weeks days decades quarters hours minutes")
"""After "over", a span of time: "over three years" is when, the figure is "three years"."""


@dataclass(frozen=True)
class _Value:
    value: float
    text: str


def _number(text: str) -> float | None:
    text = text.strip().casefold().removeprefix("a ").strip()
    if text in SMALL:
        return float(SMALL[text])
    if text in TENS:
        return float(TENS[text])
    if "-" in text:
        tens, _, small = text.partition("-")
        if tens in TENS and small in SMALL:
            return float(TENS[tens] + SMALL[small])
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _scaled(number: str, scale: str | None) -> float | None:
    value = _number(number)
    if value is None:
        return None
    return value * SCALES.get((scale or "").strip().casefold(), 1.0)


def _plain(value: float) -> str:
    """84e9 -> "84 billion", 1500 -> "1500"."""
    for name, size in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= size:
            return f"{value / size:g} {name}"
    return f"{value:g}"


def figures(paragraph: str, number: int, avoid: list[Span] | None = None) -> list[Found]:
    """Every figure in one paragraph, in the order of the rules (money first), none
    overlapping another."""
    avoided, taken = Spans(avoid or ()), Taken()
    found: list[Found] = []

    def take(start: int, end: int, fields: dict[str, object], why: str) -> None:
        start, end = trim(paragraph, start, end, " ,;:.")
        if start >= end or avoided.meets(start, end) or taken.meets(start, end):
            return
        qualifier = fields.get("qualifier")
        if not qualifier:
            fields.pop("qualifier", None)
        period = _period(paragraph, start)
        if period:
            fields["period"] = period
        fields.setdefault("metric", _metric(paragraph, start, end))
        taken.add(start, end)
        found.append(Found("fact", number, start, end, fields, why))

    for match in MONEY_WORD.finditer(paragraph):
        value = _scaled(match.group("num"), match.group("scale"))
        if value is None:
            continue
        unit = CURRENCY_WORDS[match.group("cur").casefold()]
        fields: dict[str, object] = {
            "value": value, "unit": unit, "qualifier": _qual(match)
        }  # fmt: skip
        why = f"money: {match.group('num')}{match.group('scale') or ''} {match.group('cur')}"
        if match.group("usd"):
            usd = _scaled(match.group("usd"), match.group("usdscale"))
            if usd is not None:
                fields["usd"] = usd
                why += f", with the text's own dollar amount (${_plain(usd)})"
        take(match.start(), match.end("cur"), fields, why)  # the dollars are a figure too
    for match in MONEY_SYMBOL.finditer(paragraph):
        value = _scaled(match.group("num"), match.group("scale"))
        if value is None:
            continue
        unit = SYMBOLS[match.group("sym").upper()]
        fields = {"value": value, "unit": unit, "qualifier": _qual(match)}
        why = f"money: {match.group('sym')} and {(match.group('scale') or 'no magnitude').strip()}"
        if match.group("to"):
            top = _scaled(match.group("to"), match.group("scale2") or match.group("scale"))
            if top is not None:
                fields["qualifier"] = " ".join(
                    filter(None, [_qual(match), f"range {_plain(value)} to {_plain(top)}"])
                )
                why += ", a range (the value is its low end)"
        take(match.start(), match.end(), fields, why)

    for match in MONEY_CODE.finditer(paragraph):
        value = _scaled(match.group("num"), match.group("scale"))
        if value is not None:
            unit = CURRENCY_WORDS.get(match.group("cur").casefold(), match.group("cur"))
            fields = {"value": value, "unit": unit, "qualifier": _qual(match)}
            take(match.start(), match.end(), fields, f"money: {match.group('cur')} first")

    for match in PERCENT.finditer(paragraph):
        value = _number(match.group("num"))
        if value is None:
            continue
        unit = "percentage points" if match.group("pc").casefold().startswith("percentage") else "%"
        fields = {"value": value, "unit": unit, "qualifier": _qual(match)}
        sign = match.group("pc")
        why = f"a percentage: {match.group('num')}{sign if sign == '%' else ' ' + sign}"
        if match.group("to"):
            fields["qualifier"] = " ".join(
                filter(None, [_qual(match), f"range {match.group('num')} to {match.group('to')}"])
            )
            why += ", a range (the value is its low end)"
        start = match.start("num") if match.group("btw") and not match.group("to") else None
        take(start if start is not None else match.start(), match.end(), fields, why)

    for match in RATIO.finditer(paragraph):
        value = _number(match.group("num"))
        if value is not None:
            fields = {"value": value, "unit": "ratio", "qualifier": _qual(match)}
            take(match.start(), match.end(), fields, "a ratio: 'a factor of'")

    for match in MEASURE.finditer(paragraph):
        unit_word = match.group("unit").casefold()
        value = _number(match.group("num"))
        if value is None or unit_word in HYPHEN_NOT_UNITS or unit_word in SMALL or value == 1:
            continue
        if match.group("num").isdigit() and _yearlike(match.group("num")):
            continue
        fields = {"value": value, "unit": _plural(unit_word), "qualifier": _qual(match)}
        take(match.start(), match.end(), fields, f"a measure: {match.group('num')}-{unit_word}")

    for match in ORDINAL.finditer(paragraph):
        fields = {
            "value": float(ORDINALS[match.group("ord")]),
            "unit": _plural(match.group("unit")),
        }
        take(match.start(), match.end(), fields, f"an ordinal count: {match.group()!r}")

    for match in COUNT.finditer(paragraph):
        text = match.group("num")
        value = _number(text)
        unit = match.group("unit")
        if value is None or unit in NOT_UNITS or (text.isdigit() and _yearlike(text)):
            continue
        if not match.group("qualifier") and in_a_name(paragraph, match.start("num")):
            continue  # "Section 232 reviews": a number in a name
        between = (match.group("between") or "").strip()
        spelled = not text[0].isdigit()
        if spelled and (value == 1 or any(w.endswith("est") for w in between.split())):
            continue  # "one of them", "the two largest economies": prose, not a figure
        if spelled and not match.group("qualifier") and _the_ones(paragraph, match):
            continue  # "the two camps": the ones the text spoke of, not a count
        start = match.start()
        if (
            (_qual(match) == "over" and unit in TIME_UNITS)
            or _after_verb(paragraph, match)
            or (match.group("btw") and not match.group("to"))
        ):
            start = match.start("num")
        fields = {"value": value, "unit": unit, "qualifier": _qual(match)}
        why = f"a count: {text} {unit}"
        if match.group("to"):
            fields["qualifier"] = " ".join(
                filter(None, [_qual(match), f"range {text} to {match.group('to')}"])
            )
            why += ", a range (the value is its low end)"
        if match.group("qualifier"):
            why += f", qualified {match.group('qualifier')!r}"
        fields["metric"] = f"{between} {unit}".strip()
        take(start, match.end(), fields, why)

    counted = sorted(f.start for f in found)
    for match in SINCE.finditer(paragraph):
        sentence = sentence_at(paragraph, match.start())
        at = bisect_left(counted, sentence.start)
        if at < len(counted) and counted[at] < sentence.end:
            continue  # "50 deals since 2023": the year is that figure's period, not a figure
        fields = {"value": float(match.group("year")), "unit": "year"}
        take(match.start(), match.end(), fields, f"a starting year: {match.group()!r}")
    found.sort(key=lambda f: f.start)
    return found


_THE = re.compile(r"\b[Tt]he\s+$")
_PARTICIPLE = re.compile(r"\b\w+ed\s+$")


def _after_verb(paragraph: str, match: re.Match[str]) -> bool:
    """ "organised around four pillars": "around" is the verb's, not the count's (a number
    in words is not rounded; "raised around 20" is)."""
    if _qual(match) != "around" or match.group("num")[0].isdigit():
        return False
    return ends_at(_PARTICIPLE, paragraph, match.start())


def _the_ones(paragraph: str, match: re.Match[str]) -> bool:
    """ "the two camps" (but not "the three days of the fair", a quantity of it)."""
    after_the = ends_at(_THE, paragraph, match.start())
    return after_the and not paragraph.startswith(" of ", match.end())


def _qual(match: re.Match[str]) -> str:
    groups = match.groupdict()
    return (groups.get("qualifier") or groups.get("btw") or "").casefold()


def _yearlike(text: str) -> bool:
    return len(text) == 4 and text[:2] in ("19", "20")


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


_BETWEEN = re.compile(
    r"\b(?:[Bb]etween|[Ff]rom)\s+((?:19|20)\d\d)\s+(?:and|to|-|–)\s+((?:19|20)\d\d)\b"
)
_IN_YEAR = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Ff]or|[Tt]hroughout)\s+(?:fiscal\s+)?((?:19|20)\d\d)\b"
)
_YEAR = re.compile(r"(19|20)\d\d")


def _period(paragraph: str, at: int) -> str:
    """The period the figure's sentence gives: "In 2024" -> "2024", "between 2013 and 2023"
    -> "2013–2023"."""
    sentence = sentence_at(paragraph, at)
    return _sentence_period(paragraph[sentence.start : sentence.end])


@lru_cache(maxsize=64)
def _sentence_period(text: str) -> str:
    """The period a sentence gives (its figures ask one after another)."""
    span = _BETWEEN.search(text)
    if span:
        return f"{span.group(1)}–{span.group(2)}"
    single = _IN_YEAR.search(text)
    return single.group(1) if single else ""


METRIC_FILLER = word_set(
    """a an the of to at for by in on with from reached injected an astonishing mere about
    approximately around roughly nearly almost over more than some and is was were valued
    valuing its their his her"""
)


def _metric(paragraph: str, start: int, end: int) -> str:
    """A first draft of what the figure measures: the words of its clause before it."""
    sentence = sentence_at(paragraph, start)
    clause_start = max(
        sentence.start, *(paragraph.rfind(c, sentence.start, start) + 1 for c in ",;:(")
    )
    words = paragraph[clause_start:start].split()
    while words and words[-1].casefold().strip("’'") in METRIC_FILLER:
        words.pop()
    while words and (words[0].casefold() in METRIC_FILLER or _YEAR.fullmatch(words[0])):
        words.pop(0)
    text = " ".join(words[-8:]).strip(" ,;:")
    return text or paragraph[start:end]
