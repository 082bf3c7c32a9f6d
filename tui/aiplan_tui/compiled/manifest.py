"""Whether a compiled pack is current, decided from the pack's directory entries alone.

Every entry under the pack's root, with its type, size and modification time (and, for a
link, those of what it points at): a stat of each, never a read. Any file added, removed,
grown, shrunk or touched gives another manifest, and so a rebuild. No Textual.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from aiplan_tui import __version__

FORMAT = 9
"""Raise when what the database stores, or how, changes meaning."""


def pack_manifest(root: Path) -> str:
    """One string that changes whenever anything the loader could read changes."""
    entries: list[list[object]] = []
    _walk(root.absolute(), "", entries)
    return json.dumps([FORMAT, __version__, str(root.absolute()), entries], ensure_ascii=True)


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
