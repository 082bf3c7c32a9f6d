"""Shown instead of the app when the terminal is too small to lay it out."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from aiplan_tui.ui.screens.shown import ShownScreen

MIN_WIDTH, MIN_HEIGHT = 40, 12


class TooSmallScreen(ShownScreen[None]):
    """Says what size is needed, wrapped to fit any size; the app comes back as it was once
    the terminal grows. It is the one screen of the app's too-small mode (ui/sizing.py).

    It never scrolls: at one or two columns a scrollbar would take the column the text needs,
    the text would fit again without it, and the two would swap sixty times a second.
    """

    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; overflow: hidden; }
    TooSmallScreen Static { width: 100%; text-align: center; }
    """

    CHECK_SECONDS = 0.5
    """How often the notice asks the app to check the terminal's size, in case a resize event
    was missed or came in the wrong order (seen under heavy load over tmux and SSH)."""

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Terminal too small (needs {MIN_WIDTH}×{MIN_HEIGHT})"))

    def on_mount(self) -> None:
        self.set_interval(self.CHECK_SECONDS, self.check_size)

    def check_size(self) -> None:
        fit = getattr(self.app, "fit_screen", None)
        if callable(fit):
            fit()
