"""Help: every key, by screen, generated from the bindings themselves so it never goes stale."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from aiplan_tui.ui.screens.shown import ShownModal


def key_rows(
    bindings: Iterable[BindingType], keymap: Mapping[str, str] | None = None
) -> list[tuple[str, str]]:
    """(keys, description) for each binding that has a description, keys as a person types
    them; `keymap` (binding id -> keys) shows the user's remapping instead of the default."""
    rows = []
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        typed = (keymap or {}).get(binding.id or "", binding.key)
        keys = " ".join(key_name(key) for key in typed.split(","))
        rows.append((keys, binding.tooltip or binding.description))
    return rows


def key_name(key: str) -> str:
    names = {
        "question_mark": "?",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
        "left_curly_bracket": "{",
        "right_curly_bracket": "}",
        "slash": "/",
    }
    return names.get(key.strip(), key.strip())


class HelpScreen(ShownModal[None]):
    """A scrollable table of keys; `escape`, `?` or `q` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help-close"),
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="help-down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="help-up"),
        Binding("g,home", "scroll_edge(0)", "Top", show=False, id="help-top",
                tooltip="The top of the list of keys."),
        Binding("G,end", "scroll_edge(1)", "Bottom", show=False, id="help-bottom",
                tooltip="The bottom of the list of keys."),
        Binding("pageup", "scroll_page(-1)", "Page up", show=False, id="help-page-up",
                tooltip="Up a page."),
        Binding("pagedown,space", "scroll_page(1)", "Page down", show=False,
                id="help-page-down", tooltip="Down a page."),
    ]  # fmt: skip
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            for title, rows in self.sections:
                table = Table(
                    title=title,
                    title_justify="left",
                    show_header=False,
                    box=None,
                    expand=True,
                    title_style="bold",
                )
                table.add_column("keys", style="bold", no_wrap=True, width=18)
                table.add_column("does")
                for keys, description in rows:
                    table.add_row(Text(keys), Text(description))
                yield Static(table)

    def action_scroll_down(self) -> None:
        self.query_one(VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one(VerticalScroll).scroll_up(animate=False)

    def action_scroll_edge(self, bottom: int) -> None:
        scroll = self.query_one(VerticalScroll)
        if bottom:
            scroll.scroll_end(animate=False, immediate=True)
        else:
            scroll.scroll_home(animate=False, immediate=True)

    def action_scroll_page(self, step: int) -> None:
        scroll = self.query_one(VerticalScroll)
        if step > 0:
            scroll.scroll_page_down(animate=False)
        else:
            scroll.scroll_page_up(animate=False)
