"""Search from the app: the index built (or loaded) in a thread, after start-up and after the
pack is read again; the search screen opened once the whole pack is read, or at once on a
large pack's head (its compiled pack's stored index needs none of the pack in memory); a
result opened where it lives (search_results.py), on a head its article read then. The app
owns a SearchOpening; SearchHost is what it asks of the app (named here, so that it never
imports the app)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from textual.message import Message
from textual.screen import Screen

from aiplan_tui.compiled.stale import Stale
from aiplan_tui.ui.highlight_styles import Marks
from aiplan_tui.ui.pack_session import PackSession
from aiplan_tui.ui.pack_threads import Closing, PackThreads
from aiplan_tui.ui.search_results import Opening, open_result
from aiplan_tui.ui.search_session import IndexAgain, IndexReady, SearchSession

if TYPE_CHECKING:  # the search screen is imported when first opened, not at start-up
    from aiplan_tui.compiled.store import CompiledPack
    from aiplan_tui.ui.screens.search import SearchChoice


class SearchHost(Opening, Protocol):
    """The app, as search sees it."""

    session: PackSession
    threads: PackThreads
    search: SearchSession

    @property
    def screen(self) -> Screen[object]: ...

    def marks(self) -> Marks: ...

    def save_state(self) -> None: ...

    def when_whole(self, key: str, then: Callable[[], object], what: str) -> bool: ...

    def when_ready(self, key: str, then: Callable[[], object], what: str) -> bool: ...

    def when_reader(self, key: str, then: Callable[[], object], what: str) -> bool: ...

    def push_screen(self, screen: Screen[Any], callback: Any = None) -> object: ...

    def post_message(self, message: Message) -> bool: ...

    def run_worker(
        self,
        work: Callable[[], None],
        name: str | None = "",
        group: str = "default",
        description: str = "",
        exit_on_error: bool = True,
        start: bool = True,
        exclusive: bool = False,
        thread: bool = False,
    ) -> object: ...


class SearchOpening:
    """The search index, the search screen and its results, for `app`."""

    def __init__(self, app: SearchHost) -> None:
        self.app = app

    def build_index(self, rebuild: bool = False) -> None:
        """In a thread of the app's (one at a time: a new build cancels the one running)."""
        self.app.run_worker(
            partial(self._build_index, rebuild),
            name="build_search_index",
            group="index",
            description=f"build_search_index({f'rebuild={rebuild!r}' if rebuild else ''})",
            exclusive=True,
            thread=True,
        )

    def _build_index(self, rebuild: bool) -> None:
        """Off the UI thread; the index reaches the app as a message, never set from here."""
        from aiplan_tui.compiled.current import search_index_for

        app = self.app
        session, pause = app.session, app.threads.pauser()
        with app.threads.working(), contextlib.suppress(Closing):  # (the app is closing: no index)
            pack, manifest, compiled = session.result, session.manifest, session.compiled
            if session.checking:  # of files not checked yet: made once they are
                return
            if session.head is not None:  # never built from a head: it lacks most of the pack
                app.post_message(_stored_index(session.head.compiled))
                return
            app.post_message(IndexReady(search_index_for(pack, manifest, rebuild, compiled, pause)))

    def open(self) -> None:
        """The search screen (on a pack's head, on its compiled pack's index; else once the
        whole pack is read); a result opens where it lives."""
        from aiplan_tui.ui.screens.search import SearchScreen

        app = self.app
        if app.session.head is None and not app.when_whole("search", self.open, "search opens"):
            return
        if not isinstance(app.screen, SearchScreen):
            screen = SearchScreen(app.search, dict(app.marks().side_colours))
            app.push_screen(screen, self.open_hit)

    def open_hit(self, choice: SearchChoice | None) -> None:
        """Open a search result where it lives (see search_results.py)."""
        self.app.save_state()  # the search history, even when nothing was opened
        if choice is None:
            return
        hit = choice.hit
        in_reader = hit is None or (hit.kind != "compare" and hit.doc.status != "suggested")
        when = self.app.when_reader if in_reader else self.app.when_ready
        if when("open-hit", lambda: self.open_hit(choice), "it opens"):
            open_result(self.app, choice)


def _stored_index(compiled: CompiledPack) -> Message:
    """The compiled pack's search index (for a pack's head), or, damaged, IndexAgain."""
    try:
        return IndexReady(compiled.search_index())
    except Stale:
        return IndexAgain()
