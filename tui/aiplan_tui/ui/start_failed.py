"""What a browser session shows when the app cannot start (`aiplan-tui serve`): the message
the command would have printed, as plain text, until the page is closed or `q` pressed."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static


class StartFailedApp(App[None]):
    CSS = """
    Screen { padding: 1 2; }
    #why { margin: 1 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Close")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text("aiplan-tui could not start:", style="bold"))
            yield Static(Text(self.message.rstrip()), id="why")
            yield Static(Text("Press q to close this session.", style="dim"))
