"""The reader and the last search: a result opened where it lives, and `n`/`N` stepping
through the search's matches across articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiplan_tui.core.model import Highlight
from aiplan_tui.core.reading import Place
from aiplan_tui.ui.screens.reader_part import ReaderPart

if TYPE_CHECKING:
    from aiplan_tui.search.hits import Hit


class SearchingReader(ReaderPart):
    """The reader's search matches: a mixin, so the reader screen keeps to reading."""

    if TYPE_CHECKING:

        def show_entity(self, entity_id: str) -> None: ...

        def open_article(self, article_id: str, highlight: Highlight | None = None) -> None: ...

        def open_paragraph(self, article_id: str, paragraph: int, flash: bool = True) -> None: ...

        def open_highlight(self, highlight_id: str) -> None: ...

        def focus_pane(self, pane: str) -> None: ...

    def open_hit(self, hit: Hit, hits: list[Hit]) -> None:
        """Open a search result where it lives, and remember all matches for `n` and `N`."""
        if hit.kind == "entity":
            self.show_entity(hit.id)
        elif hit.kind == "article":
            self.open_article(hit.id)
        elif hit.kind == "paragraph" and hit.location is not None:
            self.open_paragraph(hit.doc.article, hit.location.paragraph)
        else:
            self.open_highlight(hit.id)
        self.remember_search(hits, hit)
        self.focus_pane("center")  # where the result is: shift+tab then leads to the navigator

    def remember_search(self, hits: list[Hit], opened: Hit | None = None) -> None:
        """The latest search's matches for `n` and `N`, counted from the result opened here
        (none when it was opened elsewhere or none was): the last search's count replaces the
        one before, never left standing."""
        from aiplan_tui.search.hits import match_places

        order = self.navigation.everything
        self.set_matches(match_places(hits, order), match_places([opened] if opened else [], order))

    def set_matches(self, matches: list[Place], opened: list[Place]) -> None:
        """Remember a search's matches, counting from the one just opened."""
        self.navigation.set_matches(matches, opened)
        self.update_status()

    def action_match(self, step: int) -> None:
        """Go to the next or previous match, across articles; the paragraph flashes."""
        place = self.navigation.step_match(self.cursor(), step)
        if place is None:
            self.notify("No more matches that way.", timeout=2)
            return
        self.open_paragraph(self.pack.articles[place.article].id, place.paragraph)
        self.update_status()
