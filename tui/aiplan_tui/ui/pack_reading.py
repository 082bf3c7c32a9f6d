"""Reading a large pack after the app's first frame, on the UI thread's side: its whole after
its head (the app started on the compiled pack's head, see compiled/head.py), once something
waits for it, given to the reader, which does what waited for it; or, with no compiled pack
current, from its files behind the loading screen, then shown in a reader made for it. The
search index is built after it, not beside it. The threads are PackThreads'; the phase is
PackSession's; this object owns the loading screen and asks the app only what PackHost lists."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from aiplan_tui.core.collector import collector_paused
from aiplan_tui.core.navigation import Navigation
from aiplan_tui.core.pausing import Pause
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.pack.result import LoadResult
from aiplan_tui.ui.pack_host import PackHost

if TYPE_CHECKING:
    from pathlib import Path

    from aiplan_tui.ui.screens.loading import LoadingScreen


class PackReading:
    """The pack read whole, loaded, or read again, for `app`."""

    def __init__(self, app: PackHost) -> None:
        self.app = app
        self.loading_screen: LoadingScreen | None = None
        """The screen that says the pack is being loaded from its files (the session's phase
        says whether it is)."""
        self.whole_asked = False
        """Whether the whole of the pack's head is being read, or was."""

    # A large pack's whole, after its head --------------------------------------------------

    def read_whole(self) -> None:
        """The whole of a pack's head, read in a thread: once, when something first waits
        for it (PackSession.wanted), not at idle, so that a reader holds only the articles
        it opened (issue 34)."""
        head = self.app.session.head
        if head is not None and not self.whole_asked:
            self.whole_asked = True
            self.app.threads.run("whole-pack", head.whole, self._whole_read, self._unread)

    def _whole_read(self, result: LoadResult) -> None:
        self.app.reader.on_head.take_whole(result.pack, Navigation(result.pack))
        self.app.session.ready(result, then=self.app.build_search_index)

    def _unread(self, why: str) -> None:
        app = self.app
        if self.loading_screen is not None:  # (under the too-small notice, perhaps)
            app.session.failed()
            self.loading_screen.failed(why)
            return
        app.notify(
            f"The rest of the pack could not be read ({clean_line(why)}): only the articles "
            "opened so far are shown. Restart aiplan-tui to read it again.",
            title="Pack not read",
            severity="error",
            markup=False,
        )
        pack = app.reader.pack  # what was read of it
        app.reader.on_head.take_whole(pack, Navigation(pack))
        app.session.ready(replace(app.session.result, pack=pack), then=app.build_search_index)

    # A large pack with no compiled pack: loaded behind the loading screen -------------------

    def load_aside(self, root: Path) -> None:
        """Say the pack is being read, and read it from its files in a thread."""
        from aiplan_tui.ui.screens.loading import LoadingScreen

        self.loading_screen = LoadingScreen(root)
        self.app.push_screen(self.loading_screen)
        self.app.call_after_refresh(self._load, root)  # not beside the first frame

    def _load(self, root: Path) -> None:
        self.app.threads.run(
            "whole-pack", lambda pause: _loaded(root, pause), self._show_loaded, self._unread
        )

    def _show_loaded(self, loaded: tuple[LoadResult, Navigation]) -> None:
        """A reader on the pack, shown in place of the loading screen (at once, or once the
        terminal is big enough again)."""
        from aiplan_tui.ui.screens.reader import ReaderScreen

        result, navigation = loaded
        app = self.app
        app.reader = ReaderScreen(result.pack, app.marks, app, None, navigation)
        app.made["reader"] = app.reader
        app.when_big_enough(lambda: self._leave_loading(result))

    def _leave_loading(self, result: LoadResult) -> None:
        """READY once the reader takes the loading screen's place: until then only the
        quitting keys act."""
        if self.app.main_screen() is self.loading_screen:
            self.app.pop_screen()
        self.loading_screen = None
        self.app.forget_marks()  # of the placeholder's sides
        self.app.session.ready(result)
        self.app.start_reading()

    def announce_problems(self) -> None:
        announce_problems(self.app, self.app.session.result)


def announce_problems(app: PackHost, result: LoadResult) -> None:
    """One notice for all that is wrong with the pack, naming the command that details it."""
    if result.problems.errors:
        app.notify(
            f"The pack has problems ({result.problems.summary()}). "
            f"Run `aiplan-tui check {result.pack.root}` for details.",
            title="Content problems",
            severity="warning",
            timeout=10,
            markup=False,
        )


def _loaded(root: Path, pause: Pause) -> tuple[LoadResult, Navigation]:
    """The pack loaded from its files, and its reading order (in the thread)."""
    from aiplan_tui.pack.loader import load_pack

    with collector_paused(freeze=True):
        result = load_pack(root, pause)
        navigation = Navigation(result.pack)  # sorted here, not on the UI thread
        result.pack.highlights_in("")  # (grouped by article once, here too)
    return result, navigation
