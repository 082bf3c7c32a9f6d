"""The search documents of the units a change replaced made and indexed again, and every
stored posting moved to the documents' new numbers (compiled/layout.py). No Textual.

Only the words of the old and new documents are rewritten when no unit's documents moved
(the same number of paragraphs and highlights); when some did, every word's postings are
shifted (compiled/repost.py).
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from pathlib import Path

from aiplan_tui.compiled.layout import (
    ARTICLE_DOCS,
    ARTICLE_ROWS,
    ENTITY_DOCS,
    HIGHLIGHT_DOCS,
    HIGHLIGHT_ROWS,
    SUGGESTED_DOCS,
)
from aiplan_tui.compiled.records import rows_groups
from aiplan_tui.compiled.repost import Move, Unit, index_of, moves_of, rewrite_keys, rewrite_words
from aiplan_tui.compiled.rows import DOC_FIELDS, doc_row, row_doc
from aiplan_tui.compiled.unchanged import unchanged
from aiplan_tui.core.model import Article, Pack, PackInfo
from aiplan_tui.pack.registry import Registry
from aiplan_tui.search.documents import Doc
from aiplan_tui.search.index import IndexBuilder
from aiplan_tui.search.pack_docs import PackDocs

END = 2**31 - 1
"""Past any document number (numbers are stored as 32-bit integers)."""


def reindex(
    db: sqlite3.Connection,
    root: Path,
    article_files: list[str],
    highlight_files: list[str],
    registry: Registry,
    people: bool = False,
) -> None:
    """Replace the documents of these article files and highlight files (and of the people,
    if `people`), and move every posting to the new numbers."""
    replaced = {(ARTICLE_DOCS, f) for f in article_files}
    replaced |= {(ENTITY_DOCS, "entities.toml")} if people else set()
    replaced |= {(s, f) for f in highlight_files for s in (HIGHLIGHT_DOCS, SUGGESTED_DOCS)}
    (last,) = db.execute("SELECT MAX(uid) FROM units").fetchone()  # (before any delete)
    stored_uid = [] if last is None else [int(last)]
    new_units, new_docs = _new_docs(db, root, article_files, highlight_files, registry, people)
    fitted = in_place(db, replaced, new_units)
    if fitted is not None:  # nothing moves: only the replaced units read (see in_place)
        old, moves = fitted
        bases = {unit: base for _, unit, base, _ in old}
    else:
        old = [
            (int(uid), (int(section), str(file)), int(base), int(count))
            for uid, section, file, base, count in db.execute(
                "SELECT uid, section, file, base, count FROM units ORDER BY base"
            )
        ]
        counts = {unit: count for _, unit, _, count in old if unit not in replaced}
        counts.update(new_units)
        bases, at = place(counts, {unit: base for _, unit, base, _ in old}, replaced)
        moves = moves_of(old, replaced, bases)
    old_docs, old_numbers = [], array("i")
    for uid, unit, base, _ in old:
        if unit in replaced:
            query = f"SELECT local, {DOC_FIELDS} FROM docs WHERE uid = ? ORDER BY local"
            for row in db.execute(query, (uid,)):
                old_docs.append(row_doc(row))
                old_numbers.append(base + int(row[0]))
    gone = index_of(old_docs)
    fresh = IndexBuilder()
    numbers = array("i")
    for unit, docs in new_docs.items():
        for local, doc in enumerate(docs):
            fresh.add(doc)
            numbers.append(bases[unit] + local)
    added = fresh.finish()
    moved = any(delta for _, _, delta in moves if delta)
    same: tuple[set[str], set[str]] = (set(), set())
    if not moved:  # (a moved posting list is rewritten whatever its replaced part)
        same = unchanged(gone, old_numbers, added, numbers)
    rewrite_words(db, moves, gone, added, numbers, moved, same[0], old_numbers)
    rewrite_keys(db, moves, gone, added, numbers, moved, same[1])
    for uid, unit, _, _ in old:
        if unit in replaced:
            db.execute("DELETE FROM units WHERE uid = ?", (uid,))
            db.execute("DELETE FROM docs WHERE uid = ?", (uid,))
        elif moved:
            db.execute("UPDATE units SET base = ? WHERE uid = ?", (bases[unit], uid))
    next_uid = max([-1, *(uid for uid, *_ in old), *stored_uid]) + 1
    places = ", ".join("?" * (len(DOC_FIELDS.split(",")) + 2))
    for uid, (unit, docs) in enumerate(new_docs.items(), next_uid):
        db.execute("INSERT INTO units VALUES (?, ?, ?, ?, ?)", (uid, *unit, bases[unit], len(docs)))
        db.executemany(
            f"INSERT INTO docs (uid, local, {DOC_FIELDS}) VALUES ({places})",
            ((uid, *doc_row(local, doc)) for local, doc in enumerate(docs)),
        )
    if fitted is not None:  # the end of the last unit, in reading order as in place()
        row = db.execute("SELECT base + count FROM units ORDER BY base DESC LIMIT 1").fetchone()
        at = int(row[0]) if row is not None else 0
    db.execute("INSERT OR REPLACE INTO meta VALUES ('doc_count', ?)", (json.dumps(at),))


def place(
    counts: dict[Unit, int], old: dict[Unit, int], replaced: set[Unit]
) -> tuple[dict[Unit, int], int]:
    """Each unit's first number, in reading order, and the end of the numbers: a unit kept
    keeps its number where it can, and a new or replaced one takes the room free where it
    falls (its old place, or just after the unit before it), so that documents move only
    when there is no room, and only as far as the next room (compiled/spaced.py)."""
    bases: dict[Unit, int] = {}
    at = 0
    order = sorted(counts)
    for unit in order:
        if unit in old and unit not in replaced:
            base = max(old[unit], at)  # stays where it is, if it can
        else:
            base = old[unit] if unit in old and old[unit] >= at else at
        bases[unit] = base
        at = base + counts[unit]
    return bases, at


def in_place(
    db: sqlite3.Connection, replaced: set[Unit], new_units: dict[Unit, int]
) -> tuple[list[tuple[int, Unit, int, int]], list[Move]] | None:
    """When every replaced unit was stored and its new documents fit in the numbers before
    the next stored unit, place() keeps every unit where it is: then the replaced units'
    stored rows (uid, unit, base, count) and the runs of numbers that move (the replaced ones
    dropped, all others kept), read through the units' indexes, not the whole table. None
    otherwise (a new unit, or one that grew past its room: place() decides)."""
    old: list[tuple[int, Unit, int, int]] = []
    for unit in sorted(replaced):
        row = db.execute(
            "SELECT uid, base, count FROM units WHERE section = ? AND file = ?", unit
        ).fetchone()
        if row is None:
            if unit in new_units:
                return None
            continue  # no documents before, none now
        uid, base, count = (int(v) for v in row)
        if new_units.get(unit, 0) > count:
            after = db.execute("SELECT MIN(base) FROM units WHERE base > ?", (base,)).fetchone()
            if after[0] is not None and base + new_units[unit] > int(after[0]):
                return None
        old.append((uid, unit, base, count))
    if any(unit not in replaced for unit in new_units):
        return None
    old.sort(key=lambda row: row[2])
    moves: list[Move] = []
    at = 0
    for _, _, base, count in old:
        moves += [(at, base, 0), (base, base + count, None)]
        at = base + count
    moves.append((at, END, 0))
    return old, moves


def _new_docs(
    db: sqlite3.Connection,
    root: Path,
    article_files: list[str],
    highlight_files: list[str],
    registry: Registry,
    people: bool,
) -> tuple[dict[Unit, int], dict[Unit, list[Doc]]]:
    """The replaced units' documents as they are now (units left empty are not units)."""
    articles: list[Article] = []
    for name in article_files:
        rows = db.execute(
            "SELECT kind, item FROM pack WHERE section = ? AND file = ?", (ARTICLE_ROWS, name)
        ).fetchall()
        articles += rows_groups(root, rows)["article"]
    marks = ", ".join("?" * len(highlight_files))
    rows = db.execute(
        f"SELECT kind, item FROM pack WHERE section = ? AND file IN ({marks}) ORDER BY file, n",
        (HIGHLIGHT_ROWS, *highlight_files),
    ).fetchall()
    ours = rows_groups(root, rows)["quote"]
    own = {h.id for h in ours}
    others = []
    for article in articles:
        rows = db.execute(
            "SELECT kind, item FROM pack WHERE +section = ? AND article = ? ORDER BY file, n",
            (HIGHLIGHT_ROWS, article.id),
        ).fetchall()
        others += [h for h in rows_groups(root, rows)["quote"] if h.id not in own]
    accepted = [h for h in ours if not h.status]
    suggested = [h for h in ours if h.status]
    pack = Pack(
        PackInfo("", ""), root, tuple(registry.sides.values()),
        tuple(registry.dimensions.values()), tuple(articles),
        tuple(registry.entities.values()),
        tuple(accepted) + tuple(h for h in others if not h.status), (), tuple(suggested),
    )  # fmt: skip
    docs = list(PackDocs(pack))
    made: dict[Unit, list[Doc]] = {}
    at = 0
    for article in articles:
        made[(ARTICLE_DOCS, _file(article.source.path, root))] = docs[
            at : at + 1 + len(article.paragraphs)
        ]
        at += 1 + len(article.paragraphs)
    if people and pack.entities:
        start = at + len(pack.highlights)
        made[(ENTITY_DOCS, "entities.toml")] = docs[start : start + len(pack.entities)]
    for h, doc in zip(accepted, docs[at:], strict=False):
        made.setdefault((HIGHLIGHT_DOCS, _file(h.source.path, root)), []).append(doc)
    for h, doc in zip(suggested, docs[len(docs) - len(suggested) :], strict=True):
        made.setdefault((SUGGESTED_DOCS, _file(h.source.path, root)), []).append(doc)
    made = dict(sorted(made.items()))
    return {unit: len(docs) for unit, docs in made.items()}, made


def _file(path: Path, root: Path) -> str:
    from aiplan_tui.compiled.layout import file_of

    return file_of(path, root)
