"""Figures: money with its currency and magnitude, percentages, counts of things, ratios,
ranges, "N-month" measures, "since 2022" years and "his third trip" ordinals, each with the
qualifier in front of it ("approximately", "more than") and the period its sentence gives
("In 2024", "between 2013 and 2023"). A year alone is not a figure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiplan_tui.authoring.text import Found, Span, sentence_at, trim, word_set

BARE_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\w)(?![.,]\d)"
NUMBER = r"(?<![\w.,$€£¥-])" + BARE_NUMBER
"""A number in figures, not part of a word ("H20") or a name ("COVID-19")."""
SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
WORD_NUMBER = (
    r"\b(?:(?:" + "|".join(TENS) + r")(?:-(?:" + "|".join(SMALL) + r"))?|"
    + "|".join(SMALL) + r")\b"
)  # fmt: skip
ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "k": 1e3,
}  # fmt: skip
SCALE = r"(?:\s?(?:thousand|million|billion|trillion)\b|(?:mn|bn|tn|m|b|k)\b)"
SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "HK$": "HKD"}
SYMBOL = r"(?:US\$|HK\$|\$|€|£|¥)"
CURRENCY_WORDS = {
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "dollars": "USD", "euros": "EUR",
    "pounds": "GBP", "yen": "JPY", "won": "KRW", "rupees": "INR",
}  # fmt: skip
CURRENCY_WORD = r"(?:yuan|renminbi|RMB|dollars|euros|pounds|yen|won|rupees)\b"
QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "up to", "close to", "an estimated",
    "approximately", "about", "around", "roughly", "nearly", "almost", "over", "under",
    "some", "just over", "just under",
)  # fmt: skip
QUALIFIER = r"(?P<qualifier>" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+"
RANGE_JOIN = r"\s*(?:-|–|to)\s*"
NOT_UNITS = word_set(
    "is was has as its this his us yes less unless thus plus across gas bus news series"
)
"""Words ending in s that do not name what is counted."""
HYPHEN_NOT_UNITS = word_set("way off sided fold time times")


@dataclass(frozen=True)
class _Value:
    value: float
    text: str


def _number(text: str) -> float | None:
    text = text.strip().casefold()
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
    taken: list[Span] = list(avoid or [])
    found: list[Found] = []

    def take(start: int, end: int, fields: dict[str, object], why: str) -> None:
        start, end = trim(paragraph, start, end, " ,;:.")
        if start >= end or any(s.start < end and start < s.end for s in taken):
            return
        qualifier = fields.get("qualifier")
        if not qualifier:
            fields.pop("qualifier", None)
        period = _period(paragraph, start)
        if period:
            fields["period"] = period
        fields.setdefault("metric", _metric(paragraph, start, end))
        taken.append(Span(start, end))
        found.append(Found("fact", number, start, end, fields, why))

    amount = rf"(?P<sym>{SYMBOL})\s?(?P<num>\d[\d,]*(?:\.\d+)?)(?P<scale>{SCALE})?"
    money_symbol = re.compile(
        rf"(?:{QUALIFIER})?(?:a\s+mere\s+)?{amount}"
        rf"(?:{RANGE_JOIN}(?:{SYMBOL})?\s?(?P<to>\d[\d,]*(?:\.\d+)?)(?P<scale2>{SCALE})?)?",
        re.IGNORECASE,
    )
    money_word = re.compile(
        rf"(?:{QUALIFIER})?(?P<num>{NUMBER})(?P<scale>{SCALE})?\s+(?P<cur>{CURRENCY_WORD})"
        rf"(?:\s*\((?:around|about|approximately|roughly|some|or|nearly|almost|over)?\s*"
        rf"(?:US)?\$\s?(?P<usd>\d[\d,]*(?:\.\d+)?)(?P<usdscale>{SCALE})?\))?",
        re.IGNORECASE,
    )
    for match in money_word.finditer(paragraph):
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
        take(match.start(), match.end(), fields, why)
    for match in money_symbol.finditer(paragraph):
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

    percent = re.compile(
        rf"(?:{QUALIFIER})?(?P<num>{NUMBER})(?:{RANGE_JOIN}(?P<to>{BARE_NUMBER}))?"
        r"\s?(?P<pc>%|percent\b|per cent\b|percentage points?\b)",
        re.IGNORECASE,
    )
    for match in percent.finditer(paragraph):
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
        take(match.start(), match.end(), fields, why)

    ratio = re.compile(
        rf"(?:{QUALIFIER})?(?:a\s+)?factor\s+of\s+(?P<num>{NUMBER}|{WORD_NUMBER})", re.IGNORECASE
    )
    for match in ratio.finditer(paragraph):
        value = _number(match.group("num"))
        if value is not None:
            fields = {"value": value, "unit": "ratio", "qualifier": _qual(match)}
            take(match.start(), match.end(), fields, "a ratio: 'a factor of'")

    since = re.compile(r"\b[Ss]ince\s+(?P<year>(?:19|20)\d\d)\b")
    for match in since.finditer(paragraph):
        fields = {"value": float(match.group("year")), "unit": "year"}
        take(match.start(), match.end(), fields, f"a starting year: {match.group()!r}")

    measure = re.compile(
        rf"(?:{QUALIFIER})?(?P<num>{NUMBER}|{WORD_NUMBER})-(?P<unit>[a-z]{{3,}})\b",
        re.IGNORECASE,
    )
    for match in measure.finditer(paragraph):
        unit_word = match.group("unit").casefold()
        value = _number(match.group("num"))
        if value is None or unit_word in HYPHEN_NOT_UNITS or value == 1:
            continue
        if match.group("num").isdigit() and _yearlike(match.group("num")):
            continue
        fields = {"value": value, "unit": _plural(unit_word), "qualifier": _qual(match)}
        take(match.start(), match.end(), fields, f"a measure: {match.group('num')}-{unit_word}")

    ordinal = re.compile(
        r"\b(?:his|her|its|their)\s+(?P<ord>" + "|".join(ORDINALS) + r")\s+(?P<unit>[a-z]{3,})\b"
    )
    for match in ordinal.finditer(paragraph):
        fields = {
            "value": float(ORDINALS[match.group("ord")]),
            "unit": _plural(match.group("unit")),
        }
        take(match.start(), match.end(), fields, f"an ordinal count: {match.group()!r}")

    count = re.compile(
        rf"(?:{QUALIFIER})?(?P<num>{NUMBER}|{WORD_NUMBER})(?:{RANGE_JOIN}(?P<to>{BARE_NUMBER}))?"
        r"(?P<between>(?:\s+(?:[A-Z][\w.-]*|[a-z]+-[a-z]+|[a-z]+))??)\s+(?P<unit>[a-z]+s|people|staff|children|personnel)\b"
    )
    for match in count.finditer(paragraph):
        text = match.group("num")
        value = _number(text)
        unit = match.group("unit")
        if value is None or unit in NOT_UNITS or (text.isdigit() and _yearlike(text)):
            continue
        spelled = not text[0].isdigit()
        if spelled and value < 10 and not match.group("qualifier"):
            continue  # "two largest economies", "the two camps": prose, not a figure
        fields = {"value": value, "unit": unit, "qualifier": _qual(match)}
        why = f"a count: {text} {unit}"
        if match.group("to"):
            fields["qualifier"] = " ".join(
                filter(None, [_qual(match), f"range {text} to {match.group('to')}"])
            )
            why += ", a range (the value is its low end)"
        if match.group("qualifier"):
            why += f", qualified {match.group('qualifier')!r}"
        between = (match.group("between") or "").strip()
        fields["metric"] = f"{between} {unit}".strip()
        take(match.start(), match.end(), fields, why)
    found.sort(key=lambda f: f.start)
    return found


def _qual(match: re.Match[str]) -> str:
    return (match.groupdict().get("qualifier") or "").casefold()


def _yearlike(text: str) -> bool:
    return len(text) == 4 and text[:2] in ("19", "20")


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _period(paragraph: str, at: int) -> str:
    """The period the figure's sentence gives: "In 2024" -> "2024", "between 2013 and 2023"
    -> "2013–2023"."""
    sentence = sentence_at(paragraph, at)
    text = paragraph[sentence.start : sentence.end]
    span = re.search(
        r"\b(?:[Bb]etween|[Ff]rom)\s+((?:19|20)\d\d)\s+(?:and|to|-|–)\s+((?:19|20)\d\d)\b", text
    )
    if span:
        return f"{span.group(1)}–{span.group(2)}"
    single = re.search(
        r"\b(?:[Ii]n|[Dd]uring|[Ff]or|[Tt]hroughout)\s+(?:fiscal\s+)?((?:19|20)\d\d)\b", text
    )
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
    while words and (
        words[0].casefold() in METRIC_FILLER or re.fullmatch(r"(19|20)\d\d", words[0])
    ):
        words.pop(0)
    text = " ".join(words[-8:]).strip(" ,;:")
    return text or paragraph[start:end]
