"""What the app may ask of any screen, so it never needs to know which screen it is.

A screen takes on a role by having the method; the app checks with isinstance.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from aiplan_tui.core.model import Highlight


@runtime_checkable
class Restyled(Protocol):
    """A screen with theme colours baked into its text, redrawn when the theme changes."""

    def restyle(self) -> None: ...


@runtime_checkable
class Selecting(Protocol):
    """A screen with a highlight under its cursor, which `y` copies."""

    def selected_highlight(self) -> str | None: ...


@runtime_checkable
class Pointing(Protocol):
    """A screen whose cursor is on a highlight or a suggestion not to be copied as a source
    (Review's): `e` edits its file and `o` opens its article's address all the same."""

    def pointed_highlight(self) -> Highlight | None: ...
