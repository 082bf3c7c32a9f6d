"""Keeping the app at the terminal's size: resizes the app was never told of, and one
too-small state for the whole app, whatever screens or dialogs are open.

The too-small state is a Textual mode of its own, holding only the notice. Switching to it
leaves the app's screens, dialogs included, exactly as they were, and out of the way: they
are not laid out at the tiny size (screens under a notice were, and a compare screen squeezed
to 30x8 could keep the app busy for good) and get no keys. Keys do nothing there but quit and
redraw. Once the terminal is big enough the app switches back, and everything is as it was.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, ClassVar

from textual import events
from textual.await_complete import AwaitComplete
from textual.geometry import Size
from textual.screen import Screen

from aiplan_tui.terminal.app_hook import ChangedCellsApp
from aiplan_tui.ui.screens.shown import Backdrop
from aiplan_tui.ui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen

SIZE_CHECK_SECONDS = 1.0
"""How often the terminal's real size is compared with the size the app draws at."""
ALWAYS_ALLOWED = frozenset({"quit", "redraw"})
"""What keys may still do while the terminal is too small."""
MAIN, SMALL = "main", "too-small"
"""The app's modes: its own screens, and the too-small notice alone."""


def is_too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class SizedApp(ChangedCellsApp):
    """An app that draws at the terminal's real size, or says it is too small."""

    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        MAIN: Backdrop,
        SMALL: TooSmallScreen,
    }
    DEFAULT_MODE: ClassVar[str] = MAIN

    def __init__(self, ansi_color: bool | None = None) -> None:
        super().__init__(ansi_color=ansi_color)
        self._when_big: list[Callable[[], object]] = []

    def watch_size_from_now(self) -> None:
        """Start keeping the too-small state and comparing the terminal's size with the
        app's; call once the app runs."""
        stream = sys.__stderr__  # what Textual draws on
        if stream is not None and stream.isatty() and not self.is_headless:
            self.set_interval(SIZE_CHECK_SECONDS, self.watch_terminal_size)
        self.fit_screen()

    @property
    def too_small(self) -> bool:
        return is_too_small(self.size)

    def notice_shown(self) -> bool:
        """Whether the too-small notice is what the app shows."""
        return self.current_mode == SMALL

    def main_screen(self) -> Screen[object]:
        """The app's own top screen, even while the notice is shown."""
        return self.get_screen_stack(MAIN)[-1]

    def push_screen(
        self,
        screen: Screen[Any] | str,
        callback: Any = None,
        wait_for_dismiss: bool = False,
        *,
        mode: str | None = None,
    ) -> Any:
        """Push onto the app's own screens, never onto the notice: a screen opened while the
        notice shows (at start-up in a tiny terminal) is there once the notice goes."""
        if mode is None and self.notice_shown():
            mode = MAIN
        return super().push_screen(screen, callback, wait_for_dismiss, mode=mode)  # type: ignore[call-overload]

    def switch_screen(self, screen: Screen[Any] | str) -> AwaitComplete:
        """Switch the app's own top screen; while the notice shows, once it has gone."""
        if self.notice_shown():
            self._when_big.append(lambda: super(SizedApp, self).switch_screen(screen))
            return AwaitComplete()
        return super().switch_screen(screen)

    def action_show_help_panel(self) -> None:
        """Textual's keys panel (the palette's "Keys"), on the app's own screen: chosen just
        before the notice came, it was mounted on the notice and hid it."""
        self.when_big_enough(super().action_show_help_panel)

    def when_big_enough(self, callback: Callable[[], object]) -> None:
        """Run `callback` now, or (for screens to open while the notice shows, such as the
        place a saved state reopens) once the app's own screens are back."""
        if self.notice_shown():
            self._when_big.append(callback)
        else:
            callback()

    def on_resize(self, event: events.Resize) -> None:
        self.fit_screen(event.size)  # the app's own size may not have caught up yet
        # Again once the resize has settled: events can arrive faster than screens change.
        self.call_after_refresh(self.fit_screen)

    def watch_terminal_size(self) -> None:
        """Catch a resize the app was never told of. With in-band resize reports (tmux), a
        lost report left the app drawing at the old size for good; one ioctl a second
        compares the terminal's real size and posts the resize that went missing."""
        try:
            columns, lines = os.get_terminal_size(sys.__stderr__.fileno())  # type: ignore[union-attr]
        except (OSError, ValueError, AttributeError):
            return
        if (columns, lines) != tuple(self.size) and columns > 0 and lines > 0:
            size = Size(columns, lines)
            self.post_message(events.Resize(size, size))

    def fit_screen(self, size: Size | None = None) -> None:
        """Show the notice exactly while the terminal is too small."""
        if not self.is_running:
            return
        small = is_too_small(size or self.size)
        if small and not self.notice_shown():
            if not all(screen.is_mounted for screen in self.screen_stack):
                # A screen still opening (the palette reads the screen under it as it
                # mounts: under the notice there is none, IndexError) opens first.
                self.call_after_refresh(self.fit_screen)
                return
            # Everything open stays open, the palette too: closed here, it went on gathering
            # commands in its worker and crashed in Textual (KeyError in its styles).
            self.switch_mode(SMALL)
        elif not small and self.notice_shown():
            self.switch_mode(MAIN)
            waiting, self._when_big = self._when_big, []
            for callback in waiting:
                callback()
        else:
            return
        self.refresh_bindings()  # keys refused under the notice, and back after it
        # Every cell again, as ctrl+l does, once the switch's hold on updates has ended:
        # frames made during it are dropped, and the other mode's screen stayed on the
        # terminal (the app right, the terminal not: found through tmux).
        self.redraw_after_batch()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the notice shows, keys do nothing but quit and redraw."""
        return action in ALWAYS_ALLOWED or not self.notice_shown()
