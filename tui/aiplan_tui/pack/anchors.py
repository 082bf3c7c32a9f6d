"""Anchor a highlight's exact words in an article, W3C text-quote style, and suggest near misses."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from aiplan_tui.core.model import Location

SUGGESTION_CUTOFF = 60.0
"""Below this rapidfuzz score a passage is too far off to be offered as "did you mean"."""


@dataclass(frozen=True)
class Suggestion:
    """The passage that comes closest to words that were not found."""

    paragraph: int
    text: str
    score: float


SEPARATOR = "\x00"
"""Between paragraphs in an article's joined text: exact words never hold it, so a match in
the joined text lies within one paragraph."""


@lru_cache(maxsize=4)
def _joined(paragraphs: tuple[str, ...]) -> tuple[str, tuple[int, ...]]:
    """An article's paragraphs as one text, and where each paragraph starts in it. Made
    once per article while its highlights are anchored (they come one file at a time)."""
    starts = tuple(accumulate((len(p) + 1 for p in paragraphs[:-1]), initial=0))
    return SEPARATOR.join(paragraphs), starts


def find_all(
    paragraphs: Sequence[str], exact: str, prefix: str = "", suffix: str = ""
) -> list[Location]:
    """Every place where `exact` occurs with `prefix` right before it and `suffix` right after.

    One search through the article's joined text, not one per paragraph: on a pack of 100k
    highlights the per-paragraph loop made five million calls."""
    if not exact:
        return []
    if not isinstance(paragraphs, tuple) or SEPARATOR in exact:
        return _find_paragraph_by_paragraph(paragraphs, exact, prefix, suffix)
    text, starts = _joined(paragraphs)
    found: list[Location] = []
    at = text.find(exact)
    while at != -1:
        number = bisect_right(starts, at) - 1
        paragraph = paragraphs[number]
        start = at - starts[number]
        end = start + len(exact)
        if paragraph.startswith(suffix, end) and paragraph[:start].endswith(prefix):
            found.append(Location(number, start, end))
        at = text.find(exact, at + 1)
    return found


def _find_paragraph_by_paragraph(
    paragraphs: Sequence[str], exact: str, prefix: str, suffix: str
) -> list[Location]:
    found: list[Location] = []
    for number, paragraph in enumerate(paragraphs):
        start = paragraph.find(exact)
        while start != -1:
            end = start + len(exact)
            if paragraph.startswith(suffix, end) and paragraph[:start].endswith(prefix):
                found.append(Location(number, start, end))
            start = paragraph.find(exact, start + 1)
    return found


def suggest(paragraphs: Sequence[str], exact: str) -> Suggestion | None:
    """The closest passage to `exact` across the paragraphs, if any is reasonably close."""
    from rapidfuzz import fuzz  # only a broken anchor needs it: not imported at start-up

    best: Suggestion | None = None
    for number, paragraph in enumerate(paragraphs):
        if not paragraph:
            continue
        alignment = fuzz.partial_ratio_alignment(exact, paragraph, score_cutoff=SUGGESTION_CUTOFF)
        if alignment is None or (best is not None and alignment.score <= best.score):
            continue
        start, end = _whole_words(paragraph, alignment.dest_start, alignment.dest_end)
        best = Suggestion(number, _best_span(exact, paragraph, start, end), alignment.score)
    return best


def _best_span(exact: str, text: str, start: int, end: int, reach: int = 2) -> str:
    """Grow the aligned span by up to `reach` words each way while that matches `exact` better.

    partial_ratio aligns a window as long as `exact`, so a dropped word would otherwise also
    drop a word from the suggestion.
    """
    from rapidfuzz import fuzz

    starts = [start]
    for _ in range(reach):
        previous = text.rfind(" ", 0, max(starts[-1] - 1, 0))
        starts.append(previous + 1 if previous != -1 else 0)
    ends = [end]
    for _ in range(reach):
        following = text.find(" ", min(ends[-1] + 1, len(text)))
        ends.append(following if following != -1 else len(text))
    spans = {(s, e) for s in starts for e in ends}

    best = max(spans, key=lambda span: (fuzz.ratio(exact, text[span[0] : span[1]]), -span[0]))
    return _trim_punctuation(text[best[0] : best[1]], exact)


def _trim_punctuation(span: str, exact: str) -> str:
    """Drop quotation marks and commas at the edges that `exact` itself does not have."""
    while span and not span[0].isalnum() and not exact.startswith(span[0]):
        span = span[1:]
    while span and not span[-1].isalnum() and not exact.endswith(span[-1]):
        span = span[:-1]
    return span


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so it neither starts nor ends in the middle of a word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


_SAME_MARK = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    }
)
"""Curly and straight quotation marks and apostrophes, and the dashes, as one: search folds
them so; an anchor must match the article's own. One character for one, so offsets hold."""


@dataclass(frozen=True)
class Respelled:
    """Where words stand in an article once marks are ignored, and the article's own form."""

    location: Location
    exact: str
    prefix: str
    suffix: str


def find_respelled(
    paragraphs: Sequence[str], exact: str, prefix: str = "", suffix: str = ""
) -> list[Respelled]:
    """Every place `exact` (with its prefix and suffix) occurs if quotation marks,
    apostrophes and dashes are not told apart, each with the article's spelling of the three."""
    plain = tuple(paragraph.translate(_SAME_MARK) for paragraph in paragraphs)
    found = find_all(
        plain,
        exact.translate(_SAME_MARK),
        prefix.translate(_SAME_MARK),
        suffix.translate(_SAME_MARK),
    )
    return [
        Respelled(
            at,
            paragraphs[at.paragraph][at.start : at.end],
            paragraphs[at.paragraph][at.start - len(prefix) : at.start],
            paragraphs[at.paragraph][at.end : at.end + len(suffix)],
        )
        for at in found
    ]


def telling_context(
    paragraphs: Sequence[str],
    exact: str,
    prefix: str,
    suffix: str,
    at: Location,
    words: int = 8,
) -> tuple[str, str] | None:
    """The shortest (prefix, suffix) in whole words that makes `at` the only place `exact`
    occurs, extending the given ones; None if eight words either way are not enough."""
    paragraph = paragraphs[at.paragraph]
    tried: list[tuple[str, str]] = []
    start = at.start - len(prefix)
    end = at.end + len(suffix)
    for _ in range(words):
        start = _word_before(paragraph, start)
        end = _word_after(paragraph, end)
        if start < at.start - len(prefix):
            tried.append((paragraph[start : at.start], suffix))
        if end > at.end + len(suffix):
            tried.append((prefix, paragraph[at.end : end]))
    tried.sort(key=lambda pair: len(pair[0]) + len(pair[1]))
    for new_prefix, new_suffix in tried:
        if find_all(paragraphs, exact, new_prefix, new_suffix) == [at]:
            return new_prefix, new_suffix
    return None


def _word_before(text: str, index: int) -> int:
    while index > 0 and text[index - 1].isspace():
        index -= 1
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _word_after(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    while index < len(text) and not text[index].isspace():
        index += 1
    return index
