"""Key bindings defined once: the app's own keys, and the vim-style keys of every list.

Each has an id (so `[keys]` in config.toml can remap it) and a tooltip (for the help screen).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

APP_BINDINGS: list[BindingType] = [
    Binding(
        "1",
        "show_reader",
        "Reader",
        id="reader",
        priority=True,
        tooltip="The articles with highlights.",
    ),
    Binding(
        "2",
        "show_compare",
        "Compare",
        id="compare",
        priority=True,
        tooltip="The two sides, dimension by dimension.",
    ),
    Binding(
        "3", "show_quotes", "Quotes", id="quotes", priority=True, tooltip="Every quote, by speaker."
    ),
    Binding(
        "4",
        "show_review",
        "Review",
        show=False,  # in help and the palette; the footer keeps its room for `?` at 80 columns
        id="review",
        priority=True,
        tooltip="Review the highlights that add suggested: accept, fix or reject each.",
    ),
    Binding("slash", "search", "Search", id="search", priority=True, tooltip="Search everything."),
    Binding("question_mark", "help", "Help", id="help", priority=True, tooltip="List every key."),
    Binding(
        "t",
        "pick_theme",
        "Theme",
        id="theme",
        priority=True,
        tooltip="Pick a theme, previewed live.",
    ),
    Binding(
        "right_square_bracket",
        "quote(1)",
        "Next quote",
        id="next-quote",
        tooltip="The next quote in reading order, across articles.",
    ),
    Binding(
        "left_square_bracket",
        "quote(-1)",
        "Prev quote",
        id="previous-quote",
        tooltip="The previous quote in reading order.",
    ),
    Binding(
        "right_curly_bracket",
        "highlight(1)",
        "Next highlight",
        show=False,
        id="next-highlight",
        tooltip="The next highlight of any kind.",
    ),
    Binding(
        "left_curly_bracket",
        "highlight(-1)",
        "Prev highlight",
        show=False,
        id="previous-highlight",
        tooltip="The previous highlight of any kind.",
    ),
    Binding("y", "copy", "Copy", id="copy", tooltip="Copy the highlight with its citation."),
    Binding(
        "o",
        "open_source",
        "Open source",
        show=False,
        id="open-source",
        tooltip="Open the current article's address in the browser (yours, under serve).",
    ),
    Binding(
        "e",
        "edit_source",
        "Edit",
        show=False,
        id="edit-source",
        tooltip="Open the pack file behind the highlight at its line in $EDITOR; then reload.",
    ),
    Binding(
        "R",
        "reload",
        "Reload",
        show=False,
        id="reload",
        tooltip="Read the pack again from its files (done by itself when they change).",
    ),
    Binding(
        "ctrl+l",
        "redraw",
        "Redraw",
        show=False,
        priority=True,  # dialogs too: a garbled screen can happen under any of them
        id="redraw",
        tooltip="Draw the whole screen again, if it looks garbled.",
    ),
    Binding("q", "quit", "Quit", id="quit", tooltip="Leave aiplan-tui."),
    Binding(
        "ctrl+c",
        "quit",
        "Quit",
        show=False,
        priority=True,
        id="quit-ctrl-c",
        tooltip="Leave aiplan-tui.",
    ),
]
"""The keys that work on every screen. Those that open a screen are priority bindings: they
act as they arrive, so the keys typed after them go to the new screen (ui/typeahead.py), not
to whatever had the focus before; a focused box still takes them as text, and a dialog keeps
them (AiplanApp.check_action)."""
SCREEN_ACTIONS = frozenset(
    {"show_reader", "show_compare", "show_quotes", "show_review", "search", "help", "pick_theme"}
)
"""The actions of the priority keys above."""
QUITTING = frozenset({"quit", "redraw", "suspend_process"})
"""The actions that work while the pack is still being loaded (there is nothing else yet)."""


def list_keys(prefix: str, where: str, top: str, bottom: str) -> list[BindingType]:
    """`j`/`k` down and up, `g`/`G` first and last; `top`/`bottom` name the widget's actions."""
    return [
        Binding("j", "cursor_down", "Down", show=False, id=f"{prefix}-down",
                tooltip=f"Down in {where}."),
        Binding("k", "cursor_up", "Up", show=False, id=f"{prefix}-up", tooltip=f"Up in {where}."),
        Binding("g", top, "Top", show=False, id=f"{prefix}-top",
                tooltip=f"First entry in {where}."),
        Binding("G", bottom, "Bottom", show=False, id=f"{prefix}-bottom",
                tooltip=f"Last entry in {where}."),
    ]  # fmt: skip
