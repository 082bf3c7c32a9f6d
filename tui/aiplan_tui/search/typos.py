"""How close two words are, as rapidfuzz's `fuzz.ratio` measures it, and which of a list of
words are close enough to one.

The ratio is 100 × (1 − d / (n + m)) for words of n and m letters, d the letters that must be
deleted or inserted to turn one into the other (n + m − 2 × their longest common
subsequence). A short list is measured here, in Python (the longest common subsequence by
bit-parallel steps, one a letter), so a search that never meets a long list of typo
candidates, as on a small pack, never imports rapidfuzz (about 35 modules); a long one, or
any once rapidfuzz is imported, is handed to rapidfuzz, which is faster per word. Both give
the same words and the same floats (tests/unit/search/test_typos.py compares them, cut-offs
included).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

RAPIDFUZZ_FROM = 2000
"""From this many words to compare, rapidfuzz (imported then) does it: in Python a word costs
about 1-3 µs, so importing rapidfuzz pays for itself from a few thousand."""


def close_words(word: str, choices: Sequence[str], cutoff: float) -> list[tuple[str, float]]:
    """Each of `choices` whose ratio to `word` is at least `cutoff` (0-100), with the ratio,
    in no set order (the caller sorts them). rapidfuzz measures them if the list is long, or
    if it is imported already (in the app, say): it costs nothing more then."""
    if len(choices) >= RAPIDFUZZ_FROM or "rapidfuzz" in sys.modules:
        from rapidfuzz import fuzz, process

        found = process.extract(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        return [(choice, score) for choice, score, _ in found]
    return measured(word, choices, cutoff)


def measured(word: str, choices: Sequence[str], cutoff: float) -> list[tuple[str, float]]:
    """`close_words` measured here, in Python, however many `choices` there are."""
    letters, length = _letters(word), len(word)
    found = []
    for choice in choices:
        score = _similarity(length + len(choice), _common(letters, length, choice))
        if score >= cutoff:
            found.append((choice, score))
    return found


def _letters(word: str) -> dict[str, int]:
    """Each letter of `word` with a bit set at each place it is at."""
    places: dict[str, int] = {}
    for place, letter in enumerate(word):
        places[letter] = places.get(letter, 0) | (1 << place)
    return places


def _common(letters: dict[str, int], length: int, other: str) -> int:
    """The length of the longest common subsequence of the word of `letters` (`length` long)
    and `other`: each bit of `row` still set is a place not yet matched."""
    full = (1 << length) - 1
    row = full
    for letter in other:
        matched = row & letters.get(letter, 0)
        row = ((row + matched) | (row - matched)) & full
    return length - row.bit_count()


def _similarity(total: int, common: int) -> float:
    """As rapidfuzz computes it, operation for operation, so the floats are the same."""
    if not total:
        return 100.0
    return (1.0 - (total - 2 * common) / total) * 100
