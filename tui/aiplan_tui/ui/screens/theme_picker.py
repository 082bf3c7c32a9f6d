"""The theme picker: each theme previews as the cursor reaches it; `escape` restores the old one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.screens.shown import ShownModal
from aiplan_tui.ui.theme_catalog import ThemeEntry


class ThemePicker(ShownModal[str | None]):
    """Dismisses with the chosen theme's name, or None when cancelled (the old theme is back)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="theme-cancel",
                tooltip="Close the picker and keep the theme you had."),
    ]  # fmt: skip
    DEFAULT_CSS = """
    ThemePicker { align: right top; }
    ThemePicker > OptionList {
        width: 44; max-height: 80%; margin: 1 2; border: round $accent; background: $surface;
    }
    """

    def __init__(self, entries: list[ThemeEntry], current: str) -> None:
        super().__init__()
        self.entries = entries
        self.original = current

    def compose(self) -> ComposeResult:
        options = []
        for entry in self.entries:
            label = Text(clean_line(entry.theme.name))
            label.append(f"  {entry.origin}", style="dim")
            options.append(Option(label, id=entry.theme.name))
        yield OptionList(*options, id="theme-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.border_title = "Theme"
        options.border_subtitle = "enter keeps · escape cancels"
        names = [entry.theme.name for entry in self.entries]
        if self.original in names:
            options.highlighted = names.index(self.original)
        options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.app.theme = event.option.id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.app.theme = self.original
        self.dismiss(None)
