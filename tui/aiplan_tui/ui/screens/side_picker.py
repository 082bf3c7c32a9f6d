"""A dialog that picks which two sides to compare, when a pack has more than two."""

from __future__ import annotations

from itertools import combinations
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from aiplan_tui.core.model import Pack
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.screens.shown import ShownModal


class SidePicker(ShownModal[tuple[str, str] | None]):
    """Choose which two sides to compare, when a pack has more than two."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel", id="sides-cancel", tooltip="Keep the sides."),
    ]

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pairs = list(combinations([side.id for side in pack.sides], 2))
        self.labels = {side.id: side.label for side in pack.sides}

    def compose(self) -> ComposeResult:
        options = [
            Option(Text(clean_line(f"{self.labels[a]} and {self.labels[b]}")), id=f"{a},{b}")
            for a, b in self.pairs
        ]
        yield OptionList(*options, id="side-pairs")

    def on_mount(self) -> None:
        self.query_one(OptionList).border_title = "Compare which two sides?"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        left, right = str(event.option.id).split(",")
        self.dismiss((left, right))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
