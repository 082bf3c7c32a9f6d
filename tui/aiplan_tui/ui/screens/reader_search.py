"""The reader and the last search: a result opened where it lives, and `n`/`N` stepping
through the search's matches across articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiplan_tui.core.reading import Place
from aiplan_tui.ui.screens.reader_part import ReaderHost

if TYPE_CHECKING:
    from aiplan_tui.search.hits import Hit


class SearchMatches:
    """The reader's search matches, a part the reader screen owns."""

    def __init__(self, reader: ReaderHost) -> None:
        self.reader = reader

    def open_hit(self, hit: Hit, hits: list[Hit]) -> None:
        """Open a search result where it lives, and remember all matches for `n` and `N`."""
        reader = self.reader
        if hit.kind == "entity":
            reader.show_entity(hit.id)
        elif hit.kind == "article":
            reader.open_article(hit.id)
        elif hit.kind == "paragraph" and hit.location is not None:
            reader.open_paragraph(hit.doc.article, hit.location.paragraph)
        else:
            reader.open_highlight(hit.id)
        self.remember(hits, hit)
        reader.focus_pane("center")  # where the result is: shift+tab then leads to the navigator

    def remember(self, hits: list[Hit], opened: Hit | None = None) -> None:
        """The latest search's matches for `n` and `N`, counted from the result opened here
        (none when it was opened elsewhere or none was): the last search's count replaces the
        one before, never left standing."""
        from aiplan_tui.search.hits import match_places

        order = self.reader.navigation.everything
        self.set(match_places(hits, order), match_places([opened] if opened else [], order))

    def set(self, matches: list[Place], opened: list[Place]) -> None:
        """Remember a search's matches, counting from the one just opened."""
        self.reader.navigation.set_matches(matches, opened)
        self.reader.update_status()

    def step(self, step: int) -> None:
        """Go to the next or previous match, across articles; the paragraph flashes."""
        reader = self.reader
        place = reader.navigation.step_match(reader.cursor(), step)
        if place is None:
            reader.notify("No more matches that way.", timeout=2)
            return
        reader.open_paragraph(reader.pack.articles[place.article].id, place.paragraph)
        reader.update_status()
