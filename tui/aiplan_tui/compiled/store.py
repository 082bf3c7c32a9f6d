"""Reading a compiled pack: a command answers from the database without loading the pack.

A database is used only if it is a regular file, whole (its header's page count fits its
size, unless its write-ahead log holds pages), of this format and app version, and built
from the pack as it is now (`manifest`). Anything else, and any `sqlite3` error while
reading it, means "build it again". No Textual.
"""

from __future__ import annotations

import json
import os
import stat
from _thread import allocate_lock
from collections.abc import Callable
from pathlib import Path

from aiplan_tui.compiled import sqlite_core
from aiplan_tui.compiled.manifest import manifest_prefix
from aiplan_tui.compiled.stale import Stale, damage_is_stale
from aiplan_tui.compiled.wal_state import in_wal_mode, wal_empty

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:  # the search engine is imported when an index is asked for, not to start;
    # the pack's rows, their layout and its problems when they are read (a search reads none)
    from typing import Any

    from aiplan_tui.core.problems import Problems
    from aiplan_tui.pack.result import LoadResult
    from aiplan_tui.search.engine import SearchIndex

HEADER = b"SQLite format 3\x00"
OTHER_FILES = "built from other files"
"""Why a whole database of ours is not current: the pack changed (compiled/incremental.py
may update it a file at a time)."""


class CompiledPack:
    """An open, current compiled pack (read-only): the pack as it was when opened, for as
    long as it is open (one read transaction), whatever updates are made meanwhile."""

    def __init__(self, path: Path, manifest: str | None, root: Path) -> None:
        """Open the database at `path` if it is current for `manifest`; Stale if not. The
        paths it stores are relative to the pack's root: `root` as this process names it.
        `manifest` None: as last compiled, whatever files it was compiled from, if by this
        format and version of the app for this root (the app's start checks the files after
        its first frame: compiled/checked.py)."""
        _check_file(path)
        self.path, self.manifest, self.root = path, manifest or "", root
        try:
            self.db = sqlite_core.connect(
                f"{path.absolute().as_uri()}?mode=ro",
                uri=True,
                check_same_thread=False,
                isolation_level=None,
            )
            self._meta: dict[str, Any] = {}
            self._meta_lock = allocate_lock()  # (threading's Lock: no threading to import)
            self.db.execute("BEGIN")  # one snapshot while open: an update is seen by the next
            stored = self.meta("manifest")
            if manifest is None and isinstance(stored, str):
                self.manifest = stored
            current = stored == manifest or (
                manifest is None and self.manifest.startswith(manifest_prefix(root))
            )
        except (sqlite_core.Error, ValueError, TypeError, KeyError) as exc:
            self.db.close()
            raise Stale(f"unreadable: {exc!r}") from exc
        if not current:
            self.db.close()
            raise Stale(OTHER_FILES)

    def meta(self, key: str) -> Any:
        """One stored value, read and decoded when first asked for: `check` and the app's
        start never read the index's vocabulary. KeyError or ValueError if it is missing or
        damaged (sqlite3.Error if the database is)."""
        if key not in self._meta:
            with self._meta_lock:
                row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            if row is None:
                raise KeyError(key)
            self._meta[key] = json.loads(str(row[0]))
        return self._meta[key]

    def close(self) -> None:
        self.db.close()

    def counts(self) -> tuple[int, int, int, int, int]:
        """Articles, highlights, entities, comparison cells and suggested highlights loaded."""
        with damage_is_stale():
            articles, highlights, entities, cells, suggested = self.meta("counts")
            return int(articles), int(highlights), int(entities), int(cells), int(suggested)

    def problems(self) -> Problems:
        """What the loader found wrong, as it found it."""
        from aiplan_tui.compiled.records import in_root
        from aiplan_tui.core.problems import Problem, Problems

        with damage_is_stale():
            skipped = self.meta("skipped").items()
            found = Problems(skipped={str(k): int(v) for k, v in skipped})
            for path, line, col, severity, message in self.db.execute(
                "SELECT path, line, col, severity, message FROM problems ORDER BY phase, unit, n"
            ):
                at = in_root(self.root, str(path)), int(line), int(col), str(message)
                found.items.append(Problem(*at, "warning" if severity == "warning" else "error"))
            return found

    def load_result(self, root: Path, pause: Callable[[], None] | None = None) -> LoadResult:
        """The pack and its problems as loading `root` gave them, without reading it
        (`pause`: see rows_groups)."""
        from aiplan_tui.compiled.layout import PACK_ORDER
        from aiplan_tui.compiled.records import rows_pack
        from aiplan_tui.core.collector import collector_paused
        from aiplan_tui.pack.result import LoadResult

        with damage_is_stale(), collector_paused(freeze=True):
            rows = self.db.execute(f"SELECT kind, item FROM pack {PACK_ORDER}")
            pack = rows_pack(root, iter(rows), pause)
            return LoadResult(pack, self.problems())

    def search_index(self) -> SearchIndex:
        """An index reading its documents and postings from here as queries need them."""
        from aiplan_tui.compiled.stored_index import StoredDocs, StoredPostings
        from aiplan_tui.search.engine import SearchIndex

        meta = self.meta
        lock = allocate_lock()  # searches may run in several threads; one reads at a time
        with damage_is_stale():
            count = int(meta("doc_count"))
            return SearchIndex.over(
                StoredDocs(self.db, count, lock),
                StoredPostings(self.db, meta("words"), meta("weights"), meta("keys"), count, lock),
                {str(k): str(v) for k, v in meta("articles").items()},
                {str(k): str(v) for k, v in meta("dimensions").items()},
                [[str(name) for name in names] for names in meta("equivalents")],
            )


def _check_file(path: Path) -> None:
    """Only a regular file (not a link, FIFO, device or directory), and a whole one."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise Stale("not there") from exc
    if not stat.S_ISREG(info.st_mode):
        raise Stale("not a regular file")
    try:
        with path.open("rb") as file:
            head = file.read(100)
    except OSError as exc:
        raise Stale("unreadable") from exc
    if len(head) < 100 or not head.startswith(HEADER):
        raise Stale("not a database")
    if in_wal_mode(head) and not wal_empty(path):
        return  # its log has the last pages: the file's own size is not yet the whole story
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    if pages * page_size != info.st_size:
        raise Stale("truncated or grown")
