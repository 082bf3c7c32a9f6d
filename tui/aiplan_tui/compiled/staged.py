"""A cold build in steps that an interruption does not undo (issue 34). No Textual.

The build is made in a staging database beside the compiled pack (`.NAME.staged`): first the
pack without its highlight files (compiled/build.py), then the highlight files added a batch
at a time, each batch one committed write transaction of the update a change makes
(compiled/update.py), the staging database's manifest saying which files it holds. Once it
holds them all it is renamed over the compiled pack (as compiled/build.py renames a whole
database: compiled/wal.py), so readers never see it before it is whole: until then they keep
the old database (which they take as not current) or build.

Interrupted (q in the app, Ctrl-C, a kill), the staging database keeps the batches committed;
the next build takes it up and adds the files it lacks. A file it holds that changed since
(its size, time and then hash differ from those stored) is read again, as the update reads a
changed file; one removed is taken out. The whole-pack steps (duplicate ids, the comparison,
each article's attribution) are the update's, on the stored rows.

One builder at a time: a lock file beside the staging database (`.NAME.building`, an
advisory `flock`) is held for the whole build; a second builder waits for it, then finds the
compiled pack current. The pack's own lock (core/transaction.py) is not taken: a build only
reads the pack, and a file written meanwhile is seen by the manifests (the next batch, or the
next command, reads it again).

Where the update does not take a step on (see compiled/incremental.py: a duplicate id, odd
entries, a comparison naming a highlight, a pending transaction), the staging database is
dropped and the caller builds the pack whole, as before.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from aiplan_tui.compiled.build import compile_pack, sweep
from aiplan_tui.compiled.layout import ARTICLE_DOCS, HIGHLIGHT_DOCS
from aiplan_tui.compiled.relayout import relayout, reserved
from aiplan_tui.compiled.sources import manifest_entries
from aiplan_tui.compiled.update import update_compiled, writing
from aiplan_tui.compiled.wal import Busy, checkpoint, refill, replacing

BATCHES = 8
"""About how many batches the pack's files are built in (each of BATCH_FILES or more)."""
BATCH_FILES = 8

Step = Callable[[int, int], None]
"""Told (files held, files in all): before each batch (`step`), or once, when an interrupted
build is taken up (`kept`)."""


def staged_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.staged")


def build_staged(
    root: Path, target: Path, manifest: str, step: Step | None = None, kept: Step | None = None
) -> int | None:
    """Build the compiled pack at `target` for `manifest` in steps, taking up what an
    interrupted build left. How many of the pack's article and highlight files were found
    held already (whether or not they changed since), or None if the pack could not be built
    so, or the cache cannot be written (build it whole then)."""
    try:
        return _build(root, target, manifest, step, kept)
    except (OSError, sqlite3.Error, Busy):
        return None


def _build(
    root: Path, target: Path, manifest: str, step: Step | None, kept: Step | None
) -> int | None:
    staging = staged_path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep(target)
    with _building(target):
        if _current(target, manifest, root):
            return 0  # another builder finished it while this one waited
        batches = _batches(manifest)
        files = [name for batch in batches for name in batch]
        held = _held(staging, manifest)
        found = 0 if held is None else len(held & set(files))
        if found and kept is not None:
            kept(found, len(files))
        if held is None:
            if step is not None:
                step(0, len(files))
            _drop(staging)
            from aiplan_tui.pack.loader import load_pack

            held = set(batches[0]) if batches else set()
            compile_pack(load_pack(root, only=held), _partial(manifest, held), staging)
            with writing(staging) as db:  # room for the rest, which then moves nothing
                relayout(db, reserved(db, _left(files, held)))
        held &= set(files)
        for batch in batches:
            if held.issuperset(batch):
                continue
            if step is not None:
                step(len(held), len(files))
            held.update(batch)
            if not update_compiled(root, staging, _partial(manifest, held)):
                _drop(staging)
                return None
        if not update_compiled(root, staging, manifest):  # files gone meanwhile, say
            _drop(staging)
            return None
        with writing(staging) as db:
            relayout(db)  # a whole build's numbering, room and all
        if step is not None:
            step(len(files), len(files))
        _promote(staging, target)
        return found


