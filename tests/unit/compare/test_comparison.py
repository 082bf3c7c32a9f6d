"""The comparison matrix and figure pairs, on the mini pack and small variations of it."""

from __future__ import annotations

import pytest

from aiplan_tui.compare.figures import bar, pair, ratio_text, summary_line
from aiplan_tui.compare.matrix import GAP, SidesError, build_matrix, default_sides, parse_sides
from aiplan_tui.core.model import Fact, Location, SourceRef
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from conftest import HIGHLIGHTS, PACK_TOML, PackFactory

THIRD_SIDE = PACK_TOML + '\n[[side]]\nid = "eu"\nlabel = "European Union"\nshort = "EU"\n'


def fact(id: str, value: float, unit: str, usd: float | None = None) -> Fact:
    return Fact(
        id=id, article="a", exact="x", location=Location(0, 0, 1), source=SourceRef("f.toml"),  # type: ignore[arg-type]
        metric="Spending", value=value, unit=unit, usd=usd, period="2024", compare_key="k",
    )  # fmt: skip


def test_rows_follow_the_dimension_order_and_gaps_are_visible(make_pack: PackFactory) -> None:
    pack = load_pack(make_pack()).pack
    matrix = build_matrix(pack)
    assert [row.dimension.id for row in matrix.rows] == ["chips", "investment"]
    assert (matrix.left.id, matrix.right.id) == ("us", "china")
    investment = matrix.rows[1]
    assert investment.left.summary == "Far more private money."
    assert [h.id for h in investment.left.points] == ["f-us"]
    # China has no cell on investment and no highlight tagged with it: a gap, not a blank.
    assert not investment.right.covered
    assert GAP == "not covered in these articles"


def test_a_side_without_a_cell_still_shows_highlights_tagged_for_it(
    make_pack: PackFactory,
) -> None:
    tagged = HIGHLIGHTS.replace('sides = ["china"]', 'sides = ["china"]\ndimensions = ["chips"]')
    pack = load_pack(make_pack({"highlights/wire.toml": tagged})).pack
    chips = build_matrix(pack).rows[0]
    assert chips.right.summary is None
    assert [h.id for h in chips.right.points] == ["f-china"]
    assert chips.right.covered


def test_swapped_sides_mirror_the_cells(make_pack: PackFactory) -> None:
    pack = load_pack(make_pack()).pack
    normal, swapped = build_matrix(pack), build_matrix(pack, ("china", "us"))
    assert swapped.left.id == "china"
    for a, b in zip(normal.rows, swapped.rows, strict=True):
        assert a.left == b.right and a.right == b.left
    pair_ = swapped.rows[1].figures[0]
    assert (pair_.left.id, pair_.right.id) == ("f-china", "f-us")


def test_more_than_two_sides(make_pack: PackFactory) -> None:
    pack = load_pack(make_pack({"pack.toml": THIRD_SIDE})).pack
    assert default_sides(pack) == ("us", "china")
    matrix = build_matrix(pack, parse_sides("eu, us", pack))
    assert (matrix.left.short, matrix.right.short) == ("EU", "US")
    assert not matrix.rows[0].left.covered
    with pytest.raises(SidesError, match="this pack's sides: us, china, eu"):
        parse_sides("us,mars", pack)
    with pytest.raises(SidesError, match="two different sides"):
        parse_sides("us,us", pack)


def test_figures_pair_on_one_scale_with_a_ratio(make_pack: PackFactory) -> None:
    pack = load_pack(make_pack()).pack
    (pair_,) = build_matrix(pack).rows[1].figures
    assert pair_.comparable and pair_.unit == "USD"
    assert pair_.ratio == pytest.approx(109.1 / 9.3)
    assert pair_.larger == "left"
    assert summary_line(pair_, "US", "China") == "US $109.1 bn · China $9.3 bn · 11.7×"


def test_bundled_pack_draws_the_private_investment_pair() -> None:
    matrix = build_matrix(load_pack(bundled_content_dir()).pack)
    (pair_,) = matrix.figures
    assert (pair_.left.id, pair_.right.id) == ("f-us-private-2024", "f-china-private-2024")
    assert summary_line(pair_, "US", "China") == "US $109.1 bn · China $9.3 bn · 11.7×"
    # The fact both sides share (the ratio itself) is a point, never half of a pair.
    assert all("f-us-china-ratio" not in (p.left.id, p.right.id) for p in matrix.figures)


def test_different_units_get_no_bar_and_say_why() -> None:
    pages, dollars = fact("a", 28, "pages"), fact("b", 5, "USD")
    pair_ = pair("k", pages, dollars)
    assert not pair_.comparable and pair_.ratio is None
    assert "different units (pages and USD)" in summary_line(pair_, "US", "China")
    assert "no bar" in summary_line(pair_, "US", "China")


def test_currency_is_converted_only_through_the_sources_own_equivalent() -> None:
    yuan_with_usd = fact("a", 600e9, "CNY", usd=84e9)
    yuan_alone = fact("b", 600e9, "CNY")
    dollars = fact("c", 109.1e9, "USD")
    converted = pair("k", dollars, yuan_with_usd)
    assert converted.unit == "USD" and converted.right_value == 84e9
    assert "given as approximately" not in summary_line(converted, "US", "China")
    assert "$84 bn (given as 600 bn yuan" in summary_line(converted, "US", "China")
    refused = pair("k", dollars, yuan_alone)
    assert not refused.comparable
    assert "no dollar equivalent in the source" in refused.reason


def test_ratio_edge_cases() -> None:
    assert ratio_text(pair("k", fact("a", 5, "t"), fact("b", 5, "t"))) == "equal"
    assert pair("k", fact("a", 0, "t"), fact("b", 5, "t")).ratio is None
    assert pair("k", fact("a", float("inf"), "t"), fact("b", 5, "t")).reason


def test_bars_share_one_scale() -> None:
    assert bar(100, 100, 10) == "█" * 10
    assert bar(50, 100, 10) == "█" * 5
    assert bar(1, 1000, 10) == "▏"  # never invisible when above zero
    assert bar(0, 100, 10) == "" and bar(5, 0, 10) == ""
    assert bar(9.3, 109.1, 24) == "██"  # 2.05 cells, to the nearest eighth
    assert bar(10, 100, 24) == "██▍"  # 2.4 cells


def test_a_saved_compare_place_is_found_by_ids_and_falls_back_when_gone() -> None:
    pack = load_pack(bundled_content_dir()).pack
    matrix = build_matrix(pack, ("us", "china"))
    chips = next(n for n, row in enumerate(matrix.rows) if row.dimension.id == "chips")
    last = len(matrix.rows[chips].right.points) - 1
    assert matrix.locate("chips", "china", 1) == (chips, "right", 1)
    assert matrix.locate("chips", "china", 99) == (chips, "right", last)
    assert matrix.locate("gone", "mars", 3)[:2] == (0, "left")
    status = matrix.status(chips, "right", 1)
    assert status.startswith(f"{matrix.rows[chips].dimension.title} ({chips + 1}/")
    assert status.endswith(f"China · point 2/{last + 1}")
