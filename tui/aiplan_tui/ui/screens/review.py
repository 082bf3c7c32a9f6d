"""Review: the highlights `aiplan-tui add` suggested, in reading order under a heading for each
article, each in its paragraph with what is proposed and why; keys accept, reject or fix it,
written back to the pack's TOML files (authoring/review*.py) and the pack loaded again.

The screen holds the list widget, the keys and the moving; its parts are objects it owns:
what is listed (review_listing.py), the writes and undo (review_writing.py), the quotation's
fixes (review_fixes.py), the people (review_people.py). What a suggestion looks like is in
ui/review_view.py; the other edits in review_edits.py and review_cells.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static

from aiplan_tui.authoring.review_history import History
from aiplan_tui.core.model import Highlight, Pack
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.bindings import list_keys
from aiplan_tui.ui.reload_service import Reloader
from aiplan_tui.ui.review_view import suggestion_details
from aiplan_tui.ui.screens.review_cells import CellEdits
from aiplan_tui.ui.screens.review_dialogs import ChoiceDialog
from aiplan_tui.ui.screens.review_edits import SuggestionEdits
from aiplan_tui.ui.screens.review_fixes import QuoteFixes
from aiplan_tui.ui.screens.review_keys import REVIEW_BINDINGS
from aiplan_tui.ui.screens.review_listing import HEADING, ReviewListing
from aiplan_tui.ui.screens.review_people import PeopleEdits
from aiplan_tui.ui.screens.review_writing import ReviewWriter
from aiplan_tui.ui.screens.shown import ShownScreen
from aiplan_tui.ui.wide_text import WideStatic
from aiplan_tui.ui.widgets.footer import KeysFooter
from aiplan_tui.ui.widgets.title_bar import TitleBar

EMPTY = "No suggested highlights. Add an article with `aiplan-tui add SOURCE --content DIR`."
FILTERED = "No suggestion passes the filter: f to change it."
SELECTION_ACTIONS = frozenset(
    {"accept", "reject", "change_kind", "speaker", "side", "dimensions", "cell", "note"}
    | {"direct", "words", "person", "merge", "accept_all"}
)
"""The actions that need a suggestion under the cursor."""


class ReviewList(OptionList):
    """The suggestions, one line each, under their articles' headings."""

    BINDINGS: ClassVar[list[BindingType]] = list_keys(
        "review", "the suggestion list", "first", "last"
    )


