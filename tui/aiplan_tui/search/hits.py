"""What a search result is, and how it is shown: the hit, what it shows (its own words first,
whichever field matched), a snippet around its first match, and where its matches fall in the
articles' reading order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from aiplan_tui.core.safe_text import clean_line, shorten
from aiplan_tui.search.documents import Doc
from aiplan_tui.search.folding import fold

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:  # for the annotations: the command line's search needs no reading order
    from rich.text import Text

    from aiplan_tui.core.model import Location
    from aiplan_tui.core.reading import Place, ReadingOrder
    from aiplan_tui.search.ranking import Scored

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, made at no cost to import (issue 34)
    from aiplan_tui.core.light_dataclass import dataclass


@dataclass(frozen=True)
class Hit:
    """One result: what and where, the field that matched best, and the matched spans in it."""

    doc: Doc
    score: float
    field: str
    text: str
    spans: tuple[tuple[int, int], ...]
    order: int = 0
    """The document's place in reading order, which breaks ties."""
    matched: tuple[tuple[tuple[int, int], ...], ...] = ()
    """The spans matched in each of the document's fields, in order (empty where none)."""
    missing: tuple[str, ...] = ()
    """The query's words this result lacks: set only when no result has every word and the
    results are those with the most of them."""

    @property
    def kind(self) -> str:
        return self.doc.kind

    @property
    def id(self) -> str:
        return self.doc.id

    @property
    def location(self) -> Location | None:
        return self.doc.location


Span = tuple[int, int]
FIELD_LABELS = {"according to": "claimant"}
"""What a result calls a field it matched in, where the field's own name reads badly."""


@dataclass(frozen=True)
class Line:
    """Text a result shows and the spans matched in it; `label` names the field it is when it
    is not the result's own words ("note", "alias")."""

    text: str
    spans: tuple[Span, ...] = ()
    label: str = ""

    def cleaned(self) -> tuple[str, list[Span]]:
        """The text on one line, safe for a terminal, with the spans moved to match."""
        return clean_spans(self.text, self.spans)


@dataclass(frozen=True)
class Shown:
    """What a result shows, whichever field matched: its own words first (a quotation, a
    paragraph, a title, a name, a cell's summary; a fact's figure, then its words), then the
    field the match is in when that is another (`matched`, named by `field`), and whose words
    or claim it is (`who`, with the match in it when that is where the match is)."""

    own: Line
    matched: Line | None
    who: Line
    field: str | None
    """The field the best match is in, when it is not among the result's own words."""


def hit_of(doc: Doc, number: int, scored: Scored, missing: tuple[str, ...] = ()) -> Hit:
    """The hit a scored document makes, its spans mapped back to the original text (folded
    only now, for the few hits returned), in the field shown and in every field."""
    matched = tuple(
        _original(field.text, spans)
        for field, spans in zip(doc.fields, scored.everywhere, strict=True)
    )
    field = doc.fields[scored.shown]
    return Hit(doc, scored.total, field.name, field.text, matched[scored.shown], number,
               matched, missing)  # fmt: skip


