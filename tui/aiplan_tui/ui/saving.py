"""Where a session ends, kept for the next: the state is saved on quitting, on SIGTERM, SIGHUP or
SIGINT, after a search and after a theme is picked; the next session reopens the screen,
article and paragraph it names. Two objects the app owns, built with what they need."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from aiplan_tui.settings.state import ComparePlace, SavedState, StateStore

ENDING_GRACE = 3.0
"""Seconds a signalled app has to end as usual before its watchdog ends the process."""
SAVED_SCREENS = ("reader", "compare", "quotes")
"""The screens a session can end on and the next one reopen."""
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


def state_now(
    saved: SavedState,
    theme: str | None,
    place: tuple[str | None, str | None, int] | None,
    history: tuple[str, ...],
    compare: ComparePlace | None,
) -> SavedState:
    """The state to save: the screen shown, the reader's article and paragraph (`place`; None
    while nothing is shown, and the last session's place stands), the theme picked, the past
    searches and Compare's cell (None: not made, the last session's stands)."""
    if place is None:
        return replace(saved, theme=theme)
    shown, article, paragraph = place
    return SavedState(
        screen=shown if shown in SAVED_SCREENS else "reader",
        article=article,
        paragraph=paragraph,
        theme=theme,
        search_history=history,
        compare=compare if compare is not None else saved.compare,
    )


class StateSaver:
    """Writes the state the app gives (`now`) to its store; a failure is said once (`warn`)
    and the app goes on."""

    def __init__(
        self,
        store: StateStore | None,
        now: Callable[[], SavedState],
        warn: Callable[[str], object],
        note: Callable[[str], object],
    ) -> None:
        self.store = store
        """Where the state goes; None (as in tests) saves nothing."""
        self.now = now
        """The state to save: where the app is now."""
        self.warn = warn
        """Shows the user a failure (once)."""
        self.note = note
        """Writes a failure to the app's log."""
        self.failed = False
        """Whether saving has failed already, so the notice is shown once."""

    def save(self) -> None:
        if self.store is None:
            return
        try:
            problem = self.store.save(self.now())
        except Exception as error:  # a save must never end the session
            problem = f"state not saved: {type(error).__name__}: {error}"
            self.note(problem)
        if problem and not self.failed:
            self.failed = True
            self.warn(problem)

    def save_quietly(self) -> None:
        """From a thread at the very end (the watchdog): nothing said, nothing raised."""
        with contextlib.suppress(BaseException):
            if self.store is not None:
                self.store.save(self.now())


class SignalEnding:
    """On SIGTERM, SIGHUP (a dropped SSH link) or SIGINT: save the state, give the terminal
    back and exit with 128 + the signal's number (`end`, on the event loop).

    The handlers are Python's own, not the event loop's: a terminal that stopped reading (a
    link that dropped mid-burst) blocks the app's writes, and with them the loop, which then
    never ran a handler of its own. So each signal also starts a watchdog that ends the
    process after ENDING_GRACE seconds, saving the state first if it still can."""

    def __init__(self, end: Callable[[int], object], saver: StateSaver) -> None:
        self.end = end
        self.saver = saver
        self.ending = False
        """Whether a signal has asked the app to end (the watchdog is running)."""

    def install(self) -> None:
        """Call on the running loop (not under a test's pilot: the runner owns the signals)."""
        loop = asyncio.get_running_loop()
        for number in ENDING_SIGNALS:
            signal.signal(number, lambda n, _frame: self.signalled(loop, n))

    def signalled(self, loop: asyncio.AbstractEventLoop, number: int) -> None:
        if not self.ending:
            self.ending = True
            threading.Thread(target=self._end_anyway, args=(number,), daemon=True).start()
        with contextlib.suppress(RuntimeError):  # the loop has closed: the watchdog ends it
            loop.call_soon_threadsafe(self.end, number)

    def _end_anyway(self, number: int) -> None:
        """The watchdog: the app had ENDING_GRACE seconds to end as usual; end it now."""
        time.sleep(ENDING_GRACE)  # waits for the app, which ends the process before it wakes
        self.saver.save_quietly()
        os._exit(128 + number)
