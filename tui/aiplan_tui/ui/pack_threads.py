"""The app's threads that read, load or compile the pack: one place that counts them, lets
them hand the UI thread the interpreter, stops them when the app closes, and brings what they
found back to the UI thread (ThreadDone: the only message they post)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any, TypeVar

from textual.app import App
from textual.message import Message
from textual.worker import get_current_worker

from aiplan_tui.core.pausing import Pause
from aiplan_tui.pack.result import PackNotFoundError

PAUSE_SECONDS = 0.001
"""How long a reading thread stands aside every thousand rows."""

T = TypeVar("T")


class Closing(Exception):
    """The app is closing: a thread's reading or building stops."""


def why_unread(error: Exception) -> str:
    """Why a pack could not be read: a missing folder or a file's error in its own words,
    anything else with its type."""
    known = isinstance(error, (PackNotFoundError, OSError))
    return str(error) if known else f"{type(error).__name__}: {error}"


class ThreadDone(Message):
    """What a thread found, to be taken on the UI thread (the app calls `outcome`)."""

    def __init__(self, outcome: Callable[[], object]) -> None:
        super().__init__()
        self.outcome = outcome


class PackThreads:
    """Runs the pack's work in threads of `app`'s (Textual workers, one per group)."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._working = 0
        self._lock = threading.Lock()

    @contextmanager
    def working(self) -> Iterator[None]:
        """Around a thread's work on the pack: `still_working` says it is not done."""
        with self._lock:
            self._working += 1
        try:
            yield
        finally:
            with self._lock:
                self._working -= 1

    @property
    def still_working(self) -> bool:
        return self._working > 0

    def pauser(self) -> Pause:
        """For the worker thread calling this: hand the UI thread the interpreter now and
        then (keys stay quick while the pack is read or built), and stop (`Closing`) when
        the app is closing. Without it the app's end waited for the thread: asyncio joins
        its worker threads (q took 15 s during a compile at 100,000 highlights)."""
        worker = get_current_worker()

        def pause() -> None:
            if worker.is_cancelled:
                raise Closing
            time.sleep(PAUSE_SECONDS)

        return pause

    def run(
        self,
        group: str,
        job: Callable[[Pause], T],
        done: Callable[[T], object],
        failed: Callable[[str], object] | None = None,
    ) -> None:
        """`job` in a thread (the one running in `group` is cancelled), then `done` with what
        it gave, or `failed` with why it raised, on the UI thread; nothing once the app is
        closing, nor for a failure nobody is told of (`failed` None)."""

        def work() -> None:
            worker = get_current_worker()
            try:
                with self.working():
                    value = job(self.pauser())
            except Closing:
                return
            except Exception as error:  # never wait for ever on work that failed
                if failed is None:
                    return
                outcome: Callable[[], object] = partial(failed, why_unread(error))
            else:
                outcome = partial(done, value)
            if not worker.is_cancelled:
                self.app.post_message(ThreadDone(outcome))

        self.app.run_worker(work, group=group, exclusive=True, thread=True, exit_on_error=False)
