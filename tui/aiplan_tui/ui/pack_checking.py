"""The app's start on a large pack as last compiled (the session's CHECKING phase): its files
are checked after the first frame, in a thread (compiled/checked.py), and what changed is
shown in place. Until then the title says so, the search waits for its index, and what needs
more than the head waits for the check; after it, the title says nothing more (or, if the files
could not be looked at, that they were not checked)."""

from __future__ import annotations

from aiplan_tui.compiled.checked import Checked, check_files
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.disk_watch import CHANGED
from aiplan_tui.ui.pack_host import PackHost
from aiplan_tui.ui.pack_reloading import PackReloading
from aiplan_tui.ui.pack_session import Phase

CHECKING = "checking the files for changes…"
"""After the pack's title while its files are being checked."""
NOT_CHECKED = "as last compiled: its files could not be checked"
"""After the pack's title if they could not be."""


class PackChecking:
    """The files of the pack as last compiled, checked for `app`."""

    def __init__(self, app: PackHost, reloading: PackReloading) -> None:
        self.app = app
        self.reloading = reloading
        """Loads the pack from its files in a thread, for a change the compiled pack cannot
        take on."""
        self.unchecked = False
        """Whether the check failed: what is shown may not be the files' (said in the title)."""
        self.changed = False
        """Whether the files changed beyond what the compiled pack takes on: then the pack is
        read again from them, the old one shown (marked) meanwhile."""

    def mark(self) -> str:
        """What the title says after the pack's title: that it is not checked yet, or not."""
        session = self.app.session
        if session.checking or (self.changed and session.reloading):
            return CHECKING
        return NOT_CHECKED if self.unchecked else ""

    def start(self) -> None:
        """Check the files in a thread (once the first frame is drawn)."""
        app = self.app
        head, root = app.session.head, app.pack.root
        if not app.session.checking or head is None:
            return
        opened = app.moves.reader_place()[0]
        app.threads.run(
            "check",
            lambda _pause: check_files(head, root, opened),
            self._checked,
            self._not_checked,
        )

    def _checked(self, checked: Checked) -> None:
        app, session = self.app, self.app.session
        app.disk_watch.seen = checked.manifest
        for head in (session.head, checked.head):
            if head is not None:
                head.known = None  # (kept for the check only)
        if checked.same:
            session.checked()
        elif checked.compiled is None:  # not brought up to date: the pack read from its files
            session.move(Phase.RELOADING)
            self.changed = True
            self.reloading.read_aside(lambda _pack: app.notify(CHANGED, timeout=4, markup=False))
        elif checked.head is not None and checked.result is not None:
            old = session.compiled
            session.checked(checked.result, checked.head, checked.compiled, checked.manifest)
            app.reader.use_head(checked.head)
            if old is not None and old is not checked.compiled:
                old.close()  # (nothing else reads from it: no index was made from it)
        elif checked.result is not None:  # small enough now to be read whole
            session.ready(checked.result, checked.manifest)
        app.show_title()
        if not session.reloading:  # (after the title is drawn again: loading it takes a while)
            app.call_after_refresh(app.build_search_index)

    def _not_checked(self, why: str) -> None:
        app = self.app
        self.unchecked = True
        app.notify(
            f"The pack's files could not be checked ({clean_line(why)}): it is shown as it "
            "was last compiled. Restart aiplan-tui to check them again.",
            title="Pack not checked",
            severity="error",
            markup=False,
        )
        app.session.checked()
        app.show_title()
        app.build_search_index()
