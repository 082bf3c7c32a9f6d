"""Review: the highlights `aiplan-tui add` suggested, one by one in reading order, each in its
paragraph with what is proposed; keys accept, reject or fix it, written back to the pack's
TOML files (authoring/review.py) and the pack loaded again.

The screen holds the list, the keys and the moving; what a suggestion looks like is in
ui/review_view.py, the edits in review_edits.py and review_cells.py."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from aiplan_tui.authoring.review_history import History, UndoError
from aiplan_tui.core.model import Highlight, Pack
from aiplan_tui.core.problems import plural
from aiplan_tui.ui.bindings import list_keys
from aiplan_tui.ui.reload_service import Reloader
from aiplan_tui.ui.review_view import reading_order, suggestion_details, suggestion_line
from aiplan_tui.ui.screens.review_cells import ReviewCells
from aiplan_tui.ui.screens.review_edits import ReviewEdits
from aiplan_tui.ui.screens.review_fixes import QuoteFixes
from aiplan_tui.ui.screens.review_people import PeopleEdits
from aiplan_tui.ui.widgets.footer import KeysFooter
from aiplan_tui.ui.widgets.title_bar import TitleBar

EMPTY = "No suggested highlights. Add an article with `aiplan-tui add SOURCE --content DIR`."
SELECTION_ACTIONS = frozenset(
    {
        "accept",
        "reject",
        "change_kind",
        "speaker",
        "side",
        "dimensions",
        "cell",
        "note",
        "direct",
        "words",
        "person",
        "merge",
    }
)
"""The actions that need a suggestion under the cursor."""


class ReviewList(OptionList):
    """The suggestions, one line each."""

    BINDINGS: ClassVar[list[BindingType]] = list_keys(
        "review", "the suggestion list", "first", "last"
    )


class ReviewScreen(ReviewEdits, ReviewCells):
    """Accept, reject or fix each suggested highlight; every change is written and the pack
    loaded again (`reload` returns the new pack)."""

    AUTO_FOCUS = "#review-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "Accept", id="review-accept",
                tooltip="Keep the suggestion: it loses its status and shows everywhere."),
        Binding("x", "reject", "Reject", id="review-reject",
                tooltip="Drop the suggestion: its table goes from the file."),
        Binding("right_square_bracket", "walk(1)", "Next", id="review-next",
                tooltip="The next suggestion."),
        Binding("left_square_bracket", "walk(-1)", "Prev", id="review-previous",
                tooltip="The previous suggestion."),
        Binding("n", "note", "Note", id="review-note", tooltip="Write or change the note."),
        Binding("s", "speaker", "Speaker", id="review-speaker",
                tooltip="Pick who says a quote: the pack's people, or a new one."),
        Binding("K", "change_kind", "Kind", id="review-kind",
                tooltip="Make it a quote, a position or an event."),
        Binding("S", "side", "Side", id="review-side",
                tooltip="Set the side of a position, or the sides another highlight concerns."),
        Binding("D", "dimensions", "Dimensions", id="review-dimensions",
                tooltip="Tick the dimensions it bears on."),
        Binding("c", "cell", "To Compare", id="review-cell",
                tooltip="Add it to the comparison cell of each of its dimensions and sides "
                "(a missing cell asks for its summary)."),
        Binding("d", "direct", "Direct", id="review-direct",
                tooltip="Make a quote a paraphrase, or a paraphrase a direct quotation."),
        Binding("w", "words", "Words", id="review-words",
                tooltip="Widen, narrow or retype the words (they must stay verbatim in their "
                "paragraph)."),
        Binding("p", "person", "Person", id="review-person",
                tooltip="Edit the speaker: name, role, kind, side and aliases."),
        Binding("M", "merge", "Merge", id="review-merge",
                tooltip="Merge the speaker into another person, who is kept: every quote, "
                "claim and mention moves to them."),
        Binding("u", "undo", "Undo", id="review-undo",
                tooltip="Undo the last edit, in every file it wrote (again: the one before)."),
        Binding("escape", "back", "Back", id="review-back", show=False,
                tooltip="Back to the reader."),
    ]  # fmt: skip

    def __init__(self, pack: Pack, reloader: Reloader) -> None:
        super().__init__()
        self.pack = pack
        self.reloader = reloader
        """Loads the pack again after a change to its files (the app)."""
        self.items = reading_order(pack)
        self.history = History()
        """The edits made here, for `u`."""
        self.fixes = QuoteFixes(self)
        """Direct or paraphrase, and the words."""
        self.people = PeopleEdits(self)
        """The speaker's fields, and merging them into another person."""
        self._wanted: str | None = None
        """The suggestion to put the cursor on once the list is built (`select`)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="review-panes"):
            yield ReviewList(id="review-list")
            with VerticalScroll(id="review-preview-pane"):
                yield Static(id="review-preview")
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
        ids = [h.id for h in self.items]
        if highlight_id in ids:
            self.query_one(ReviewList).highlighted = ids.index(highlight_id)

    def use_pack(self, pack: Pack) -> None:
        """The pack read again: its suggestions listed, the cursor kept on the same one (or
        at the same place, if it went)."""
        self.pack = pack
        self.items = reading_order(pack)
        if self.is_mounted:
            highlight = self.current()
            index = self.query_one(ReviewList).highlighted or 0
            self.fill(keep=highlight.id if highlight else None, index=index)

    # Showing ---------------------------------------------------------------------------------

    def fill(self, keep: str | None = None, index: int = 0) -> None:
        """List the suggestions; the cursor on `keep` if still there, else at `index`."""
        listed = self.query_one(ReviewList)
        listed.clear_options()
        listed.add_options([Option(suggestion_line(h, self.pack), id=h.id) for h in self.items])
        ids = [h.id for h in self.items]
        if keep in ids:
            index = ids.index(keep)
        listed.highlighted = min(index, len(ids) - 1) if ids else None
        self.show(self.current())

    def current(self) -> Highlight | None:
        """The suggestion under the cursor; none before the list is built or when it is empty."""
        lists = self.query(ReviewList)
        index = lists.first().highlighted if lists else None
        return self.items[index] if index is not None and index < len(self.items) else None

    def show(self, highlight: Highlight | None) -> None:
        preview = self.query_one("#review-preview", Static)
        status = self.query_one("#review-status", Static)
        if highlight is None:
            preview.update(Text(EMPTY))
            status.update(Text("No suggestions to review"))
            return
        place = [h.id for h in self.items].index(highlight.id) + 1
        status.update(Text(f"{place} of {plural(len(self.items), 'suggestion')}"))
        preview.update(suggestion_details(highlight, self.pack))

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

    def action_direct(self) -> None:
        if (h := self.to_edit()) is not None:
            self.fixes.flip_direct(h)

    def action_words(self) -> None:
        if (h := self.to_edit()) is not None:
            self.fixes.words(h)

    def action_person(self) -> None:
        if (h := self.to_edit()) is not None:
            self.people.person(h)

    def action_merge(self) -> None:
        if (h := self.to_edit()) is not None:
            self.people.merge(h)

    def action_undo(self) -> None:
        """The last edit's files put back as they were, and the pack loaded again."""
        if not self.can_write():
            return
        try:
            step = self.history.undo()
        except (UndoError, OSError) as error:
            self.notify(f"Not undone: {error}", title="Review", severity="error", markup=False)
            return
        if step is None:
            self.notify("Nothing to undo", title="Review", markup=False)
            return
        self.notify(f"Undone: {step.label}", title="Review", markup=False)
        self._unshown = True
        self.show_written(keep=step.subject)

    # Moving ----------------------------------------------------------------------------------

    def action_walk(self, step: int) -> None:
        listed = self.query_one(ReviewList)
        if step > 0:
            listed.action_cursor_down()
        else:
            listed.action_cursor_up()

    def action_back(self) -> None:
        self.app.switch_screen("reader")
