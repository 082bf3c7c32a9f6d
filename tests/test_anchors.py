"""Anchoring exact words with optional prefix/suffix, and suggestions for words that drifted."""

from __future__ import annotations

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
