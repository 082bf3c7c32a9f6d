"""Highlights put into words for people: figures, speakers, citations. No Textual, no markup."""

from __future__ import annotations

import math

from aiplan_tui.core.citations import cite
from aiplan_tui.core.model import Article, Entity, Fact, Highlight, Pack, Position, Quote

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
_DECIMALS = 2


def format_number(value: float, grouping: bool = True) -> str:
    """109.1e9 -> "109.1 bn", 5.6e6 -> "5.6 m", 5000 -> "5,000"; never a trailing ".0"."""
    if not math.isfinite(value):
        return str(value)
    for index, (scale, suffix) in enumerate(_SCALES):
        if abs(value) >= scale:
            scaled = round(value / scale, _DECIMALS)
            if abs(scaled) >= 1000 and index > 0:  # 999.999e9 reads "1 tn", not "1000 bn"
                scale, suffix = _SCALES[index - 1]
                scaled = round(value / scale, _DECIMALS)
            return f"{_trim(scaled, grouping)} {suffix}"
    return _trim(value, grouping)


def _trim(value: float, grouping: bool) -> str:
    """At most two decimals, none when whole, so 600.0 is "600" and 109.1 is "109.1"."""
    rounded = round(value, _DECIMALS)
    if rounded == 0 and value != 0:  # 0.001 would otherwise read "0"
        return f"{value:.2g}"
    rounded += 0.0  # -0.0 becomes 0.0, so nothing reads "-0"
    text = f"{rounded:,.{_DECIMALS}f}" if grouping else f"{rounded:.{_DECIMALS}f}"
    return text.rstrip("0").rstrip(".")


_NESTED = str.maketrans({"“": "‘", "”": "’"})


def quoted(words: str) -> str:
    """Words in quotation marks, a quotation inside them in single marks as English nests
    them: “‘AI plus’ plan …”, never a doubled “““."""
    return f"“{words.translate(_NESTED)}”"


def format_fact_value(fact: Fact) -> str:
    """The figure as the article would say it: "$109.1 bn", "600 bn yuan (≈ $84 bn, ...)"."""
    unit = fact.unit
    if unit.upper() == "USD":
        body = f"${format_number(fact.value)}"
    elif unit.upper() == "CNY":
        body = f"{format_number(fact.value)} yuan"
        if fact.usd is not None:
            body += f" (≈ ${format_number(fact.usd)}, as the article gives it)"
    elif unit == "year":
        body = format_number(fact.value, grouping=False)
    elif unit == "ratio":
        body = f"{format_number(fact.value)}×"
    else:
        body = f"{format_number(fact.value)} {unit}".strip()
    return f"{fact.qualifier} {body}" if fact.qualifier else body


def fact_line(fact: Fact) -> str:
    """`metric: value (period)`, for cards and lists."""
    line = f"{fact.metric}: {format_fact_value(fact)}"
    return f"{line} ({fact.period})" if fact.period else line


def speaker_line(entity: Entity | None, speaker_id: str) -> str:
    """Name and role, as a byline under a quote."""
    if entity is None:
        return speaker_id
    return f"{entity.name}, {entity.role}" if entity.role else entity.name


def quote_kind(quote: Quote) -> str:
    """Quotation marks in the source, or a remark reported in indirect speech."""
    return "direct" if quote.direct else "paraphrase"


def claimant_name(highlight: Highlight, pack: Pack) -> str:
    """The name of whose claim it is (`according_to`), or "" when it is the side's own."""
    if not highlight.according_to:
        return ""
    entity = pack.entity(highlight.according_to)
    return entity.name if entity is not None else highlight.according_to


def attribution(highlight: Highlight, pack: Pack) -> str:
    """Whose words or claim, in a few words: "Li Qiang · paraphrase", "George Chen · direct",
    "according to George Chen"; "" for the article's own statement of a side's."""
    if isinstance(highlight, Quote):
        speaker = pack.entity(highlight.speaker)
        name = speaker.name if speaker is not None else highlight.speaker
        return f"{name} · {quote_kind(highlight)}"
    claimant = claimant_name(highlight, pack)
    return f"according to {claimant}" if claimant else ""


NOT_GIVEN = "not given"
"""What the reader's header says of an absent provenance field: never guessed, never left
blank. Citations leave such a field out instead (core/citations.py)."""


def provenance(article: Article | None) -> list[tuple[str, str]]:
    """Outlet, author, publication date and address, each "not given" when absent: the
    reader's header, never a citation."""
    if article is None:
        return [(name, NOT_GIVEN) for name in ("outlet", "author", "published", "url")]
    published = article.published.isoformat() if article.published else ""
    return [
        ("outlet", article.outlet or NOT_GIVEN),
        ("author", article.author or NOT_GIVEN),
        ("published", published or NOT_GIVEN),
        ("url", article.url or NOT_GIVEN),
    ]


def source_line(highlight: Highlight, pack: Pack) -> str:
    """Where the words are, as a copy ends: "Source: Title, CNBC, ¶5"."""
    return f"Source: {cite(highlight, pack)}"


def citation(highlight: Highlight, pack: Pack) -> str:
    """The words with who said them and where, as copied to the clipboard."""
    if isinstance(highlight, Quote):
        speaker = speaker_line(pack.entity(highlight.speaker), highlight.speaker)
        words = quoted(highlight.exact) if highlight.direct else f"{highlight.exact} (paraphrase)"
        first = f"{words} — {speaker}"
    elif isinstance(highlight, Fact):
        first = f"{fact_line(highlight)}\n{quoted(highlight.exact)}"
    else:
        first = quoted(highlight.exact)
    if highlight.according_to:
        claimant = pack.entity(highlight.according_to)
        first += f"\n— according to {speaker_line(claimant, highlight.according_to)}"
    return f"{first}\n{source_line(highlight, pack)}"


def side_labels(highlight: Highlight, pack: Pack) -> str:
    """Short names of the sides it concerns, in pack order: "US · China"."""
    wanted = set(highlight.sides)
    if isinstance(highlight, Position):
        wanted.add(highlight.side)
    labels = [side.short for side in pack.sides if side.id in wanted]
    if isinstance(highlight, Position):
        own = next((s.short for s in pack.sides if s.id == highlight.side), None)
        if own in labels:
            labels.remove(own)
            labels.insert(0, own)
    return " · ".join(labels)


KIND_ICONS = {"quote": "❝", "fact": "#", "position": "◆", "event": "◷"}
"""One glyph per highlight kind, beside words that are also styled, so colour is never needed."""


def point_line(highlight: Highlight, pack: Pack) -> str:
    """A highlight in one line: its words, then the speaker (quotes) or the figure (facts)."""
    if isinstance(highlight, Quote):
        speaker = pack.entity(highlight.speaker)
        name = speaker.name if speaker is not None else highlight.speaker
        words = quoted(highlight.exact) if highlight.direct else f"{highlight.exact} (paraphrase)"
        return f"{words} — {name}"
    if isinstance(highlight, Fact):
        line = f"{fact_line(highlight)} — {quoted(highlight.exact)}"
    else:
        line = quoted(highlight.exact)
    claimant = claimant_name(highlight, pack)
    return f"{line} — according to {claimant}" if claimant else line
