"""Reading a large pack's whole after the app's first frame, off the UI thread: from its
compiled pack (the app started on the pack's head, see compiled/head.py), given to the reader,
which does what waited for it; or, with no compiled pack current, from its files (the app
started on a loading screen), then shown in a reader made for it. The search index is built
after it, not beside it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.screen import ModalScreen
from textual.worker import get_current_worker

from aiplan_tui.core.collector import collector_paused
from aiplan_tui.core.navigation import Navigation
from aiplan_tui.core.pausing import Pause
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.pack.result import LoadResult, PackNotFoundError
from aiplan_tui.ui.notices import NoticesApp

if TYPE_CHECKING:
    from pathlib import Path

    from textual.screen import Screen

    from aiplan_tui.ui.highlight_styles import Marks
    from aiplan_tui.ui.pack_session import PackSession
    from aiplan_tui.ui.reload_service import Reloaded
    from aiplan_tui.ui.screens.loading import LoadingScreen
    from aiplan_tui.ui.screens.reader import ReaderScreen
    from aiplan_tui.ui.startup import Startup


PAUSE_SECONDS = 0.001
"""How long the reading thread stands aside every thousand rows."""


class Closing(Exception):
    """The app is closing: a thread's reading or building stops."""


class PackRead(Message):
    """The whole pack, read, and its reading order (sorted in the thread too)."""

    def __init__(self, result: LoadResult, navigation: Navigation) -> None:
        super().__init__()
        self.result = result
        self.navigation = navigation


class PackLoaded(Message):
    """The pack, loaded from its files, and its reading order."""

    def __init__(self, result: LoadResult, navigation: Navigation) -> None:
        super().__init__()
        self.result = result
        self.navigation = navigation


class PackUnread(Message):
    """The whole pack could not be read (its directory went away)."""

    def __init__(self, why: str) -> None:
        super().__init__()
        self.why = why


def why_unread(error: Exception) -> str:
    """Why a pack could not be read: a missing folder or a file's error in its own words,
    anything else with its type."""
    known = isinstance(error, (PackNotFoundError, OSError))
    return str(error) if known else f"{type(error).__name__}: {error}"


