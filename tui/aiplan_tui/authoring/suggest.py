"""Suggested highlights for a new article: every quotation (direct, and reported speech),
every figure and every dated event, found by rules an editor can read in each suggestion's
`why`, with the new people and organisations the quotations need. Offline: no models.

Every suggestion's exact words are anchored as the loader will anchor them
(`pack.anchors.find_all`): with a prefix or suffix when the words occur more than once,
and left out when no prefix or suffix within its paragraph picks its occurrence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from aiplan_tui.authoring.dates import events
from aiplan_tui.authoring.figures import figures
from aiplan_tui.authoring.quotes import direct_quotations, reported_speech
from aiplan_tui.authoring.speakers import ProposedEntity, Speakers
from aiplan_tui.authoring.text import Found, Span
from aiplan_tui.core.model import Entity, HighlightKind, Location
from aiplan_tui.pack.anchors import SEPARATOR, find_all

__all__ = ["ProposedEntity", "Suggested", "Suggestions", "suggest"]

LONGEST_CONTEXT = 64
"""The most characters of prefix or suffix a suggestion is given to anchor it."""


@dataclass(frozen=True)
class Suggested:
    """One suggested highlight: its kind, verbatim words, where, its fields, and why."""

    kind: HighlightKind
    exact: str
    paragraph: int
    prefix: str = ""
    suffix: str = ""
    fields: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    why: str = ""


@dataclass(frozen=True)
class Suggestions:
    highlights: tuple[Suggested, ...]
    entities: tuple[ProposedEntity, ...]
    """New people and organisations the quotations need (the pack does not have them)."""


def suggest(
    paragraphs: Sequence[str], entities: Sequence[Entity], published: dt.date | None = None
) -> Suggestions:
    """Suggested quotations, figures and dated events for an article's paragraphs, in reading
    order, each anchored; speakers are the given entities' ids or proposed entities' ids."""
    text = tuple(_clean(p) for p in paragraphs)
    speakers = Speakers(entities)
    found: list[Found] = []
    for number, paragraph in enumerate(text):
        if not paragraph.strip():
            continue
        quotes = direct_quotations(text, speakers, number)
        quoted = [Span(q.start, q.end) for q in quotes]
        found += quotes
        found += reported_speech(text, speakers, number, quoted)
        found += figures(paragraph, number)
        found += events(paragraph, number, published)
    order = {"quote": 0, "fact": 1, "event": 2}
    found.sort(key=lambda f: (f.paragraph, f.start, order.get(f.kind, 3), -f.end))
    highlights: list[Suggested] = []
    seen: set[tuple[str, int, int, int]] = set()
    for item in found:
        key = (item.kind, item.paragraph, item.start, item.end)
        if key in seen:
            continue
        seen.add(key)
        anchored = _anchor(text, item)
        if anchored is not None:
            highlights.append(anchored)
    used = {str(h.fields.get("speaker")) for h in highlights if h.kind == "quote"}
    return Suggestions(tuple(highlights), tuple(e for e in speakers.proposed if e.id in used))


def _clean(paragraph: str) -> str:
    """The paragraph as given, except for the anchors' separator, which no exact may hold:
    it becomes a space of the same length, so offsets stay those of the text."""
    return paragraph.replace(SEPARATOR, " ") if SEPARATOR in paragraph else paragraph


def _anchor(paragraphs: tuple[str, ...], item: Found) -> Suggested | None:
    """The suggestion with as little prefix or suffix as makes its words occur once."""
    paragraph = paragraphs[item.paragraph]
    exact = paragraph[item.start : item.end]
    if not exact.strip() or exact != exact.strip():
        return None
    here = Location(item.paragraph, item.start, item.end)
    kind: HighlightKind
    if item.kind == "quote":
        kind = "quote"
    elif item.kind == "fact":
        kind = "fact"
    elif item.kind == "event":
        kind = "event"
    else:
        return None
    places = find_all(paragraphs, exact)
    for prefix, suffix in _contexts(paragraph, item.start, item.end):
        # the occurrences that keep this prefix and suffix, checked as find_all checks them
        # (one find_all per exact, not per try: repetitive text has many occurrences)
        kept = [
            place
            for place in places
            if paragraphs[place.paragraph].startswith(suffix, place.end)
            and paragraphs[place.paragraph].endswith(prefix, 0, place.start)
        ]
        if kept == [here] and find_all(paragraphs, exact, prefix, suffix) == [here]:
            return Suggested(
                kind=kind,
                exact=exact,
                paragraph=item.paragraph,
                prefix=prefix,
                suffix=suffix,
                fields=MappingProxyType(dict(item.fields)),
                why=item.why,
            )
    return None


def _contexts(paragraph: str, start: int, end: int) -> list[tuple[str, str]]:
    """Prefix and suffix pairs to try, shortest first: none, then whole words before, then
    whole words after, then both, up to LONGEST_CONTEXT characters."""
    befores = _word_edges(paragraph[max(0, start - LONGEST_CONTEXT) : start], reverse=True)
    afters = _word_edges(paragraph[end : end + LONGEST_CONTEXT], reverse=False)
    pairs: list[tuple[str, str]] = [("", "")]
    pairs += [(b, "") for b in befores]
    pairs += [("", a) for a in afters]
    pairs += [(b, a) for b, a in zip(befores, afters, strict=False)]
    if befores and afters:
        pairs.append((befores[-1], afters[-1]))
    return pairs


def _word_edges(text: str, reverse: bool) -> list[str]:
    """The growing pieces of `text` next to the exact words, a word at a time."""
    if not text:
        return []
    cuts = (
        [m.start() for m in re.finditer(r"(?<=\s)\S", text)]
        if reverse
        else [m.end() for m in re.finditer(r"\S(?=\s|$)", text)]
    )
    pieces = [text[cut:] for cut in reversed(cuts)] if reverse else [text[:cut] for cut in cuts]
    if reverse:
        pieces.append(text)
    return list(dict.fromkeys(p for p in pieces if p))
