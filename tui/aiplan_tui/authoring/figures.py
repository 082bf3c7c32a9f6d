"""Figures: money with its currency and magnitude, percentages, counts of things, ratios,
ranges, "N-month" measures and "his third trip" ordinals, each with the
qualifier in front of it ("approximately", "more than") and the period its sentence gives
("In 2024", "between 2013 and 2023"). A year alone is not a figure, nor one after "since"
("since 2022" is when, not how much)."""

from __future__ import annotations

import re

from aiplan_tui.authoring.figure_fields import (
    metric,
    period,
    plain,
    plural,
    scaled,
    value_of,
    yearlike,
)
from aiplan_tui.authoring.figure_patterns import (
    BARE,
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
    SMALL,
    SYMBOLS,
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


def figures(paragraph: str, number: int, avoid: list[Span] | None = None) -> list[Found]:
    """Every figure in one paragraph, in the order of the rules (money first), none
    overlapping another."""
    avoided, taken = Spans(avoid) if avoid else None, Taken()
    found: list[Found] = []

    def take(start: int, end: int, fields: dict[str, object], why: str) -> None:
        start, end = trim(paragraph, start, end, " ,;:.")
        if start >= end or taken.meets(start, end):
            return
        if avoided is not None and avoided.meets(start, end):
            return
        qualifier = fields.get("qualifier")
        if not qualifier:
            fields.pop("qualifier", None)
        sentence = sentence_at(paragraph, start)
        said = period(paragraph, sentence)
        if said:
            fields["period"] = said
        if "metric" not in fields:
            fields["metric"] = metric(paragraph, start, end, sentence)
        taken.add(start, end)
        found.append(Found("fact", number, start, end, fields, why))

    for match in MONEY_WORD.finditer(paragraph):
        value = scaled(match.group("num"), match.group("scale"))
        if value is None:
            continue
        unit = CURRENCY_WORDS[match.group("cur").casefold()]
        fields: dict[str, object] = {
            "value": value, "unit": unit, "qualifier": _qual(match)
        }  # fmt: skip
        why = f"money: {match.group('num')}{match.group('scale') or ''} {match.group('cur')}"
        if match.group("usd"):
            usd = scaled(match.group("usd"), match.group("usdscale"))
            if usd is not None:
                fields["usd"] = usd
                why += f", with the text's own dollar amount (${plain(usd)})"
        take(match.start(), match.end("cur"), fields, why)  # the dollars are a figure too
    for match in MONEY_SYMBOL.finditer(paragraph):
        value = scaled(match.group("num"), match.group("scale"))
        if value is None:
            continue
        unit = SYMBOLS[match.group("sym").upper()]
        fields = {"value": value, "unit": unit, "qualifier": _qual(match)}
        why = f"money: {match.group('sym')} and {(match.group('scale') or 'no magnitude').strip()}"
        if match.group("to"):
            top = scaled(match.group("to"), match.group("scale2") or match.group("scale"))
            if top is not None:
                fields["qualifier"] = " ".join(
                    filter(None, [_qual(match), f"range {plain(value)} to {plain(top)}"])
                )
                why += ", a range (the value is its low end)"
        lone = match.group("btw") and not match.group("to")  # "between $5m of aid and ..."
        take(match.start("sym") if lone else match.start(), match.end(), fields, why)

    for match in MONEY_CODE.finditer(paragraph):
        value = scaled(match.group("num"), match.group("scale"))
        if value is not None:
            unit = CURRENCY_WORDS.get(match.group("cur").casefold(), match.group("cur"))
            fields = {"value": value, "unit": unit, "qualifier": _qual(match)}
            take(match.start(), match.end(), fields, f"money: {match.group('cur')} first")

    for match in PERCENT.finditer(paragraph):
        value = value_of(match.group("num"))
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
        value = value_of(match.group("num"))
        if value is not None:
            fields = {"value": value, "unit": "ratio", "qualifier": _qual(match)}
            take(match.start(), match.end(), fields, "a ratio: 'a factor of'")

    for match in MEASURE.finditer(paragraph):
        unit_word = match.group("unit").casefold()
        value = value_of(match.group("num"))
        if value is None or unit_word in HYPHEN_NOT_UNITS or unit_word in SMALL or value == 1:
            continue
        if match.group("num").isdigit() and yearlike(match.group("num")):
            continue
        fields = {"value": value, "unit": plural(unit_word), "qualifier": _qual(match)}
        take(match.start(), match.end(), fields, f"a measure: {match.group('num')}-{unit_word}")

    for match in ORDINAL.finditer(paragraph):
        fields = {
            "value": float(ORDINALS[match.group("ord")]),
            "unit": plural(match.group("unit")),
        }
        take(match.start(), match.end(), fields, f"an ordinal count: {match.group()!r}")

    for match in COUNT.finditer(paragraph):
        text = match.group("num")
        value = value_of(text)
        unit = match.group("unit")
        if value is None or unit in NOT_UNITS or (text.isdigit() and yearlike(text)):
            continue
        if not match.group("qualifier") and in_a_name(paragraph, match.start("num")):
            continue  # "Section 232 reviews": a number in a name
        between = (match.group("between") or "").strip()
        spelled = not text[0].isdigit()
        if spelled and (value == 1 or any(w.endswith("est") for w in between.split())):
            continue  # "one of them", "the two largest economies": prose, not a figure
        if spelled and not match.group("qualifier") and _the_ones(paragraph, match):
            continue  # "the two camps": the ones the text spoke of, not a count
        start, qualifier = match.start(), _qual(match)
        if (
            (qualifier == "over" and unit in TIME_UNITS)
            or _after_verb(paragraph, match, qualifier)
            or (match.group("btw") and not match.group("to"))
        ):
            start = match.start("num")
        fields = {"value": value, "unit": unit, "qualifier": qualifier}
        why = f"a count: {text} {unit}"
        if match.group("to"):
            fields["qualifier"] = " ".join(
                filter(None, [qualifier, f"range {text} to {match.group('to')}"])
            )
            why += ", a range (the value is its low end)"
        if match.group("qualifier"):
            why += f", qualified {match.group('qualifier')!r}"
        fields["metric"] = f"{between} {unit}".strip()
        take(start, match.end(), fields, why)

    for match in BARE.finditer(paragraph):
        value = scaled(match.group("num"), (match.group("scale") or "").strip() or None)
        if value is None or yearlike(match.group("num")):
            continue
        fields = {"value": value, "unit": "count", "qualifier": _qual(match)}
        take(match.start(), match.end(), fields, f"a count: {match.group().strip()!r}")

    found.sort(key=lambda f: f.start)
    return found


_THE = re.compile(r"\b[Tt]he\s+$")
_PARTICIPLE = re.compile(
    r"\b(?:\w+ed|built|made|set|put|held|run|drawn|grown|known|spun|woven|wound|laid)\s+$"
)
"""A verb's past participle, irregular ones too ("built around three pillars")."""


def _after_verb(paragraph: str, match: re.Match[str], qualifier: str) -> bool:
    """ "organised around four pillars": "around" is the verb's, not the count's (a number
    in words is not rounded; "raised around 20" is)."""
    if qualifier != "around" or match.group("num")[0].isdigit():
        return False
    return ends_at(_PARTICIPLE, paragraph, match.start())


def _the_ones(paragraph: str, match: re.Match[str]) -> bool:
    """ "the two camps" (but not "the three days of the fair", a quantity of it)."""
    after_the = ends_at(_THE, paragraph, match.start())
    return after_the and not paragraph.startswith(" of ", match.end())


def _qual(match: re.Match[str]) -> str:
    """The qualifier or "between" the rule's match has, in lower case ("" for none)."""
    groups = match.re.groupindex
    qualifier = match.group("qualifier") if "qualifier" in groups else None
    between = match.group("btw") if "btw" in groups else None
    return (qualifier or between or "").casefold()
