"""Reading the pack again while the app runs: after a screen wrote to its files (Review, `m`),
after they changed on disk outside the app (an editor, `git pull`, `add` in another terminal),
or when asked (R, the palette). The new pack is shown in place on every screen made (the
session's READY publishes it), each where it was, and the search index is built again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.screen import Screen

from aiplan_tui.core.collector import collector_paused
from aiplan_tui.core.pausing import Pause
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.pack.result import LoadResult, PackNotFoundError
from aiplan_tui.ui.disk_watch import CHANGED, RELOADED
from aiplan_tui.ui.named_screens import SCREEN_TITLES
from aiplan_tui.ui.pack_host import PackHost
from aiplan_tui.ui.pack_reading import announce_problems
from aiplan_tui.ui.pack_session import Phase
from aiplan_tui.ui.reload_service import READING, RELOADING, Reloaded


class PackReloading:
    """The pack read again, for `app`."""

    def __init__(self, app: PackHost) -> None:
        self.app = app

    def reload(self, then: Reloaded) -> bool:
        """Load the pack again from its root and show it in place on every screen made; then
        give it to `then` (the old one if it could not be read: it stays shown).

        A large pack (as at start-up: LOAD_ASIDE_FROM bytes of files) is loaded in a thread,
        the app answering keys meanwhile (at 100,000 highlights the load took 8 s on this
        thread); a change asked for before it is read waits (`reloading`): False, refused."""
        from aiplan_tui.compiled.manifest import pack_manifest, worth_loading_aside
        from aiplan_tui.pack.loader import load_pack

        app = self.app
        if app.session.reloading:
            app.notify(RELOADING, timeout=3, markup=False)
            return False
        root, before = app.pack.root, app.session.manifest
        if before is not None and worth_loading_aside(before):
            app.session.move(Phase.RELOADING)  # (the manifest is taken in the thread)
            self.read_aside(then)
            return True
        seen = pack_manifest(root)  # before the load, as at start
        result: LoadResult | None
        try:
            result = load_pack(root)
        except PackNotFoundError as error:
            self._not_reloaded(str(error))
            result = None
        app.disk_watch.seen = seen
        self._show(result, None if before is None else seen, lambda: then(app.pack))
        return True

    def read_aside(self, then: Reloaded) -> None:
        """RELOADING: the pack loaded again in a thread, then shown in place on every screen
        made (and the reader off its head, if it was on one)."""
        root = self.app.pack.root
        self.app.notify(READING, timeout=3, markup=False)
        self.app.threads.run(
            "reload",
            lambda pause: _reread(root, pause),
            lambda found: self._reread(found, then),
            lambda why: self._reread(("", None, why), then),
        )

    def _reread(self, found: tuple[str, LoadResult | None, str], then: Reloaded) -> None:
        manifest, result, why = found
        self.app.disk_watch.seen = manifest or None
        if result is None:
            self._not_reloaded(why)
        self._show(result, manifest, lambda: then(self.app.pack))

    def _not_reloaded(self, why: str) -> None:
        self.app.notify(clean_line(why), title="Pack not reloaded", severity="error", markup=False)

    def _show(
        self, result: LoadResult | None, manifest: str | None, then: Callable[[], object]
    ) -> None:
        """The pack read again (None: it could not be, the old one stays) shown in place on
        every screen made (`pack_changed`), then `then`, then what waited for it."""
        app = self.app
        if result is None:
            app.session.ready(then=then)
            return
        app.forget_marks()  # the sides may have changed: made again when next asked for
        before = app.session.result.problems.summary()

        def shown() -> None:
            app.show_title()
            app.build_search_index(rebuild=True)
            if result.problems.summary() != before:  # (a file broken in an editor: said once)
                announce_problems(app, result)
            then()

        app.session.ready(result, manifest or None, then=shown)

    def holds(self, screen: Screen[Any] | str) -> bool:
        """Whether a switch to `screen` waits, as the pack is read again: then it is made
        once it is read, to the screen named so (from the new pack)."""
        app = self.app
        if not app.session.reloading:
            return False
        name = screen if isinstance(screen, str) else app.screens.name_of(screen)
        if name not in SCREEN_TITLES:
            return False
        app.when_ready(
            f"screen:{name}", lambda: app.moves.show_named(name), f"{SCREEN_TITLES[name]} opens"
        )
        return True

    # Changes made outside the app -----------------------------------------------------------

    def watch_disk(self) -> None:
        """Look at the pack's files now and then, and read the pack again when they change
        (not in a headless test: there `look_at_disk` is called when wanted)."""
        if not self.app.is_headless:
            self.app.set_timer(self.app.disk_watch.due_in(), self.look_at_disk)

    def look_at_disk(self) -> None:
        """The files' manifest, taken in a thread and set against what was read."""
        app = self.app
        if app.session.phase is not Phase.READY:  # being read: looked at once it is read
            self.watch_disk()
            return
        root, watch = app.pack.root, app.disk_watch
        app.threads.run("watch", lambda _pause: watch.look(root), self._looked, self._not_looked)

    def _not_looked(self, _why: str) -> None:
        self.watch_disk()  # tried again later (nothing to say)

    def _looked(self, manifest: str) -> None:
        app = self.app
        if app.session.phase is Phase.READY and app.disk_watch.changed(manifest):
            app.disk_watch.seen = manifest
            self.reload(lambda _pack: app.notify(CHANGED, timeout=4, markup=False))
        self.watch_disk()

    def reload_asked(self) -> None:
        """Read the pack again from its files (R, or the palette)."""
        app = self.app
        if app.when_ready("reload", self.reload_asked, "the pack is read again"):
            self.reload(lambda _pack: app.notify(RELOADED, timeout=3, markup=False))


def _reread(root: Path, pause: Pause) -> tuple[str, LoadResult | None, str]:
    """The pack's manifest (taken first, as at start-up) and the pack loaded again."""
    from aiplan_tui.compiled.manifest import pack_manifest
    from aiplan_tui.pack.loader import load_pack

    with collector_paused(collect=True):  # (see there: not frozen)
        manifest = pack_manifest(root)
        result = load_pack(root, pause)
        result.pack.highlights_in("")  # (grouped by article once, here too)
    return manifest, result, ""
