"""The search documents of the units a change replaced made and indexed again, and every
stored posting moved to the documents' new numbers (compiled/layout.py). No Textual.

Only the words of the old and new documents are rewritten when no unit's documents moved
(the same number of paragraphs and highlights); when some did, every word's postings are
shifted (each a few slices of its sorted numbers, done in C).
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from bisect import bisect_left
from pathlib import Path

from aiplan_tui.compiled.build import int_bytes, words_bytes
from aiplan_tui.compiled.incremental import HIGHLIGHT_ROWS, meta
from aiplan_tui.compiled.layout import (
    ARTICLE_DOCS,
    ARTICLES,
    DOC_FIELDS,
    HIGHLIGHT_DOCS,
    SUGGESTED_DOCS,
)
from aiplan_tui.compiled.records import rows_groups
from aiplan_tui.compiled.rows import doc_row, row_doc
from aiplan_tui.compiled.stored_index import _ints
from aiplan_tui.core.model import Article, Pack, PackInfo
from aiplan_tui.pack.registry import Registry
from aiplan_tui.search.documents import Doc, PackDocs
from aiplan_tui.search.index import IndexBuilder, IndexData
from aiplan_tui.search.stems import stems

Unit = tuple[int, str]
Move = tuple[int, int, int | None]
"""(first old number, end, how far it moves, or None: dropped)."""


def reindex(
    db: sqlite3.Connection,
    root: Path,
    article_files: list[str],
    highlight_files: list[str],
    registry: Registry,
) -> None:
    replaced = {(ARTICLE_DOCS, f) for f in article_files}
    replaced |= {(s, f) for f in highlight_files for s in (HIGHLIGHT_DOCS, SUGGESTED_DOCS)}
    old = [
        (int(uid), (int(section), str(file)), int(base), int(count))
        for uid, section, file, base, count in db.execute(
            "SELECT uid, section, file, base, count FROM units ORDER BY base"
        )
    ]
    new_units, new_docs = _new_docs(db, root, article_files, highlight_files, registry)
    counts = {unit: count for _, unit, _, count in old if unit not in replaced}
    counts.update(new_units)
    order = sorted(counts)
    bases, at = {}, 0
    for unit in order:
        bases[unit] = at
        at += counts[unit]
    moves = _moves(old, replaced, bases)
    old_docs = [
        row_doc(row)
        for uid, unit, _, _ in old
        if unit in replaced
        for row in db.execute(f"SELECT local, {DOC_FIELDS} FROM docs WHERE uid = ?", (uid,))
    ]
    gone = _index(old_docs)
    fresh = IndexBuilder()
    numbers = array("i")
    for unit, docs in new_docs.items():
        for local, doc in enumerate(docs):
            fresh.add(doc)
            numbers.append(bases[unit] + local)
    added = fresh.finish()
    moved = any(delta for _, _, delta in moves if delta)
    _rewrite_words(db, moves, gone, added, numbers, moved)
    _rewrite_keys(db, moves, gone, added, numbers, moved)
    for uid, unit, _, _ in old:
        if unit in replaced:
            db.execute("DELETE FROM units WHERE uid = ?", (uid,))
            db.execute("DELETE FROM docs WHERE uid = ?", (uid,))
        elif moved:
            db.execute("UPDATE units SET base = ? WHERE uid = ?", (bases[unit], uid))
    next_uid = max((uid for uid, *_ in old), default=-1) + 1
    places = ", ".join("?" * (len(DOC_FIELDS.split(",")) + 2))
    for uid, (unit, docs) in enumerate(new_docs.items(), next_uid):
        db.execute("INSERT INTO units VALUES (?, ?, ?, ?, ?)", (uid, *unit, bases[unit], len(docs)))
        db.executemany(
            f"INSERT INTO docs (uid, local, {DOC_FIELDS}) VALUES ({places})",
            ((uid, *doc_row(local, doc)) for local, doc in enumerate(docs)),
        )
    db.execute("INSERT OR REPLACE INTO meta VALUES ('doc_count', ?)", (json.dumps(at),))


def _new_docs(
    db: sqlite3.Connection,
    root: Path,
    article_files: list[str],
    highlight_files: list[str],
    registry: Registry,
) -> tuple[dict[Unit, int], dict[Unit, list[Doc]]]:
    """The replaced units' documents as they are now (units left empty are not units)."""
    articles: list[Article] = []
    for name in article_files:
        rows = db.execute(
            "SELECT kind, item FROM pack WHERE section = ? AND file = ?", (ARTICLES, name)
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
    for h, doc in zip(accepted, docs[at:], strict=False):
        made.setdefault((HIGHLIGHT_DOCS, _file(h.source.path, root)), []).append(doc)
    for h, doc in zip(suggested, docs[len(docs) - len(suggested) :], strict=True):
        made.setdefault((SUGGESTED_DOCS, _file(h.source.path, root)), []).append(doc)
    made = dict(sorted(made.items()))
    return {unit: len(docs) for unit, docs in made.items()}, made


def _file(path: Path, root: Path) -> str:
    from aiplan_tui.compiled.layout import file_of

    return file_of(path, root)


def _moves(
    old: list[tuple[int, Unit, int, int]], replaced: set[Unit], bases: dict[Unit, int]
) -> list[Move]:
    """Runs of old numbers that move alike: dropped, or shifted by one amount."""
    moves: list[Move] = []
    for _, unit, base, count in old:
        delta = None if unit in replaced else bases[unit] - base
        if moves and moves[-1][2] == delta and moves[-1][1] == base:
            moves[-1] = (moves[-1][0], base + count, delta)
        else:
            moves.append((base, base + count, delta))
    return moves


def _shift(numbers: array[int], moves: list[Move]) -> array[int]:
    """Sorted old numbers as new ones (those dropped left out), still sorted."""
    found = array("i")
    for start, end, delta in moves:
        low, high = bisect_left(numbers, start), bisect_left(numbers, end)
        if delta is None or low == high:
            continue
        part = numbers[low:high]
        found.extend(part if delta == 0 else array("i", map(delta.__add__, part)))
    return found


def _merge(old: array[int], new: array[int]) -> array[int]:
    """Two sorted runs of numbers as one: the new ones (a few units' documents) spliced in
    where they fall, the old ones copied a slice at a time."""
    if not new or not old:
        return old or new
    found, at, i = array("i"), 0, 0
    while i < len(new):
        at_before, at = at, bisect_left(old, new[i], at)
        found.extend(old[at_before:at])
        j = len(new) if at == len(old) else bisect_left(new, old[at], i)
        found.extend(new[i:j])
        i = j
    found.extend(old[at:])
    return found


def _index(docs: list[Doc]) -> IndexData:
    builder = IndexBuilder()
    for doc in docs:
        builder.add(doc)
    return builder.finish()


def _global(data: IndexData, numbers: array[int], start: int, end: int) -> array[int]:
    return array("i", map(numbers.__getitem__, data.flat[start:end]))


def _rewrite_words(
    db: sqlite3.Connection,
    moves: list[Move],
    gone: IndexData,
    added: IndexData,
    numbers: array[int],
    moved: bool,
) -> None:
    vocabulary: list[str] = [str(w) for w in meta(db, "words")]
    weights: list[float] = [float(w) for w in meta(db, "weights")]
    for weight in added.weights:
        if weight not in weights:
            weights.append(weight)
    new_words = {w: n for n, w in enumerate(added.words)}
    touched = set(vocabulary) if moved else set(gone.words)
    touched |= set(new_words)
    known = set(vocabulary)
    removed, created = [], []
    classes = len(added.weights)
    for word in sorted(touched):
        row = db.execute("SELECT counts, docs FROM words WHERE word = ?", (word,)).fetchone()
        per_class: list[array[int]] = []
        if row is not None:
            counts, docs, at = _ints(row[0]), _ints(row[1]), 0
            for count in counts:
                per_class.append(_shift(docs[at : at + count], moves))
                at += count
        per_class += [array("i") for _ in range(len(weights) - len(per_class))]
        number = new_words.get(word)
        if number is not None:
            for c, weight in enumerate(added.weights):
                start, end = (
                    added.starts[number * classes + c],
                    added.starts[number * classes + c + 1],
                )
                if start < end:
                    target = weights.index(weight)
                    fresh = _global(added, numbers, start, end)
                    per_class[target] = _merge(per_class[target], fresh)
        if not any(per_class):
            db.execute("DELETE FROM words WHERE word = ?", (word,))
            if word in known:
                removed.append(word)
            continue
        if word not in known:
            created.append(word)
        flat = array("i")
        for part in per_class:
            flat.extend(part)
        db.execute(
            "INSERT OR REPLACE INTO words VALUES (?, ?, ?)",
            (word, int_bytes(array("i", map(len, per_class))), int_bytes(flat)),
        )
    if removed or created:
        words = sorted((known - set(removed)) | set(created))
        db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('words', ?)",
            (json.dumps(words, ensure_ascii=False),),
        )
        _restem(db, removed, created)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('weights', ?)", (json.dumps(weights),))


