"""Whether an app-wide key can act now: keys that cannot are greyed out in the footer, so it
stays honest (Textual's check_action: True acts, None greys out, False hides)."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import ModalScreen, Screen

from aiplan_tui.core.navigation import Walk
from aiplan_tui.ui.bindings import QUITTING, SCREEN_ACTIONS
from aiplan_tui.ui.screens.reader import ReaderScreen


def key_state(
    action: str,
    parameters: tuple[object, ...],
    loading: bool,
    shown: Screen[object],
    reader: ReaderScreen,
    selected: Callable[[], str | None],
) -> bool | None:
    """For an app whose pack is `loading` or not, showing `shown`, with `reader`, and
    `selected` what `y` would copy."""
    if loading:  # only a loading screen, and nothing to act on but quitting
        return action in QUITTING
    if action in SCREEN_ACTIONS and isinstance(shown, ModalScreen):
        return False  # a dialog (the palette too) keeps its keys
    if not reader.is_attached:
        return True
    if action in ("quote", "highlight") and parameters:
        what: Walk = "quote" if action == "quote" else "highlight"
        return True if reader.can_walk(what, int(str(parameters[0]))) else None
    if action == "copy":
        return True if selected() is not None else None
    return True
