"""A built search index as plain arrays, and how documents become one. No Textual.

The sorted vocabulary, and for each word and field weight the ascending numbers of the
documents holding it, all in one flat `array`: small for a large pack, quick for set
operations in C, and what the compiled pack stores (a row per word). Beside it, each English
stem of the vocabulary with the words that have it (`stems`): a word's other forms.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from itertools import repeat

from aiplan_tui.search.documents import Doc, Field
from aiplan_tui.search.folding import words as folded_words
from aiplan_tui.search.stems import stems

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from dataclasses import dataclass
    from typing import Protocol

    # (for the type checker: what the engine reads of an index)
    class Postings(Protocol):
        """What a query reads of a built index: the sorted words and keys, the field weights, each
        word's or key's documents, and the words of a stem. `IndexData` holds them in memory; the
        compiled pack reads them from its database, only for the words a query asks about."""

        @property
        def words(self) -> Sequence[str]: ...
        @property
        def weights(self) -> tuple[float, ...]: ...
        @property
        def keys(self) -> Sequence[str]: ...
        @property
        def doc_count(self) -> int:
            """The documents' numbers are below this (not all of them used, in a compiled pack
            updated since it was built: compiled/reindex.py)."""
            ...

        def all_docs(self) -> set[int]: ...
        def word_docs(self, number: int) -> array[int]: ...
        def weighted(self, number: int) -> list[tuple[float, array[int]]]: ...
        def key_docs(self, number: int) -> array[int]: ...
        def stem_words(self, stem: str) -> array[int]: ...

else:  # the same, made at no cost to import (issue 34)
    from aiplan_tui.core.light_dataclass import dataclass


@dataclass(frozen=True)
class IndexData:
    """A built index as plain values. Word `w` (its place in `words`) appears with field weight
    `weights[c]` in documents `flat[starts[w * len(weights) + c] : starts[... + 1]]`: each
    document once per word, under the heaviest field holding it. `keys` are filter attributes
    ("kind:quote", "side:us", "year:2024", "dim:…", "article:…", "speaker:…", and
    "status:suggested" for suggested highlights: accepted ones have no status key), their documents
    laid out the same way in `key_flat`. `stems` are the words' English stems, sorted, each
    with the ascending numbers of its words laid out the same way in `stem_flat`."""

    words: tuple[str, ...]
    weights: tuple[float, ...]
    starts: array[int]
    flat: array[int]
    keys: tuple[str, ...]
    key_starts: array[int]
    key_flat: array[int]
    doc_count: int
    stems: tuple[str, ...]
    stem_starts: array[int]
    stem_flat: array[int]
    used: tuple[tuple[int, int], ...] = ()
    """The runs of numbers documents have, if some were left unused; else empty."""

    def all_docs(self) -> set[int]:
        """Every document's number (the builder may have left numbers unused: `skip`)."""
        if not self.used:
            return set(range(self.doc_count))
        return {n for start, end in self.used for n in range(start, end)}

    def word_docs(self, number: int) -> array[int]:
        """Every document holding word `number`, ascending within each field weight."""
        classes = len(self.weights)
        return self.flat[self.starts[number * classes] : self.starts[(number + 1) * classes]]

    def weighted(self, number: int) -> list[tuple[float, array[int]]]:
        """Word `number`'s documents by the weight of the field holding it."""
        base, starts, found = number * len(self.weights), self.starts, []
        for offset, weight in enumerate(self.weights):
            start, end = starts[base + offset], starts[base + offset + 1]
            if start < end:
                found.append((weight, self.flat[start:end]))
        return found

    def key_docs(self, number: int) -> array[int]:
        """The documents filed under key `number`."""
        return self.key_flat[self.key_starts[number] : self.key_starts[number + 1]]

    def stem_words(self, stem: str) -> array[int]:
        """The numbers of the words whose stem is `stem` (none if no word's is)."""
        number = bisect_left(self.stems, stem)
        if number == len(self.stems) or self.stems[number] != stem:
            return array("i")
        return self.stem_flat[self.stem_starts[number] : self.stem_starts[number + 1]]


def build_index_data(docs: Iterable[Doc]) -> IndexData:
    """Index documents: their folded words, and the attributes filters ask about. One pass, so
    documents may be made on the way and dropped (`PackDocs.passing`)."""
    builder = IndexBuilder()
    deque(map(builder.add, docs), maxlen=0)
    return builder.finish()


