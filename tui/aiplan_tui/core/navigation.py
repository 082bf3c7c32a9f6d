"""Where the reader's cursor is in reading order, and where each walking key leads from there.

The rules behind `]`/`[` (quotes), `}`/`{` (every highlight) and `n`/`N` (the last search's
matches, the paragraphs holding its results): what comes next, whether a key can act at all
(so the footer greys it out), and the status line that says where the cursor is. No Textual:
the reader only presents it.
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

    def __init__(self, pack: Pack, whole: bool = True) -> None:
        """Walking over `pack`'s highlights; `whole` False while it holds only some of the
        pack's (the status line then gives no numbers, which would count only those)."""
        self.whole = whole
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
        """Remember a search's matches, counting from the one just opened (the first match in
        its paragraph; none if `opened` is empty)."""
        self.matches = matches
        first = opened[0] if opened else None
        self.match_number = next(
            (n + 1 for n, m in enumerate(matches) if first is not None and m[:2] == first[:2]), 0
        )

    def current_match(self, cursor: Cursor) -> Place | None:
        """The match last gone to (or opened from the search), while the cursor is still in its
        paragraph; None once it has moved on, or before any."""
        if not self.match_number or cursor.article is None:
            return None
        match = self.matches[self.match_number - 1]
        return match if self.place(cursor)[:2] == match[:2] else None

    def step_match(self, cursor: Cursor, step: int) -> Place | None:
        """The next or previous match from the current one (or, the cursor having moved on,
        from the cursor), now the current one; None when there is none that way."""
        here = self.current_match(cursor) or self.place(cursor)
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

    def status(self, cursor: Cursor, paragraphs: int | None, page: int | None = None) -> str:
        """One line: where the cursor is among highlights, paragraphs (with the `page` of the
        paragraph, in an article with pages) and search matches, in that order, so a narrow
        terminal that cuts the line's end cuts the least needed (and a notice, drawn over the
        line's right part, hides the match count, not the quote's)."""
        parts = []
        current = cursor.current
        if current is not None and not self.whole:
            parts.append(f"{current.kind} (reading the pack…)")
        elif current is not None:
            number = self.everything.position(current.id)
            part = f"highlight {number}/{len(self.everything)} ({current.kind}"
            quote_number = self.quotes.position(current.id)
            if quote_number is not None:
                part += f" {quote_number}/{len(self.quotes)}"
            parts.append(part + ")")
        if paragraphs is not None:
            on_page = f" (p. {page})" if page else ""
            parts.append(f"paragraph {cursor.paragraph + 1}/{paragraphs}{on_page}")
        if self.matches:
            parts.append(self.match_status(cursor))
        return " · ".join(parts)

    def match_status(self, cursor: Cursor) -> str:
        """Where the cursor is among the last search's matches, saying what is counted: the
        paragraphs of this article holding a result ("match 2 of 4 in this article"), and how
        many in all when other articles have some too."""
        total = len(self.matches)
        article = self.place(cursor).article if cursor.article is not None else None
        here = [m for m in self.matches if m.article == article]
        in_all = "" if len(here) == total else f", {total} in all"
        current = self.current_match(cursor)
        if current is not None:
            return f"match {here.index(current) + 1} of {len(here)} in this article{in_all}"
        if not here:
            return f"{_matches(total)} in other articles (n to go)"
        return f"{_matches(len(here))} in this article{in_all} (n to go)"


def _matches(count: int) -> str:
    return f"{count} match{'es' if count != 1 else ''}"
