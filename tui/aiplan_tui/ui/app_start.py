"""The app's start, once it is mounted: the themes' and the settings' problems said once, the
keymap taken, then the reader where the last session left off (or the loading screen, for a
pack read from its files), and the search index after the first frame (on a pack's head,
its compiled pack's; the whole pack is read only once something waits for it). The app owns
an AppStart; StartHost is what it asks of the app (named here, so it never imports the app)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from textual.geometry import Size
from textual.notifications import SeverityLevel
from textual.screen import Screen

from aiplan_tui.ui.pack_checking import PackChecking
from aiplan_tui.ui.pack_reading import PackReading
from aiplan_tui.ui.pack_reloading import PackReloading
from aiplan_tui.ui.pack_session import PackSession
from aiplan_tui.ui.screen_moves import ScreenMoves
from aiplan_tui.ui.screens.pane_start import lay_out_before_mount
from aiplan_tui.ui.screens.reader import ReaderScreen
from aiplan_tui.ui.startup import Startup

INDEX_DELAY = 0.3
"""Seconds after start-up before the search index is built or loaded, in a thread."""


class StartHost(Protocol):
    """The app, as its start sees it."""

    startup: Startup
    session: PackSession
    reader: ReaderScreen
    theme_notes: list[str]
    pack_reading: PackReading
    pack_reloading: PackReloading
    pack_checking: PackChecking
    moves: ScreenMoves

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def set_keymap(self, keymap: dict[str, str]) -> None: ...

    def show_title(self) -> None: ...

    def install_screen(self, screen: Screen[Any], name: str) -> None: ...

    def push_screen(self, screen: Screen[Any] | str) -> object: ...

    def watch_size_from_now(self) -> None: ...

    @property
    def size(self) -> Size: ...

    def call_after_refresh(self, callback: Callable[..., object], *args: Any) -> bool: ...

    def when_big_enough(self, callback: Callable[[], object]) -> None: ...

    def set_timer(self, delay: float, callback: Callable[[], object]) -> object: ...

    def build_search_index(self, rebuild: bool = False) -> object: ...


class AppStart:
    """What `app` does once mounted."""

    def __init__(self, app: StartHost) -> None:
        self.app = app

    def begin(self) -> None:
        """Say what went wrong with the themes and the settings, take the keymap, then read."""
        app, startup = self.app, self.app.startup
        if app.theme_notes:
            app.notify(
                "\n".join(app.theme_notes),
                title="Theme problems",
                severity="error",
                markup=False,
                timeout=10,
            )
        for note in startup.notes:
            app.notify(note, title="Settings", severity="warning", timeout=10, markup=False)
        if startup.keymap:
            app.set_keymap(startup.keymap)
        if startup.load_from is not None:
            app.pack_reading.load_aside(startup.load_from)
        else:
            self.start_reading()

    def start_reading(self) -> None:
        """The reader, where the last session left off; the index after the first frame."""
        app = self.app
        app.show_title()
        lay_out_before_mount(app.reader, app.size.width)  # styled once, for this width
        app.install_screen(app.reader, "reader")
        app.push_screen("reader")
        app.watch_size_from_now()  # after the reader is on the app's own stack
        app.call_after_refresh(app.when_big_enough, app.moves.restore_place)
        app.call_after_refresh(app.pack_reading.announce_problems)
        # After the first frame: a thread started now would compete with drawing it for the GIL.
        # (On a pack's head, the compiled pack's stored index, which reads from the database
        # what a query needs; the whole pack is read once something waits for it.)
        app.set_timer(INDEX_DELAY, app.build_search_index)  # (on a head being checked, after)
        app.call_after_refresh(app.pack_checking.start)
        app.pack_reloading.watch_disk()
