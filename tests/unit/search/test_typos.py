"""Typo candidates measured in Python are rapidfuzz's, word for word and float for float
(search/typos.py): a small pack's search never imports rapidfuzz, and finds the same."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from aiplan_tui.search.typos import RAPIDFUZZ_FROM, close_words, measured
from aiplan_tui.search.vocabulary import SUGGEST_CUTOFF, fuzzy_cutoff

CUTOFFS = sorted({SUGGEST_CUTOFF, *(fuzzy_cutoff("x" * size) or 0.0 for size in (4, 7))})


def rapidfuzz_close(word: str, choices: list[str], cutoff: float) -> list[tuple[str, float]]:
    found = process.extract(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
    return sorted((choice, score) for choice, score, _ in found)


def test_the_cutoffs_searched_with_are_the_ones_checked() -> None:
    assert CUTOFFS == [70.0, 80.0, 85.0]


def test_every_length_and_overlap_scores_and_cuts_off_as_rapidfuzz() -> None:
    """Words of 1-20 letters sharing any number of letters: the ratios on and around each
    cut-off are where a float computed another way would differ."""
    for cutoff in CUTOFFS:
        for first in range(1, 21):
            for second in range(1, 21):
                for shared in range(min(first, second) + 1):
                    word = "a" * shared + "b" * (first - shared)
                    other = "a" * shared + "c" * (second - shared)
                    mine = measured(word, [other], cutoff)
                    assert mine == rapidfuzz_close(word, [other], cutoff), (word, other, cutoff)


@settings(max_examples=150, deadline=None)
@given(
    word=st.text(alphabet="abcdeé中", min_size=1, max_size=12),
    choices=st.lists(st.text(alphabet="abcdeé中", min_size=1, max_size=14), max_size=30),
    cutoff=st.sampled_from(CUTOFFS),
)
def test_any_words_are_measured_as_rapidfuzz_measures_them(
    word: str, choices: list[str], cutoff: float
) -> None:
    assert sorted(measured(word, choices, cutoff)) == rapidfuzz_close(word, choices, cutoff)


def test_a_long_list_is_handed_to_rapidfuzz_with_the_same_result() -> None:
    words = ("chips", "chip", "amper")
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    near = [w[:i] + letter + w[i + skip :] for w in words for i in range(len(w) + 1)
            for letter in ("", *alphabet) for skip in (0, 1)]  # fmt: skip
    choices = near + [f"q{number}z" for number in range(RAPIDFUZZ_FROM)]
    for word in words:
        expected = sorted(measured(word, choices, 80.0))
        assert len(expected) > 20  # the list has close words to find
        assert sorted(close_words(word, choices, 80.0)) == expected
