"""Paragraphs from a PDF's blocks of lines (authoring/paragraphs.py): line ends joined, words
hyphenated across them made whole (compounds the document writes with a hyphen kept), list
items apart, a paragraph cut by a page break or its footnotes carried on, each with the page
it starts on."""

from __future__ import annotations

from aiplan_tui.authoring.paragraphs import Block, joined_paragraphs


def test_a_word_hyphenated_at_a_line_end_is_made_whole_and_a_compound_keeps_its_hyphen() -> None:
    blocks = [
        Block(1, ("Risks are hard to mea-", "sure, and third-", "party data adds to them.")),
        Block(1, ("Each third-party supplier is named.",)),
        Block(2, ("A soft hyphen at the end of a li\u00ad", "ne is dropped.")),
    ]
    assert joined_paragraphs(blocks) == (
        [
            "Risks are hard to measure, and third-party data adds to them.",
            "Each third-party supplier is named.",
            "A soft hyphen at the end of a line is dropped.",
        ],
        [1, 1, 2],
    )


def test_a_paragraph_cut_by_a_page_break_and_its_footnotes_is_carried_on() -> None:
    blocks = [
        Block(1, ("Agencies must name a Chief AI Officer within sixty days of",)),
        Block(1, ("1 Pub. L. No. 116-260.",)),
        Block(2, ("this memorandum, and report on their use.",)),
        Block(2, ("A new paragraph starts with a capital.",)),
    ]
    paragraphs, pages = joined_paragraphs(blocks)
    assert paragraphs == [
        "Agencies must name a Chief AI Officer within sixty days of this memorandum, and "
        "report on their use.",
        "1 Pub. L. No. 116-260.",
        "A new paragraph starts with a capital.",
    ]
    assert pages == [1, 1, 2]


def test_list_items_are_paragraphs_and_a_number_apart_goes_before_its_paragraph() -> None:
    blocks = [
        Block(3, ("The principles are:", "• Safety and robustness", "• Fairness")),
        Block(3, ("8.",)),
        Block(3, ("The government will put in place a new framework.",)),
        Block(3, ("21",)),
        Block(3, ("22",)),
    ]
    assert joined_paragraphs(blocks)[0] == [
        "The principles are:",
        "Safety and robustness",
        "Fairness",
        "8. The government will put in place a new framework.",
    ]
