"""The compiled pack's write-ahead log: emptied after a write, and empty (with no writer
meanwhile) before a whole new database is renamed over the old one. No Textual.

A database in WAL mode shares its `-wal` and `-shm` files, by name, with any database renamed
to its place: a log still holding the old database's pages would be read as the new one's.
So a build renames its file into place only while it holds the old database's write lock
with its log empty (else it copies its tables into the old one, `refill`); a writer checks,
once it holds that lock, that the file it opened is the one at the path (compiled/update.py).
"""

from __future__ import annotations

import contextlib
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from aiplan_tui.compiled.wal_state import in_wal_mode as in_wal_mode
from aiplan_tui.compiled.wal_state import wal_empty as wal_empty

WAIT_SECONDS = 2.0
"""How long a build waits for the old database's readers and writer to be done with its log."""
SQLITE_BUSY, SQLITE_LOCKED = 5, 6


class Busy(Exception):
    """A reader still reads the old database's log, or a writer holds it: not replaced."""


def checkpoint(target: Path) -> bool:
    """Copy what the log holds into the database and empty it, unless a reader still reads
    from it (it is then left for a later writer). True if it is empty."""
    with contextlib.suppress(sqlite3.Error):
        db = sqlite3.connect(target, isolation_level=None, timeout=0)
        try:
            busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return not busy and wal_empty(target)
        finally:
            db.close()
    return False


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[None]:
    """While the block runs, a new database may be renamed to `target`: the old one's log is
    empty and its write lock held (Busy if that cannot be had at once). Where no database of
    ours is (nothing, a damaged file), whatever log and index lie beside it are removed."""
    db = None
    try:  # (never opened if not a regular file: a FIFO would block)
        ours = stat.S_ISREG(target.lstat().st_mode)
        if ours:
            with target.open("rb") as file:
                ours = in_wal_mode(file.read(100))
    except OSError:
        ours = False
    if ours:
        try:
            db = sqlite3.connect(target, isolation_level=None, timeout=WAIT_SECONDS)
            busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            if db is not None:
                db.close()
            if getattr(exc, "sqlite_errorcode", None) in (SQLITE_BUSY, SQLITE_LOCKED):
                raise Busy("another command writes to the old database") from exc
            db, busy = None, 0
            ours = False  # not a database after all: nobody reads its log
        if db is not None and (busy or not wal_empty(target)):
            db.close()
            raise Busy("a reader reads the old database's log")
    if not ours:
        for extra in ("-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{target}{extra}").unlink()
    try:
        yield
    finally:
        if db is not None:
            db.close()  # (the transaction wrote nothing: closing ends it)


def refill(target: Path, built: Path) -> None:
    """The database at `target` made the one at `built`, in place, in one write transaction:
    for when a reader still reads the old one's log (a rename would give it the new file's
    pages); that reader keeps its snapshot. sqlite3.Error (the old one left as it was) if
    `target` is not a database or another writer holds it."""
    db = sqlite3.connect(target, isolation_level=None, timeout=WAIT_SECONDS)
    try:
        db.execute("ATTACH DATABASE ? AS fresh", (str(built),))
        db.execute("BEGIN IMMEDIATE")
        old = db.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'").fetchall()
        for (name,) in old:
            db.execute(f'DROP TABLE main."{name}"')
        made = db.execute(
            "SELECT type, name, sql FROM fresh.sqlite_master WHERE sql IS NOT NULL"
        ).fetchall()
        for kind, name, sql in made:
            if kind == "table":
                db.execute(str(sql))
                db.execute(f'INSERT INTO main."{name}" SELECT * FROM fresh."{name}"')
        for kind, _, sql in made:
            if kind == "index":
                db.execute(str(sql))
        db.execute("COMMIT")
    finally:
        db.close()
