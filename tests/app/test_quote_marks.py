"""Quotation marks (issue 32): a direct quotation in the Quotes list closes its marks at every
width, and words that hold a quotation of their own nest it in single marks (“‘AI plus’ plan
…”), never doubling an opening mark (““AI plus” plan …)."""

from __future__ import annotations

import pytest
from rich.style import Style

from aiplan_tui.compare.markdown import row_to_markdown
from aiplan_tui.compare.matrix import build_matrix
from aiplan_tui.core.formatting import citation, point_line, quoted
from aiplan_tui.core.markdown import point_item
from aiplan_tui.core.model import Quote
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.ui.screens.quotes import QuoteList
from conftest import make_app, until

PACK = load_pack(bundled_content_dir()).pack
AI_PLUS = "p-china-ai-plus"
"""A position whose words begin with a quotation: “AI plus” plan for integrating ..."""


def test_words_that_quote_are_nested_in_single_marks() -> None:
    assert quoted("“AI plus” plan") == "“‘AI plus’ plan”"
    assert quoted("plain words") == "“plain words”"
    assert quoted("it’s ‘fine’") == "“it’s ‘fine’”"


@pytest.mark.parametrize("width", [60, 80, 120, 200])
async def test_every_direct_quotation_in_the_list_closes_its_marks(width: int) -> None:
    app = make_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.press("3")
        tree = app.quotes_screen.query_one(QuoteList)
        await until(pilot, lambda: tree.root.children, "the quote list")
        leaves = [leaf for speaker in tree.root.children for leaf in speaker.children]
        direct = 0
        for leaf in leaves:
            quote = PACK.highlight(str(leaf.data))
            assert isinstance(quote, Quote)
            shown = tree.render_label(leaf, Style(), Style()).plain
            if quote.direct:
                direct += 1
                assert shown.startswith("“") and shown.endswith("”"), (width, shown)
            else:
                assert not shown.endswith("”") or quote.exact.endswith("”"), shown
            assert tree.get_label_width(leaf) <= tree.scrollable_content_region.width
        assert direct == sum(isinstance(q, Quote) and q.direct for q in PACK.highlights) >= 3


def test_no_citation_or_markdown_doubles_an_opening_mark() -> None:
    highlight = PACK.highlight(AI_PLUS)
    assert highlight is not None and highlight.exact.startswith("“AI plus”")
    for text in (citation(highlight, PACK), point_line(highlight, PACK),
                 point_item(highlight, PACK)):  # fmt: skip
        assert "““" not in text and "“‘AI plus’ plan for integrating" in text
    for row in build_matrix(PACK).rows:
        assert "““" not in row_to_markdown(row, PACK)


async def test_a_copied_compare_row_has_no_doubled_mark() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "j", "j")  # Investment and industry: China's “AI plus” plan
        screen = app.compare_screen
        assert screen.rows[screen.row].row.dimension.id == "investment"
        await pilot.press("y")
        await until(pilot, lambda: app.clipboard, "the copy")
        assert "““" not in app.clipboard
        assert "“‘AI plus’ plan for integrating the tech across industries”" in app.clipboard
