"""The app's hook into Textual's output, so that only changed cells reach the terminal.

Textual has no public way to change how a frame is written, so this overrides App._display
and reads a few of Textual's private attributes; they are all here and in terminal_delta.py.
Textual is pinned to one version in pyproject.toml, and tests/test_delta_pty.py and
tests/test_terminal_delta.py fail if an upgrade changes what this relies on.
"""

from __future__ import annotations

import os
import sys

from rich.console import RenderableType
from textual._compositor import CompositorUpdate
from textual.app import App
from textual.screen import Screen

from aiplan_tui.terminal_delta import TerminalModel, Written

FULL_REPAINT_VARIABLE = "AIPLAN_TUI_FULL_REPAINT"
"""Set (to anything) to write every update whole, as Textual does, instead of only changes."""


def erases_in_background() -> bool:
    """Whether the terminal, by its terminfo entry (`bce`), erases in the current background
    colour; without it an erase would leave the terminal's own default background."""
    try:
        import curses

        curses.setupterm(os.environ.get("TERM") or "dumb", sys.__stdout__.fileno())  # type: ignore[union-attr]
        return bool(curses.tigetflag("bce") > 0)
    except Exception:  # no terminfo entry, no terminal, no curses: do not rely on it
        return False


class ChangedCellsApp(App[None]):
    """A Textual app that writes each frame as the cells that changed since the last one."""

    def __init__(self) -> None:
        super().__init__()
        self.terminal_model: TerminalModel | None = (
            None
            if os.environ.get(FULL_REPAINT_VARIABLE)
            else TerminalModel(erase_fills=erases_in_background())
        )
        """What the terminal shows, so only changed cells are sent; None sends every update
        whole, as Textual does."""

    def track_terminal(self) -> None:
        """Forget what the terminal shows whenever the app is suspended or resumed (another
        program has had the terminal). Call once the app is running."""
        self.app_suspend_signal.subscribe(self, self.forget_terminal)
        self.app_resume_signal.subscribe(self, self.forget_terminal)

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        """Write only the cells that changed, and nothing at all when nothing changed:
        Textual would still send a cursor move."""
        model, driver = self.terminal_model, self._driver
        update: object = renderable  # Textual passes its compositor updates as renderables
        writing = (
            driver is not None
            and not driver.is_inline
            and self._running
            and not self._closed
            and not self._batch_count
            and not self.is_headless
        )
        if writing and model is not None and isinstance(update, CompositorUpdate):
            changes = model.render(update, self.console, self.size)
            cursor = self.screen.outer_size.clamp_offset(self.cursor_position)
            if not changes and cursor == self._previous_cursor_position:
                self.post_display_hook()
                return
            renderable = Written(changes)  # type: ignore[assignment]
        super()._display(screen, renderable)

    def forget_terminal(self, _app: object = None) -> None:
        """The terminal may show something else now: write the next frame whole."""
        if self.terminal_model is not None:
            self.terminal_model.forget()

    def action_redraw(self) -> None:
        """Write every cell of the screen (and of any screen under a dialog) again."""
        self.forget_terminal()
        screen = self.screen
        update = screen._compositor.render_update(full=True, screen_stack=self._background_screens)
        self._display(screen, update)
