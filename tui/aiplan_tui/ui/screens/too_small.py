"""Shown instead of the app when the terminal is too small to lay it out."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 40, 12


class TooSmallScreen(Screen[None]):
    """Says what size is needed; the app comes back as it was once the terminal grows."""

    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen Static { width: auto; text-align: center; }
    """

    CHECK_SECONDS = 0.5
    """How often the notice checks whether the terminal has grown, in case a resize event
    was missed or came in the wrong order (seen under heavy load over tmux and SSH)."""

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Terminal too small (needs {MIN_WIDTH}×{MIN_HEIGHT})"))

    def on_mount(self) -> None:
        self.set_interval(self.CHECK_SECONDS, self.leave_when_big_enough)

    def leave_when_big_enough(self) -> None:
        width, height = self.app.size
        if width >= MIN_WIDTH and height >= MIN_HEIGHT and self.app.screen is self:
            self.app.pop_screen()