def _batches(manifest: str) -> list[list[str]]:
    """The pack's article files, a batch at a time, each with the highlight file of the same
    name (`add` and marking write an article's highlights there: so each article is indexed
    once, with its highlights); then the other highlight files."""
    articles, highlights = (
        _pack_files(manifest, "articles/", ".md"),
        _pack_files(manifest, "highlights/", ".toml"),
    )
    by_stem = {name[len("highlights/") : -len(".toml")]: name for name in highlights}
    size = max(BATCH_FILES, -(-(len(articles) + len(highlights)) // BATCHES))
    batches: list[list[str]] = [[]]
    paired: set[str] = set()
    for name in articles:
        if len(batches[-1]) >= size:
            batches.append([])
        batches[-1].append(name)
        mate = by_stem.get(name[len("articles/") : -len(".md")])
        if mate is not None:
            batches[-1].append(mate)
            paired.add(mate)
    for name in highlights:
        if name not in paired:
            if len(batches[-1]) >= size:
                batches.append([])
            batches[-1].append(name)
    return [batch for batch in batches if batch]


def _left(files: list[str], held: set[str]) -> dict[int, float]:
    """Per section of documents, the ratio of files still to come to files held."""
    ratios = {}
    for section, folder in ((ARTICLE_DOCS, "articles/"), (HIGHLIGHT_DOCS, "highlights/")):
        ours = [name for name in files if name.startswith(folder)]
        done = sum(1 for name in ours if name in held)
        ratios[section] = (len(ours) - done) / max(done, 1)
    return ratios


def _pack_files(manifest: str, folder: str, suffix: str) -> list[str]:
    """The entries of a folder the loader may read, in its order: every one whose name it
    reads (a link or a folder so named too: left out of a partial manifest with it, so the
    update takes it on, or finds it is not a change it takes on)."""
    return sorted(
        name
        for name in manifest_entries(manifest)
        if name.startswith(folder) and name.endswith(suffix) and "/" not in name[len(folder) :]
    )


def _partial(manifest: str, held: set[str]) -> str:
    """The manifest as it would be with only the article and highlight files in `held`."""
    head = json.loads(manifest)
    every = {name for batch in _batches(manifest) for name in batch}
    head[3] = [e for e in head[3] if str(e[0]) not in every or str(e[0]) in held]
    return json.dumps(head, ensure_ascii=True)


def _held(staging: Path, manifest: str) -> set[str] | None:
    """The article and highlight files the staging database holds, if it is one to take up:
    built by this format and version of the app for this folder. None if not."""
    try:
        db = sqlite3.connect(f"{staging.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'manifest'").fetchone()
        stored = str(json.loads(str(row[0])))
        if json.loads(stored)[:3] != json.loads(manifest)[:3]:
            return None
        return {name for batch in _batches(stored) for name in batch}
    except (sqlite3.Error, TypeError, ValueError, IndexError):
        return None
    finally:
        db.close()


def _current(target: Path, manifest: str, root: Path) -> bool:
    from aiplan_tui.compiled.stale import Stale
    from aiplan_tui.compiled.store import CompiledPack

    try:
        CompiledPack(target, manifest, root).close()
    except Stale:
        return False
    return True


def _promote(staging: Path, target: Path) -> None:
    """The whole staging database made the compiled pack, as compiled/build.py does."""
    checkpoint(staging)  # its log emptied, and (no connection left) removed
    try:
        with replacing(target):
            staging.replace(target)
    except Busy:
        refill(target, staging)
        staging.unlink()
    for extra in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{staging}{extra}").unlink()


def _drop(staging: Path) -> None:
    for name in (staging, Path(f"{staging}-wal"), Path(f"{staging}-shm")):
        with contextlib.suppress(OSError):
            name.unlink()


@contextlib.contextmanager
def _building(target: Path) -> Iterator[None]:
    """The build lock beside the compiled pack, waited for (see the module's note), and
    removed when the build is done: a builder that was waiting then finds its file gone, or
    another in its place, and locks again."""
    import fcntl

    lock = target.with_name(f".{target.name}.building")
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            here = os.fstat(fd)
            try:
                now = lock.stat()
            except FileNotFoundError:
                continue
            if (now.st_dev, now.st_ino) != (here.st_dev, here.st_ino):
                continue
            try:
                yield
            finally:
                with contextlib.suppress(OSError):
                    lock.unlink()  # (while still held)
            return
        finally:
            os.close(fd)  # (closing releases the lock)
