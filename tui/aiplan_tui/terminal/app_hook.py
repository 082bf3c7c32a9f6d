"""The app's hook into Textual's output, so that only changed cells reach the terminal.

Textual has no public way to change how a frame is written, so this overrides App._display
and reads a few of Textual's private attributes; they are all here and in terminal/model.py.
Nothing here may take the app down: with untested library versions the hook stays off
(compat.py), and any exception while working out a frame's changes hands that frame to
Textual to write whole and turns tracking off for the rest of the session.
"""

from __future__ import annotations

import os
import sys

from rich.console import RenderableType
from textual.app import App
from textual.screen import Screen

from aiplan_tui.terminal.compat import FULL_REPAINT_VARIABLE, tracking_off_reason, write_log

try:  # the writer imports Textual's private compositor module: it may be gone
    from textual._compositor import CompositorUpdate

    from aiplan_tui.terminal.model import TerminalModel, Written
except ImportError as error:  # pragma: no cover - only with an untested Textual
    IMPORT_PROBLEM: str | None = f"{type(error).__name__}: {error}"
else:
    IMPORT_PROBLEM = None


def erases_in_background() -> bool:
    """Whether the terminal, by its terminfo entry (`bce`), erases in the current background
    colour; without it an erase would leave the terminal's own default background."""
    try:
        import curses

        curses.setupterm(os.environ.get("TERM") or "dumb", sys.__stderr__.fileno())  # type: ignore[union-attr]
        return bool(curses.tigetflag("bce") > 0)
    except Exception:  # no terminfo entry, no terminal, no curses: do not rely on it
        return False


BATCH_POLL_SECONDS = 0.02
"""How often a redraw waiting for Textual's batch of updates to end looks again."""


class ChangedCellsApp(App[None]):
    """A Textual app that writes each frame as the cells that changed since the last one."""

    def __init__(self, ansi_color: bool | None = None) -> None:
        super().__init__(ansi_color=ansi_color)
        self.tracking_off: str | None = IMPORT_PROBLEM or tracking_off_reason(self)
        """Why every update is written whole, as Textual does; None while tracking works."""
        self.terminal_model: TerminalModel | None = (
            None if self.tracking_off else TerminalModel(erase_fills=erases_in_background())
        )
        """What the terminal shows, so only changed cells are sent; None sends every update
        whole, as Textual does."""

    def track_terminal(self) -> None:
        """Forget what the terminal shows whenever the app is suspended or resumed (another
        program has had the terminal), and log once why tracking is off, if it is. Call once
        the app is running."""
        self.app_suspend_signal.subscribe(self, self.forget_terminal)
        self.app_resume_signal.subscribe(self, self.forget_terminal)
        if self.tracking_off and not os.environ.get(FULL_REPAINT_VARIABLE):
            self.note(f"changed-cells writer off: {self.tracking_off}")

    def note(self, message: str) -> None:
        """Say something in the log (the file and Textual's devtools), not on screen."""
        self.log.warning(message)
        write_log(message)

    def stop_tracking(self, why: str) -> None:
        """From now on write every update whole; said once in the log."""
        self.terminal_model = None
        self.tracking_off = why
        self.note(f"changed-cells writer off for this session: {why}")

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        """Write only the cells that changed, and nothing at all when nothing changed:
        Textual would still send a cursor move. On any failure, the frame as Textual made it."""
        model = self.terminal_model
        if model is not None:
            try:
                changes = (
                    self._changes(model, renderable) if self._writes_to_terminal() else renderable
                )
            except Exception as error:  # the writer must never take the app down
                self.stop_tracking(f"{type(error).__name__}: {error}")
            else:
                if changes is None:
                    self.post_display_hook()
                    return
                renderable = changes
        super()._display(screen, renderable)

    def _writes_to_terminal(self) -> bool:
        driver = self._driver
        return (
            driver is not None
            and not driver.is_inline
            and self._running
            and not self._closed
            and not self._batch_count
            and not self.is_headless
        )

    def _changes(
        self, model: TerminalModel, renderable: RenderableType | None
    ) -> RenderableType | None:
        """The update as changed cells; None when nothing at all changed; the update itself
        when it is not one the model follows."""
        update: object = renderable  # Textual passes its compositor updates as renderables
        if not isinstance(update, CompositorUpdate):
            return renderable
        changes = model.render(update, self.console, self.size)
        cursor = self.screen.outer_size.clamp_offset(self.cursor_position)
        if not changes and cursor == self._previous_cursor_position:
            return None
        return Written(changes)  # type: ignore[return-value]  # an update Textual writes

    def forget_terminal(self, _app: object = None) -> None:
        """The terminal may show something else now: write the next frame whole."""
        if self.terminal_model is not None:
            self.terminal_model.forget()

    def redraw_after_batch(self) -> None:
        """Write every cell again once Textual's current batch of updates has ended.

        Textual holds updates back for a moment when it switches screens or modes
        (delay_update), and a frame made meanwhile is dropped, not sent later: the terminal
        kept showing the screen from before the switch (found through tmux)."""
        if getattr(self, "_batch_count", 0):  # private; without it, redraw now
            self.set_timer(BATCH_POLL_SECONDS, self.redraw_after_batch)
            return
        self.action_redraw()

    def action_redraw(self) -> None:
        """Write every cell of the screen (and of any screen under a dialog) again."""
        self.forget_terminal()
        screen = self.screen
        try:
            update = screen._compositor.render_update(
                full=True, screen_stack=self._background_screens
            )
        except Exception as error:  # a changed Textual: repaint the public way
            self.stop_tracking(f"redraw: {type(error).__name__}: {error}")
            self.refresh(repaint=True, layout=True)
            return
        self._display(screen, update)
