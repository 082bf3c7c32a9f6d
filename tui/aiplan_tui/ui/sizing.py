"""Keeping the app at the terminal's size: resizes the app was never told of, and the notice
shown while the terminal is too small to draw in."""

from __future__ import annotations

import os
import sys

from textual import events
from textual.geometry import Size

from aiplan_tui.terminal.app_hook import ChangedCellsApp
from aiplan_tui.ui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen

SIZE_CHECK_SECONDS = 1.0
"""How often the terminal's real size is compared with the size the app draws at."""


class SizedApp(ChangedCellsApp):
    """An app that draws at the terminal's real size, or says it is too small."""

    def watch_size_from_now(self) -> None:
        """Start comparing the terminal's size with the app's; call once the app runs."""
        if sys.__stdout__ is not None and sys.__stdout__.isatty() and not self.is_headless:
            self.set_interval(SIZE_CHECK_SECONDS, self.watch_terminal_size)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_screen()
        # Again once the resize has settled: events can arrive faster than screens change.
        self.call_after_refresh(self.fit_screen)

    def watch_terminal_size(self) -> None:
        """Catch a resize the app was never told of. With in-band resize reports (tmux), a
        lost report left the app drawing at the old size for good; one ioctl a second
        compares the terminal's real size and posts the resize that went missing."""
        try:
            columns, lines = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
        except (OSError, ValueError, AttributeError):
            return
        if (columns, lines) != tuple(self.size) and columns > 0 and lines > 0:
            size = Size(columns, lines)
            self.post_message(events.Resize(size, size))

    def fit_screen(self) -> None:
        """Show the too-small notice exactly when the terminal, as it is now, is too small."""
        width, height = self.size
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not too_small:
            self.pop_screen()
