"""A word's postings stored in chunks of document numbers (issue 34): one row per word and
chunk, so that a change rewrites only the chunks its documents fall in (an article added: one
chunk of each of its words), not every word's whole list. No Textual."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable

CHUNK_BITS = 14
"""Document numbers per chunk: 2 ** 14 (some 10 chunks at 100,000 items, 130 at 1,000,000):
documents that move, a few files' worth, fall in one or two chunks of each word."""


def chunk_of(number: int) -> int:
    return number >> CHUNK_BITS


def chunks_of(numbers: Iterable[int]) -> set[int]:
    return {number >> CHUNK_BITS for number in numbers}


def split(parts: list[array[int]]) -> dict[int, tuple[array[int], array[int]]]:
    """Each class's sorted numbers cut into chunks: for each chunk, (the count per class, the
    numbers class after class)."""
    found: dict[int, list[array[int]]] = {}
    classes = len(parts)
    for place, part in enumerate(parts):
        at = 0
        while at < len(part):
            chunk = part[at] >> CHUNK_BITS
            end = bisect_left(part, (chunk + 1) << CHUNK_BITS, at)
            found.setdefault(chunk, [array("i") for _ in range(classes)])[place] = part[at:end]
            at = end
    rows = {}
    for chunk, pieces in sorted(found.items()):
        docs = array("i")
        for piece in pieces:
            docs.extend(piece)
        rows[chunk] = array("i", map(len, pieces)), docs
    return rows


def joined(rows: Iterable[tuple[array[int], array[int]]], classes: int) -> list[array[int]]:
    """Chunks' (counts, numbers), in chunk order, as each class's whole sorted numbers."""
    parts = [array("i") for _ in range(classes)]
    for counts, docs in rows:
        at = 0
        for place, count in enumerate(counts):
            if count:
                if place >= len(parts):
                    parts += [array("i") for _ in range(place + 1 - len(parts))]
                parts[place].extend(docs[at : at + count])
            at += count
    return parts
