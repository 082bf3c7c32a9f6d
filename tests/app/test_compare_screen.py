"""The Compare screen through the pilot: every key, the gap, the bars and the stacked layout."""

from __future__ import annotations

from markdown_it import MarkdownIt
from textual.widgets import Input, OptionList, Static

from aiplan_tui.compare.matrix import GAP
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.screens.compare import CompareScreen
from aiplan_tui.ui.screens.side_picker import SidePicker
from aiplan_tui.ui.widgets.compare_rows import FiguresView, PointView
from conftest import PACK_TOML, PackFactory, make_app, until

THREE_SIDES = PACK_TOML + '\n[[side]]\nid = "eu"\nlabel = "European Union"\nshort = "EU"\n'


def search_count(app: AiplanApp) -> str:
    """The search screen's count line: "Indexing the pack…", or "3 results"."""
    return str(app.screen.query_one("#search-count").render())


def selected(screen: CompareScreen) -> str | None:
    point = screen.current_point()
    return point.highlight.id if point is not None else None


def status(screen: CompareScreen) -> str:
    return str(screen.query_one("#compare-status", Static).render())


async def test_two_opens_compare_with_the_first_side_on_the_left() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        header = [str(s.render()) for s in screen.query(".side-label").results(Static)]
        assert header == ["United States", "China"]
        titles = [row.row.dimension.title for row in screen.rows]
        assert titles[0] == "Governance approach" and len(titles) == 7
        assert selected(screen) == "p-us-plan-aims"
        assert status(screen).startswith("Governance approach (1/7) · US · point 1/3")


async def test_j_and_k_move_row_by_row_with_both_sides_in_step() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "j", "j")
        screen = app.compare_screen
        assert screen.rows[screen.row].row.dimension.id == "investment"
        # Both cells of the row sit side by side: same top edge on screen.
        left, right = screen.rows[screen.row].cells
        await pilot.pause()
        assert left.region.y == right.region.y
        await pilot.press("k")
        assert screen.rows[screen.row].row.dimension.id == "plans"
        await pilot.press("G")
        assert screen.row == 6
        await pilot.press("g")
        assert screen.row == 0


async def test_sides_points_and_cross() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "l")
        screen = app.compare_screen
        assert screen.side == "right" and selected(screen) == "q-li-vision"
        await pilot.press("n", "n")
        assert selected(screen) == "q-li-coordination"
        await pilot.press("N")
        assert selected(screen) == "q-li-fragmented"
        await pilot.press("h")
        assert screen.side == "left"
        await pilot.press("tab")
        assert screen.side == "right"
        # Signals of cooperation: both sides cite the Stockholm meeting; x keeps it selected.
        await pilot.press("G", "h", "n")
        assert selected(screen) == "e-stockholm-meeting"
        await pilot.press("x")
        assert screen.side == "right" and selected(screen) == "e-stockholm-meeting"


async def test_n_at_the_last_point_says_so(make_pack: PackFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("2", "N")
        await pilot.pause()
        assert any("first point" in n.message for n in app.notices)
        assert selected(app.compare_screen) == "p-us-plan-aims"


async def test_enter_opens_the_point_at_its_source() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "j", "j", "l", "n", "enter")
        await pilot.pause()
        assert app.screen is app.reader
        assert app.reader.current is not None
        assert app.reader.current.id == "f-china-core-industry"
        await pilot.press("2")  # and back, where we were
        assert selected(app.compare_screen) == "f-china-core-industry"


async def test_swap_puts_china_on_the_left_and_keeps_the_cursor_on_its_side() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "j", "l", "s")
        await pilot.pause()
        screen = app.compare_screen
        header = [str(s.render()) for s in screen.query(".side-label").results(Static)]
        assert header == ["China", "United States"]
        assert screen.row == 1 and screen.side == "left"
        assert screen.rows[1].row.left.side.id == "china"
        assert "China" in status(screen)


async def test_the_gap_is_visible_and_enter_on_it_explains(make_pack: PackFactory) -> None:
    app = make_app(make_pack())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("2", "j", "l")
        await pilot.pause()
        screen = app.compare_screen
        cell = screen.current_cell()
        assert cell is not None
        assert [str(g.render()) for g in cell.query(".gap").results(Static)] == [GAP]
        assert "not covered" in status(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert any("China is not covered" in n.message for n in app.notices)


async def test_figures_draw_bars_on_one_scale() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "j", "j")
        await pilot.pause()
        (figures,) = app.compare_screen.query(FiguresView)
        text = str(figures.render())
        assert "US $109.1 bn · China $9.3 bn · 11.7×" in text
        us_line, china_line = (line for line in text.splitlines() if "█" in line)
        assert us_line.count("█") > 10 * china_line.count("█") > 0


