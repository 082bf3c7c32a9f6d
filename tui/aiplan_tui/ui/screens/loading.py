"""What the app shows while it loads a large pack from its files (no compiled pack was
current): which pack, why it takes a moment, that `q` quits; then what went wrong, if it did."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from aiplan_tui.core.safe_text import clean_line


class LoadingScreen(Screen[None]):
    """The first frame of an app whose pack is still being loaded."""

    DEFAULT_CSS = """
    LoadingScreen { align: center middle; }
    LoadingScreen > Vertical { width: 72; max-width: 100%; height: auto; }
    LoadingScreen Static { width: 100%; content-align: center middle; text-align: center; }
    LoadingScreen #loading-title { text-style: bold; }
    LoadingScreen #loading-why { color: $text-muted; margin-bottom: 1; }
    LoadingScreen LoadingIndicator { height: 1; }
    LoadingScreen #loading-failed { color: $error; margin-top: 1; }
    """

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                Text(f"Reading the pack in {clean_line(str(self.root))}"), id="loading-title"
            )
            yield Static(
                Text(
                    "It has changed since it was last opened, or is opened here for the "
                    "first time: reading it takes a moment, and it is then compiled in the "
                    "background so that the next start is quick. Press q to quit."
                ),
                id="loading-why",
            )
            yield LoadingIndicator()

    def failed(self, why: str) -> None:
        """The pack could not be loaded: say so, why, and what to do, instead of the
        indicator."""
        where = clean_line(str(self.root))
        self.query_one("#loading-title", Static).update(
            Text(f"Could not read the pack in {where}", justify="center")
        )
        self.query_one("#loading-why", Static).update(Text(clean_line(why), justify="center"))
        self.query_one(LoadingIndicator).remove()
        advice = f"`aiplan-tui check {where}` says what is wrong. Press q to quit."
        self.query_one(Vertical).mount(Static(Text(advice, justify="center"), id="loading-failed"))
