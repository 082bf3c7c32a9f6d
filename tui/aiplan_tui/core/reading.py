"""Reading order across a pack's articles, for walking quote to quote or highlight to highlight."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection
from typing import NamedTuple

from aiplan_tui.core.model import Highlight, HighlightKind, Pack


class Place(NamedTuple):
    """A point in the pack: article (by pack order), paragraph, character offset. (A tuple,
    so sorting and bisecting a large pack's places compare in C.)"""

    article: int
    paragraph: int
    offset: int


class ReadingOrder:
    """The highlights of some kinds, sorted as a reader meets them, article after article."""

    def __init__(self, pack: Pack, kinds: Collection[HighlightKind] | None = None) -> None:
        article_index = {article.id: number for number, article in enumerate(pack.articles)}
        self._article_index = article_index
        highlights = pack.highlights
        placed = [  # plain tuples: a Place for each of a large pack's highlights costs 3x
            (article_index[h.article], h.location.paragraph, h.location.start, n)
            for n, h in enumerate(highlights)
            if (kinds is None or h.kind in kinds) and h.article in article_index
        ]
        placed.sort()  # by place, then pack order: as a stable sort by place
        self.items: tuple[Highlight, ...] = tuple(highlights[key[3]] for key in placed)
        self._places: list[tuple[int, int, int]] = [key[:3] for key in placed]
        """Each item's place (compared with a Place as the tuple it is)."""
        self._positions: dict[str, int] | None = None

    def only(self, kinds: Collection[HighlightKind]) -> ReadingOrder:
        """The same order, keeping only these kinds: a filter, not another sort."""
        kept = [n for n, h in enumerate(self.items) if h.kind in kinds]
        subset = object.__new__(ReadingOrder)
        subset._article_index = self._article_index
        subset.items = tuple(self.items[n] for n in kept)
        subset._places = [self._places[n] for n in kept]
        subset._positions = None
        return subset

    def place_of(self, highlight: Highlight) -> Place:
        loc = highlight.location
        return Place(self._article_index[highlight.article], loc.paragraph, loc.start)

    def place_in(self, article_id: str, paragraph: int, offset: int) -> Place:
        """A place given by article id, for positions that are not highlights (search matches)."""
        return Place(self._article_index.get(article_id, 0), paragraph, offset)

    def paragraph_start(self, article_id: str, paragraph: int) -> Place:
        """Just before anything in that paragraph, for a cursor that is on no highlight."""
        return Place(self._article_index.get(article_id, 0), paragraph, -1)

    def after(self, place: Place) -> Highlight | None:
        """The first highlight strictly after `place`, or None at the end."""
        index = bisect_right(self._places, place)
        return self.items[index] if index < len(self.items) else None

    def before(self, place: Place) -> Highlight | None:
        """The last highlight strictly before `place`, or None at the start."""
        index = bisect_left(self._places, place)
        return self.items[index - 1] if index > 0 else None

    def position(self, highlight_id: str) -> int | None:
        """1-based position of a highlight in this order, for "quote 3 of 19"."""
        if self._positions is None:
            positions: dict[str, int] = {}
            for number, item in enumerate(self.items, start=1):
                positions.setdefault(item.id, number)
            self._positions = positions
        return self._positions.get(highlight_id)

    def __len__(self) -> int:
        return len(self.items)
