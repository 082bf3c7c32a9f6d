"""The words and keys whose postings a change leaves as they were (compiled/reindex.py): those
of the replaced documents that the new documents hold in the same places and fields, at the
same numbers. Their stored rows, megabytes for a common word, are not read at all. No
Textual."""

from __future__ import annotations

from array import array

from aiplan_tui.search.index import IndexData


def unchanged(
    gone: IndexData, old: array[int], added: IndexData, new: array[int]
) -> tuple[set[str], set[str]]:
    """(words, keys) whose documents among the replaced ones (`gone`, numbered `old`) are
    those among their replacements (`added`, numbered `new`), field weight for field weight."""
    words = {w: n for n, w in enumerate(added.words)}
    same_words = {
        word
        for number, word in enumerate(gone.words)
        if word in words and _weighted(gone, old, number) == _weighted(added, new, words[word])
    }
    keys = {k: n for n, k in enumerate(added.keys)}
    same_keys = {
        key
        for number, key in enumerate(gone.keys)
        if key in keys and _keyed(gone, old, number) == _keyed(added, new, keys[key])
    }
    return same_words, same_keys


def _weighted(data: IndexData, numbers: array[int], word: int) -> dict[float, list[int]]:
    classes, found = len(data.weights), {}
    for place, weight in enumerate(data.weights):
        start, end = data.starts[word * classes + place], data.starts[word * classes + place + 1]
        if start < end:
            found[weight] = [numbers[i] for i in data.flat[start:end]]
    return found


def _keyed(data: IndexData, numbers: array[int], key: int) -> list[int]:
    start, end = data.key_starts[key], data.key_starts[key + 1]
    return [numbers[i] for i in data.key_flat[start:end]]
