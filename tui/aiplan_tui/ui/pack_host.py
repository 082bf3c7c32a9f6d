"""What the app's parts that read the pack ask of the app: PackHost, a protocol the app meets
(named here, so that the parts never import the app)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from textual.notifications import SeverityLevel
from textual.screen import Screen

from aiplan_tui.core.model import Pack
from aiplan_tui.ui.disk_watch import DiskWatch
from aiplan_tui.ui.highlight_styles import Marks
from aiplan_tui.ui.named_screens import NamedScreens
from aiplan_tui.ui.pack_session import PackSession
from aiplan_tui.ui.pack_threads import PackThreads
from aiplan_tui.ui.reload_service import Reloader
from aiplan_tui.ui.screen_moves import ScreenMoves
from aiplan_tui.ui.screens.reader import ReaderScreen


class PackHost(Reloader, Protocol):
    """What reading the pack asks of the app (the app has all of it)."""

    session: PackSession
    threads: PackThreads
    disk_watch: DiskWatch
    reader: ReaderScreen
    made: dict[str, Screen[None]]
    screens: NamedScreens
    moves: ScreenMoves

    @property
    def pack(self) -> Pack: ...

    @property
    def is_headless(self) -> bool: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def push_screen(self, screen: Screen[Any]) -> object: ...

    def pop_screen(self) -> object: ...

    def main_screen(self) -> Screen[object]: ...

    def set_timer(self, delay: float, callback: Callable[[], object]) -> object: ...

    def call_after_refresh(self, callback: Callable[..., object], *args: Any) -> bool: ...

    def when_big_enough(self, callback: Callable[[], object]) -> None: ...

    def when_ready(self, key: str, then: Callable[[], object], what: str) -> bool: ...

    def marks(self) -> Marks: ...

    def forget_marks(self) -> None: ...

    def show_title(self) -> None: ...

    def start_reading(self) -> None: ...

    def build_search_index(self, rebuild: bool = False) -> object: ...
