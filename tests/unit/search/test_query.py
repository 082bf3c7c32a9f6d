"""The query language: every operator, and any input at all parses."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aiplan_tui.search.query import Query, Term, parse


def test_words_are_anded_and_fuzzy() -> None:
    assert parse("deepsek Investmnt").groups == ((Term("deepsek"),), (Term("investmnt"),))


def test_phrase_exact_prefix_suffix() -> None:
    query = parse('"Two  Camps" \'nvidia ^invest ment$')
    assert query.groups == (
        (Term("two camps", "phrase"),),
        (Term("nvidia", "exact"),),
        (Term("invest", "prefix"),),
        (Term("ment", "suffix"),),
    )


def test_negation_and_or() -> None:
    query = parse("chips !nvidia us | china")
    assert query.groups == ((Term("chips"),), (Term("us"), Term("china")))
    assert query.excluded == (Term("nvidia"),)
    assert parse('!"two camps"').excluded == (Term("two camps", "phrase"),)


def test_filters_and_unknown_filters_read_as_text() -> None:
    query = parse(
        "kind:quote side:US speaker:chen dim:chips article:cnbc year:2024 foo:bar kind:nope"
    )
    assert query.filters == (
        ("kind", "quote"),
        ("side", "us"),
        ("speaker", "chen"),
        ("dim", "chips"),
        ("article", "cnbc"),
        ("year", "2024"),
    )
    assert query.groups == ((Term("foo"),), (Term("bar"),), (Term("kind"),), (Term("nope"),))


def test_unbalanced_quote_and_lone_operators_are_text() -> None:
    assert parse('"two camps').groups == ((Term("two"),), (Term("camps"),))
    assert parse('| ! ^ $ \' ""') == Query()
    assert parse("").empty


@given(st.text(max_size=80))
def test_any_input_parses(text: str) -> None:
    query = parse(text)
    for group in query.groups:
        assert group and all(term.text for term in group)