class IndexBuilder:
    """An index built a document at a time (`add`, in their order), then laid out (`finish`):
    so whoever makes the documents can do something else with each on its way past."""

    def __init__(self) -> None:
        self._weights: list[float] = []
        self._tables: list[defaultdict[str, array[int]]] = []
        """Per field weight, each word's documents."""
        self._keys: defaultdict[str, array[int]] = defaultdict(_postings)
        self._count = 0
        self._used: list[tuple[int, int]] = []
        self._run = 0

    def skip(self, numbers: int) -> None:
        """Leave the next `numbers` numbers unused (room for documents added later in this
        place: compiled/reindex.py)."""
        if numbers > 0:
            if self._count > self._run:
                self._used.append((self._run, self._count))
            self._count += numbers
            self._run = self._count

    def add(self, doc: Doc) -> None:
        """File the next document under its words and filter keys."""
        number = self._count
        self._count = number + 1
        fields, weights = doc.fields, self._weights
        if len(fields) == 1:  # most documents: a paragraph
            (field,) = fields
            if field.weight not in weights:
                self._new_weight(field.weight)
            table = self._tables[weights.index(field.weight)]
            found = set(folded_words(field.text))
            # the same as `table[word].append(number)` for each word, looped in C
            deque(map(_append, map(table.__getitem__, found), repeat(number)), maxlen=0)
        else:
            seen: set[str] = set()
            for field in sorted(fields, key=_heaviest_first):
                if field.weight not in weights:
                    self._new_weight(field.weight)
                table = self._tables[weights.index(field.weight)]
                found = set(folded_words(field.text))
                if seen:
                    found -= seen
                seen |= found
                deque(map(_append, map(table.__getitem__, found), repeat(number)), maxlen=0)
        _add_attributes(self._keys, doc, number)

    def _new_weight(self, weight: float) -> None:
        self._weights.append(weight)
        self._tables.append(defaultdict(_postings))

    def finish(self) -> IndexData:
        """The index of the documents added."""
        tables = self._tables
        words = sorted(set().union(*tables))
        starts, flat = array("q", [0]), array("i")
        empty = array("i")
        for word in words:
            for table in tables:
                flat.extend(table.get(word, empty))
                starts.append(len(flat))
        found_keys = self._keys
        keys = sorted(found_keys)
        key_starts, key_flat = array("q", [0]), array("i")
        for key in keys:
            key_flat.extend(found_keys[key])
            key_starts.append(len(key_flat))
        stem_keys, stem_starts, stem_flat = _stem_table(words)
        used = (*self._used, (self._run, self._count)) if self._used else ()
        return IndexData(
            tuple(words), tuple(self._weights), starts, flat, tuple(keys), key_starts, key_flat,
            self._count, stem_keys, stem_starts, stem_flat, used,
        )  # fmt: skip


_append = array.append


def _stem_table(words: list[str]) -> tuple[tuple[str, ...], array[int], array[int]]:
    """The sorted stems of the (sorted) words, and each stem's word numbers, laid out flat."""
    by_stem: defaultdict[str, array[int]] = defaultdict(_postings)
    for number, stem in enumerate(stems(words)):
        by_stem[stem].append(number)
    keys = sorted(by_stem)
    starts, flat = array("q", [0]), array("i")
    for key in keys:
        flat.extend(by_stem[key])
        starts.append(len(flat))
    return tuple(keys), starts, flat


def _postings() -> array[int]:
    return array("i")


def _heaviest_first(field: Field) -> float:
    return -field.weight


def _add_attributes(found: defaultdict[str, array[int]], doc: Doc, number: int) -> None:
    """File the document under each filter key it has."""
    found["kind:" + doc.kind].append(number)
    for side in doc.sides:
        found["side:" + side].append(number)
    for dimension in doc.dimensions:
        found["dim:" + dimension].append(number)
    for year in doc.years:
        found["year:" + year].append(number)
    if doc.speaker:
        found["speaker:" + doc.speaker].append(number)
    if doc.article:
        found["article:" + doc.article].append(number)
    if doc.status:
        found["status:" + doc.status].append(number)
