"""Where a search result opens: a suggested highlight in Review (the reader shows only accepted
ones), a comparison cell in Compare, anything else in the reader; the reader remembers the
search's matches for `n` either way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from aiplan_tui.ui.screen_moves import ScreenMoves
    from aiplan_tui.ui.screens.compare import CompareScreen
    from aiplan_tui.ui.screens.reader import ReaderScreen
    from aiplan_tui.ui.screens.review import ReviewScreen
    from aiplan_tui.ui.screens.search import SearchChoice


class Opening(Protocol):
    """What a result needs of the app: its screens, and the way to each."""

    reader: ReaderScreen
    moves: ScreenMoves

    @property
    def review_screen(self) -> ReviewScreen: ...

    @property
    def compare_screen(self) -> CompareScreen: ...

    def action_show_review(self) -> None: ...

    def action_show_compare(self) -> None: ...


def open_result(app: Opening, choice: SearchChoice) -> None:
    hit = choice.hit
    elsewhere = hit is None or hit.kind == "compare" or hit.doc.status == "suggested"
    if elsewhere:  # the reader's `n` steps this search's matches
        app.reader.matches.remember(choice.hits)
    if hit is None:
        return
    if hit.doc.status == "suggested":
        app.review_screen.select(hit.id)
        app.action_show_review()
        return
    if hit.kind == "compare":
        dimension, _, side = hit.id.partition("/")
        app.compare_screen.focus_cell(dimension, side)
        app.action_show_compare()
        return
    hits = choice.hits

    def opened() -> None:
        if hit.doc.article:  # on a pack's head, its article read first
            app.reader.on_head.read_article(hit.doc.article)
        app.reader.matches.open_hit(hit, hits)

    app.moves.in_reader(opened)
