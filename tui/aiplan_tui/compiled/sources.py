"""The files a compiled pack was built from, each with its size, modification time and a
hash of its bytes: what says which files a change touched. No Textual.

The manifest (compiled/manifest.py) lists every entry of the pack; a file whose entry
differs from the stored one is compared by its hash too, so a file touched but not changed
costs a read, not a reload. A hash is stored only when the file, hashed after the load, has
the size and time the manifest gave it before the load: else it is left empty (the file is
read again next time), never paired with rows of other bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
from pathlib import Path

Entry = tuple[int, int, int]
"""(mode, size, mtime_ns) of a manifest entry."""


def manifest_entries(manifest: str) -> dict[str, tuple[object, ...]]:
    """Each entry of a manifest by its name (a link's target under `name ->`)."""
    _, _, _, entries = json.loads(manifest)
    return {str(entry[0]): tuple(entry[1:]) for entry in entries}


def regular(entry: tuple[object, ...]) -> bool:
    mode = entry[0]
    return isinstance(mode, int) and stat.S_ISREG(mode)


def file_hash(path: Path, size: int, mtime_ns: int) -> str:
    """The file's hash, or "" if it is not as the manifest saw it (or cannot be read)."""
    try:
        with path.open("rb") as file:
            info = os.fstat(file.fileno())
            if (info.st_size, info.st_mtime_ns) != (size, mtime_ns):
                return ""
            digest = hashlib.sha1(usedforsecurity=False)
            while chunk := file.read(1 << 20):
                digest.update(chunk)
            return digest.hexdigest()
    except OSError:
        return ""


def write_sources(db: sqlite3.Connection, root: Path, manifest: str) -> None:
    """Every regular file of the manifest, hashed (see the module's note)."""
    rows = []
    for name, entry in manifest_entries(manifest).items():
        if regular(entry) and isinstance(entry[1], int) and isinstance(entry[2], int):
            size, mtime = entry[1], entry[2]
            rows.append((name, size, mtime, file_hash(root / name, size, mtime)))
    db.executemany("INSERT INTO sources VALUES (?, ?, ?, ?)", rows)
