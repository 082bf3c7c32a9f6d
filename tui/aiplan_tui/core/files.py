"""Reading a file the app did not write itself: only a regular file, and only up to a cap.

Opening a FIFO blocks until someone writes to it, a link to /dev/zero never ends, and a huge
file would be read whole before any check: so every file is opened without blocking, looked
at (what it is, how big) through the open descriptor, and read only if it is a regular file
within the cap, never more than the cap even if it grows meanwhile.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class Refused(OSError):
    """The path is there but is not a file the app will read; `reason` says why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words: `a directory`, `a FIFO`, `a device`..."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_capped(path: Path, limit: int) -> bytes:
    """The file's bytes; FileNotFoundError if it is not there, Refused if it is not a regular
    file or is larger than `limit` bytes, another OSError if it cannot be read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise Refused(path, "is a directory, not a file") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(path, f"is {kind_of(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise Refused(path, f"is {info.st_size:,} bytes, over the {limit:,}-byte limit")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise Refused(path, f"grew past the {limit:,}-byte limit while being read")
        return b"".join(chunks)
    finally:
        os.close(fd)


def entry_problem(path: Path) -> str | None:
    """Why a directory entry found by name (`articles/x.md`) cannot be read as a file, or None:
    a dangling link, a FIFO, a directory... Never blocks and never follows into reading."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "is a link to a file that does not exist" if path.is_symlink() else "is gone"
    except OSError as error:
        return f"cannot be looked at: {error.strerror or error}"
    if stat.S_ISREG(info.st_mode):
        return None
    return f"is {kind_of(info.st_mode)}, not a regular file"
