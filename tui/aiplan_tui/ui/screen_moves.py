"""Which of the app's named screens is shown (or a dialog over them), and the ways to each: a
named screen once the pack is READY, something done in the reader once it is built, the place
the last session ended. The app owns a ScreenMoves; MovesHost is what it asks of the app
(named here, so that it never imports the app)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from textual.app import ScreenStackError
from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen

from aiplan_tui.core.model import Pack
from aiplan_tui.ui.named_screens import SCREEN_TITLES, NamedScreens
from aiplan_tui.ui.screens.reader import ReaderScreen
from aiplan_tui.ui.startup import Startup
from aiplan_tui.ui.widgets.navigator import Target


class MovesHost(Protocol):
    """The app, as moving between its screens sees it."""

    reader: ReaderScreen
    screens: NamedScreens
    startup: Startup

    @property
    def pack(self) -> Pack: ...

    @property
    def screen(self) -> Screen[object]: ...

    def main_screen(self) -> Screen[object]: ...

    def switch_screen(self, screen: Screen[Any] | str) -> AwaitComplete: ...

    def when_ready(self, key: str, then: Callable[[], object], what: str) -> bool: ...

    def when_reader(self, key: str, then: Callable[[], object], what: str) -> bool: ...


class ScreenMoves:
    """The ways between `app`'s named screens."""

    def __init__(self, app: MovesHost) -> None:
        self.app = app

    def shown_name(self) -> str | None:
        """The name of the named screen on top, if one is (even under the too-small notice)."""
        try:
            return self.app.screens.name_of(self.app.main_screen())
        except (ScreenStackError, KeyError, IndexError):
            return None

    def dialog_open(self) -> bool:
        """Whether a dialog is on the app's own screens (under the too-small notice, too)."""
        try:
            return isinstance(self.app.main_screen(), ModalScreen)
        except (KeyError, IndexError):  # no screen of its own yet
            return False

    def show_named(self, name: str) -> None:
        """Show the screen called `name` (made the first time); once the pack is READY."""
        app = self.app
        if name == "reader" or app.when_ready(
            f"screen:{name}", lambda: self.show_named(name), f"{SCREEN_TITLES[name]} opens"
        ):
            screen = app.screens.get(name)
            if app.screen is not screen:
                app.switch_screen(name)

    def in_reader(self, then: Callable[[], object]) -> None:
        """Show the reader and do `then` in it: at once, or, for a reader made anew by
        `reload_pack` and not built yet, once it is (its own messages run after its mount);
        while the pack is read again, once it is, in the reader made from it. (On a pack's
        head, at once: the reader reads what it opens.)"""
        if not self.app.when_reader("reader", lambda: self.in_reader(then), "the reader opens"):
            return
        self.show_named("reader")
        reader = self.app.reader
        if reader.is_mounted:
            then()
        else:
            reader.call_later(then)

    def reader_place(self) -> tuple[str | None, int]:
        """The reader's article and paragraph; where it should reopen, until it is built."""
        if self.app.reader.is_mounted:
            return self.app.reader.saved_place()
        return self.app.startup.saved.article, self.app.startup.saved.paragraph

    def restore_place(self) -> None:
        """Back to the screen, article and paragraph where the last session ended."""
        saved = self.app.startup.saved
        if saved.article and self.app.pack.article(saved.article) is not None:
            self.app.reader.open_paragraph(saved.article, saved.paragraph, flash=False)
        if saved.screen in ("compare", "quotes"):
            self.show_named(saved.screen)

    def go_to(self, kind: str, target_id: str) -> None:
        """Open an article, entity or dimension in the reader (the command palette's go-to)."""
        if kind in ("article", "highlight", "entity", "dimension"):
            target = Target(kind, target_id)  # type: ignore[arg-type]
            self.in_reader(lambda: self.app.reader.open_target(target))
        else:
            self.show_named("reader")
