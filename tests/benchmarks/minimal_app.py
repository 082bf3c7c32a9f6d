"""The yardstick for start-up time: a minimal Textual app with a header, a footer and a list."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, Header, Label, ListItem, ListView


class MinimalApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield ListView(*(ListItem(Label(f"Item {number}")) for number in range(1, 31)))
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
