"""Bringing a compiled pack up to date a file at a time (compiled/incremental.py says
which changes it takes on, compiled/apply.py applies one): on a copy of the database, in
one transaction, renamed over it, so a reader sees the old pack or the new one. No Textual."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
import threading
from pathlib import Path

from aiplan_tui.compiled.apply import apply_change
from aiplan_tui.compiled.incremental import NotLocal, find_change, meta
from aiplan_tui.core.transaction import JOURNAL_NAME


def update_compiled(root: Path, target: Path, manifest: str) -> bool:
    """Bring the compiled pack at `target` up to `manifest` if the change allows (see the
    module's note); True if it did. Any failure leaves the database as it was."""
    temp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        if (root / JOURNAL_NAME).exists():
            return False
        seen = sqlite3.connect(f"{target.absolute().as_uri()}?mode=ro", uri=True)
        try:  # what changed, asked of the database as it is: no copy for a whole build
            change = find_change(seen, root, manifest)
            built_for = meta(seen, "manifest")
        finally:
            seen.close()
        shutil.copyfile(target, temp)
        db = sqlite3.connect(temp, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = OFF")  # a temporary file: the rename commits
            db.execute("PRAGMA synchronous = OFF")
            db.execute("BEGIN")
            if meta(db, "manifest") != built_for:
                raise NotLocal("written meanwhile by another command: the next one updates it")
            apply_change(db, root, change, manifest)
            db.execute("COMMIT")
        finally:
            db.close()
        aside = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:  # the old database's blocks freed aside, not in the rename
            os.link(target, aside)
            linked = True
        except OSError:
            linked = False
        temp.replace(target)
        if linked:
            drop_aside(aside)
        return True
    except Exception:  # not local, a damaged database, a file gone meanwhile: a whole build
        with contextlib.suppress(OSError):
            temp.unlink()
        return False
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def drop_aside(path: Path) -> int | None:
    """Remove the file in a child process, so that the caller does not wait while the
    kernel frees a large file's blocks (0.8 s for a database of 1.4 GB); here where a child
    cannot be made (a process with threads). The child's id, if one was made; a file a child
    could not remove is swept by the next build (compiled/build.py)."""
    if hasattr(os, "fork") and threading.active_count() == 1:
        with contextlib.suppress(OSError):
            child = os.fork()
            if child == 0:  # pragma: no cover - the child's coverage is not collected
                status = 1
                try:
                    path.unlink()
                    status = 0
                finally:
                    os._exit(status)
            return child
    with contextlib.suppress(OSError):
        path.unlink()
    return None
