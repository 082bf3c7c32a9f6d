"""Room between a compiled pack's runs of document numbers (issue 34): a build leaves some
numbers unused after every few units (compiled/layout.py), so that documents added there
later (an article, a paragraph, a highlight) move at most the few units after them. No
Textual."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from aiplan_tui.search.documents import Doc, LazyDocs

ROOM = 256
"""Numbers left unused after every ROOM_EVERY-th unit: room for articles or highlight files
added in that block of units (a change moves at most the units after it in its block)."""
ROOM_EVERY = 16
"""Units between two rooms. Numbers stay nearly dense (Python's sets of consecutive numbers
are fastest: room after every unit made a warm search's set operations 15-30 % slower)."""


def room_after(unit: int, last_of_section: bool = False) -> int:
    """The numbers left unused after the unit at this place in reading order (and after the
    last of a section's: an article added after the last one moves none of the highlights)."""
    return ROOM if last_of_section or (unit + 1) % ROOM_EVERY == 0 else 0


class SpacedDocs(LazyDocs):
    """Documents numbered in runs with room between them (`IndexData.used`): each number's
    document among `docs` (numbered without room). IndexError for an unused number."""

    def __init__(self, docs: Sequence[Doc], used: tuple[tuple[int, int], ...], count: int) -> None:
        self._docs = docs
        self._starts = [start for start, _ in used]
        self._ends = [end for _, end in used]
        self._offsets = [0]
        for start, end in used:
            self._offsets.append(self._offsets[-1] + end - start)
        self._count = count

    def __len__(self) -> int:
        return self._count

    def _doc(self, index: int) -> Doc:
        number = index % self._count if self._count else index
        at = bisect_right(self._starts, number) - 1
        if at < 0 or number >= self._ends[at]:
            raise IndexError(index)
        return self._docs[self._offsets[at] + number - self._starts[at]]
