"""The reader's keys beyond the panes': the search's matches, marking, and back from a
listing (the walking keys are the app's: they work from every screen)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from aiplan_tui.ui.screens.panes import PANE_BINDINGS

READER_BINDINGS: list[BindingType] = [
    *PANE_BINDINGS,
    Binding("n", "match(1)", "Next match", show=False, id="next-match",
            tooltip="The next match of the last search, in reading order."),
    Binding("N", "match(-1)", "Prev match", show=False, id="previous-match",
            tooltip="The previous match of the last search."),
    Binding("m", "mark", "Mark", show=False, id="mark",
            tooltip="Mark the sentence under the cursor as a new highlight to review."),
    Binding("escape", "back_to_article", "Back", show=False, id="back",
            tooltip="Leave a person's or dimension's listing for the article."),
]  # fmt: skip
"""The keys of the reader (`1`)."""
