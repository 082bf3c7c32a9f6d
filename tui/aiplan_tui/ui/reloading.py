"""Loading the pack again while the app runs (Review has written to its files): the new pack
shown everywhere, each screen reopening where it was, the search index built again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.await_complete import AwaitComplete
from textual.message import Message
from textual.worker import get_current_worker

from aiplan_tui.core.collector import collector_paused
from aiplan_tui.core.model import Pack
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.pack.result import LoadResult, PackNotFoundError
from aiplan_tui.ui.disk_watch import CHANGED, RELOADED, DiskWatch
from aiplan_tui.ui.pack_session import Phase
from aiplan_tui.ui.reload_service import READING, RELOADING, Reloaded
from aiplan_tui.ui.whole_pack import Closing, WholePackApp, why_unread

if TYPE_CHECKING:
    from pathlib import Path

    from textual.screen import Screen

    from aiplan_tui.ui.screens.compare import CompareScreen


SCREEN_NAMES = {
    "reader": "The reader",
    "compare": "Compare",
    "quotes": "Quotes",
    "review": "Review",
}


class DiskLooked(Message):
    """The pack's files' manifest, just taken in a thread ("": it could not be)."""

    def __init__(self, manifest: str) -> None:
        super().__init__()
        self.manifest = manifest


class PackReloaded(Message):
    """The pack loaded again in a thread (None: it could not be, for the reason `why`)."""

    def __init__(
        self, result: LoadResult | None, manifest: str, then: Reloaded, why: str = ""
    ) -> None:
        super().__init__()
        self.result = result
        self.manifest = manifest
        self.then = then
        self.why = why


class ReloadingApp(WholePackApp):
    """Reloading, for an app with a pack, a reader, named screens and a search index (the
    threads' machinery, and what the app has, are WholePackApp's)."""

    disk_watch: DiskWatch
    """What the pack's files looked like when it was read (the app makes it)."""

    if TYPE_CHECKING:  # for the type checker only: at run time the app and its other mixins
        # have these, and a stub here could come first in the method order and hide them

        @property
        def pack(self) -> Pack: ...

        @property
        def compare_screen(self) -> CompareScreen: ...

        def shown_name(self) -> str | None: ...

        def reader_place(self) -> tuple[str | None, int]: ...

    def reload_pack(self, then: Reloaded) -> bool:
        """Load the pack again from its root (a screen has written to its files), show the new
        one, and give it to `then`: the named screens other than the one shown are dropped
        (made again from the new pack when next shown; the reader at once, reopening where it
        was), and the search index is built again. The screen shown keeps the old pack until
        `then` gives it the new one. A pack gone from its directory keeps the old one.

        A large pack (as at start-up: LOAD_ASIDE_FROM bytes of files) is loaded in a thread,
        the app answering keys meanwhile (at 100,000 highlights the load took 8 s on this
        thread); a change asked for before it is read waits (`reloading`): False, refused."""
        from aiplan_tui.compiled.manifest import pack_manifest, worth_loading_aside

        if self.session.reloading:
            self.notify(RELOADING, timeout=3, markup=False)
            return False
        root, before = self.pack.root, self.session.manifest
        if before is not None and worth_loading_aside(before):
            self.session.move(Phase.RELOADING)  # (the manifest is taken in the thread)
            self.notify(READING, timeout=3, markup=False)
            self.reload_aside(root, then)
            return True
        from aiplan_tui.pack.loader import load_pack

        seen = pack_manifest(root)  # before the load, as at start
        try:
            result = load_pack(root)
        except PackNotFoundError as error:
            self._not_reloaded(str(error))
            result = None
        self.disk_watch.seen = seen
        self._show_reloaded(result, None if before is None else seen, lambda: then(self.pack))
        return True

    @work(thread=True, exclusive=True, group="reload", exit_on_error=False)
    def reload_aside(self, root: Path, then: Reloaded) -> None:
        from aiplan_tui.compiled.manifest import pack_manifest
        from aiplan_tui.pack.loader import load_pack

        manifest = ""
        try:
            with self.working(), collector_paused(collect=True):  # (see there: not frozen)
                manifest = pack_manifest(root)  # before the load, as at start-up
                result = load_pack(root, self.pauser())
                result.pack.highlights_in("")  # (grouped by article once, here too)
        except Closing:
            return
        except Exception as error:  # the old pack stays: say why
            reloaded = PackReloaded(None, manifest, then, why_unread(error))
        else:
            reloaded = PackReloaded(result, manifest, then)
        if not get_current_worker().is_cancelled:  # (the app is closing: nothing to show)
            self.post_message(reloaded)

    @on(PackReloaded)
    def _pack_reloaded(self, message: PackReloaded) -> None:
        self.disk_watch.seen = message.manifest or None
        if message.result is None:
            self._not_reloaded(message.why)
        self._show_reloaded(message.result, message.manifest, lambda: message.then(self.pack))

    def switch_screen(self, screen: Screen[Any] | str) -> AwaitComplete:
        """Switch screens; while the pack is read again, once it is, to the screen then made
        from the new pack."""
        if self.session.reloading:
            made = self.made.items()
            name = (
                screen if isinstance(screen, str) else next((n for n, s in made if s is screen), "")
            )
            if name in SCREEN_NAMES:
                self.when_ready(
                    f"screen:{name}",
                    getattr(self, f"action_show_{name}"),
                    f"{SCREEN_NAMES[name]} opens",
                )
                return AwaitComplete()
        return super().switch_screen(screen)

    def _not_reloaded(self, why: str) -> None:
        self.notify(clean_line(why), title="Pack not reloaded", severity="error", markup=False)

    def _show_reloaded(
        self, result: LoadResult | None, manifest: str | None, then: Callable[[], object]
    ) -> None:
        """The pack read again (None: it could not be, the old one stays) shown in place on
        every screen made (`pack_changed`), then `then`, then what waited for it."""
        if result is None:
            self.session.ready(then=then)
            return
        self._marks = None  # the sides may have changed: made again when next asked for

        def shown() -> None:
            self.sub_title = clean_line(self.pack.info.title)
            self.build_search_index(rebuild=True)
            then()

        self.session.ready(result, manifest or None, then=shown)

    # Changes made outside the app -------------------------------------------------------------

    def watch_disk(self) -> None:
        """Look at the pack's files now and then, and read the pack again when they change
        (not in a headless test: there `look_at_disk` is called when wanted)."""
        if not self.is_headless:
            self.set_timer(self.disk_watch.due_in(), self.look_at_disk)

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def look_at_disk(self) -> None:
        """The files' manifest, taken in a thread and given to the app (DiskLooked)."""
        if self.session.phase is not Phase.READY:  # being read: looked at once it is read
            self.call_from_thread(self.watch_disk)
            return
        try:
            manifest = self.disk_watch.look(self.pack.root)
        except Exception:  # a look that fails is tried again later (nothing to say)
            manifest = ""
        if not get_current_worker().is_cancelled:
            self.post_message(DiskLooked(manifest))

    @on(DiskLooked)
    def _disk_looked(self, message: DiskLooked) -> None:
        if (
            message.manifest
            and self.session.phase is Phase.READY
            and self.disk_watch.changed(message.manifest)
        ):
            self.disk_watch.seen = message.manifest
            self.reload_pack(lambda _pack: self.notify(CHANGED, timeout=4, markup=False))
        self.watch_disk()

    def action_reload(self) -> None:
        """Read the pack again from its files (R, or the palette)."""
        if not self.when_ready("reload", self.action_reload, "the pack is read again"):
            return
        self.reload_pack(lambda _pack: self.notify(RELOADED, timeout=3, markup=False))
