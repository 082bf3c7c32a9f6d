"""What a reader asks of a compiled pack's write-ahead log (compiled/wal.py keeps it empty):
apart, so that opening a compiled pack imports none of the writer's tools. No Textual."""

from __future__ import annotations

import os


def wal_empty(target: str | os.PathLike[str]) -> bool:
    try:
        return os.stat(f"{os.fspath(target)}-wal").st_size == 0  # noqa: PTH116 (no pathlib)
    except OSError:
        return True  # none


def in_wal_mode(head: bytes) -> bool:
    """From a database file's first 100 bytes: its read and write versions are 2."""
    return head[18:20] == b"\x02\x02"
