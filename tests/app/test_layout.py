"""The reader at every width: the article keeps a readable measure whatever panes are shown,
the cursor's paragraph stays in view through any layout change, and lines that do not fit
are cut with an ellipsis, never scrolled sideways."""

from __future__ import annotations

import pytest
from textual.widgets import ContentSwitcher

from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.screens.panes import CENTER_LEAST, NAVIGATOR_LEAST, pane_widths
from aiplan_tui.ui.widgets.navigator import Navigator
from conftest import make_app, until


def test_the_article_keeps_its_measure_at_every_width() -> None:
    for width in range(80, 301):
        for cards in (False, True):
            navigator, cards_width = pane_widths(width, cards)
            assert width - navigator - cards_width >= CENTER_LEAST, (width, cards)
            assert navigator == 0 or navigator >= NAVIGATOR_LEAST, (width, cards)
            assert (cards_width > 0) == cards
    assert pane_widths(80, True)[0] == 0  # the navigator gives way to the highlights
    assert pane_widths(100, True)[0] >= NAVIGATOR_LEAST  # and comes back with room


def center_width(app: AiplanApp) -> int:
    return app.reader.query_one(ContentSwitcher).size.width


def cursor_in_view(app: AiplanApp) -> bool:
    view = app.reader.article_view
    paragraph = view.paragraph_view(view.paragraph)
    assert paragraph is not None
    top, height = view.scroll_offset.y, view.size.height
    region = paragraph.virtual_region
    if not region.height:
        return False  # not laid out yet
    return top <= region.y and region.y + min(region.height, height) <= top + height


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_h_leaves_the_article_readable(size: tuple[int, int]) -> None:
    """At 80x24 `h` left the article 2-4 columns wide; at 100x30 about 22."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await until(pilot, lambda: app.reader.query_one("#cards").display, "the highlights")
        await pilot.pause()
        assert center_width(app) >= CENTER_LEAST
        navigator = app.reader.query_one(Navigator)
        assert navigator.display == (size[0] >= 100)
        await pilot.press("tab")  # the panes tab goes through are the ones shown
        await pilot.pause()
        assert app.reader.pane in ("center", "cards")


@pytest.mark.parametrize(
    "change", ["h", "resize:80x24", "resize:60x20", "resize:100x30"], ids=lambda c: c
)
async def test_the_cursor_paragraph_stays_in_view_after_a_layout_change(change: str) -> None:
    """On the WAIC article at paragraph 4, `h` showed paragraphs 1-2 with `paragraph 4/10`."""
    app = make_app()
    start = (80, 24) if change == "resize:60x20" else (100, 30)
    async with app.run_test(size=start) as pilot:
        await pilot.pause()
        second = app.pack.articles[1]
        app.reader.open_paragraph(second.id, 3, flash=False)
        await until(pilot, lambda: cursor_in_view(app), "paragraph 4 in view")
        if change == "h":
            await pilot.press("h")
        else:
            columns, lines = (int(n) for n in change.split(":")[1].split("x"))
            await pilot.resize_terminal(columns, lines)
        if app.size.width < 80:
            app.reader.focus_pane("center")
        await until(pilot, lambda: cursor_in_view(app), "the cursor's paragraph in view")
        assert app.reader.article_view.paragraph == 3


async def test_navigator_lines_are_cut_with_an_ellipsis_and_never_scroll_sideways() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        navigator = app.reader.query_one(Navigator)
        await pilot.press("end")  # down to the long lines of the dimensions
        await pilot.pause()
        assert navigator.virtual_size.width <= navigator.scrollable_content_region.width
        assert navigator.max_scroll_x == 0 and not navigator.show_horizontal_scrollbar
        lines = [
            line.text.rstrip() for line in navigator.render_lines(navigator.region.reset_offset)
        ]
        assert any(line.endswith("…") for line in lines), lines


async def test_shift_tab_after_opening_a_search_result_moves_to_the_navigator() -> None:
    """After opening a result, `shift+tab` then `j` moved the paragraph, not the navigator."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.search.index is not None, "the search index")
        await pilot.press("slash", *"monopolistic")
        await until(
            pilot,
            lambda: "result" in str(app.screen.query_one("#search-count").render()),
            "results",
        )
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is app.reader, "the reader")
        await pilot.pause()
        paragraph = app.reader.article_view.paragraph
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.reader.pane == "navigator"
        assert isinstance(app.screen.focused, Navigator)
        await pilot.press("j")
        assert app.reader.article_view.paragraph == paragraph
