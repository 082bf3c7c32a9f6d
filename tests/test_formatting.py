"""Figures, speakers and citations as people read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiplan_tui.formatting import (
    citation,
    fact_line,
    format_fact_value,
    format_number,
    quote_kind,
    side_labels,
    speaker_line,
)
from aiplan_tui.loader import load_pack
from aiplan_tui.model import Entity, Fact, Location, Pack, Position, SourceRef
from aiplan_tui.paths import bundled_content_dir

WHERE = {
    "article": "a",
    "exact": "x",
    "location": Location(0, 0, 1),
    "source": SourceRef(Path("x")),
}


def fact(value: float, unit: str, **extra: object) -> Fact:
    return Fact(id="f", metric="Metric", value=value, unit=unit, **WHERE, **extra)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(bundled_content_dir()).pack


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (109.1e9, "109.1 bn"),
        (600e9, "600 bn"),
        (5.6e6, "5.6 m"),
        (1.5e12, "1.5 tn"),
        (5000, "5,000"),
        (28, "28"),
        (0.5, "0.5"),
        (12, "12"),
    ],
)
def test_numbers_read_as_people_say_them(value: float, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (fact(109.1e9, "USD"), "$109.1 bn"),
        (fact(209e9, "USD", qualifier="approximately"), "approximately $209 bn"),
        (fact(600e9, "CNY", usd=84e9), "600 bn yuan (≈ $84 bn, as the article gives it)"),
        (fact(600e9, "CNY"), "600 bn yuan"),
        (fact(2022, "year"), "2022"),
        (fact(12, "ratio", qualifier="nearly"), "nearly 12×"),
        (fact(5000, "companies", qualifier="more than"), "more than 5,000 companies"),
        (fact(3, "months", qualifier="roughly"), "roughly 3 months"),
    ],
)
def test_fact_values_carry_unit_and_qualifier(made: Fact, expected: str) -> None:
    assert format_fact_value(made) == expected


def test_fact_line_adds_the_period() -> None:
    assert fact_line(fact(9.3e9, "USD", period="2024")) == "Metric: $9.3 bn (2024)"
    assert fact_line(fact(28, "pages")) == "Metric: 28 pages"


def test_the_bundled_yuan_figure_keeps_the_articles_dollar_equivalent(pack: Pack) -> None:
    yuan = next(h for h in pack.highlights if isinstance(h, Fact) and h.unit == "CNY")
    assert (
        format_fact_value(yuan) == "approximately 600 bn yuan (≈ $84 bn, as the article gives it)"
    )


def test_speaker_line_falls_back_to_the_id() -> None:
    entity = Entity(
        id="x", name="Jane Doe", kind="person", source=SourceRef(Path("e")), role="analyst"
    )
    assert speaker_line(entity, "x") == "Jane Doe, analyst"
    assert speaker_line(None, "someone") == "someone"


def test_quote_citation_names_speaker_article_and_paragraph(pack: Pack) -> None:
    quote = pack.highlight("q-chen-two-camps")
    assert quote is not None
    assert citation(quote, pack) == (
        "“The two camps are now being formed” — George Chen, Partner at the Asia Group and "
        "co-chair of the digital practice\n"
        "Source: China releases AI action plan days after the U.S. as global tech race heats up, "
        "CNBC, paragraph 5"
    )


def test_paraphrase_citation_is_not_put_in_quotation_marks(pack: Pack) -> None:
    quote = pack.highlight("q-li-ai-plus")
    assert quote is not None and quote_kind(quote) == "paraphrase"  # type: ignore[arg-type]
    first = citation(quote, pack).splitlines()[0]
    assert first.startswith("Premier Li emphasized") and "(paraphrase) — Li Qiang" in first


def test_side_labels_put_a_positions_own_side_first(pack: Pack) -> None:
    position = Position(id="p", side="china", sides=("us", "china"), **WHERE)  # type: ignore[arg-type]
    assert side_labels(position, pack) == "China · US"
    assert side_labels(fact(1, "x", sides=("china", "us")), pack) == "US · China"
