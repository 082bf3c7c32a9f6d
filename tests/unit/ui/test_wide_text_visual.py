"""WideText through Textual's Visual protocol (ui/wide_text.py): drawn wrapped beside wide
characters however Textual asks for its visual."""

from __future__ import annotations

from rich.text import Text
from textual.visual import visualize
from textual.widgets import Static

from aiplan_tui.ui.wide_text import WideText, WideWrapped


def test_textual_turns_a_wide_text_into_wide_wrapped_content() -> None:
    text = WideText.of(Text("人工智能 plan", style="bold"))
    visual = visualize(Static(), text)
    assert isinstance(visual, WideWrapped)
    assert visual.plain == "人工智能 plan"


def test_the_protocols_declared_arguments_are_taken_too() -> None:
    text = WideText.of(Text("人工智能"))
    widget = Static()
    assert isinstance(text.visualize(widget, text), WideWrapped)  # as SupportsVisual declares it
