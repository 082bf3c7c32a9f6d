"""Chinese, and Chinese mixed with English, at 80x24 and 120x40 on the reader, search, Compare,
Quotes and Review: every line the screen's width, each text widget's text all drawn inside it
and wrapped between characters, a cut title cut after a whole character (issue 31). The pack:
chinese_pack.py; the snapshots of the Chinese article: test_wide_text.py."""

from __future__ import annotations

import itertools

import pytest
from rich.cells import cell_len
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.screen import Screen
from textual.selection import SELECT_ALL, Selection
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList

import chinese_pack as zh
from aiplan_tui.ui.wide_text import NO_LINE_START, units
from aiplan_tui.ui.widgets.article_view import ParagraphView
from aiplan_tui.ui.widgets.navigator import Navigator
from conftest import PackFactory, until

SIZES = [(80, 24), (120, 40)]


async def on_search(pilot: Pilot[None]) -> None:
    await pilot.press("slash")
    await until(pilot, lambda: pilot.app.screen.query("#search-results"), "the search screen")
    await pilot.press(*"治理")
    results = pilot.app.screen.query_one("#search-results", OptionList)
    await until(pilot, lambda: results.option_count >= 3, "the search results")


CHINESE_SCREENS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "reader-mixed": ((), (".article-title", "ParagraphView"), (zh.MIXED_TITLE[:6], "开放合作")),
    "reader": (
        ("right_square_bracket", "h"),
        (".article-title", "ParagraphView", ".card"),
        (zh.TITLE[:8], zh.OUTLET, zh.RUN[:10], "“我们愿同各国一道"),
    ),
    "search": ((), ("#search-results",), ("治理", "中国主张")),
    "compare": (("2",), (".summary", ".point", ".cell-label"), ("反对技术封锁", "多边机制")),
    "quotes": (("3",), ("#quote-preview",), (zh.QUOTE[:6], "— 李强")),
    "review": (("4",), ("#review-preview",), (zh.SUGGESTED_WORDS, zh.TITLE[:6])),
}
"""Keys that open each screen, the widgets whose text is checked line by line there, and
words that must be drawn."""
NO_SPACES = str.maketrans("", "", " \n")


def fully_shown(widget: Widget) -> bool:
    """The widget is drawn whole: every container around it shows all of it."""
    region = widget.region
    return bool(region) and all(
        ancestor.region.contains_region(region)
        for ancestor in widget.ancestors
        if isinstance(ancestor, Widget) and not isinstance(ancestor, Screen)
    )


def check_lines(widget: Widget, strips: list[Strip]) -> int:
    """The widget's text is all drawn, in its order, inside its content region: nothing runs
    past the edge or is lost. A one-line-of-text widget (no line breaks of its own) wraps
    greedily: each line is as full as the next line's first piece allows, and no line
    starts with a closing mark. Returns how many lines were checked."""
    box = widget.content_region
    lines = [strips[y].crop(box.x, box.right).text for y in range(box.y, box.bottom)]
    text = str(widget.render())
    assert "".join(lines).translate(NO_SPACES) == text.translate(NO_SPACES), lines
    if "\n" not in text:
        drawn = [line.rstrip() for line in lines if line.strip()]
        for line, after in itertools.pairwise(drawn):
            first = next(units(after)).rstrip()
            assert cell_len(line) + cell_len(first) >= box.width, f"{line!r} then {after!r}"
            assert after[0] not in NO_LINE_START, f"a line starts with a closing mark: {after!r}"
    return len(lines)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(CHINESE_SCREENS))
async def test_chinese_wraps_between_characters_and_no_line_runs_over(
    make_pack: PackFactory, screen: str, size: tuple[int, int]
) -> None:
    """Chinese and mixed Chinese and English on every screen: each line the screen's width,
    each text widget's text all drawn inside it, breaking between characters."""
    width, height = size
    keys, checked_widgets, words = CHINESE_SCREENS[screen]
    app = zh.chinese_app(make_pack)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if screen == "search":
            await on_search(pilot)
        else:
            await pilot.press(*keys)
        await until(pilot, lambda: not app.screen.query(".-flash"), "the flash to end")
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        assert len(strips) == height
        for y, strip in enumerate(strips):
            assert strip.cell_length == width, f"row {y}: {strip.cell_length} cells"
            assert cell_len(strip.text) == width, f"row {y}: {strip.text!r}"
        drawn = "\n".join(strip.text for strip in strips)
        for word in words:
            assert word in drawn, f"{word!r} not drawn on {screen} at {width}x{height}"
        if screen == "search":  # the first result, the whole summary over its lines
            box = app.screen.query_one("#search-results").content_region
            shown = "".join(strips[y].crop(box.x, box.right).text for y in range(box.y, box.bottom))
            assert zh.SUMMARY.translate(NO_SPACES) in shown.translate(NO_SPACES), shown
            return
        lines = 0
        for selector in checked_widgets:
            for widget in app.screen.query(selector):
                if fully_shown(widget):
                    lines += check_lines(widget, strips)
        assert lines >= 2, f"fewer than two lines checked on {screen} at {width}x{height}"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_navigator_cuts_a_chinese_title_after_the_last_whole_character(
    make_pack: PackFactory, size: tuple[int, int]
) -> None:
    """Each character two cells: as many as fit, then "…", the line its pane's width."""
    app = zh.chinese_app(make_pack)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        box = app.screen.query_one(Navigator).content_region
        strips = app.screen._compositor.render_strips()
        rows = [strips[y].crop(box.x, box.right).text for y in range(box.y, box.bottom)]
        row = next(row for row in rows if zh.TITLE[:4] in row)
        start = row.index(zh.TITLE[:4])
        label = row[start:].rstrip()
        full = f"{zh.TITLE}  {zh.OUTLET} · 2"
        kept = label.removesuffix("…")  # the … right after the last character kept
        assert label.endswith("…") and full.startswith(kept) and len(kept) < len(full), row
        assert cell_len(row) == box.width
        before = cell_len(row[:start])
        assert before + cell_len(kept) + 1 <= box.width  # what is kept and the "…" fit
        assert before + cell_len(full[: len(kept) + 1]) + 1 > box.width  # one more would not


async def test_a_selection_across_a_break_copies_the_text(make_pack: PackFactory) -> None:
    """Selecting with the mouse works on the lines as drawn; what it copies is the paragraph's
    own text: from the second drawn line to the third line's third character, and all of it."""
    app = zh.chinese_app(make_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(ParagraphView), "the mixed article")
        await pilot.pause()
        view = app.screen.query(ParagraphView).first()
        box = view.content_region
        strips = app.screen._compositor.render_strips()
        lines = [strips[y].crop(box.x, box.right).text.rstrip() for y in range(box.y, box.bottom)]
        paragraph = str(view.render())
        assert "\n" not in paragraph and len(lines) > 3 and not paragraph.isascii()
        start = paragraph.index(lines[1])
        between = paragraph[start + len(lines[1]) : paragraph.index(lines[2], start)]
        assert between.strip() == ""  # the spaces where the line broke, if any
        chosen = view.get_selection(Selection(Offset(0, 1), Offset(3, 2)))
        assert chosen == (lines[1] + between + lines[2][:3], "\n")
        assert view.get_selection(SELECT_ALL) == (paragraph, "\n")
