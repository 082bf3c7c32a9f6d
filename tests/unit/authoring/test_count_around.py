"""Anchoring counts a suggestion's words with more around them from the places of the
words alone (Occurrences.count_around, issue 28): the count is the one count() gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aiplan_tui.authoring import occurrences
from aiplan_tui.authoring.occurrences import Occurrences


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab ab 1%.\u0130ſ-", max_size=60), min_size=1, max_size=4),
    st.data(),
)
def test_a_count_around_is_the_count(paragraphs: list[str], data: st.DataObject) -> None:
    text = tuple(paragraphs)
    number = data.draw(st.integers(0, len(text) - 1))
    paragraph = text[number]
    start = data.draw(st.integers(0, len(paragraph)))
    end = data.draw(st.integers(start, len(paragraph)))
    words = paragraph[start:end]
    prefix = paragraph[data.draw(st.integers(0, start)) : start]
    suffix = paragraph[end : data.draw(st.integers(end, len(paragraph)))]
    limit, budget, enough = (
        occurrences.CANDIDATES_BEFORE_SCAN,
        occurrences.SCANNED_AT_MOST,
        occurrences.ENOUGH,
    )
    try:
        # few: most words too common to count from the index (and a rare enough word as
        # rare: ENOUGH is never more); no budget: no search of the whole text at all, its
        # count given as too many (count_around must say the same)
        for few, scanned in ((1, 0), (2, 0), (1, budget), (limit, budget)):
            occurrences.CANDIDATES_BEFORE_SCAN, occurrences.SCANNED_AT_MOST = few, scanned
            occurrences.ENOUGH = min(enough, few)
            index = Occurrences(text)
            places = index.places(words)
            if not words or places is None:
                continue
            for most in (2, 1000):
                expected = index.count(prefix + words + suffix, most)
                assert index.count_around(words, places, prefix, suffix, most) == expected
    finally:
        occurrences.CANDIDATES_BEFORE_SCAN, occurrences.SCANNED_AT_MOST = limit, budget
        occurrences.ENOUGH = enough


def test_a_count_around_common_words_alone_is_asked_of_count() -> None:
    """Words whose every inner word is everywhere (or that have none) may need a search of
    the whole text: count() is asked, as anchoring asked it before."""
    text = ("x said it. " * 5000 + "y said it, z",)
    index = Occurrences(text)
    places = index.places(" said ")
    assert places is not None and len(places) == 5001
    assert index.count_around(" said ", places, "y", "it,") == 1
    assert index.count_around(" said ", places, "x", "it.") == 2
    assert index.count_around(" said ", places, "x", "it.", most=10_000) == 5000
    rare = index.places(" y said ")  # "y" is inside: counted from its places alone
    assert rare is not None and index.count_around(" y said ", rare, "it.", "it,") == 1


def test_a_count_around_common_words_next_to_each_other_rarely_is_counted_alone() -> None:
    index = Occurrences(("x said. " * 5000 + "it. " * 5000 + "y said it, z",))
    places = index.places(" said it,")  # "said" and "it" everywhere, together once
    assert places is not None and len(places) == 1
    assert index.count_around(" said it,", places, "y", " z") == 1
    assert index.count_around(" said it,", places, "x", " z") == 0


def test_a_count_around_stops_at_the_most_asked() -> None:
    index = Occurrences(("x y said it. " * 5,))
    places = index.places(" y said ")
    assert places is not None and len(places) == 5
    assert index.count_around(" y said ", places, "x", "it") == 2
    assert index.count_around(" y said ", places, "x", "it", most=10) == 5
    assert index.count_around(" y said ", places, "z", "it", most=10) == 0
