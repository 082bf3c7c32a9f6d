"""Where a session ends, kept for the next: the state is saved on quitting, on SIGTERM, SIGHUP or
SIGINT, and after a search; the next session reopens the screen, article and paragraph it names."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from aiplan_tui.settings.state import SavedState
from aiplan_tui.ui.notices import NoticesApp

if TYPE_CHECKING:
    from textual.screen import Screen

    from aiplan_tui.core.model import Pack
    from aiplan_tui.ui.screens.compare import CompareScreen
    from aiplan_tui.ui.screens.reader import ReaderScreen
    from aiplan_tui.ui.search_session import SearchSession
    from aiplan_tui.ui.startup import Startup

ENDING_GRACE = 3.0
"""Seconds a signalled app has to end as usual before its watchdog ends the process."""
SAVED_SCREENS = ("reader", "compare", "quotes")
"""The screens a session can end on and the next one reopen."""


class SavingApp(NoticesApp):
    """Saving and restoring the state, for an app with a reader, named screens and a search."""

    save_failed = False
    """Whether saving the state has failed already, so the notice is shown once."""
    _ending = False
    """Whether a signal has asked the app to end (the watchdog is running)."""

    if TYPE_CHECKING:  # for the type checker only: at run time the app and its other mixins
        # have these, and a stub here could come first in the method order and hide them
        startup: Startup
        made: dict[str, Screen[None]]
        reader: ReaderScreen
        search: SearchSession
        chosen_theme: str | None
        loading: bool

        @property
        def pack(self) -> Pack: ...

        @property
        def compare_screen(self) -> CompareScreen: ...

        def shown_name(self) -> str | None: ...

        def reader_place(self) -> tuple[str | None, int]: ...

        def action_show_compare(self) -> None: ...

        def action_show_quotes(self) -> None: ...

        def note(self, message: str) -> None: ...

    def restore_place(self) -> None:
        """Back to the screen, article and paragraph where the last session ended."""
        saved = self.startup.saved
        if saved.article and self.pack.article(saved.article) is not None:
            self.reader.open_paragraph(saved.article, saved.paragraph, flash=False)
        if saved.screen == "compare":
            self.action_show_compare()
        elif saved.screen == "quotes":
            self.action_show_quotes()

    def current_state(self) -> SavedState:
        if self.loading:  # nothing shown yet: the last session's place stands
            return replace(self.startup.saved, theme=self.chosen_theme)
        shown = self.shown_name()
        article, paragraph = self.reader_place()
        made = "compare" in self.made
        return SavedState(
            screen=shown if shown in SAVED_SCREENS else "reader",
            article=article,
            paragraph=paragraph,
            theme=self.chosen_theme,
            search_history=self.search.history,
            compare=self.compare_screen.place() if made else self.startup.saved.compare,
        )

    def save_state(self) -> None:
        """Write the state now; a failure is said once, and the app goes on."""
        store = self.startup.store
        if store is None:
            return
        try:
            problem = store.save(self.current_state())
        except Exception as error:  # a save must never end the session
            problem = f"state not saved: {type(error).__name__}: {error}"
            self.note(problem)
        if problem and not self.save_failed:
            self.save_failed = True
            self.notify(problem, title="State not saved", severity="warning", markup=False)

    # Ending ----------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        self.save_state()
        self.exit()

    def end_on_signals(self) -> None:
        """On SIGTERM, SIGHUP (a dropped SSH link) or SIGINT, save the state, give the terminal
        back and exit with 128 + the signal's number. Not under a test's pilot: the test runner
        owns the process's signals.

        The handlers are Python's own, not the event loop's: a terminal that stopped reading
        (a link that dropped mid-burst) blocks the app's writes, and with them the loop, which
        then never ran a handler of its own. So each signal also starts a watchdog that ends
        the process after ENDING_GRACE seconds, saving the state first if it still can."""
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(number, lambda n, _frame: self._signalled(loop, n))

    def _signalled(self, loop: asyncio.AbstractEventLoop, number: int) -> None:
        if not self._ending:
            self._ending = True
            threading.Thread(target=self._end_anyway, args=(number,), daemon=True).start()
        with contextlib.suppress(RuntimeError):  # the loop has closed: the watchdog ends it
            loop.call_soon_threadsafe(self.end_by_signal, number)

    def _end_anyway(self, number: int) -> None:
        """The watchdog: the app had ENDING_GRACE seconds to end as usual; end it now."""
        time.sleep(ENDING_GRACE)  # waits for the app, which ends the process before it wakes
        with contextlib.suppress(BaseException):
            store = self.startup.store
            if store is not None:
                store.save(self.current_state())
        os._exit(128 + number)

    def end_by_signal(self, number: int) -> None:
        self.save_state()
        self.exit(return_code=128 + number)
