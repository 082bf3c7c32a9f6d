"""Whether a compiled pack is current, decided from the pack's directory entries alone.

Every entry under the pack's root, with its type, size and modification time (and, for a
link, those of what it points at): a stat of each, never a read. Any file added, removed,
grown, shrunk or touched gives another manifest, and so a rebuild. No Textual.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

from aiplan_tui import __version__

FORMAT = 20
"""Raise when what the database stores, or how, changes meaning."""


def pack_manifest(root: Path) -> str:
    """One string that changes whenever anything the loader could read changes."""
    entries: list[list[object]] = []
    where = os.path.abspath(root)  # noqa: PTH100 (`a/../p` is `p`; links kept)
    _walk(Path(where), "", entries)
    return json.dumps([FORMAT, __version__, where, entries], ensure_ascii=True)


def manifest_prefix(root: Path) -> str:
    """How every manifest of `root` taken by this format and version of the app begins."""
    where = os.path.abspath(root)  # noqa: PTH100 (as pack_manifest names it)
    return json.dumps([FORMAT, __version__, where], ensure_ascii=True)[:-1] + ", "


def _walk(directory: Path, prefix: str, entries: list[list[object]]) -> None:
    try:
        with os.scandir(directory) as found:
            listed = sorted(found, key=lambda entry: entry.name)
    except OSError as exc:
        entries.append([prefix or ".", "unreadable", exc.errno or 0, 0])
        return
    for entry in listed:
        name = prefix + entry.name
        try:
            own = entry.stat(follow_symlinks=False)
        except OSError:
            entries.append([name, "gone", 0, 0])
            continue
        entries.append([name, own.st_mode, own.st_size, own.st_mtime_ns])
        if entry.is_symlink():
            try:
                target = Path(entry.path).stat()
                entries.append([name + " ->", target.st_mode, target.st_size, target.st_mtime_ns])
            except OSError:
                entries.append([name + " ->", "dangling", 0, 0])
        elif entry.is_dir(follow_symlinks=False):
            _walk(Path(entry.path), name + "/", entries)


WALK_ASIDE_FROM = 256 * 1024 * 1024
"""Bytes of compiled database from which the app walks the pack in a child process: about
200,000 highlights, a pack whose walk (20,000 files at a million) costs a tenth of a second."""


def worth_walking_aside(compiled: Path) -> bool:
    """Whether the pack compiled at `compiled` is large enough to walk aside (one stat)."""
    try:
        return compiled.stat().st_size >= WALK_ASIDE_FROM
    except OSError:
        return False


def manifest_aside(root: Path) -> Callable[[], str]:
    """Start taking the pack's manifest in a child process, so that the caller's own work
    (the app imports its screens meanwhile) runs on the other core; the function returned
    waits for it. Where a child cannot be made, or does not finish well, the manifest is
    taken here instead: the answer is the same, only later."""

    import threading

    def here() -> str:
        return pack_manifest(root)

    if not hasattr(os, "fork") or threading.active_count() > 1:  # (a fork copies one thread)
        return here
    try:
        reading, writing = os.pipe()
    except OSError:
        return here
    try:
        child = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return here
    if child == 0:  # pragma: no cover - the child's coverage is not collected
        status = 1
        try:
            os.close(reading)
            with os.fdopen(writing, "wb") as out:
                out.write(pack_manifest(root).encode("ascii"))
            status = 0
        finally:
            os._exit(status)  # no interpreter exit: nothing of the parent's is flushed or run
    os.close(writing)

    def taken() -> str:
        with os.fdopen(reading, "rb") as pipe:
            data = pipe.read()
        try:
            _, status = os.waitpid(child, 0)
        except OSError:  # SIGCHLD ignored (inherited): the child is gone, its end unknown
            status = -1
        return data.decode("ascii") if status == 0 and data else here()

    return taken


LOAD_ASIDE_FROM = 2 * 1024 * 1024
"""Bytes of pack files from which the app, finding no current compiled pack, shows its first
frame before it loads the files (about 5,000 highlights, a load of half a second)."""


def worth_loading_aside(manifest: str) -> bool:
    """Whether the pack the manifest describes is large enough to load after the first
    frame: its regular files (a link's target counted as its own) hold LOAD_ASIDE_FROM
    bytes or more. Read from the manifest taken already, not from the disk."""
    try:
        entries = json.loads(manifest)[3]
        size = sum(
            entry[2]
            for entry in entries
            if isinstance(entry[1], int) and stat.S_ISREG(entry[1]) and isinstance(entry[2], int)
        )
    except (ValueError, TypeError, IndexError):
        return False
    return size >= LOAD_ASIDE_FROM
