"""What a search result is, and how it is shown: the hit, a snippet around its first match,
and where its matches fall in the articles' reading order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from aiplan_tui.core.model import Location
from aiplan_tui.core.reading import Place, ReadingOrder
from aiplan_tui.core.safe_text import shorten
from aiplan_tui.search.documents import Doc


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

    @property
    def kind(self) -> str:
        return self.doc.kind

    @property
    def id(self) -> str:
        return self.doc.id

    @property
    def location(self) -> Location | None:
        return self.doc.location


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
    """Where hits matched inside article text (paragraphs and highlights' words), in order."""
    places = set()
    for hit in hits:
        location = hit.location
        if location is None or hit.field not in ("text", "exact"):
            continue
        for start, _ in hit.spans:
            offset = start if hit.kind == "paragraph" else location.start + start
            places.add(order.place_in(hit.doc.article, location.paragraph, offset))
    return sorted(places)


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
