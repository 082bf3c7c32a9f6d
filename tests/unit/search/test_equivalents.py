"""How a query's words are widened by the names of a side (search/equivalents.py)."""

from __future__ import annotations

from aiplan_tui.search.equivalents import Families
from aiplan_tui.search.query import Term, parse


def widened(query: str, extra: tuple[tuple[str, ...], ...] = ()) -> list[list[Term]]:
    return [list(group) for group in Families(extra).widen(parse(query).groups)]


def test_a_name_typed_as_several_words_is_that_name() -> None:
    """`u.s.`, `united states` and `people's republic of china` (its `of` left out by the
    parser) are each one name: a phrase, the family's other names beside it."""
    for query, phrase in (
        ("u.s. invest", "u s"),
        ("united states invest", "united states"),
        ("people's republic of china invest", "people s republic of china"),
    ):
        first, rest = widened(query)
        assert first[0] == Term(phrase, "phrase"), query
        assert all(term.kin for term in first[1:]) and len(first) > 3, query
        assert rest == [Term("invest")], query


def test_a_word_finds_the_other_names_but_not_itself_again() -> None:
    (group,) = widened("chinese")
    assert group[0] == Term("chinese")
    kin = {(term.text, term.mode) for term in group[1:]}
    assert ("china", "fuzzy") in kin and ("prc", "fuzzy") in kin and ("中国", "phrase") in kin
    assert ("chinese", "fuzzy") not in kin
    (plural,) = widened("americans")
    assert "american" not in {term.text for term in plural[1:]}, "its own form already"


def test_only_plain_words_are_widened() -> None:
    for query in ("'china", "^china", '"united states"', "chin", "!china"):
        assert widened(query) == [list(g) for g in parse(query).groups], query


def test_a_family_sharing_a_name_joins_the_other() -> None:
    (group,) = widened("beijing", (("Beijing", "China"),))
    assert {"china", "chinese", "prc"} <= {term.text for term in group}
    (apart,) = widened("eu", (("EU", "European Union"),))
    assert [term.text for term in apart] == ["eu", "european union"]
