"""Review's dialogs: one choice from a list, several from a list, a line of text (the speaker
is picked in speaker_dialog.py).

Every label is pack text made a rich Text after `clean_line`, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.strip import Strip
from textual.widgets import Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.screens.shown import ShownModal

MAX_TEXT = 2000
"""As many characters as a note or a cell's summary typed here may have."""

CANCEL = Binding(
    "escape",
    "cancel",
    "Cancel",
    id="review-cancel",
    tooltip="In a Review dialog: close it and change nothing.",
)
"""One key, one id, for every Review dialog."""

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 70; max-width: 90%; height: auto; max-height: 80%;
    border: round $accent; background: $surface; padding: 0 1;
}}
{name} .dialog-note {{ color: $text-muted; height: auto; }}
{name} OptionList, {name} OptionList:focus, {name} SelectionList, {name} SelectionList:focus {{
    width: 1fr; height: auto; max-height: 16; border: none; padding: 0;
}}
{name} Input {{ width: 1fr; }}
"""


def dialog_css(name: str) -> str:
    return DIALOG_CSS.format(name=name)


@dataclass(frozen=True)
class Choice:
    """One entry of a list dialog: what it returns, what it shows, whether it can be taken."""

    value: str
    label: str
    enabled: bool = True


class ChoiceDialog(ShownModal[str | None]):
    """One choice from a short list (a kind, a side); enter takes it, escape changes nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        CANCEL,
    ]  # fmt: skip
    DEFAULT_CSS = dialog_css("ChoiceDialog")

    def __init__(
        self, title: str, choices: Sequence[Choice], note: str = "", current: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.note = note
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = clean_line(self.title_text)
            box.border_subtitle = "enter picks · escape cancels"
            options = [
                Option(Text(clean_line(choice.label)), id=choice.value, disabled=not choice.enabled)
                for choice in self.choices
            ]
            yield OptionList(*options, id="dialog-choices")
            if self.note:
                yield Static(Text(clean_line(self.note)), classes="dialog-note")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [choice.value for choice in self.choices]
        if self.current in values and self.choices[values.index(self.current)].enabled:
            options.highlighted = values.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Ticks(SelectionList[str]):
    """The ticks of a ManyDialog. Its keys act in the list's own turn, after the keys typed
    before them: a priority binding (or the list's own space, which ticks through a message
    handled later) let `down space enter`, typed together over a slow link, keep the ticks
    before the cursor had moved and the tick was made."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "keep", "Keep", id="review-many-keep",
                tooltip="In a list of ticks (sides, dimensions): keep the ticked entries; "
                "space ticks or unticks one."),
        Binding("space", "tick", "Tick", id="review-many-tick", show=False,
                tooltip="In a list of ticks: tick or untick the entry under the cursor."),
    ]  # fmt: skip

    def render_line(self, y: int) -> Strip:
        """Without colour (NO_COLOR), `[x]` and `[ ]`: Textual's button tells a tick only by
        its colours, so both would read `▐X▌`."""
        if not self.app.no_color:
            return super().render_line(y)
        line = OptionList.render_line(self, y)  # the label, without the button
        index = self.scroll_offset.y + y
        if index >= self.option_count:
            return line
        value = self.get_option_at_index(index).value
        box = "[x] " if value in self.selected else "[ ] "
        style = next(iter(line)).style if line.cell_length else None
        return Strip([Segment(box, style), *line])

    def action_tick(self) -> None:
        if self.highlighted is not None:
            self.toggle(self.get_option_at_index(self.highlighted).value)

    def action_keep(self) -> None:
        screen = self.screen
        if isinstance(screen, ManyDialog):
            screen.keep(set(self.selected))


class ManyDialog(ShownModal[list[str] | None]):
    """Several choices (dimensions, sides): space ticks or unticks, enter keeps the ticks."""

    BINDINGS: ClassVar[list[BindingType]] = [CANCEL]
    DEFAULT_CSS = dialog_css("ManyDialog")

    def __init__(self, title: str, choices: Sequence[Choice], ticked: Sequence[str]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.ticked = set(ticked)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = clean_line(self.title_text)
            box.border_subtitle = "space ticks · enter keeps · escape cancels"
            yield Ticks(
                *[
                    (Text(clean_line(choice.label)), choice.value, choice.value in self.ticked)
                    for choice in self.choices
                ],
                id="dialog-many",
            )

    def on_mount(self) -> None:
        self.query_one(Ticks).focus()

    def keep(self, ticked: set[str]) -> None:
        self.dismiss([choice.value for choice in self.choices if choice.value in ticked])

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextDialog(ShownModal[str | None]):
    """A line of text (a note, a cell's summary), prefilled; enter keeps it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        CANCEL,
    ]  # fmt: skip
    DEFAULT_CSS = dialog_css("TextDialog")

    def __init__(self, title: str, value: str = "", note: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.note = note
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = clean_line(self.title_text)
            box.border_subtitle = "enter keeps · escape cancels"
            if self.note:
                yield Static(Text(clean_line(self.note)), classes="dialog-note")
            yield Input(
                clean_line(self.value),
                placeholder=self.placeholder,
                max_length=MAX_TEXT,
                id="dialog-text",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _kept(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