def _restem(db: sqlite3.Connection, removed: list[str], created: list[str]) -> None:
    """The stems table with the words gone and the words new."""
    change: dict[str, tuple[set[str], set[str]]] = {}
    for words, side in ((removed, 0), (created, 1)):
        for word, stem in zip(words, stems(words), strict=True):
            change.setdefault(stem, (set(), set()))[side].add(word)
    for stem, (out, into) in change.items():
        row = db.execute("SELECT words FROM stems WHERE stem = ?", (stem,)).fetchone()
        have = set(bytes(row[0]).decode("utf-8").split("\n")) if row and row[0] else set()
        have = (have - out) | into
        if have:
            db.execute(
                "INSERT OR REPLACE INTO stems VALUES (?, ?)", (stem, words_bytes(sorted(have)))
            )
        else:
            db.execute("DELETE FROM stems WHERE stem = ?", (stem,))


def _rewrite_keys(
    db: sqlite3.Connection,
    moves: list[Move],
    gone: IndexData,
    added: IndexData,
    numbers: array[int],
    moved: bool,
) -> None:
    keys: list[str] = [str(k) for k in meta(db, "keys")]
    new_keys = {k: n for n, k in enumerate(added.keys)}
    touched = (set(keys) if moved else set(gone.keys)) | set(new_keys)
    result = set(keys)
    for key in sorted(touched):
        row = db.execute("SELECT docs FROM keys WHERE key = ?", (key,)).fetchone()
        docs = _shift(_ints(row[0]), moves) if row is not None else array("i")
        number = new_keys.get(key)
        if number is not None:
            start, end = added.key_starts[number], added.key_starts[number + 1]
            docs = _merge(docs, array("i", map(numbers.__getitem__, added.key_flat[start:end])))
        if docs:
            db.execute("INSERT OR REPLACE INTO keys VALUES (?, ?)", (key, int_bytes(docs)))
            result.add(key)
        else:
            db.execute("DELETE FROM keys WHERE key = ?", (key,))
            result.discard(key)
    if result != set(keys):
        db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('keys', ?)",
            (json.dumps(sorted(result), ensure_ascii=False),),
        )


def _set(db: sqlite3.Connection, key: str, value: object) -> None:
    db.execute(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value, ensure_ascii=False))
    )
