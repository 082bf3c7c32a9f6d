"""Where the reader's cursor is in reading order, and where each walking key leads from there.

The rules behind `]`/`[` (quotes), `}`/`{` (every highlight) and `n`/`N` (the last search's
matches): what comes next, whether a key can act at all (so the footer greys it out), and the
status line that says where the cursor is. No Textual: the reader only presents it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from aiplan_tui.core.model import Highlight, Pack
from aiplan_tui.core.reading import Place, ReadingOrder

Walk = Literal["quote", "highlight"]


@dataclass(frozen=True)
class Cursor:
    """The reader's cursor: an article and paragraph, and the highlight it is on, if any."""

    article: str | None
    paragraph: int
    current: Highlight | None = None


class Navigation:
    """Reading order for walking, plus the last search's matches in the articles."""

    def __init__(self, pack: Pack) -> None:
        self.everything = ReadingOrder(pack)
        self.quotes = self.everything.only({"quote"})
        self.orders: dict[Walk, ReadingOrder] = {"quote": self.quotes, "highlight": self.everything}
        self.matches: list[Place] = []
        """The last search's matches in the articles, in reading order, for `n` and `N`."""
        self.match_number = 0
        """Which match `n`/`N` last went to (1-based; 0 before the first)."""

    def place(self, cursor: Cursor) -> Place:
        """Where the cursor is, in reading order."""
        if cursor.current is not None:
            return self.everything.place_of(cursor.current)
        return self.everything.paragraph_start(cursor.article or "", cursor.paragraph)

    def neighbour(self, what: Walk, cursor: Cursor, step: int) -> Highlight | None:
        """The next (step > 0) or previous quote or highlight, or None at that end."""
        order, here = self.orders[what], self.place(cursor)
        return order.after(here) if step > 0 else order.before(here)

    def end_notice(self, what: Walk, cursor: Cursor) -> str | None:
        """ "This is the last quote." when the cursor is on the last (or first) of its kind."""
        if self.neighbour(what, cursor, 1) is None:
            return f"This is the last {what}."
        if self.neighbour(what, cursor, -1) is None:
            return f"This is the first {what}."
        return None

    def set_matches(self, matches: list[Place], opened: list[Place]) -> None:
        """Remember a search's matches, counting from the one just opened."""
        self.matches = matches
        first = opened[0] if opened else None
        self.match_number = matches.index(first) + 1 if first in matches else 0

    def step_match(self, cursor: Cursor, step: int) -> Place | None:
        """The next or previous match from the last one gone to (or the cursor), now the
        current one; None when there is none that way."""
        here = self.matches[self.match_number - 1] if self.match_number else self.place(cursor)
        ahead = [n for n, m in enumerate(self.matches) if (m > here if step > 0 else m < here)]
        if not ahead:
            return None
        number = ahead[0] if step > 0 else ahead[-1]
        self.match_number = number + 1
        return self.matches[number]

    def available(self, cursor: Cursor) -> tuple[bool, ...]:
        """Which walking keys can act: next/previous quote and highlight, copy, next match."""
        return (
            *(
                self.neighbour(what, cursor, step) is not None
                for what in ("quote", "highlight")
                for step in (1, -1)
            ),
            cursor.current is not None,
            bool(self.matches),
        )

    def status(self, cursor: Cursor, paragraphs: int | None) -> str:
        """One line: where the cursor is among highlights, search matches and paragraphs."""
        parts = []
        current = cursor.current
        if current is not None:
            number = self.everything.position(current.id)
            part = f"highlight {number}/{len(self.everything)} ({current.kind}"
            quote_number = self.quotes.position(current.id)
            if quote_number is not None:
                part += f" {quote_number}/{len(self.quotes)}"
            parts.append(part + ")")
        if self.matches and self.match_number:
            parts.append(f"match {self.match_number}/{len(self.matches)}")
        elif self.matches:
            count = len(self.matches)
            parts.append(f"{count} match{'es' if count != 1 else ''} in the text (n to go)")
        if paragraphs is not None:
            parts.append(f"paragraph {cursor.paragraph + 1}/{paragraphs}")
        return " · ".join(parts)
