"""Bringing a compiled pack up to date a file at a time (compiled/incremental.py says
which changes it takes on, compiled/apply.py applies one): in place, in one SQLite write
transaction on the live database in WAL mode. A reader (compiled/store.py holds one read
transaction for as long as it has the database open) sees the old pack or the new one, never
a mix; a kill, a full disk or any failure before the commit leaves the old one. No Textual."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from aiplan_tui.compiled.apply import apply_change
from aiplan_tui.compiled.incremental import find_change, meta
from aiplan_tui.compiled.wal import checkpoint
from aiplan_tui.core.transaction import JOURNAL_NAME

BUSY_SECONDS = 30.0
"""How long a writer waits for another to finish before leaving the database as it is."""


def update_compiled(root: Path, target: Path, manifest: str) -> bool:
    """Bring the compiled pack at `target` up to `manifest` if the change allows (see the
    module's note); True if it is current now. Any failure leaves the database as it was."""
    try:
        if (root / JOURNAL_NAME).exists():
            return False
        with writing(target) as db:
            stored = str(meta(db, "manifest"))
            if stored == manifest:
                return True  # another command brought it up to date meanwhile
            apply_change(db, root, find_change(db, root, manifest, stored), manifest)
        checkpoint(target)
        return True
    except Exception:  # not local, a damaged database, a file gone meanwhile: a whole build
        return False


@contextlib.contextmanager
def writing(target: Path) -> Iterator[sqlite3.Connection]:
    """The live database, in WAL mode, in a write transaction committed when the block ends
    without an error and rolled back otherwise. OSError if the file at `target` is not the
    one opened (a build renamed another over it meanwhile)."""
    seen = target.stat()
    db = sqlite3.connect(target, isolation_level=None, timeout=BUSY_SECONDS)
    try:
        if str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            db.execute("PRAGMA journal_mode = WAL")  # a database built before issue 34's
        db.execute("PRAGMA synchronous = NORMAL")  # consistent through a kill or a crash
        db.execute("BEGIN IMMEDIATE")
        now = target.stat()
        if (now.st_dev, now.st_ino) != (seen.st_dev, seen.st_ino):
            raise OSError("the database was replaced meanwhile")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    finally:
        db.close()
