"""The base of Review's screen: a change made to the pack's files, said on Review's own line,
recorded for undo, and the pack loaded again. The edits (review_edits.py, review_cells.py) and
the parts the screen owns (review_fixes.py, review_people.py) write through it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from rich.text import Text
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import OptionList, Static

from aiplan_tui.authoring.review import ReviewError
from aiplan_tui.authoring.review_history import History
from aiplan_tui.authoring.review_seen import ChangedOnDisk
from aiplan_tui.core.model import Highlight, Pack
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.settings.read_only import REFUSED, read_only
from aiplan_tui.ui.notices import NoticesApp
from aiplan_tui.ui.reload_service import RELOADING, Reloader
from aiplan_tui.ui.screens.review_listing import ReviewListing
from aiplan_tui.ui.screens.shown import ShownScreen

T = TypeVar("T")


class Editing(Protocol):
    """What a part of Review edits through: the pack shown and what is listed, a change
    written (said, and the pack loaded again), a word to the user, a dialog asked."""

    @property
    def pack(self) -> Pack: ...

    @property
    def listing(self) -> ReviewListing: ...

    def write(
        self, done: str, change: Callable[[], object], gone: bool = False, last: bool = True
    ) -> bool: ...

    def say(self, message: str, severity: SeverityLevel = "information") -> None: ...

    def ask(self, dialog: Screen[T], then: Callable[[T | None], None]) -> None: ...

    def show_written(self, gone: bool = False, keep: str | None = None) -> None: ...


class ReviewWriting(ShownScreen[None]):
    """A Review screen that writes: a change made, said, and the pack loaded again. The screen
    (ReviewScreen) gives it the pack, the suggestions and the cursor."""

    pack: Pack
    reloader: Reloader
    listing: ReviewListing
    history: History

    def current(self) -> Highlight | None:
        raise NotImplementedError

    def fill(self, keep: str | None = None, index: int = 0) -> None:
        raise NotImplementedError

    _unshown = False
    """A change was written and the pack not loaded again since (a step of a longer edit)."""

    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        """A word to the user about the edit, on Review's own line under the panes: never a
        notice over the suggestion or a dialog (it stays until the next word)."""
        if isinstance(self.app, NoticesApp):
            self.app.remember(message, title="Review", severity=severity)
        said = self.query("#review-said")
        if said:
            line = said.first(Static)
            line.update(Text(clean_line(message)))
            line.set_class(severity == "error", "-error")
            line.add_class("-said")

    def ask(self, dialog: Screen[T], then: Callable[[T | None], None]) -> None:
        """A dialog over Review; `then` its answer."""
        self.app.push_screen(dialog, then)

    def to_edit(self) -> Highlight | None:
        """The suggestion under the cursor, for an edit to start on; None (said why) while
        the pack is read again after the last edit: the list is of files changed since.
        None too in a read-only session (`serve --read-only`): every edit starts here."""
        return self.current() if self.can_write() else None

    def can_write(self) -> bool:
        """Whether the files may be written now (else said why)."""
        if read_only():
            self.say(REFUSED)
            return False
        if self.reloader.reloading:
            self.say(RELOADING)
            return False
        return True

    def write(
        self, done: str, change: Callable[[], object], gone: bool = False, last: bool = True
    ) -> bool:
        """Make a change to the files; say what was written, or why nothing was. The `last`
        step of an edit (most have one) then loads the pack again and lists its suggestions
        (the cursor stays, or moves on if `gone`), once for the steps before it too; a step
        that fails does so for what the steps before it wrote."""
        try:
            highlight = self.current()
            with self.history.recording(done, highlight.id if highlight else ""):
                change()
        except (ReviewError, OSError, UnicodeError) as error:
            self.say(f"Nothing changed: {error}", "error")
            if isinstance(error, ChangedOnDisk):
                self._unshown = True  # the pack read again: the table as it is now
            if last:  # (a step before the last: the edit goes on, and shows it all at its end)
                self.show_written()
            return False
        self.say(done)
        self._unshown = True
        if last:
            self.show_written(gone)
        return True

    def show_written(self, gone: bool = False, keep: str | None = None) -> None:
        """The edit is over (one step of undo): load the pack again if anything was written
        since it was, and list it anew."""
        self.history.close()
        if not self._unshown:
            return
        self._unshown = False
        highlight = self.current()
        if keep is None:
            keep = None if gone or highlight is None else highlight.id
        index = self.query_one("#review-list", OptionList).highlighted or 0

        def reloaded(pack: Pack) -> None:
            if not self.is_attached:  # (dropped: it is made again from the new pack)
                return
            self.pack = pack
            self.listing.use(pack)
            self.fill(keep=keep, index=index)

        if not self.reloader.reload_pack(reloaded):
            self._unshown = True  # refused: shown with the next edit's reload
