"""A change made to the pack's files from Review, said on Review's own line, recorded for undo,
and the pack loaded again: ReviewWriter, an object the Review screen owns. The edits
(review_edits.py, review_cells.py) and the parts the screen owns (review_fixes.py,
review_people.py) write through it (`Editing`); what it asks of the screen is ReviewPage, a
protocol the screen meets, named here so that the writer never imports the screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import Screen

from aiplan_tui.authoring.review import ReviewError
from aiplan_tui.authoring.review_history import History, UndoError
from aiplan_tui.authoring.review_seen import ChangedOnDisk
from aiplan_tui.core.model import Highlight, Pack
from aiplan_tui.settings.read_only import REFUSED, read_only
from aiplan_tui.ui.notices import NoticesApp
from aiplan_tui.ui.reload_service import RELOADING, Reloader
from aiplan_tui.ui.screens.review_listing import ReviewListing

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


class ReviewPage(Protocol):
    """The Review screen, as its writer sees it: the pack and the suggestions it shows, the
    cursor, and its own line for words to the user."""

    pack: Pack
    listing: ReviewListing

    @property
    def app(self) -> App[Any]: ...

    @property
    def is_attached(self) -> bool: ...

    def current(self) -> Highlight | None: ...

    def fill(self, keep: str | None = None, index: int = 0) -> None: ...

    def cursor_index(self) -> int: ...

    def show_said(self, message: str, error: bool) -> None: ...


class ReviewWriter:
    """Review's writes: a change made, said, and the pack loaded again, for `page`; the pack
    loaded again by `reloader` (the app); each edit recorded in `history`, for `u`."""

    def __init__(self, page: ReviewPage, reloader: Reloader, history: History) -> None:
        self.page = page
        self.reloader = reloader
        """Loads the pack again after a change to its files (the app)."""
        self.history = history
        """The edits made here, for `u`."""
        self.unshown = False
        """A change was written and the pack not loaded again since (a step of a longer
        edit)."""

    @property
    def pack(self) -> Pack:
        return self.page.pack

    @property
    def listing(self) -> ReviewListing:
        return self.page.listing

    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        """A word to the user about the edit, on Review's own line under the panes: never a
        notice over the suggestion or a dialog (it stays until the next word)."""
        app = self.page.app
        if isinstance(app, NoticesApp):
            app.remember(message, title="Review", severity=severity)
        self.page.show_said(message, severity == "error")

    def ask(self, dialog: Screen[T], then: Callable[[T | None], None]) -> None:
        """A dialog over Review; `then` its answer."""
        self.page.app.push_screen(dialog, then)

    def to_edit(self) -> Highlight | None:
        """The suggestion under the cursor, for an edit to start on; None (said why) while
        the pack is read again after the last edit: the list is of files changed since.
        None too in a read-only session (`serve --read-only`): every edit starts here."""
        return self.page.current() if self.can_write() else None

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
            highlight = self.page.current()
            with self.history.recording(done, highlight.id if highlight else ""):
                change()
        except (ReviewError, OSError, UnicodeError) as error:
            self.say(f"Nothing changed: {error}", "error")
            if isinstance(error, ChangedOnDisk):
                self.unshown = True  # the pack read again: the table as it is now
            if last:  # (a step before the last: the edit goes on, and shows it all at its end)
                self.show_written()
            return False
        self.say(done)
        self.unshown = True
        if last:
            self.show_written(gone)
        return True

    def undo(self) -> None:
        """The last edit's files put back as they were, and the pack loaded again."""
        if not self.can_write():
            return
        try:
            step = self.history.undo()
        except (UndoError, OSError) as error:
            self.say(f"Not undone: {error}", "error")
            return
        if step is None:
            self.say("Nothing to undo")
            return
        self.say(f"Undone: {step.label}")
        self.unshown = True
        self.show_written(keep=step.subject)

    def show_written(self, gone: bool = False, keep: str | None = None) -> None:
        """The edit is over (one step of undo): load the pack again if anything was written
        since it was, and list it anew."""
        self.history.close()
        if not self.unshown:
            return
        self.unshown = False
        page = self.page
        highlight = page.current()
        if keep is None:
            keep = None if gone or highlight is None else highlight.id
        index = page.cursor_index()

        def reloaded(pack: Pack) -> None:
            if not page.is_attached:  # (dropped: it is made again from the new pack)
                return
            page.pack = pack
            page.listing.use(pack)
            page.fill(keep=keep, index=index)

        if not self.reloader.reload_pack(reloaded):
            self.unshown = True  # refused: shown with the next edit's reload
