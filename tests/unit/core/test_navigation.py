"""The walking rules, without Textual: where `]`/`[`, `}`/`{` and `n`/`N` lead from a cursor,
which of them can act (the footer greys out the rest), and the status line."""

from __future__ import annotations

from pathlib import Path

from aiplan_tui.core.navigation import Cursor, Navigation
from aiplan_tui.core.reading import Place
from aiplan_tui.pack.loader import load_pack
from conftest import PackFactory


def mini(make_pack: PackFactory) -> tuple[Navigation, Path]:
    root = make_pack()
    return Navigation(load_pack(root).pack), root


def test_walking_quotes_and_highlights_from_a_paragraph(make_pack: PackFactory) -> None:
    navigation, _ = mini(make_pack)
    start = Cursor("wire", 0)
    quote = navigation.neighbour("quote", start, 1)
    assert quote is not None and quote.id == "q-camps"
    assert navigation.neighbour("quote", start, -1) is None
    on_quote = Cursor("wire", 0, quote)
    assert navigation.neighbour("quote", on_quote, 1) is None  # the only quote
    following = navigation.neighbour("highlight", on_quote, 1)
    assert following is not None and following.id == "f-us"


def test_end_notices_and_what_can_act(make_pack: PackFactory) -> None:
    navigation, _ = mini(make_pack)
    first = navigation.neighbour("highlight", Cursor("wire", 0), 1)
    assert first is not None
    on_first = Cursor("wire", first.location.paragraph, first)
    assert navigation.end_notice("highlight", on_first) == "This is the first highlight."
    assert navigation.end_notice("quote", on_first) == "This is the last quote."
    # next/previous quote, next/previous highlight, copy, next match
    assert navigation.available(on_first) == (False, False, True, False, True, False)
    assert navigation.available(Cursor("wire", 0)) == (True, False, True, False, False, False)


def test_matches_step_from_the_one_opened_and_stop_at_the_ends(make_pack: PackFactory) -> None:
    navigation, _ = mini(make_pack)
    matches = [Place(0, 0, 5), Place(0, 1, 3), Place(0, 1, 40)]
    navigation.set_matches(matches, [matches[1]])
    assert navigation.match_number == 2
    cursor = Cursor("wire", 1)
    assert navigation.step_match(cursor, 1) == matches[2]
    assert navigation.step_match(cursor, 1) is None
    assert navigation.match_number == 3
    assert navigation.step_match(cursor, -1) == matches[1]
    assert navigation.status(cursor, 2) == "paragraph 2/2 · match 2 of 3 in this article"


def test_the_status_counts_highlights_and_quotes(make_pack: PackFactory) -> None:
    navigation, _ = mini(make_pack)
    quote = navigation.neighbour("quote", Cursor("wire", 0), 1)
    cursor = Cursor("wire", 0, quote)
    assert navigation.status(cursor, 2) == "highlight 1/3 (quote 1/1) · paragraph 1/2"
    navigation.set_matches([Place(0, 1, 0)], [])
    assert navigation.status(Cursor("wire", 0), None) == "1 match in this article (n to go)"


def test_the_match_count_says_what_it_counts_and_goes_when_the_cursor_moves_on(
    make_pack: PackFactory,
) -> None:
    """Matches are paragraphs holding results: numbered within the cursor's article, with the
    total when other articles have some; once the cursor leaves the match it went to, no
    number stands, and `n` goes on from the cursor."""
    navigation, _ = mini(make_pack)
    matches = [Place(0, 0, 4), Place(0, 1, 0), Place(1, 0, 7), Place(1, 3, 0)]
    navigation.set_matches(matches, [Place(0, 1, 9)])  # opened: a highlight in that paragraph
    assert navigation.match_number == 2
    at_match = Cursor("wire", 1)
    assert navigation.match_status(at_match) == "match 2 of 2 in this article, 4 in all"
    moved = Cursor("wire", 0)
    assert navigation.match_status(moved) == "2 matches in this article, 4 in all (n to go)"
    assert navigation.step_match(moved, 1) == matches[0]  # from the cursor, not match 2
    navigation.set_matches(matches[2:], [])
    assert navigation.match_status(moved) == "2 matches in other articles (n to go)"
    navigation.set_matches(matches[:2], [matches[0]])
    assert navigation.status(Cursor("wire", 0), 2) == (
        "paragraph 1/2 · match 1 of 2 in this article"
    )


def test_the_status_gives_the_page_of_a_paragraph_in_an_article_with_pages(
    make_pack: PackFactory,
) -> None:
    navigation, _ = mini(make_pack)
    assert navigation.status(Cursor("wire", 1), 2, 12) == "paragraph 2/2 (p. 12)"
    assert navigation.status(Cursor("wire", 1), 2, None) == "paragraph 2/2"