class ReviewScreen(ShownScreen[None]):
    """Accept, reject or fix each suggested highlight; every change is written and the pack
    loaded again (`reload` returns the new pack)."""

    AUTO_FOCUS = "#review-list"
    DEFAULT_CSS = """
    ReviewScreen #review-said { height: auto; max-height: 3; padding: 0 1; display: none; }
    ReviewScreen #review-said.-said { display: block; }
    ReviewScreen #review-said.-error { color: $error; text-style: bold; }
    ReviewScreen ToastRack { align: left bottom; }
    ReviewScreen ToastHolder { align-horizontal: left; }
    ReviewScreen Toast { max-width: 38%; }
    """
    """The app's own notices (a reload) go over the list's foot, never the suggestion."""
    BINDINGS: ClassVar[list[BindingType]] = REVIEW_BINDINGS

    def __init__(self, pack: Pack, reloader: Reloader) -> None:
        super().__init__()
        self.pack = pack
        self.listing = ReviewListing(pack)
        """What is listed: the suggestions that pass the filter, and why each was made."""
        self.writer = ReviewWriter(self, reloader, History())
        """Writes each change (said, recorded for `u`), then has the pack loaded again."""
        self.edits = SuggestionEdits(self.writer)
        """Accept (one, or an article's), reject, note, speaker, kind, sides, dimensions."""
        self.cells = CellEdits(self.writer)
        """Into Compare's cells."""
        self.fixes = QuoteFixes(self.writer)
        """Direct or paraphrase, and the words."""
        self.people = PeopleEdits(self.writer)
        """The speaker's fields, and merging them into another person."""
        self._wanted: str | None = None
        """The suggestion to put the cursor on once the list is built (`select`)."""

    @property
    def items(self) -> list[Highlight]:
        """The suggestions listed, in reading order."""
        return self.listing.items

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="review-panes"):
            yield ReviewList(id="review-list")
            with VerticalScroll(id="review-preview-pane"):
                yield WideStatic(id="review-preview")
        yield Static(id="review-said")
        yield Static(id="review-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.fill(self._wanted)

    def select(self, highlight_id: str) -> None:
        """Put the cursor on a suggestion (a search result opened here): at once, or when the
        list is built. An id that is not listed leaves the cursor where it is."""
        if not self.is_mounted:
            self._wanted = highlight_id
            return
        listed = self.query_one(ReviewList)
        if highlight_id in self.listing.by_id:
            listed.highlighted = listed.get_option_index(highlight_id)

    def use_pack(self, pack: Pack) -> None:
        """The pack read again: its suggestions listed, the cursor kept on the same one (or
        at the same place, if it went)."""
        highlight = self.current()
        self.pack = pack
        self.listing.use(pack)
        if self.is_mounted:
            index = self.cursor_index()
            self.fill(keep=highlight.id if highlight else None, index=index)

    # Showing ---------------------------------------------------------------------------------

    def fill(self, keep: str | None = None, index: int = 0) -> None:
        """List the suggestions; the cursor on `keep` if still there, else at the option
        `index` (or the nearest suggestion to it)."""
        listed = self.query_one(ReviewList)
        listed.clear_options()
        listed.add_options(self.listing.options())
        if keep is not None and keep in self.listing.by_id:
            index = listed.get_option_index(keep)
        listed.highlighted = self.nearest(listed, index)
        self.show(self.current())

    @staticmethod
    def nearest(listed: OptionList, index: int) -> int | None:
        """The suggestion at `index`, else the first after it, else the last before it."""
        count = listed.option_count
        after = list(range(min(index, count), count))
        before = list(range(min(index, count) - 1, -1, -1))
        for n in after + before:
            if not listed.get_option_at_index(n).disabled:
                return n
        return None

    def pointed_highlight(self) -> Highlight | None:
        """The suggestion under the cursor: `e` edits its file, `o` opens its article's
        address (the app's Pointing role; `y` copies reviewed highlights only)."""
        return self.current()

    def current(self) -> Highlight | None:
        """The suggestion under the cursor; none before the list is built or when it is empty."""
        lists = self.query(ReviewList)
        index = lists.first().highlighted if lists else None
        if index is None or index >= lists.first().option_count:
            return None
        return self.listing.by_id.get(lists.first().get_option_at_index(index).id or HEADING)

    def cursor_index(self) -> int:
        """The option under the list's cursor (0: none)."""
        return self.query_one(ReviewList).highlighted or 0

    def show_said(self, message: str, error: bool) -> None:
        """A word from the writer, on Review's own line under the panes (until the next)."""
        said = self.query("#review-said")
        if said:
            line = said.first(Static)
            line.update(Text(clean_line(message)))
            line.set_class(error, "-error")
            line.add_class("-said")

    def show(self, highlight: Highlight | None) -> None:
        preview = self.query_one("#review-preview", Static)
        status = self.query_one("#review-status", Static)
        if highlight is None:
            empty = FILTERED if self.listing.every else EMPTY
            preview.update(Text(empty))
            status.update(Text(empty if self.listing.every else "No suggestions to review"))
            return
        status.update(Text(self.listing.status(highlight)))
        reason = self.listing.reason(highlight)
        preview.update(suggestion_details(highlight, self.pack, reason))

    @on(OptionList.OptionHighlighted, "#review-list")
    def _highlighted(self) -> None:
        self.show(self.current())

    def selected_highlight(self) -> str | None:
        """What `y` copies here: nothing (a suggestion is not in the pack until accepted)."""
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not super().check_action(action, parameters):
            return False
        if action in SELECTION_ACTIONS and self.is_mounted and self.current() is None:
            return None
        return True

    # Parts -----------------------------------------------------------------------------------

    def on_suggestion(self, edit: Callable[[Highlight], object]) -> None:
        """An edit of a part, on the suggestion under the cursor (if it may be made now)."""
        if (h := self.writer.to_edit()) is not None:
            edit(h)

    def action_accept(self) -> None:
        self.on_suggestion(self.edits.accept)

    def action_reject(self) -> None:
        self.on_suggestion(self.edits.reject)

    def action_accept_all(self) -> None:
        self.on_suggestion(self.edits.accept_all)

    def action_note(self) -> None:
        self.on_suggestion(self.edits.note)

    def action_speaker(self) -> None:
        self.on_suggestion(self.edits.speaker)

    def action_change_kind(self) -> None:
        self.on_suggestion(self.edits.change_kind)

    def action_side(self) -> None:
        self.on_suggestion(self.edits.side)

    def action_dimensions(self) -> None:
        self.on_suggestion(self.edits.dimensions)

    def action_cell(self) -> None:
        self.on_suggestion(self.cells.cell)

    def action_direct(self) -> None:
        self.on_suggestion(self.fixes.flip_direct)

    def action_words(self) -> None:
        self.on_suggestion(self.fixes.words)

    def action_person(self) -> None:
        self.on_suggestion(self.people.person)

    def action_merge(self) -> None:
        self.on_suggestion(self.people.merge)

    def action_filter(self) -> None:
        def keep(key: str | None) -> None:
            if key is not None and key != self.listing.filter:
                self.listing.set_filter(key)
                self.fill()

        choices = self.listing.filter_choices()
        self.writer.ask(ChoiceDialog("List only…", choices, current=self.listing.filter), keep)

    def action_undo(self) -> None:
        """The last edit's files put back as they were, and the pack loaded again."""
        self.writer.undo()

    # Moving ----------------------------------------------------------------------------------

    def action_walk(self, step: int) -> None:
        listed = self.query_one(ReviewList)
        if step > 0:
            listed.action_cursor_down()
        else:
            listed.action_cursor_up()

    def action_back(self) -> None:
        self.app.switch_screen("reader")
