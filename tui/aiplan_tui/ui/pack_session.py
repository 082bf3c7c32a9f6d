"""The pack's lifecycle in the app, in one place: which phase it is in, what it holds, and what
waits for it.

Phases and the moves between them (`TRANSITIONS`; any other move is a bug and raises):

- LOADING: a large pack with no current compiled pack is loaded from its files after the
  first frame; a loading screen is all there is, and only the quitting keys act. Then READY,
  or FAILED (the loading screen says why).
- CHECKING: the head of a large pack as last compiled is shown at once, marked as not checked,
  while its files are checked in a thread (compiled/checked.py). The reader reads from it;
  what needs more waits. Then HEAD (the same files, or the head of the compiled pack brought
  up to date, shown in place), READY (the pack is small now, and read whole), or RELOADING
  (the compiled pack could not be brought up to date: the pack is loaded from its files).
- HEAD: a large pack's head is shown (compiled/head.py): each article is read as it is opened;
  the whole pack is read in a thread only once something waits for it (`wanted`), so a
  reader that only reads holds the head alone. Then READY (if the rest could not be read,
  with what was read).
- READY: the whole pack is shown. READY again when a small pack is read again at once after a
  change; RELOADING when a large one is read again in a thread.
- RELOADING: the old pack is shown while the new one is read. Then READY (with the old pack if
  the new one could not be read).
- FAILED: the pack could not be loaded; nothing moves on from it.

What waits: an action asked for while the pack is not READY (a screen, a search, the next
quote on a head) is deferred under a key naming what it does, not how it was worded: asked
again before the pack is ready, it is done once, as last asked. On READY the deferred actions
are done in the order they were first asked, unless a dialog is open then: a dialog keeps the
keys, so they are dropped, and the user told once. (A screen switched to while the terminal is
too small is the sizing layer's to hold until it grows: see sizing.py.) Every READY publishes
the pack to the subscribers of `pack_changed`.

No Textual here: the app gives the session what it needs (whether a dialog is open, how to
tell the user), and its transitions are tested on their own.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aiplan_tui.core.model import Pack
from aiplan_tui.pack.result import LoadResult

if TYPE_CHECKING:
    from aiplan_tui.compiled.head import PackHead
    from aiplan_tui.compiled.store import CompiledPack


class Phase(enum.Enum):
    CHECKING = "checking"
    LOADING = "loading"
    HEAD = "head"
    READY = "ready"
    RELOADING = "reloading"
    FAILED = "failed"


TRANSITIONS: dict[Phase, frozenset[Phase]] = {
    Phase.CHECKING: frozenset({Phase.HEAD, Phase.READY, Phase.RELOADING}),
    Phase.LOADING: frozenset({Phase.READY, Phase.FAILED}),
    Phase.HEAD: frozenset({Phase.READY}),
    Phase.READY: frozenset({Phase.READY, Phase.RELOADING}),
    Phase.RELOADING: frozenset({Phase.READY}),
    Phase.FAILED: frozenset(),
}
"""The moves a phase may make."""

DIALOG_OPEN = (
    "The pack is read{again}. What waited for it was not done, as a dialog is open: ask again."
)
"""Said when what waited is dropped because a dialog holds the keys."""


class IllegalMove(RuntimeError):
    """A move the lifecycle does not allow (a bug, never the user's doing)."""


@dataclass
class Deferred:
    """An action waiting for the pack to be READY."""

    key: str
    """What it does ("screen:compare", "search"): one action per key waits."""
    action: Callable[[], object]
    what: str
    """How it is told to the user ("Compare opens")."""


@dataclass
class PackSession:
    """The app's pack: its phase, what the phase holds, and the actions waiting for READY."""

    result: LoadResult
    """The pack shown, with the problems found loading it (a placeholder while LOADING)."""
    manifest: str | None = None
    """The pack's files as they were before it was loaded: the key of its compiled pack.
    None (as in tests): the search index is built in memory and not kept."""
    compiled: CompiledPack | None = None
    """The compiled pack the pack was read from, if it was (its search index too)."""
    head: PackHead | None = None
    """A large pack's head, while the phase is HEAD."""
    phase: Phase = Phase.READY
    dialog_open: Callable[[], bool] = lambda: False
    """Whether a dialog holds the keys now (the app's answer)."""
    tell: Callable[[str], object] = lambda _message: None
    """How the user is told something (the app's notice)."""
    wanted: Callable[[], object] = lambda: None
    """On a head, what starts the reading of the whole pack (the app's): called each time
    something waits for it, so it must start the reading only once."""
    _deferred: dict[str, Deferred] = field(default_factory=dict)
    _subscribers: list[Callable[[Pack], object]] = field(default_factory=list)

    @classmethod
    def starting(
        cls,
        result: LoadResult,
        manifest: str | None = None,
        compiled: CompiledPack | None = None,
        head: PackHead | None = None,
        loading: bool = False,
        checking: bool = False,
    ) -> PackSession:
        """The session an app starts with: LOADING (a placeholder pack), CHECKING or HEAD (a
        head, `checking` its files or not), or READY."""
        phase = Phase.LOADING if loading else Phase.READY
        if head is not None:
            phase = Phase.CHECKING if checking else Phase.HEAD
        return cls(result, manifest, compiled, head, phase)

    # What the phase says ----------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """Whether there is no pack to show yet (LOADING, or FAILED to load)."""
        return self.phase in (Phase.LOADING, Phase.FAILED)

    @property
    def whole(self) -> bool:
        """Whether the whole pack is read (it may be read again meanwhile)."""
        return self.phase in (Phase.READY, Phase.RELOADING)

    @property
    def reloading(self) -> bool:
        return self.phase is Phase.RELOADING

    @property
    def checking(self) -> bool:
        """Whether what is shown is the pack as last compiled, its files not checked yet."""
        return self.phase is Phase.CHECKING

    # Moves ----------------------------------------------------------------------------------------

    def move(self, phase: Phase) -> None:
        """Go to `phase`; IllegalMove if this phase may not."""
        if phase not in TRANSITIONS[self.phase]:
            raise IllegalMove(f"{self.phase.name} -> {phase.name}")
        self.phase = phase

    def ready(
        self,
        result: LoadResult | None = None,
        manifest: str | None = None,
        then: Callable[[], object] | None = None,
    ) -> None:
        """The pack is whole: `result` is the new pack (None: the one held stays, as after a
        failed read), `manifest` its files' (None: unchanged). The head is done with, the
        subscribers get the pack, `then` is done, and then what waited."""
        again = self.phase is Phase.RELOADING
        self.move(Phase.READY)
        if result is not None:
            self.result = result
        if manifest is not None:
            self.manifest = manifest
            self.compiled = None  # of the old files (its index serves until the new one)
        self.head = None
        for subscriber in list(self._subscribers):
            subscriber(self.result.pack)
        if then is not None:
            then()
        self._run_deferred(again)

    def checked(
        self,
        result: LoadResult | None = None,
        head: PackHead | None = None,
        compiled: CompiledPack | None = None,
        manifest: str | None = None,
    ) -> None:
        """The files are checked: HEAD, on the head shown (nothing given: they are the ones
        compiled) or on the new `head` of the compiled pack brought up to date (`result` its
        pack, `compiled` and `manifest` its). What waited for the whole pack starts it."""
        self.move(Phase.HEAD)
        if head is not None and result is not None:
            self.result, self.head, self.compiled = result, head, compiled
            self.manifest = manifest
        if self._deferred:
            self.wanted()

    def failed(self) -> None:
        """The pack could not be loaded: nothing waits any longer."""
        self.move(Phase.FAILED)
        self._deferred.clear()

    # Waiting ------------------------------------------------------------------------------------

    def when_ready(
        self, key: str, action: Callable[[], object], what: str, whole_is_enough: bool = False
    ) -> bool:
        """Whether `action` may go on now: READY (or, `whole_is_enough`, the whole pack read
        and being read again); if not, it waits under `key` (replacing what waited there) and,
        the first time for that key, the user is told `what` happens once the pack is read."""
        if self.phase is Phase.READY or (whole_is_enough and self.whole):
            return True
        if self.loading:
            return False  # nothing is asked of a loading screen but to quit
        first = key not in self._deferred
        self._deferred[key] = Deferred(key, action, what)
        if first:
            self.tell(self._waits(what))
        if self.phase is Phase.HEAD:
            self.wanted()
        return False

    def when_reader(self, key: str, action: Callable[[], object], what: str) -> bool:
        """Whether the reader shown may act now: READY, or on a head (it reads each article
        as it is opened, and what it needs of the whole pack waits on its own), checked or
        not; if not, as `when_ready`."""
        on_head = self.phase in (Phase.HEAD, Phase.CHECKING)
        return on_head or self.when_ready(key, action, what)

    def _waits(self, what: str) -> str:
        if self.head is not None:
            count = self.head.highlight_count
            return f"Reading the pack ({count:,} highlights): {what} once it is read."
        return f"{what[:1].upper()}{what[1:]} once the pack is read again."

    def waiting(self) -> list[str]:
        """The keys of what waits, in the order first asked."""
        return list(self._deferred)

    def _run_deferred(self, again: bool) -> None:
        deferred, self._deferred = list(self._deferred.values()), {}
        if deferred and self.dialog_open():
            self.tell(DIALOG_OPEN.format(again=" again" if again else ""))
            return
        for item in deferred:
            item.action()

    # Publishing -----------------------------------------------------------------------------------

    def subscribe(self, subscriber: Callable[[Pack], object]) -> None:
        """`subscriber` gets the pack each time the session is READY with it."""
        self._subscribers.append(subscriber)
