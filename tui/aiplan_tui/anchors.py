"""Anchor a highlight's exact words in an article, W3C text-quote style, and suggest near misses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from aiplan_tui.model import Location

SUGGESTION_CUTOFF = 60.0
"""Below this rapidfuzz score a passage is too far off to be offered as "did you mean"."""


@dataclass(frozen=True)
class Suggestion:
    """The passage that comes closest to words that were not found."""

    paragraph: int
    text: str
    score: float


def find_all(
    paragraphs: Sequence[str], exact: str, prefix: str = "", suffix: str = ""
) -> list[Location]:
    """Every place where `exact` occurs with `prefix` right before it and `suffix` right after."""
    if not exact:
        return []
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
    best: Suggestion | None = None
    for number, paragraph in enumerate(paragraphs):
        if not paragraph:
            continue
        alignment = fuzz.partial_ratio_alignment(exact, paragraph, score_cutoff=SUGGESTION_CUTOFF)
        if alignment is None or (best is not None and alignment.score <= best.score):
            continue
        start, end = _whole_words(paragraph, alignment.dest_start, alignment.dest_end)
        best = Suggestion(number, paragraph[start:end], alignment.score)
    return best


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so it neither starts nor ends in the middle of a word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end
