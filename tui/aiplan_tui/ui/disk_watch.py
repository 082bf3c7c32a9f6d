"""Noticing the pack's files change under the running app (an editor, `git pull`, `add` in
another terminal): the pack's manifest (a stat of every entry, never a read; see
compiled/manifest.py) is taken now and then in a thread and set against the one of the files
the pack shown was read from. No Textual: the app arms the timer and reloads."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from aiplan_tui.compiled.manifest import pack_manifest

WATCH_SECONDS = 2.0
"""How often the files are looked at, at most."""
SHARE = 0.02
"""The part of a core the looking may take: a look that costs more (20,000 files, a tenth of
a second) is spaced out to keep under it."""
CHANGED = "The pack's files changed on disk: it is shown again, each screen where it was."
"""Said when the pack is read again after a change made outside the app."""
RELOADED = "The pack is read again from its files."
"""Said when the user asked for it (R, or the palette)."""


@dataclass
class DiskWatch:
    """What the pack's files looked like, and how long a look takes."""

    seen: str | None = None
    """The manifest of the files the pack shown was read from (None: not known yet; the next
    look is taken as it)."""
    cost: float = 0.0
    """Seconds the last look took."""

    def due_in(self) -> float:
        """Seconds until the next look."""
        return max(WATCH_SECONDS, self.cost / SHARE)

    def look(self, root: Path) -> str:
        """The files' manifest now (in a thread: at a million highlights it is 20,000 stats)."""
        start = time.monotonic()
        manifest = pack_manifest(root)
        self.cost = time.monotonic() - start
        return manifest

    def changed(self, manifest: str) -> bool:
        """Whether `manifest`, looked at now, differs from the files the pack was read from
        (a first look is taken as them)."""
        if self.seen is None:
            self.seen = manifest
            return False
        return manifest != self.seen