class WholePackApp(NoticesApp):
    """An app that may start on a pack's head (the session's HEAD) and read the rest later."""

    if TYPE_CHECKING:
        startup: Startup
        session: PackSession
        reader: ReaderScreen

        @property
        def result(self) -> LoadResult: ...

        made: dict[str, Screen[None]]
        _marks: tuple[str, Marks] | None

        def marks(self) -> Marks: ...

        def reload_pack(self, then: Reloaded) -> bool: ...

        def start_reading(self) -> None: ...

        def when_big_enough(self, callback: Callable[[], object]) -> None: ...

        def main_screen(self) -> Screen[object]: ...

        def build_search_index(self, rebuild: bool = False) -> object: ...  # a worker

    _loading_screen: LoadingScreen | None = None
    """The screen that says the pack is being loaded from its files (the session's phase
    says whether it is)."""
    _working = 0
    """Threads of this app still reading or compiling the pack."""
    _working_lock = threading.Lock()

    @contextmanager
    def working(self) -> Iterator[None]:
        """Around a thread's work on the pack: `still_working` says it is not done."""
        with self._working_lock:
            self._working += 1
        try:
            yield
        finally:
            with self._working_lock:
                self._working -= 1

    @property
    def still_working(self) -> bool:
        return self._working > 0

    def when_whole(self, key: str, then: Callable[[], object], what: str) -> bool:
        """Whether the whole pack is read (it may be read again meanwhile); if not, `then`
        waits for it under `key` (see PackSession)."""
        return self.session.when_ready(key, then, what, whole_is_enough=True)

    def when_ready(self, key: str, then: Callable[[], object], what: str) -> bool:
        """Whether the pack is READY (whole, and not being read again); if not, `then` waits
        for it under `key`. (Search and the palette need only `when_whole`: a screen opened
        for them at once holds the keys typed after it, which would otherwise act on the
        screen under it.)"""
        return self.session.when_ready(key, then, what)

    def dialog_open(self) -> bool:
        """Whether a dialog is on the app's own screens (under the too-small notice, too)."""
        try:
            return isinstance(self.main_screen(), ModalScreen)
        except (KeyError, IndexError):  # no screen of its own yet
            return False

    @property
    def reloading(self) -> bool:
        """Whether the pack is being loaded again in a thread (see ReloadingApp)."""
        return self.session.reloading

    @property
    def loading(self) -> bool:
        """Whether the pack is being loaded from its files (or failed to be): until it is,
        the loading screen is all there is, and only the keys that quit act."""
        return self.session.loading

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

    @work(thread=True, exclusive=True, group="whole-pack", exit_on_error=False)
    def read_whole_pack(self) -> None:
        head = self.session.head
        if head is None:
            return
        worker = get_current_worker()
        try:
            with self.working():
                result = head.whole(self.pauser())
        except Closing:
            return
        except Exception as error:  # never wait for ever on a read that failed
            self._unread(error)
            return
        if not worker.is_cancelled:
            self.post_message(PackRead(result, Navigation(result.pack)))

    def _unread(self, error: Exception) -> None:
        """Say (from a reading thread) why the pack could not be read."""
        self.post_message(PackUnread(why_unread(error)))

    @on(PackRead)
    def _pack_read(self, message: PackRead) -> None:
        self.reader.take_whole(message.result.pack, message.navigation)
        self.session.ready(message.result, then=self.build_search_index)

    def announce_problems(self) -> None:
        """One notice for all that is wrong with the pack, naming the command that details it."""
        problems = self.result.problems
        if problems.errors:
            self.notify(
                f"The pack has problems ({problems.summary()}). "
                f"Run `aiplan-tui check {self.result.pack.root}` for details.",
                title="Content problems",
                severity="warning",
                timeout=10,
                markup=False,
            )

    def load_aside(self, root: Path) -> None:
        """Say the pack is being read, and read it from its files in a thread."""
        from aiplan_tui.ui.screens.loading import LoadingScreen

        self._loading_screen = LoadingScreen(root)
        self.push_screen(self._loading_screen)
        self.call_after_refresh(self.load_from_files, root)  # not beside the first frame

    @work(thread=True, exclusive=True, group="whole-pack", exit_on_error=False)
    def load_from_files(self, root: Path) -> None:
        from aiplan_tui.pack.loader import load_pack

        try:
            with self.working(), collector_paused(freeze=True):
                result = load_pack(root, self.pauser())
                navigation = Navigation(result.pack)  # sorted here, not on the UI thread
                result.pack.highlights_in("")  # (grouped by article once, here too)
        except Closing:
            return
        except Exception as error:  # never wait for ever on a load that failed
            self._unread(error)
            return
        if not get_current_worker().is_cancelled:
            self.post_message(PackLoaded(result, navigation))

    @on(PackLoaded)
    def _pack_loaded(self, message: PackLoaded) -> None:
        """A reader on the pack, shown in place of the loading screen (at once, or once the
        terminal is big enough again)."""
        from aiplan_tui.ui.screens.reader import ReaderScreen

        result = message.result
        self.reader = ReaderScreen(result.pack, self.marks, self, None, message.navigation)
        self.made["reader"] = self.reader
        self.when_big_enough(lambda: self._leave_loading(result))

    def _leave_loading(self, result: LoadResult) -> None:
        """READY once the reader takes the loading screen's place: until then only the
        quitting keys act."""
        if self.main_screen() is self._loading_screen:
            self.pop_screen()
        self._loading_screen = None
        self._marks = None  # of the placeholder's sides
        self.session.ready(result)
        self.start_reading()

    @on(PackUnread)
    def _pack_unread(self, message: PackUnread) -> None:
        if self._loading_screen is not None:  # (under the too-small notice, perhaps)
            self.session.failed()
            self._loading_screen.failed(message.why)
            return
        self.notify(
            f"The rest of the pack could not be read ({clean_line(message.why)}): only the "
            "articles opened so far are shown. Restart aiplan-tui to read it again.",
            title="Pack not read",
            severity="error",
            markup=False,
        )
        pack = self.reader.pack  # what was read of it
        self.reader.take_whole(pack, Navigation(pack))
        self.session.ready(replace(self.result, pack=pack), then=self.build_search_index)