async def test_pick_sides_with_three_sides(make_pack: PackFactory) -> None:
    app = make_app(make_pack({"pack.toml": THREE_SIDES}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "S")
        await pilot.pause()
        assert isinstance(app.screen, SidePicker)
        options = app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels == [
            "United States and China",
            "United States and European Union",
            "China and European Union",
        ]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        matrix = app.compare_screen.matrix
        assert matrix is not None and (matrix.left.id, matrix.right.id) == ("china", "eu")


async def test_pick_sides_is_hidden_with_two_sides() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        keys = {b.binding.key for b in app.screen.active_bindings.values() if b.enabled}
        assert "S" not in keys and "s" in keys
        await pilot.press("S")
        assert app.screen is app.compare_screen


async def test_below_100_columns_the_sides_stack() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.compare_screen
        assert screen.has_class("-stacked")
        left, right = screen.rows[0].cells
        assert right.region.y > left.region.y and right.region.x == left.region.x
        await pilot.press("x")
        await pilot.pause()
        # The China cell, below, is scrolled into view.
        point = screen.current_point()
        assert isinstance(point, PointView)
        assert screen.query_one("#compare-rows").region.contains_region(point.region)


async def test_a_comparison_search_result_opens_its_row(make_pack: PackFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await until(pilot, lambda: app.search.index is not None, "the search index")
        app.screen.query_one(Input).value = "kind:compare homegrown"  # as if pasted
        await until(pilot, lambda: "result" in search_count(app), "the search results")
        await pilot.press("enter")
        screen = app.compare_screen
        await until(pilot, lambda: app.screen is screen, "Compare")
        assert screen.rows[screen.row].row.dimension.id == "chips"
        assert screen.side == "right"


def markdown_text(markdown: str) -> tuple[list[str], str]:
    """The headings of `markdown` (parsed as CommonMark), and every word a reader sees."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    headings = [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open"]
    words = " ".join(
        child.content
        for token in tokens
        if token.children
        for child in token.children
        if child.type == "text"
    )
    return headings, words


async def test_y_copies_the_row_as_markdown_both_sides_with_figures_and_citations() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("]")  # a quote in the reader: what `y` copies elsewhere
        await pilot.press("2", "j", "j")
        screen = app.compare_screen
        row = screen.rows[screen.row].row
        assert row.dimension.id == "investment"
        await pilot.press("y")
        await until(pilot, lambda: app.clipboard, "the copy")
        headings, words = markdown_text(app.clipboard)
        assert headings == ["Investment and industry", "United States", "China", "Figures"]
        for cell in (row.left, row.right):
            assert cell.summary and cell.summary in words
        assert "Private AI investment: $109.1 bn (2024)" in words  # the figure, as on screen
        assert "US $109.1 bn · China $9.3 bn · 11.7×" in words
        cited = "At WAIC, China pushes for global AI governance in the wake of the U.S. action plan"
        assert words.count(f"[{cited}], ¶7") >= 3  # no outlet; a title the editors supplied
        assert "not given" not in words
        points = len(row.left.points) + len(row.right.points)
        assert words.count("¶") == points + 2  # a citation per point, and per figure
        assert app.notices[-1].message == (
            f"Copied row 'Investment and industry' as Markdown: 2 sides, {points} points"
        )
        await pilot.press("s", "y")  # the columns swapped: China first
        await until(pilot, lambda: markdown_text(app.clipboard)[0][1] == "China", "China first")


async def test_y_on_compare_says_which_side_is_not_covered_or_that_nothing_is(
    make_pack: PackFactory,
) -> None:
    app = make_app(make_pack())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: app.screen is app.compare_screen, "compare")
        assert app.screen.active_bindings["y"].binding.action == "copy_row"
        await pilot.press("y")  # Chips: neither side of the mini pack says a word
        await until(pilot, lambda: app.notices, "a notice")
        assert app.notices[-1].message == (
            "Nothing to copy: neither side covers 'Chips' in these articles."
        )
        assert app.clipboard == ""
        await pilot.press("j", "y")
        await until(pilot, lambda: app.clipboard, "the copy")
        headings, words = markdown_text(app.clipboard)
        assert headings == ["Investment", "United States", "China", "Figures"]
        assert "Far more private money." in words and GAP in words
        assert "(Chips and money, Example Wire, ¶2)" in app.clipboard
        assert app.notices[-1].message == "Copied row 'Investment' as Markdown: 2 sides, 1 point"
