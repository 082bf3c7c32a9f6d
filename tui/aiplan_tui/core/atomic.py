"""The one way the app writes a file: whole or not at all, whatever stops it halfway.

A temporary file in the same directory is written, synced to disk and renamed over the
target, then the directory is synced so the rename itself survives a power cut. Readers see
the old file or the new one, never a mix; two writers each rename a complete file of their
own (pid and random suffix), so the last one wins.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

STALE_TEMP_SECONDS = 3600
"""Temporary files older than this were left by a writer that died; younger ones may be live."""


def write_atomically(target: Path, content: bytes, mode: int = 0o600) -> None:
    """Replace `target` with `content`; OSError if that cannot be done, and then no temporary
    file is left behind and the old file is untouched."""
    temp = write_temp(target, content, mode)
    try:
        temp.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_directory(target.parent)


def write_temp(target: Path, content: bytes, mode: int, exact: bool = False) -> Path:
    """A temporary file beside `target` holding `content`, synced to disk (with `exact`, its
    mode set to `mode` whatever the umask); none is left behind if that fails."""
    temp = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
    try:
        try:
            if exact:
                os.fchmod(fd, mode)
            view = memoryview(content)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        # Not only OSError: a KeyboardInterrupt mid-write must not leave the temp file behind.
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def fsync_directory(directory: Path) -> None:
    """Make a rename in `directory` durable; not possible on every system, so failures pass."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(directory, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temps(target: Path, older_than: float = STALE_TEMP_SECONDS) -> None:
    """Temporary files of writers killed mid-write would pile up; remove the old ones."""
    cutoff = time.time() - older_than
    try:
        candidates = list(target.parent.glob(f".{target.name}.*.tmp"))
    except OSError:
        return
    for candidate in candidates:
        try:
            if candidate.lstat().st_mtime < cutoff:
                candidate.unlink()
        except OSError:
            continue
