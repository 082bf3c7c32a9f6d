"""Figures, speakers and citations as people read them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from aiplan_tui.core.formatting import (
    attribution,
    citation,
    fact_line,
    format_fact_value,
    format_number,
    point_line,
    provenance,
    quote_kind,
    side_labels,
    speaker_line,
)
from aiplan_tui.core.model import (
    Article,
    Entity,
    Event,
    Fact,
    Location,
    Pack,
    PackInfo,
    Position,
    Quote,
    SourceRef,
)
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir

CNBC_TITLE = "China releases AI action plan days after the U.S. as global tech race heats up"
WAIC_TITLE = "At WAIC, China pushes for global AI governance in the wake of the U.S. action plan"
"""Neither seed gives an author, a date or an address, and WAIC's names no outlet: citations
leave them out, never guess. WAIC's title is the pack editors' (its source has no headline)."""


def cnbc_source(paragraph: int) -> str:
    return f"Source: {CNBC_TITLE}, CNBC, ¶{paragraph}"


def waic_source(paragraph: int) -> str:
    return f"Source: [{WAIC_TITLE}], ¶{paragraph}"  # a title the editors supplied


def fact(value: float, unit: str, **extra: object) -> Fact:
    return Fact(
        id="f",
        article="a",
        exact="x",
        location=Location(0, 0, 1),
        source=SourceRef(Path("x")),
        metric="Metric",
        value=value,
        unit=unit,
        **extra,  # type: ignore[arg-type]
    )


def quote(direct: bool) -> Quote:
    return Quote(
        id="q",
        article="a",
        exact="words",
        location=Location(0, 0, 5),
        source=SourceRef(Path("x")),
        speaker="someone",
        direct=direct,
    )


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(bundled_content_dir()).pack


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (109.1e9, "109.1 bn"),
        (600e9, "600 bn"),
        (9.3e9, "9.3 bn"),
        (209e9, "209 bn"),
        (84e9, "84 bn"),
        (5.6e6, "5.6 m"),
        (1.5e12, "1.5 tn"),
        (5000, "5,000"),
        (5000.0, "5,000"),
        (1234.5, "1,234.5"),
        (28, "28"),
        (12, "12"),
        (12.0, "12"),
        (0.5, "0.5"),
        (0.001, "0.001"),
        (0, "0"),
        (-0.0, "0"),
        (-5e9, "-5 bn"),
        (999.999e9, "1 tn"),
        (2022, "2,022"),
    ],
)
def test_numbers_read_as_people_say_them(value: float, expected: str) -> None:
    assert format_number(value) == expected


def test_numbers_without_grouping_have_no_thousands_separator() -> None:
    assert format_number(2022, grouping=False) == "2022"
    assert format_number(1234.5, grouping=False) == "1234.5"
    assert format_number(600e9, grouping=False) == "600 bn"


def test_numbers_never_end_in_point_zero() -> None:
    for value in (600e9, 84e9, 1e6, 3.0, 2017.0, 1.10e9):
        assert not format_number(value).endswith(".0"), value
        assert ".0 " not in format_number(value), value


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (fact(109.1e9, "USD"), "$109.1 bn"),
        (fact(5.6e6, "USD"), "$5.6 m"),
        (fact(209e9, "USD", qualifier="approximately"), "approximately $209 bn"),
        (fact(84e9, "USD", qualifier="nearly"), "nearly $84 bn"),
        (fact(1.5e12, "USD", qualifier="more than"), "more than $1.5 tn"),
        (fact(600e9, "CNY"), "600 bn yuan"),
        (fact(600e9, "CNY", usd=84e9), "600 bn yuan (≈ $84 bn, as the article gives it)"),
        (
            fact(600e9, "CNY", usd=84e9, qualifier="approximately"),
            "approximately 600 bn yuan (≈ $84 bn, as the article gives it)",
        ),
        (fact(2022, "year"), "2022"),
        (fact(2017.0, "year"), "2017"),
        (fact(12, "ratio", qualifier="nearly"), "nearly 12×"),
        (fact(12, "ratio"), "12×"),
        (fact(5000, "companies", qualifier="more than"), "more than 5,000 companies"),
        (fact(40, "nations", qualifier="over"), "over 40 nations"),
        (fact(28, "pages"), "28 pages"),
        (fact(3, "months", qualifier="roughly"), "roughly 3 months"),
        (fact(1, "trips"), "1 trips"),
    ],
)
def test_fact_values_carry_unit_and_qualifier(made: Fact, expected: str) -> None:
    assert format_fact_value(made) == expected


def test_fact_line_adds_the_period_only_when_set() -> None:
    assert fact_line(fact(9.3e9, "USD", period="2024")) == "Metric: $9.3 bn (2024)"
    assert fact_line(fact(28, "pages")) == "Metric: 28 pages"


def test_every_bundled_figure_formats_without_point_zero(pack: Pack) -> None:
    facts = [h for h in pack.highlights if isinstance(h, Fact)]
    assert facts
    for each in facts:
        assert ".0 " not in format_fact_value(each) and not format_fact_value(each).endswith(".0")


def test_the_bundled_yuan_figure_keeps_the_articles_dollar_equivalent(pack: Pack) -> None:
    yuan = pack.highlight("f-china-core-industry")
    assert isinstance(yuan, Fact) and yuan.unit == "CNY"
    assert (
        format_fact_value(yuan) == "approximately 600 bn yuan (≈ $84 bn, as the article gives it)"
    )


def test_bundled_years_print_without_a_thousands_separator(pack: Pack) -> None:
    years = [h for h in pack.highlights if isinstance(h, Fact) and h.unit == "year"]
    assert sorted(format_fact_value(y) for y in years) == ["2017", "2022"]


def test_speaker_line_gives_name_and_role() -> None:
    entity = Entity(
        id="x", name="Jane Doe", kind="person", source=SourceRef(Path("e")), role="analyst"
    )
    assert speaker_line(entity, "x") == "Jane Doe, analyst"


def test_speaker_line_without_a_role_is_just_the_name() -> None:
    entity = Entity(id="x", name="Jane Doe", kind="person", source=SourceRef(Path("e")))
    assert speaker_line(entity, "x") == "Jane Doe"


def test_speaker_line_falls_back_to_the_id_when_the_entity_is_missing() -> None:
    assert speaker_line(None, "someone") == "someone"


def test_quote_kind() -> None:
    assert quote_kind(quote(direct=True)) == "direct"
    assert quote_kind(quote(direct=False)) == "paraphrase"


def test_quote_citation_names_speaker_article_and_paragraph(pack: Pack) -> None:
    found = pack.highlight("q-chen-two-camps")
    assert found is not None
    assert citation(found, pack) == (
        "“The two camps are now being formed” — George Chen, Partner at the Asia Group and "
        "co-chair of the digital practice\n" + cnbc_source(5)
    )


def test_paraphrase_citation_is_not_put_in_quotation_marks(pack: Pack) -> None:
    found = pack.highlight("q-li-ai-plus")
    assert isinstance(found, Quote) and quote_kind(found) == "paraphrase"
    first, source = citation(found, pack).split("\n")
    assert first.startswith(f"{found.exact} (paraphrase) — Li Qiang")
    assert not first.startswith("“")
    assert source.startswith("Source: ")


def test_fact_citation_gives_the_figure_the_words_and_the_source(pack: Pack) -> None:
    found = pack.highlight("f-china-core-industry")
    assert found is not None
    assert citation(found, pack) == (
        "Value of China's core AI industry: "
        "approximately 600 bn yuan (≈ $84 bn, as the article gives it)\n"
        "“approximately 600 billion yuan (around $84 billion)”\n" + waic_source(6)
    )


def test_position_citation_is_the_words_and_the_source(pack: Pack) -> None:
    found = pack.highlight("p-us-restrict-access")
    assert isinstance(found, Position)
    assert citation(found, pack) == f"“{found.exact}”\n{cnbc_source(9)}"


def test_a_claim_cites_whose_it_is(pack: Pack) -> None:
    """George Chen's reading of China's stance is his, wherever it is shown."""
    found = pack.highlight("p-china-multilateral")
    assert isinstance(found, Position) and found.according_to == "george-chen"
    assert citation(found, pack).split("\n") == [
        f"“{found.exact}”",
        "— according to George Chen, Partner at the Asia Group and co-chair of the digital practice",
        cnbc_source(6),
    ]
    assert point_line(found, pack) == f"“{found.exact}” — according to George Chen"
    assert attribution(found, pack) == "according to George Chen"


def test_event_citation_is_the_words_and_the_source(pack: Pack) -> None:
    found = next(h for h in pack.highlights if isinstance(h, Event) and not h.according_to)
    lines = citation(found, pack).split("\n")
    assert lines[0] == f"“{found.exact}”"
    assert lines[1] == cnbc_source(found.location.paragraph + 1)
    assert len(lines) == 2


def test_citation_without_the_article_still_names_id_and_paragraph() -> None:
    empty = Pack(info=PackInfo(id="p", title="P"), root=Path())
    missing = dataclasses.replace(quote(direct=True), location=Location(3, 0, 5))
    assert citation(missing, empty) == "“words” — someone\nSource: a, ¶4"


def test_side_labels_in_pack_order(pack: Pack) -> None:
    assert side_labels(fact(1, "x", sides=("china", "us")), pack) == "US · China"
    assert side_labels(fact(1, "x", sides=("china",)), pack) == "China"
    assert side_labels(fact(1, "x"), pack) == ""


def test_side_labels_put_a_positions_own_side_first(pack: Pack) -> None:
    position = Position(
        id="p",
        article="a",
        exact="x",
        location=Location(0, 0, 1),
        source=SourceRef(Path("x")),
        side="china",
        sides=("us", "china"),
    )
    assert side_labels(position, pack) == "China · US"
    assert side_labels(dataclasses.replace(position, sides=()), pack) == "China"
    assert side_labels(dataclasses.replace(position, sides=("us",)), pack) == "China · US"


def test_provenance_gives_what_the_article_says_and_not_given_for_the_rest() -> None:
    article = Article(
        id="a", title="T", paragraphs=("x",), source=SourceRef(Path("a.md")),
        outlet="Example News", published=dt.date(2025, 7, 26), url="https://example.com/a",
    )  # fmt: skip
    assert provenance(article) == [
        ("outlet", "Example News"),
        ("author", "not given"),
        ("published", "2025-07-26"),
        ("url", "https://example.com/a"),
    ]
    assert provenance(dataclasses.replace(article, author="A. Writer"))[1] == (
        "author",
        "A. Writer",
    )


def test_attribution_says_whose_words_for_every_kind(pack: Pack) -> None:
    direct, reported = pack.highlight("q-chen-two-camps"), pack.highlight("q-li-ai-plus")
    own = pack.highlight("p-us-restrict-access")
    assert direct is not None and reported is not None and own is not None
    assert attribution(direct, pack) == "George Chen · direct"
    assert attribution(reported, pack) == "Li Qiang · paraphrase"
    assert attribution(own, pack) == ""
