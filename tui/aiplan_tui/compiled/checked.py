"""The app's start on a large pack without looking at its files first: the head of the pack as
last compiled is shown at once, marked as not checked yet, and the files are checked after
the first frame (`check_files`, in a thread): the same files, or the compiled pack brought up
to date a file at a time and its new head, or, where it cannot be, the pack to be loaded
from its files. No Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aiplan_tui.compiled.current import compiled_path, open_compiled
from aiplan_tui.compiled.head import HEAD_FROM, PackHead, start_on
from aiplan_tui.compiled.manifest import pack_manifest
from aiplan_tui.compiled.stale import Stale, damage_is_stale
from aiplan_tui.compiled.store import CompiledPack
from aiplan_tui.pack.result import LoadResult

HEAD_BYTES = 4 * 1024 * 1024
"""Bytes of compiled database below which a pack cannot have HEAD_FROM highlights (about
2 KB a highlight): it is not opened to ask."""


def last_compiled(root: Path, cache_dir: Path | None = None) -> CompiledPack | None:
    """The pack's compiled database as last compiled, whatever its files are now, if it was
    compiled by this version of the app and is large enough to start on its head
    (HEAD_FROM highlights); else None (the files are looked at first, as ever)."""
    path = compiled_path(root, cache_dir)
    try:
        if path.stat().st_size < HEAD_BYTES:  # (one stat, for the bundled pack's start)
            return None
        compiled = CompiledPack(path, None, root)
    except (OSError, Stale):
        return None
    try:
        with damage_is_stale():
            if compiled.counts()[1] >= HEAD_FROM:
                return compiled
    except Stale:
        pass
    compiled.close()
    return None


def head_as_compiled(
    compiled: CompiledPack, root: Path, opened: str | None
) -> tuple[LoadResult, PackHead] | None:
    """The head of the pack as last compiled, with the article `opened` read; None (and the
    database closed) if it is damaged."""
    try:
        head = PackHead(compiled, root, opened, known={})  # (the check's head takes them)
        return LoadResult(head.pack, compiled.problems()), head
    except Stale:
        compiled.close()
        return None


@dataclass
class Checked:
    """What checking the files found."""

    manifest: str
    """The files' manifest, taken before anything was read."""
    compiled: CompiledPack | None
    """The compiled pack current for them: the one checked if they are the same; None if it
    could not be brought up to date (load the pack from its files)."""
    result: LoadResult | None = None
    """What to show now, if the files changed (None: they did not, or load them)."""
    head: PackHead | None = None
    """The new head, if what to show is one (None with a result: the whole pack, small now)."""

    @property
    def same(self) -> bool:
        """Whether the files are the ones compiled: what is shown is current."""
        return self.compiled is not None and self.result is None


def check_files(shown: PackHead, root: Path, opened: str | None) -> Checked:
    """The files' manifest set against the compiled pack of the head `shown`; if they
    changed, the compiled pack brought up to date (in one transaction: an interruption
    leaves the old one) and what to show from it, with the article `opened` read, the
    unchanged briefs taken from `shown` (for a worker thread: everything here is read
    through connections of its own)."""
    last = shown.compiled
    manifest = pack_manifest(root)
    if manifest == last.manifest:
        return Checked(manifest, last)
    compiled = open_compiled(root, last.path.parent, manifest)
    if compiled is None:
        return Checked(manifest, None)
    result, head = start_on(compiled, root, opened, shown.known)
    return Checked(manifest, compiled, result, head)
