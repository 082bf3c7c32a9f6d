"""The base of every screen of the app: one that lays itself out only for the terminal's
size of the moment, and only while it can be seen.

On each resize Textual lays out the top screen and the one just under it, even when that one
is covered by an opaque screen (or sits in a mode that is not shown), and a screen whose size
changes in a layout sends itself another resize. A screen holding resizes of two sizes at once
(one of them stale, from before the too-small notice) then sent itself each in turn for good:
the fuzzers found the app busy with them, too busy to draw, quit or obey SIGTERM. So a screen
ignores a resize that is not to the app's size now, and does not lay itself out while it is
covered. Textual lays out a screen for the size of the moment whenever it is shown again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual.await_complete import AwaitComplete
from textual.events import Resize
from textual.screen import ModalScreen, Screen

ResultType = TypeVar("ResultType")


def can_be_seen(screen: Screen[Any]) -> bool:
    """On top of the app's screens, or under nothing but dialogs (which show it around them)."""
    stack = screen.app.screen_stack
    if screen not in stack:
        return False
    above = stack[stack.index(screen) + 1 :]
    return all(isinstance(over, ModalScreen) for over in above)


def lays_out(screen: Screen[Any], event: Resize) -> bool:
    """Whether `screen` should lay itself out for `event`: a resize to the app's size of the
    moment, while the screen can be seen."""
    return event.size == screen.app.size and can_be_seen(screen)


if TYPE_CHECKING:
    _Screen = Screen[Any]
else:  # a plain mixin: Textual takes CSS and component classes from the first Screen base
    _Screen = object


class OnlyWhileSeen(_Screen):
    """What every screen, dialog and the palette of the app share: skip stale resizes, and
    layout, actions and dismissal while covered (by the too-small notice above all). Put it
    first among the bases: `class Dialog(OnlyWhileSeen, ModalScreen[T])`."""

    def on_resize(self, event: Resize) -> None:
        if not lays_out(self, event):
            event.prevent_default()  # Textual's own layout on resize: not for this one

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that reached this screen just before the too-small notice (or another
        screen) covered it do nothing: a dialog dismissed under the notice took the
        notice's place on the stack."""
        return super().check_action(action, parameters) if can_be_seen(self) else False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Not while covered: Textual would pop whatever screen is on top (the notice)."""
        return super().dismiss(result) if can_be_seen(self) else AwaitComplete()


class ShownScreen(OnlyWhileSeen, Screen[ResultType]):
    """A full screen of the app."""


class ShownModal(OnlyWhileSeen, ModalScreen[ResultType]):
    """A dialog of the app."""


class Backdrop(ShownScreen[None]):
    """The empty screen at the bottom of the app's own screens."""
