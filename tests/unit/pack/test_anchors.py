"""Anchoring exact words with optional prefix/suffix, and suggestions for words that drifted."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aiplan_tui.core.model import Location
from aiplan_tui.pack.anchors import find_all, suggest

PARAGRAPHS = (
    "Chips matter. The U.S. lifted its ban on chips.",
    "China paused its antitrust investigation into DuPont.",
)


def test_every_occurrence_is_found_in_reading_order() -> None:
    assert find_all(PARAGRAPHS, "hips") == [Location(0, 1, 5), Location(0, 42, 46)]


def test_prefix_and_suffix_must_touch_the_exact_words() -> None:
    assert find_all(PARAGRAPHS, "chips", prefix="ban on ") == [Location(0, 41, 46)]
    assert find_all(PARAGRAPHS, "Chips", suffix=" matter") == [Location(0, 0, 5)]
    assert find_all(PARAGRAPHS, "chips", prefix="ban ") == []


def test_empty_exact_matches_nothing() -> None:
    assert find_all(PARAGRAPHS, "") == []


def test_overlapping_occurrences_are_all_counted() -> None:
    assert len(find_all(("aaaa",), "aa")) == 3


def test_suggestion_quotes_whole_words_of_the_closest_paragraph() -> None:
    found = suggest(PARAGRAPHS, "paused its antitrust investigaton")
    assert found is not None
    assert found.paragraph == 1
    assert found.text == "paused its antitrust investigation"


def test_no_suggestion_when_nothing_is_close() -> None:
    assert suggest(PARAGRAPHS, "qqqq zzzz") is None


@given(
    st.lists(st.text(alphabet="ab \x00", max_size=12), max_size=6),
    st.text(alphabet="ab \x00", min_size=1, max_size=4),
    st.text(alphabet="ab", max_size=2),
    st.text(alphabet="ab", max_size=2),
)
def test_one_search_through_the_joined_article_finds_what_each_paragraph_holds(
    paragraphs: list[str], exact: str, prefix: str, suffix: str
) -> None:
    """The fast path (one search through the joined text) against the plain one."""
    from aiplan_tui.pack.anchors import _find_paragraph_by_paragraph, find_all

    expected = _find_paragraph_by_paragraph(paragraphs, exact, prefix, suffix)
    assert find_all(tuple(paragraphs), exact, prefix, suffix) == expected
