"""A pack write as one transaction: one writer at a time, and the old pack or the new one
whatever signal, kill or full disk arrives. No Textual.

Every writer of pack files (`add`, Review, `m`, `check --fix`) holds the pack's lock (an
advisory `flock` on the pack's folder) around its read-modify-write, and reads what it changes
again once it holds it. Its files are written in three steps:

1. each new content goes to a temporary file beside its target, synced to disk;
2. a journal naming every (temporary, target) pair is written atomically: this is the commit;
3. each temporary file is renamed over its target, then the journal is removed.

An interruption before the journal leaves the old pack (the temporary files are removed, or,
after a kill, by the next writer); after it, the renames are finished, by this writer or by
the next command that opens the pack (`recover`). A temporary file in the pack is never a
live one while the lock is held, so the next writer removes any it finds.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from aiplan_tui.core.atomic import fsync_directory, write_atomically, write_temp

LOCK_NAME = ".aiplan-tui.lock"
JOURNAL_NAME = ".aiplan-tui.journal"
OWN_NAMES = frozenset({LOCK_NAME, JOURNAL_NAME})
"""The pack's own bookkeeping files: not pack content (the manifest leaves them out)."""
WAIT_SECONDS = 10.0
"""How long a writer waits for another one before saying the pack is busy."""
TEMP = re.compile(r"\A\..+\.\d+\.[0-9a-f]{8}\.tmp\Z")
"""A temporary file of ours (core/atomic.py names them the same way)."""
FOLDERS = ("", "articles", "highlights")


class PackBusy(OSError):
    """Another writer held the pack's lock for longer than we wait."""


class _Held:
    """The locks this process holds, so a writer inside another's lock (a Review edit that
    writes twice) takes it again instead of waiting for itself."""

    def __init__(self) -> None:
        self.guard = threading.RLock()
        self.fds: dict[Path, tuple[int, int]] = {}


_HELD = _Held()


