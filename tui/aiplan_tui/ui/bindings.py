"""Vim-style movement keys for lists, with ids and help text, written once for every list."""

from __future__ import annotations

from textual.binding import Binding, BindingType


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
