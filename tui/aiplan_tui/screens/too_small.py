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

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Terminal too small (needs {MIN_WIDTH}×{MIN_HEIGHT})"))
