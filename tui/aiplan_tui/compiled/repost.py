"""Stored postings moved to the documents' new numbers after a change (compiled/reindex.py
says which units it replaced): each word's and key's sorted numbers shifted a slice at a
time, those of the replaced units dropped, those of the new documents spliced in; the
vocabulary, and the stems of words that came or went, brought along. No Textual."""

from __future__ import annotations

import json
import sqlite3
from array import array
from bisect import bisect_left, bisect_right

from aiplan_tui.compiled.build import int_bytes, words_bytes
from aiplan_tui.compiled.chunks import chunk_of, chunks_of, joined, split
from aiplan_tui.compiled.incremental import meta
from aiplan_tui.compiled.stored_index import int_array
from aiplan_tui.search.documents import Doc
from aiplan_tui.search.index import IndexBuilder, IndexData
from aiplan_tui.search.stems import stems

Unit = tuple[int, str]
Move = tuple[int, int, int | None]
"""(first old number, end, how far it moves, or None: dropped)."""


def moves_of(
    old: list[tuple[int, Unit, int, int]], replaced: set[Unit], bases: dict[Unit, int]
) -> list[Move]:
    """Runs of old numbers that move alike: dropped, or shifted by one amount (a run goes
    over the unused numbers between two units)."""
    moves: list[Move] = []
    for _, unit, base, count in old:
        delta = None if unit in replaced else bases[unit] - base
        if moves and moves[-1][2] == delta:
            moves[-1] = (moves[-1][0], base + count, delta)
        else:
            moves.append((base, base + count, delta))
    return moves


def _shift(numbers: array[int], moves: list[Move], starts: list[int]) -> array[int]:
    """Sorted old numbers as new ones (those dropped left out), still sorted. `starts`: each
    move's first number. A few numbers are looked up one by one among many moves; many
    are moved a slice per move."""
    found = array("i")
    if len(numbers) < len(moves):
        for n in numbers:
            at = bisect_right(starts, n) - 1
            if at >= 0 and n < moves[at][1] and (delta := moves[at][2]) is not None:
                found.append(n + delta)
        return found
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


def index_of(docs: list[Doc]) -> IndexData:
    builder = IndexBuilder()
    for doc in docs:
        builder.add(doc)
    return builder.finish()


def _global(data: IndexData, numbers: array[int], start: int, end: int) -> array[int]:
    return array("i", map(numbers.__getitem__, data.flat[start:end]))


def rewrite_words(
    db: sqlite3.Connection,
    moves: list[Move],
    gone: IndexData,
    added: IndexData,
    numbers: array[int],
    moved: bool,
    same: set[str] | None = None,
    old_numbers: array[int] | None = None,
) -> None:
    """`same`: words whose postings are as they were (compiled/unchanged.py): not read.
    `old_numbers`: the replaced documents' numbers; with `numbers` (the new ones) and the
    runs that move, they say which chunks of a word's postings a change touches."""
    starts = [start for start, _, _ in moves]
    vocabulary: list[str] = [str(w) for w in meta(db, "words")]
    weights: list[float] = [float(w) for w in meta(db, "weights")]
    for weight in added.weights:
        if weight not in weights:
            weights.append(weight)
    new_words = {w: n for n, w in enumerate(added.words)}
    touched = set(vocabulary) if moved else set(gone.words)
    touched |= set(new_words)
    touched -= same or set()
    known = set(vocabulary)
    removed, created = [], []
    classes = len(added.weights)
    replaced = chunks_of(old_numbers if old_numbers is not None else ())
    affected = sorted(chunks_of(numbers) | replaced | _moved_chunks(moves))
    for word in sorted(touched):
        rows = _chunk_rows(db, word, affected)
        per_class = [_shift(part, moves, starts) for part in joined(rows.values(), len(weights))]
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
        written = split(per_class)
        for chunk, (counts, docs) in written.items():
            if chunk in rows and rows[chunk] == (counts, docs):
                continue  # the same documents: not rewritten
            db.execute(
                "INSERT OR REPLACE INTO words VALUES (?, ?, ?, ?)",
                (word, chunk, int_bytes(counts), int_bytes(docs)),
            )
        for chunk in rows.keys() - written.keys():
            db.execute("DELETE FROM words WHERE word = ? AND chunk = ?", (word, chunk))
        there = (
            written or db.execute("SELECT 1 FROM words WHERE word = ? LIMIT 1", (word,)).fetchone()
        )
        if not there and word in known:
            removed.append(word)
        elif there and word not in known:
            created.append(word)
    if removed or created:
        words = sorted((known - set(removed)) | set(created))
        db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('words', ?)",
            (json.dumps(words, ensure_ascii=False),),
        )
        _restem(db, removed, created)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('weights', ?)", (json.dumps(weights),))


def _moved_chunks(moves: list[Move]) -> set[int]:
    """The chunks numbers move out of or into."""
    found: set[int] = set()
    for start, end, delta in moves:
        if delta:
            for low, high in ((start, end), (start + delta, end + delta)):
                found.update(range(chunk_of(low), chunk_of(high - 1) + 1))
    return found


def _has_rows(db: sqlite3.Connection, word: str) -> bool:
    return db.execute("SELECT 1 FROM words WHERE word = ? LIMIT 1", (word,)).fetchone() is not None


def _chunk_rows(
    db: sqlite3.Connection, word: str, chunks: list[int] | None
) -> dict[int, tuple[array[int], array[int]]]:
    """The word's stored chunks (those of `chunks`, or all), in order."""
    query = "SELECT chunk, counts, docs FROM words WHERE word = ?"
    if chunks is not None:
        query += f" AND chunk IN ({', '.join(map(str, chunks))})"
    return {
        int(chunk): (int_array(counts), int_array(docs))
        for chunk, counts, docs in db.execute(query + " ORDER BY chunk", (word,))
    }


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


def rewrite_keys(
    db: sqlite3.Connection,
    moves: list[Move],
    gone: IndexData,
    added: IndexData,
    numbers: array[int],
    moved: bool,
    same: set[str] | None = None,
) -> None:
    """`same`: keys whose postings are as they were: not read."""
    starts = [start for start, _, _ in moves]
    keys: list[str] = [str(k) for k in meta(db, "keys")]
    new_keys = {k: n for n, k in enumerate(added.keys)}
    touched = (set(keys) if moved else set(gone.keys)) | set(new_keys)
    touched -= same or set()
    result = set(keys)
    for key in sorted(touched):
        row = db.execute("SELECT docs FROM keys WHERE key = ?", (key,)).fetchone()
        docs = _shift(int_array(row[0]), moves, starts) if row is not None else array("i")
        number = new_keys.get(key)
        if number is not None:
            start, end = added.key_starts[number], added.key_starts[number + 1]
            docs = _merge(docs, array("i", map(numbers.__getitem__, added.key_flat[start:end])))
        if docs:
            if row is None or bytes(row[0]) != int_bytes(docs):
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
