"""A compiled pack's search index, read from its database as queries need it: each document
and each word's postings read when first asked for, never the whole index. No Textual."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence

from aiplan_tui.compiled.chunks import joined
from aiplan_tui.compiled.rows import DOC_FIELDS, row_doc
from aiplan_tui.compiled.stale import Stale, damage_is_stale
from aiplan_tui.search.documents import Doc, LazyDocs

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from _thread import LockType
    from sqlite3 import Connection

DOC_BY_NUMBER = f"""
SELECT local, {DOC_FIELDS} FROM docs
WHERE uid = (SELECT uid FROM units WHERE base <= ?1 ORDER BY base DESC LIMIT 1)
AND local = ?2 - (SELECT MAX(base) FROM units WHERE base <= ?1)
"""
"""A document by its number: its unit is the last one starting at or before it."""


class StoredDocs(LazyDocs):
    """The search documents, each read from the database when first asked for."""

    def __init__(self, db: Connection, count: int, lock: LockType) -> None:
        self._db = db
        self._count = count
        self._lock = lock
        self._made: dict[int, Doc] = {}

    def __len__(self) -> int:
        return self._count

    def _doc(self, index: int) -> Doc:
        number = index % self._count if self._count else index
        doc = self._made.get(number)
        if doc is None:
            with damage_is_stale(), self._lock:
                row = self._db.execute(DOC_BY_NUMBER, (number, number)).fetchone()
                if row is None:
                    raise IndexError(index)
                doc = self._made[number] = row_doc(row)
        return doc


class StoredPostings:
    """The index's postings, each word's read from the database when a query asks for it, and
    the words of a stem likewise."""

    def __init__(self, db: Connection, words: list[str], weights: list[float],
                 keys: list[str], doc_count: int, lock: LockType) -> None:  # fmt: skip
        self._db = db
        self._lock = lock
        self.doc_count = int(doc_count)
        "".join(words)  # TypeError (damage: Stale) unless every one is a string: C-fast
        self.words: Sequence[str] = words  # not copied (issue 34)
        self.weights = tuple(float(weight) for weight in weights)
        self.keys: Sequence[str] = tuple(str(key) for key in keys)
        self._words: dict[int, list[tuple[float, array[int]]]] = {}
        self._stems: dict[str, array[int]] = {}

    def weighted(self, number: int) -> list[tuple[float, array[int]]]:
        found = self._words.get(number)
        if found is None:
            with damage_is_stale(), self._lock:
                rows = self._db.execute(
                    "SELECT counts, docs FROM words WHERE word = ? ORDER BY chunk",
                    (self.words[number],),
                ).fetchall()
                parts = joined(
                    ((int_array(counts), int_array(docs)) for counts, docs in rows),
                    len(self.weights),
                )
            found = [(w, part) for w, part in zip(self.weights, parts, strict=False) if part]
            self._words[number] = found
        return found

    def all_docs(self) -> set[int]:
        """Every document's number: each unit's run of them (compiled/layout.py)."""
        found: set[int] = set()
        with damage_is_stale(), self._lock:
            for base, count in self._db.execute("SELECT base, count FROM units"):
                found.update(range(int(base), int(base) + int(count)))
        return found

    def word_docs(self, number: int) -> array[int]:
        docs = array("i")
        for _, some in self.weighted(number):
            docs.extend(some)
        return docs

    def key_docs(self, number: int) -> array[int]:
        with damage_is_stale(), self._lock:
            row = self._db.execute(
                "SELECT docs FROM keys WHERE key = ?", (self.keys[number],)
            ).fetchone()
            return int_array(row[0]) if row else array("i")

    def stem_words(self, stem: str) -> array[int]:
        found = self._stems.get(stem)
        if found is None:
            with damage_is_stale(), self._lock:
                row = self._db.execute("SELECT words FROM stems WHERE stem = ?", (stem,)).fetchone()
                found = self._numbers(bytes(row[0]).decode("utf-8")) if row else array("i")
            self._stems[stem] = found
        return found

    def _numbers(self, text: str) -> array[int]:
        """The vocabulary's numbers of the words (one a line); Stale if any is not in it."""
        words, found = self.words, array("i")
        for word in text.split("\n") if text else ():
            number = bisect_left(words, word)
            if number == len(words) or words[number] != word:
                raise Stale("damaged: a stem's words are not in the vocabulary")
            found.append(number)
        return found


def int_array(blob: bytes) -> array[int]:
    values = array("i")
    values.frombytes(blob)
    if array("i", [1]).tobytes()[0] != 1:
        values.byteswap()
    return values
