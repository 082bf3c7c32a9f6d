"""Where a highlight's (or a search result's) exact words sit in its article: a module of its
own, so that a warm search, reading its results' places from the compiled pack, makes them
without importing the rest of the model (core/model.py re-exports it; issue 34)."""

from __future__ import annotations

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, made at no cost to import (issue 34)
    from aiplan_tui.core.light_dataclass import dataclass


@dataclass(frozen=True)
class Location:
    """Where a highlight's exact words sit: `paragraphs[paragraph][start:end] == exact`."""

    paragraph: int
    start: int
    end: int

    def __init__(self, paragraph: int, start: int, end: int) -> None:
        """(As the standard `dataclass` writes it: a large pack makes millions.)"""
        set_field = object.__setattr__
        set_field(self, "paragraph", paragraph)
        set_field(self, "start", start)
        set_field(self, "end", end)

    def __eq__(self, other: object) -> bool:
        """(As the standard `dataclass` writes it: highlights compare and hash theirs.)"""
        if isinstance(other, Location) and other.__class__ is self.__class__:
            mine = self.paragraph, self.start, self.end
            return mine == (other.paragraph, other.start, other.end)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.paragraph, self.start, self.end))