def _original(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Folded spans of a text as spans of the text itself, in order, without repeats."""
    if not spans:
        return ()
    folded = fold(text)
    return tuple(sorted({folded.original_span(a, b) for a, b in spans}))


def shown(hit: Hit) -> Shown:
    """What the result shows (`Shown`)."""
    doc = hit.doc
    fields = doc.fields
    where = next((n for n, f in enumerate(fields) if f.name == hit.field and f.text == hit.text), 0)

    def spans(number: int) -> tuple[Span, ...]:
        if number < len(hit.matched):
            return hit.matched[number]
        return hit.spans if number == where else ()

    own = Line(fields[0].text, spans(0)) if fields else Line(hit.text, hit.spans)
    own_fields = {0}
    figure = next((n for n, f in enumerate(fields) if f.name == "figure"), None)
    if doc.kind == "fact" and figure is not None:  # the figure, then the words it is in
        own = joined(Line(fields[figure].text, spans(figure)), " — “", own, "”")
        own_fields.add(figure)
    who = Line(doc.who)
    if where in own_fields:
        return Shown(own, None, who, None)
    at = doc.who.find(hit.text) if hit.text else -1
    if at >= 0:  # the speaker or claimant, already named in `who`: the match is shown there
        moved = tuple((a + at, b + at) for a, b in hit.spans)
        return Shown(own, None, Line(doc.who, moved), hit.field)
    return Shown(own, Line(hit.text, hit.spans, hit.field), who, hit.field)


def joined(first: Line, between: str, second: Line, after: str = "") -> Line:
    """Two lines as one, `between` them, the second's spans moved along."""
    shift = len(first.text) + len(between)
    spans = first.spans + tuple((a + shift, b + shift) for a, b in second.spans)
    return Line(first.text + between + second.text + after, spans, first.label)


def clean_spans(text: str, spans: tuple[Span, ...] | list[Span]) -> tuple[str, list[Span]]:
    """`clean_line(text)`, with the spans moved to where their characters now are (cleaning
    drops some characters and widens tabs)."""
    cuts = sorted({0, len(text), *(point for span in spans for point in span)})
    position = {0: 0}
    pieces: list[str] = []
    length = 0
    for start, end in pairwise(cuts):
        piece = clean_line(text[start:end])
        pieces.append(piece)
        length += len(piece)
        position[end] = length
    return "".join(pieces), [(position[a], position[b]) for a, b in spans]


def field_label(field: str) -> str:
    """A field's name as a result names it: "matched in speaker", "note: …"."""
    return clean_line(FIELD_LABELS.get(field, field))


def marked(line: Line, width: int | None = None, style: str = "") -> Text:
    """A line of a result as Rich text, its matched words in bold reverse; cut to about `width`
    characters around the first match if given (`snippet`)."""
    from rich.text import Text  # only those who draw results need Rich

    text, spans = line.cleaned()
    if width is not None:
        text, spans = snippet(text, tuple(spans), width)
    body = Text(text, style=style)
    for start, end in spans:
        body.stylize("bold reverse", start, end)
    return body


def snippet(
    text: str, spans: tuple[tuple[int, int], ...], width: int = 80
) -> tuple[str, list[tuple[int, int]]]:
    """About `width` characters around the first match, spans moved along; "…" marks a cut."""
    if len(text) <= width:
        return text, list(spans)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 4, len(text) - width))
    end = min(len(text), start + width)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shifted = [
        (a - start + len(prefix), b - start + len(prefix))
        for a, b in spans
        if a >= start and b <= end
    ]
    return prefix + text[start:end] + suffix, shifted


def match_places(hits: Iterable[Hit], order: ReadingOrder) -> list[Place]:
    """The paragraphs of the articles holding results, in reading order: what `n` and `N`
    step through. A paragraph found, or a highlight in it whichever field matched (a quote
    found by its speaker is in its paragraph); one place per paragraph, at the first match in
    its words (or the first such highlight's start)."""
    first: dict[tuple[str, int], int] = {}
    for hit in hits:
        location = hit.location
        if location is None or not hit.doc.article:
            continue
        own = _own_spans(hit)
        offset = own[0][0] if own else 0
        if hit.kind != "paragraph":
            offset += location.start
        key = (hit.doc.article, location.paragraph)
        first[key] = min(first.get(key, offset), offset)
    return sorted(
        order.place_in(article, paragraph, at) for (article, paragraph), at in first.items()
    )


def _own_spans(hit: Hit) -> tuple[Span, ...]:
    """The matches in a paragraph's or highlight's own words (its first field, `text` or
    `exact`): where they stand in the article."""
    if hit.matched:
        return hit.matched[0]
    return hit.spans if hit.field in ("text", "exact") else ()


def no_results(query: str, offers: Sequence[tuple[str, str]]) -> str:
    """What a search that found nothing says: "no results for 'monopoyl'; did you mean
    monopolies?", naming which word each offer replaces when there are several, or without a
    question when the pack has no close word (`SearchIndex.suggest`)."""
    said = f"no results for {shorten(query)!r}"
    if not offers:
        return said
    if len(offers) == 1:
        return f"{said}; did you mean {offers[0][1]}?"
    words = [f"{offered} (for {shorten(typed, 30)})" for typed, offered in offers]
    return f"{said}; did you mean {', '.join(words[:-1])} and {words[-1]}?"


def partial_note(hits: Sequence[Hit]) -> str:
    """What results that lack some of the query's words say ("no result has every word; the
    best lack: praised"), or "" when the first has them all."""
    if not hits or not hits[0].missing:
        return ""
    return f"no result has every word; the best lack: {', '.join(hits[0].missing)}"
