"""Reading order across a pack's articles, for walking quote to quote or highlight to highlight."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import dataclass

from aiplan_tui.core.model import Highlight, HighlightKind, Pack


@dataclass(frozen=True, order=True)
class Place:
    """A point in the pack: article (by pack order), paragraph, character offset."""

    article: int
    paragraph: int
    offset: int


class ReadingOrder:
    """The highlights of some kinds, sorted as a reader meets them, article after article."""

    def __init__(self, pack: Pack, kinds: Collection[HighlightKind] | None = None) -> None:
        article_index = {article.id: number for number, article in enumerate(pack.articles)}
        self._article_index = article_index
        chosen = [
            h
            for h in pack.highlights
            if (kinds is None or h.kind in kinds) and h.article in article_index
        ]
        chosen.sort(key=self.place_of)
        self.items: tuple[Highlight, ...] = tuple(chosen)
        self._places = [self.place_of(h) for h in chosen]

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
        for number, item in enumerate(self.items, start=1):
            if item.id == highlight_id:
                return number
        return None

    def __len__(self) -> int:
        return len(self.items)
