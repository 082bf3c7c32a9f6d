"""Keeping the app at the terminal's size: resizes the app was never told of, and one
too-small state for the whole app, whatever screens or dialogs are open.

While the terminal is too small, the one notice screen is the top screen: it is pushed over
whatever is shown, anything that gets above it is closed, and every key but quit and redraw
is refused, so nothing can open under it or past it. Once the terminal is big enough the
notice goes, and whatever was under it is back as it was.
"""

from __future__ import annotations

import os
import sys

from textual import events
from textual.geometry import Size
from textual.screen import Screen

from aiplan_tui.terminal.app_hook import ChangedCellsApp
from aiplan_tui.ui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen

SIZE_CHECK_SECONDS = 1.0
"""How often the terminal's real size is compared with the size the app draws at."""
ALWAYS_ALLOWED = frozenset({"quit", "redraw"})
"""What keys may still do while the terminal is too small."""


class SizedApp(ChangedCellsApp):
    """An app that draws at the terminal's real size, or says it is too small."""

    def __init__(self) -> None:
        super().__init__()
        self.too_small_notice = TooSmallScreen()
        """The one notice; shown exactly while the terminal is too small."""

    def watch_size_from_now(self) -> None:
        """Start keeping the too-small state and comparing the terminal's size with the
        app's; call once the app runs."""
        self.screen_change_signal.subscribe(self, self._screen_changed)
        stream = sys.__stderr__  # what Textual draws on
        if stream is not None and stream.isatty() and not self.is_headless:
            self.set_interval(SIZE_CHECK_SECONDS, self.watch_terminal_size)

    @property
    def too_small(self) -> bool:
        width, height = self.size
        return width < MIN_WIDTH or height < MIN_HEIGHT

    def notice_shown(self) -> bool:
        """Whether the too-small notice is the screen on top."""
        stack = self.screen_stack
        return bool(stack) and stack[-1] is self.too_small_notice

    def on_resize(self, event: events.Resize) -> None:
        self.fit_screen()
        # Again once the resize has settled: events can arrive faster than screens change.
        self.call_after_refresh(self.fit_screen)

    def _screen_changed(self, _screen: Screen[object]) -> None:
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

    def fit_screen(self) -> None:
        """Make the notice the top screen exactly while the terminal is too small."""
        stack = self.screen_stack
        if not stack or not self.is_running:
            return
        notice = self.too_small_notice
        if self.too_small:
            if notice not in stack:
                self.push_screen(notice)
            elif stack[-1] is not notice:  # opened over it before its keys were refused
                self.pop_screen()
        elif stack[-1] is notice and len(stack) > 1:
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the notice shows, keys do nothing but quit and redraw."""
        return action in ALWAYS_ALLOWED or not self.notice_shown()