@contextlib.contextmanager
def pack_lock(root: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the pack's writer lock (re-entrant in this process); on taking it, finish or undo
    what an interrupted writer left. PackBusy after `wait` seconds; OSError where the lock
    file cannot be made (a read-only pack cannot be written anyway)."""
    key = root.resolve()
    with _HELD.guard:
        fd, depth = _HELD.fds.get(key, (-1, 0))
        if depth == 0:
            fd = _take(key, wait)
            try:
                recover(key)
            except BaseException:
                _give_back(fd)
                raise
        _HELD.fds[key] = (fd, depth + 1)
        try:
            yield
        finally:
            fd, depth = _HELD.fds.pop(key)
            if depth > 1:
                _HELD.fds[key] = (fd, depth - 1)
            else:
                _give_back(fd)


def _take(root: Path, wait: float) -> int:
    """The pack's folder itself is locked, so no file is made for it; where a filesystem
    cannot lock a folder (NFS emulates flock with write locks), a lock file in it is."""
    fd = os.open(root, os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_DIRECTORY", 0))
    try:
        _flock(fd, root, wait)
        return fd
    except PackBusy:
        os.close(fd)
        raise
    except OSError:
        os.close(fd)  # this filesystem: a lock file, below
    except BaseException:
        os.close(fd)
        raise
    fd = os.open(root / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        _flock(fd, root, wait)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _flock(fd: int, root: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise PackBusy(
                    errno.EBUSY,
                    f"{root}: another aiplan-tui is writing this pack; try again when it is done",
                ) from None
            time.sleep(0.02)  # a lock has no way to wake us: look again shortly


def _give_back(fd: int) -> None:
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


def holds_lock(root: Path) -> bool:
    """Whether this process holds the pack's lock now."""
    with _HELD.guard:
        return root.resolve() in _HELD.fds


def write_files(root: Path, files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every file, as one transaction of the pack at `root` (whose lock the caller
    holds, or it is taken here). A file keeps its mode; a link keeps pointing where it did
    (what it points at is written). OSError, and the old pack, if it cannot be done."""
    with pack_lock(root):
        key = root.resolve()
        staged: list[tuple[Path, Path]] = []
        try:
            for path, content in files:
                target = _real(key, path)
                staged.append((_stage(target, content), target))
            _commit(key, staged)
        except BaseException:
            if not (key / JOURNAL_NAME).exists():  # not committed: the old pack stays
                for temp, _ in staged:
                    with contextlib.suppress(OSError):
                        temp.unlink()
            raise
        _finish(key, staged)


def _real(root: Path, path: Path) -> Path:
    """Where the bytes go, as a real path inside the pack: a link's target (the link stays),
    else the file itself. OSError for a place outside the pack."""
    target = path.resolve() if path.is_symlink() else path.parent.resolve() / path.name
    if not target.is_relative_to(root):
        raise OSError(errno.EXDEV, f"{path}: outside the pack {root}; not written")
    return target


def _stage(target: Path, content: bytes) -> Path:
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644
    return write_temp(target, content, mode, exact=True)  # the group's write bit kept


def _commit(root: Path, staged: list[tuple[Path, Path]]) -> None:
    for directory in {temp.parent for temp, _ in staged}:
        fsync_directory(directory)
    pairs = [
        [str(temp.relative_to(root)), str(target.relative_to(root))] for temp, target in staged
    ]
    write_atomically(root / JOURNAL_NAME, json.dumps(pairs).encode("utf-8"), 0o644)


def _finish(root: Path, staged: Sequence[tuple[Path, Path]]) -> None:
    """Rename every staged file over its target, then drop the journal. Each rename is done
    once: one that is gone was done already (by an earlier try)."""
    for temp, target in staged:
        with contextlib.suppress(FileNotFoundError):
            temp.replace(target)
    for directory in {target.parent for _, target in staged}:
        fsync_directory(directory)
    (root / JOURNAL_NAME).unlink(missing_ok=True)
    fsync_directory(root)


def recover(root: Path) -> None:
    """Under the lock: finish the transaction a killed writer committed, and remove the
    temporary files of writers that died before committing."""
    journal = root / JOURNAL_NAME
    try:
        pairs = json.loads(journal.read_bytes())
    except FileNotFoundError:
        pairs = None
    except (OSError, ValueError):
        pairs = []  # written atomically, so never half there; unreadable: nothing to finish
    if pairs is not None:
        _finish(root, list(_journalled(root.resolve(), pairs)))
    for folder in FOLDERS:
        with contextlib.suppress(OSError), os.scandir(root / folder) as entries:
            for entry in entries:
                if TEMP.match(entry.name) and entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        Path(entry.path).unlink()


def _journalled(real_root: Path, pairs: object) -> Iterator[tuple[Path, Path]]:
    """The (temporary, target) pairs of a journal that are ours to finish: a temporary file
    of ours renamed within its own folder of this pack. A journal is pack content like any
    other, so one that came with a pack can never move a file anywhere else."""
    if not isinstance(pairs, list):
        return
    for pair in pairs:
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        ):
            continue
        temp, target = (real_root / part for part in pair)
        parent = target.parent
        if (
            ".." not in Path(pair[0]).parts + Path(pair[1]).parts
            and temp.parent == parent
            and TEMP.match(temp.name)
            and parent.resolve() == parent
            and parent.is_relative_to(real_root)
            and not target.is_symlink()
        ):
            yield temp, target


def pack_root(path: Path) -> Path:
    """The pack a file belongs to: the nearest folder above it with a pack.toml (else the
    file's own folder)."""
    for folder in path.absolute().parents:
        if (folder / "pack.toml").exists():
            return folder
    return path.absolute().parent


def finish_interrupted(root: Path) -> None:
    """Before a pack is read: finish the transaction a killed writer committed (one stat when
    there is none). Where the pack cannot be written, or another writer holds it, it is read
    as it is: that writer finishes it."""
    if (root / JOURNAL_NAME).exists():
        with contextlib.suppress(OSError), pack_lock(root, wait=0):
            pass
