"""Writing a compiled pack: everything a command or the app reads, in one SQLite database.

Built in a temporary file beside the target and renamed over it (once the old one's
write-ahead log is empty: compiled/wal.py; while a reader still reads that log, copied into
the old one in one transaction instead), so a reader sees the old database or the new one,
never half of one; two builders each rename a whole file of their own and the last
wins; a kill, a full disk or any other failure leaves at most a temporary file that the next
build sweeps away. Changes after that are made in place (compiled/update.py). No Textual.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sqlite3
import time
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path

from aiplan_tui.compiled.chunks import split
from aiplan_tui.compiled.export_rows import write_texts
from aiplan_tui.compiled.layout import (
    SCHEMA,
    doc_units,
    file_of,
    pack_rows_keyed,
    sameness_rows,
)
from aiplan_tui.compiled.records import brief_rows
from aiplan_tui.compiled.rows import DOC_FIELDS, doc_row
from aiplan_tui.compiled.sources import write_sources
from aiplan_tui.compiled.spaced import SpacedDocs, room_after
from aiplan_tui.compiled.wal import Busy, refill, replacing
from aiplan_tui.core.collector import collector_paused
from aiplan_tui.core.pausing import Pause, paused
from aiplan_tui.pack.loader import LoadResult
from aiplan_tui.pack.segments import Segment
from aiplan_tui.search.engine import SearchIndex
from aiplan_tui.search.index import IndexBuilder, IndexData
from aiplan_tui.search.names import article_names, dimension_names
from aiplan_tui.search.pack_docs import PackDocs

STALE_SECONDS = 3600
"""A temporary database older than this was left by a build that died."""


def compile_pack(
    result: LoadResult,
    manifest: str,
    target: Path,
    pause: Pause | None = None,
) -> SearchIndex:
    """Index the loaded pack and write its compiled database to `target`, each file's
    `export` text with its rows (compiled/export_rows.py). The documents go to the database
    as the index is built, each made once. Whatever stops the writing, the index is returned and
    no file is left behind: the caller goes on with what it loaded."""
    temp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    index: SearchIndex | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep(target)
        db = sqlite3.connect(temp, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = OFF")  # a temporary file: the rename commits
            db.execute("PRAGMA synchronous = OFF")
            db.executescript(SCHEMA)  # (it commits whatever is open: so before the BEGIN)
            db.execute("BEGIN")
            pack, docs = result.pack, PackDocs(result.pack)
            data = _index_into(db, docs, doc_units(pack), pause)
            _fill(db, result, data, manifest, pause)
            write_sources(db, pack.root, manifest)
            db.execute("COMMIT")
            db.execute("PRAGMA journal_mode = WAL")  # updated in place from now on
            spaced = SpacedDocs(docs, data.used, data.doc_count) if data.used else docs
            names = article_names(pack), dimension_names(pack)
            index = SearchIndex.over(spaced, data, *names, pack.info.equivalents)
        finally:
            db.close()
        try:
            with replacing(target):  # Busy while a reader reads the old one's log
                _make_way(target)
                temp.replace(target)
        except Busy:
            refill(target, temp)  # in place: that reader keeps its snapshot
            temp.unlink()
    except BaseException as error:  # stopped too (the app is closing): no file left behind
        with contextlib.suppress(OSError):
            temp.unlink()
        if not isinstance(error, (OSError, sqlite3.Error, Busy)):
            raise
    return index if index is not None else SearchIndex(result.pack, pause)


def _index_into(
    db: sqlite3.Connection,
    docs: PackDocs,
    units: list[tuple[int, str, int]],
    pause: Pause | None,
) -> IndexData:
    """Build the index, writing each document to the database on its way past, in its unit."""
    places = ", ".join("?" * (len(DOC_FIELDS.split(",")) + 2))
    builder = IndexBuilder()
    add = builder.add
    base = 0
    rooms = [
        room_after(uid, uid + 1 < len(units) and units[uid + 1][0] != section)
        for uid, (section, _, _) in enumerate(units)
    ]  # now and then, and after each section (compiled/spaced.py)
    for uid, (section, file, count) in enumerate(units):
        db.execute("INSERT INTO units VALUES (?, ?, ?, ?, ?)", (uid, section, file, base, count))
        base += count + rooms[uid]
    owners = [uid for uid, (_, _, count) in enumerate(units) for _ in range(count)]
    starts = [0]
    for _, _, count in units:
        starts.append(starts[-1] + count)

    def rows() -> Iterator[tuple[object, ...]]:
        for number, doc in enumerate(paused(docs.passing(), pause)):
            uid = owners[number]
            local = number - starts[uid]
            if not local and uid:
                builder.skip(rooms[uid - 1])
            add(doc)
            yield (uid, *doc_row(local, doc))

    with collector_paused():
        db.executemany(f"INSERT INTO docs (uid, local, {DOC_FIELDS}) VALUES ({places})", rows())
        return builder.finish()


def _fill(
    db: sqlite3.Connection,
    result: LoadResult,
    data: IndexData,
    manifest: str,
    pause: Pause | None,
) -> None:
    pack, problems = result.pack, result.problems
    meta = {
        "manifest": manifest,
        "counts": [
            len(pack.articles), len(pack.highlights), len(pack.entities), len(pack.comparison),
            len(pack.suggested),
        ],
        "skipped": problems.skipped,
        "words": list(data.words),
        "weights": list(data.weights),
        "keys": list(data.keys),
        "doc_count": data.doc_count,
        "articles": article_names(pack),
        "dimensions": dimension_names(pack),
        "equivalents": pack.info.equivalents,
        "incremental": result.segments is not None,
        "per_article": {a.id: len(pack.highlights_in(a.id)) for a in pack.articles},
        "per_kind": dict(Counter(h.kind for h in pack.highlights)),
    }  # fmt: skip
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [(key, json.dumps(value, ensure_ascii=False)) for key, value in meta.items()],
    )
    root = pack.root
    write_problems(db, result)
    db.executemany(
        "INSERT INTO pack VALUES (?, ?, ?, ?, ?, ?)", paused(pack_rows_keyed(pack), pause)
    )
    write_texts(db)
    db.executemany(
        "INSERT INTO briefs VALUES (?, ?, ?)",
        (
            (file_of(article.source.path, root), *row)
            for article, row in zip(pack.articles, brief_rows(pack), strict=True)
        ),
    )
    db.executemany("INSERT INTO sameness VALUES (?, ?, ?, ?)", sameness_rows(pack.articles, root))
    db.executemany("INSERT INTO words VALUES (?, ?, ?, ?)", _word_rows(data))
    db.executemany("INSERT INTO keys VALUES (?, ?)", _key_rows(data))
    db.executemany("INSERT INTO stems VALUES (?, ?)", _stem_rows(data))


def write_problems(db: sqlite3.Connection, result: LoadResult) -> None:
    """The problems, each in its segment (the load's step and file), with what each segment
    skipped, claimed and rejected; a pack not loaded from its files (read from a compiled
    pack) has one segment."""
    root = result.pack.root
    segments = result.segments or (Segment(0, "", result.problems.items, result.problems.skipped),)
    for segment in segments:
        write_segment(db, segment, root)


def write_segment(db: sqlite3.Connection, segment: Segment, root: Path) -> None:
    phase, unit = segment.phase, segment.unit
    db.execute(
        "INSERT INTO segments VALUES (?, ?, ?, ?)",
        (phase, unit, *(json.dumps(v, ensure_ascii=False) for v in (
            segment.skipped, segment.rejected))),
    )  # fmt: skip
    db.executemany(
        "INSERT INTO claims VALUES (?, ?, ?, ?)",
        [(category, item, phase, unit) for category, item in segment.claims],
    )
    db.executemany(
        "INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (phase, unit, n, file_of(p.path, root), p.line, p.col, p.severity, p.message)
            for n, p in enumerate(segment.problems)
        ],
    )


def _word_rows(data: IndexData) -> Iterator[tuple[str, int, bytes, bytes]]:
    """Each word's postings, a row per chunk of document numbers (compiled/chunks.py)."""
    classes = len(data.weights)
    for number, word in enumerate(data.words):
        base = number * classes
        offsets = data.starts[base : base + classes + 1]
        parts = [data.flat[a:b] for a, b in pairwise(offsets)]
        for chunk, (counts, docs) in split(parts).items():
            yield word, chunk, int_bytes(counts), int_bytes(docs)


def _key_rows(data: IndexData) -> Iterator[tuple[str, bytes]]:
    for number, key in enumerate(data.keys):
        yield key, int_bytes(data.key_docs(number))


def _stem_rows(data: IndexData) -> Iterator[tuple[str, bytes]]:
    starts, flat, words = data.stem_starts, data.stem_flat, data.words
    for number, stem in enumerate(data.stems):
        yield stem, words_bytes(words[w] for w in flat[starts[number] : starts[number + 1]])


def words_bytes(words: Iterable[str]) -> bytes:
    """A stem's words as stored: one a line (a word never holds a line break)."""
    return "\n".join(words).encode("utf-8")


def int_bytes(values: array[int]) -> bytes:
    """Little-endian, whatever the machine."""
    if values.itemsize != 4:
        values = array("i", values)
    if array("i", [1]).tobytes()[0] != 1:
        values = array("i", values)
        values.byteswap()
    return values.tobytes()


def _make_way(target: Path) -> None:
    """A rename replaces a file, link or FIFO, but not a directory: an empty one where the
    database belongs is taken away (one with anything in it is left, and not replaced)."""
    if target.is_dir() and not target.is_symlink():
        with contextlib.suppress(OSError):
            target.rmdir()


def sweep(target: Path) -> None:
    """Remove what dead builds of this database left (temporary files over an hour old)."""
    now = time.time()
    for old in target.parent.glob(f".{target.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - old.lstat().st_mtime > STALE_SECONDS:
                old.unlink()
