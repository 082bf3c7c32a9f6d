"""Reading a compiled pack: a command answers from the database without loading the pack.

A database is used only if it is a regular file, whole (its header's page count fits its
size), of this format and app version, and built from the pack as it is now (`manifest`).
Anything else, and any `sqlite3` error while reading it, means "build it again". No Textual.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from aiplan_tui.compiled.records import rows_pack
from aiplan_tui.compiled.rows import DOC_COLUMNS, row_doc
from aiplan_tui.compiled.stale import Stale
from aiplan_tui.core.problems import Problem, Problems
from aiplan_tui.pack.loader import LoadResult
from aiplan_tui.search.documents import Doc, LazyDocs
from aiplan_tui.search.engine import SearchIndex
from aiplan_tui.search.index import collector_paused

HEADER = b"SQLite format 3\x00"


@contextmanager
def damage_is_stale() -> Iterator[None]:
    """Whatever a damaged database gives instead of what was written is Stale: a rebuild."""
    try:
        yield
    except (sqlite3.Error, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise Stale(f"damaged: {exc!r}") from exc


class CompiledPack:
    """An open, current compiled pack (read-only)."""

    def __init__(self, path: Path, manifest: str) -> None:
        """Open the database at `path` if it is current for `manifest`; Stale if not."""
        _check_file(path)
        try:
            self.db = sqlite3.connect(
                f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            rows = self.db.execute("SELECT key, value FROM meta").fetchall()
            self._raw = {str(key): str(value) for key, value in rows}
            self._meta: dict[str, Any] = {}
            current = self.meta("manifest") == manifest
        except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
            self.db.close()
            raise Stale(f"unreadable: {exc!r}") from exc
        if not current:
            self.db.close()
            raise Stale("built from other files")

    def meta(self, key: str) -> Any:
        """One stored value, decoded when first asked for: `check` never decodes the index's
        vocabulary. KeyError or ValueError if it is missing or damaged."""
        if key not in self._meta:
            self._meta[key] = json.loads(self._raw[key])
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
        with damage_is_stale():
            skipped = self.meta("skipped").items()
            found = Problems(skipped={str(k): int(v) for k, v in skipped})
            for path, line, col, severity, message in self.db.execute(
                "SELECT path, line, col, severity, message FROM problems ORDER BY seq"
            ):
                at = Path(path), int(line), int(col), str(message)
                found.items.append(Problem(*at, "warning" if severity == "warning" else "error"))
            return found

    def load_result(self, root: Path) -> LoadResult:
        """The pack and its problems as loading `root` gave them, without reading it."""
        with damage_is_stale(), collector_paused():
            rows = self.db.execute("SELECT kind, item FROM pack ORDER BY seq")
            pack = rows_pack(root, iter(rows))
            return LoadResult(pack, self.problems())

    def export_text(self) -> list[str]:
        """The `export` output (without its final newline) as the rows it is stored in, all
        read before any is written: a damaged row is a rebuild, not half a JSON document."""
        with damage_is_stale():
            if self.meta("export") is not True:
                raise Stale("compiled without the export")  # by a search or a check
            rows = self.db.execute("SELECT text FROM export ORDER BY seq").fetchall()
            return [str(text) for (text,) in rows]

    def search_index(self) -> SearchIndex:
        """An index reading its documents and postings from here as queries need them."""
        meta = self.meta
        lock = threading.Lock()  # searches may run in several threads; one reads at a time
        with damage_is_stale():
            count = int(meta("doc_count"))
            return SearchIndex.over(
                StoredDocs(self.db, count, lock),
                StoredPostings(self.db, meta("words"), meta("weights"), meta("keys"), count, lock),
                {str(k): str(v) for k, v in meta("articles").items()},
                {str(k): str(v) for k, v in meta("dimensions").items()},
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
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    if pages * page_size != info.st_size:
        raise Stale("truncated or grown")


class StoredDocs(LazyDocs):
    """The search documents, each read from the database when first asked for."""

    def __init__(self, db: sqlite3.Connection, count: int, lock: threading.Lock) -> None:
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
                row = self._db.execute(
                    f"SELECT {DOC_COLUMNS} FROM docs WHERE number = ?", (number,)
                ).fetchone()
                if row is None:
                    raise IndexError(index)
                doc = self._made[number] = row_doc(row)
        return doc


class StoredPostings:
    """The index's postings, each word's read from the database when a query asks for it, and
    the words of a stem likewise."""

    def __init__(self, db: sqlite3.Connection, words: list[str], weights: list[float],
                 keys: list[str], doc_count: int, lock: threading.Lock) -> None:  # fmt: skip
        self._db = db
        self._lock = lock
        self.doc_count = int(doc_count)
        self.words: Sequence[str] = tuple(str(word) for word in words)
        self.weights = tuple(float(weight) for weight in weights)
        self.keys: Sequence[str] = tuple(str(key) for key in keys)
        self._words: dict[int, list[tuple[float, array[int]]]] = {}
        self._stems: dict[str, array[int]] = {}

    def weighted(self, number: int) -> list[tuple[float, array[int]]]:
        found = self._words.get(number)
        if found is None:
            with damage_is_stale(), self._lock:
                row = self._db.execute(
                    "SELECT counts, docs FROM words WHERE number = ?", (number,)
                ).fetchone()
                counts, docs = (_ints(row[0]), _ints(row[1])) if row else (array("i"), array("i"))
            found, at = [], 0
            for weight, count in zip(self.weights, counts, strict=False):
                if count:
                    found.append((weight, docs[at : at + count]))
                at += count
            self._words[number] = found
        return found

    def word_docs(self, number: int) -> array[int]:
        docs = array("i")
        for _, some in self.weighted(number):
            docs.extend(some)
        return docs

    def key_docs(self, number: int) -> array[int]:
        with damage_is_stale(), self._lock:
            row = self._db.execute("SELECT docs FROM keys WHERE number = ?", (number,)).fetchone()
            return _ints(row[0]) if row else array("i")

    def stem_words(self, stem: str) -> array[int]:
        found = self._stems.get(stem)
        if found is None:
            with damage_is_stale(), self._lock:
                row = self._db.execute("SELECT words FROM stems WHERE stem = ?", (stem,)).fetchone()
                found = _ints(row[0]) if row else array("i")
            if any(number >= len(self.words) or number < 0 for number in found):
                raise Stale("damaged: a stem's words are not in the vocabulary")
            self._stems[stem] = found
        return found


def _ints(blob: bytes) -> array[int]:
    values = array("i")
    values.frombytes(blob)
    if array("i", [1]).tobytes()[0] != 1:
        values.byteswap()
    return values
