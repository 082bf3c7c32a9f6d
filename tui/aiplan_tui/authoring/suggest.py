"""Suggested highlights for a new article: every quotation (direct, and reported speech),
every figure and every dated event, found by rules an editor can read in each suggestion's
`why`, with the new people and organisations the quotations need. Offline: no models.

Every suggestion's exact words are anchored as the loader will anchor them
(`pack.anchors.find_all`): with a prefix or suffix when the words occur more than once,
and left out when no prefix or suffix within its paragraph picks its occurrence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from aiplan_tui.authoring.dates import events, stated_date
from aiplan_tui.authoring.figures import figures
from aiplan_tui.authoring.occurrences import Occurrences
from aiplan_tui.authoring.quotes import direct_quotations
from aiplan_tui.authoring.reported import reported_speech
from aiplan_tui.authoring.speakers import ProposedEntity, Speakers
from aiplan_tui.authoring.text import Found, Span
from aiplan_tui.authoring.zh import ChineseRules, mostly_chinese
from aiplan_tui.authoring.zh import stated_date as chinese_stated_date
from aiplan_tui.core.model import Entity, HighlightKind
from aiplan_tui.pack.anchors import SEPARATOR

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
    published = published or stated_date(text) or chinese_stated_date(text)
    speakers = Speakers(entities, text)
    taken = lambda i: any(e.id == i for e in speakers.proposed)  # noqa: E731
    chinese = ChineseRules(text, entities, published, taken)
    found: list[Found] = []
    for number, paragraph in enumerate(text):
        if not paragraph.strip():
            continue
        if mostly_chinese(paragraph):  # a Chinese paragraph, even in an English article
            found += chinese.found(number)
            continue
        quotes = direct_quotations(text, speakers, number)
        quoted = [Span(q.start, q.end) for q in quotes]
        found += quotes
        found += reported_speech(text, speakers, number, quoted)
        found += figures(paragraph, number)
        found += events(paragraph, number, published)
    chinese.settle(found, speakers.proposed)  # an id both proposed: the Chinese one renamed
    order = {"quote": 0, "fact": 1, "event": 2}
    found.sort(key=lambda f: (f.paragraph, f.start, order.get(f.kind, 3), -f.end))
    highlights: list[Suggested] = []
    seen: set[tuple[str, int, int, int]] = set()
    occurrences = Occurrences(text)
    alike: dict[str, tuple[list[int], dict[int, tuple[int, int]]]] = {}
    """For each exact, its places and what they share (found once for all its suggestions)."""
    for item in found:
        key = (item.kind, item.paragraph, item.start, item.end)
        if key in seen:
            continue
        seen.add(key)
        anchored = _anchor(text, item, occurrences, alike)
        if anchored is not None:
            highlights.append(anchored)
    used = {str(h.fields.get("speaker")) for h in highlights if h.kind == "quote"}
    proposed = (*speakers.proposed, *chinese.proposed)
    return Suggestions(tuple(highlights), tuple(e for e in proposed if e.id in used))


def _clean(paragraph: str) -> str:
    """The paragraph as given, except for the anchors' separator, which no exact may hold:
    it becomes a space of the same length, so offsets stay those of the text."""
    return paragraph.replace(SEPARATOR, " ") if SEPARATOR in paragraph else paragraph


def _anchor(
    paragraphs: tuple[str, ...],
    item: Found,
    occurrences: Occurrences,
    alike: dict[str, tuple[list[int], dict[int, tuple[int, int]]]],
) -> Suggested | None:
    """The suggestion with as little prefix or suffix as makes its words occur once, as the
    loader will anchor it: find_all(paragraphs, exact, prefix, suffix) finds it alone."""
    paragraph = paragraphs[item.paragraph]
    exact = paragraph[item.start : item.end]
    if not exact.strip() or exact != exact.strip():
        return None
    kind: HighlightKind
    if item.kind == "quote":
        kind = "quote"
    elif item.kind == "fact":
        kind = "fact"
    elif item.kind == "event":
        kind = "event"
    else:
        return None
    if exact not in alike:
        places = occurrences.places(exact) or []
        alike[exact] = places, occurrences.shared(places, len(exact), LONGEST_CONTEXT)
    places, shared = alike[exact]
    here = occurrences.starts[item.paragraph] + item.start
    if here not in shared:
        return None  # too costly to find (a text made to defeat the index)
    before, after = shared[here]
    context = _alone(paragraph, item.start, item.end, before, after)
    if context is None:
        for prefix, suffix in _contexts(paragraph, item.start, item.end):
            # each alone is shared with another place; both may not be: the three counted
            if prefix and suffix and occurrences.count_around(exact, places, prefix, suffix) == 1:
                context = prefix, suffix
                break
    if context is None:
        return None
    return Suggested(
        kind=kind,
        exact=exact,
        paragraph=item.paragraph,
        prefix=context[0],
        suffix=context[1],
        fields=MappingProxyType(dict(item.fields)),
        why=item.why,
    )


def _alone(paragraph: str, start: int, end: int, before: int, after: int) -> tuple[str, str] | None:
    """The first of _contexts' prefixes or suffixes alone longer than what this place shares
    with another before or after it (so found here alone), found without making the others:
    none when nothing is shared, else the shortest such prefix, else the shortest suffix."""
    if before < 0 or after < 0:
        return "", ""
    text = paragraph[max(0, start - LONGEST_CONTEXT) : start]
    for cut in range(min(len(text) - before, len(text)) - 1, 0, -1):  # a word's start
        if text[cut - 1].isspace() and not text[cut].isspace():
            return text[cut:], ""
    if len(text) > before:
        return text, ""
    text = paragraph[end : end + LONGEST_CONTEXT]
    for cut in range(after + 1, len(text) + 1):  # a word's end
        if not text[cut - 1].isspace() and (cut == len(text) or text[cut].isspace()):
            return "", text[:cut]
    return None


def _contexts(paragraph: str, start: int, end: int) -> Iterator[tuple[str, str]]:
    """Prefix and suffix pairs to try, shortest first: none, then whole words before, then
    whole words after, then both, up to LONGEST_CONTEXT characters (worked out only when no
    context is not enough)."""
    yield "", ""
    befores = _word_edges(paragraph[max(0, start - LONGEST_CONTEXT) : start], reverse=True)
    afters = _word_edges(paragraph[end : end + LONGEST_CONTEXT], reverse=False)
    yield from ((b, "") for b in befores)
    yield from (("", a) for a in afters)
    yield from zip(befores, afters, strict=False)
    if befores and afters:
        yield befores[-1], afters[-1]


_WORD_START = re.compile(r"(?<=\s)\S")
_WORD_END = re.compile(r"\S(?=\s|$)")


def _word_edges(text: str, reverse: bool) -> list[str]:
    """The growing pieces of `text` next to the exact words, a word at a time."""
    if not text:
        return []
    cuts = (
        [m.start() for m in _WORD_START.finditer(text)]
        if reverse
        else [m.end() for m in _WORD_END.finditer(text)]
    )
    pieces = [text[cut:] for cut in reversed(cuts)] if reverse else [text[:cut] for cut in cuts]
    if reverse:
        pieces.append(text)
    return list(dict.fromkeys(p for p in pieces if p))
