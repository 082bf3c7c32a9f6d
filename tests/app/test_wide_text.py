"""Wide, combining and right-to-left text keeps every line the screen's width and every pane
border in its column: CJK, emoji ZWJ sequences and flags, combining marks, Arabic, Hebrew."""

from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot

import chinese_pack as zh
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.ui.app import AiplanApp
from conftest import PackFactory, make_app, until

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
CODER = "\U0001f469\u200d\U0001f4bb"
FLAG = "\U0001f1fa\U0001f1f8"
ZALGO = "Z\u0335\u0321algo"
CAFE = "cafe\u0301"
ARABIC = "العربية"
HEBREW = "עברית"
TITLE = f"中文标题 {CODER} {FLAG} {HEBREW}"
QUOTE = f"我们正在形成两个阵营 {CODER} {ARABIC}"
SPEAKER = f"陈乔治 {HEBREW}"
SUMMARY = f"中文摘要 {FLAG} {CAFE} {ARABIC} {HEBREW} {FAMILY} 数据"
BODY = f"全角文字 {CODER} {FAMILY} {FLAG} {CAFE} {ZALGO}; {ARABIC} {HEBREW} beside English. " * 4
TOKENS = ("中文标题", CODER, FLAG, FAMILY, CAFE, ZALGO, ARABIC, HEBREW)

WIDE_PACK = {
    "pack.toml": f"""\
[pack]
id = "wide"
title = "宽字符 {FLAG}"

[[side]]
id = "us"
label = "美国 United States {FLAG}"
short = "美国"

[[side]]
id = "china"
label = "中国 China"
short = "CN"

[[dimension]]
id = "chips"
title = "芯片 {ARABIC}"
""",
    "articles/wire.md": f"""\
+++
title = "{TITLE}"
outlet = "{ARABIC} {HEBREW} 通讯社"
sides = ["us", "china"]
+++

{BODY}

陈 said {QUOTE} today, {CAFE}.

私人投资 reached 109 亿 in 美国 and only 9 亿 in CN.
""",
    "entities.toml": f"""\
[[entity]]
id = "chen"
name = "{SPEAKER}"
kind = "person"
role = "分析师 {CODER}"
""",
    "highlights/wire.toml": f"""\
[[quote]]
id = "q"
article = "wire"
exact = "{QUOTE}"
speaker = "chen"
direct = true
sides = ["china"]
dimensions = ["chips"]

[[fact]]
id = "f-us"
article = "wire"
exact = "109 亿"
metric = "私人投资 {FLAG}"
value = 109e8
unit = "CNY"
sides = ["us"]
dimensions = ["chips"]
compare_key = "private"

[[fact]]
id = "f-cn"
article = "wire"
exact = "only 9 亿"
metric = "私人投资 {FLAG}"
value = 9e8
unit = "CNY"
sides = ["china"]
compare_key = "private"
""",
    "comparison.toml": f"""\
[[cell]]
dimension = "chips"
side = "us"
summary = "{SUMMARY}"

[[cell]]
dimension = "chips"
side = "china"
summary = "{SUMMARY}"
highlights = ["q"]
""",
}

SIZES = [(80, 24), (120, 40)]
SCREENS = {
    "reader": (("right_square_bracket",), ("#cards", "ParagraphView.-current")),
    "quotes": (("3",), ("#quote-preview-pane",)),
    "compare": (("2",), (".cell",)),
}
"""Keys that open each screen, and the widgets whose left border must stay in one column."""
SHOWN = {
    "reader": (CODER, FLAG, FAMILY, CAFE, ZALGO, ARABIC, HEBREW, "我们正在形成两个阵营"),
    "quotes": ("陈乔治", HEBREW, "我们正在形成两个阵营", CODER, ARABIC, CAFE),
    "compare": ("中文摘要", FLAG, CAFE, ARABIC, HEBREW, FAMILY, "芯片", "美国", "私人投资"),
}


def wide_app(make_pack: PackFactory) -> AiplanApp:
    result = load_pack(make_pack(WIDE_PACK))
    assert result.problems.items == []
    return make_app(result)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
async def test_every_line_is_the_screen_width_and_borders_line_up(
    make_pack: PackFactory, screen: str, size: tuple[int, int]
) -> None:
    width, height = size
    keys, bordered = SCREENS[screen]
    app = wide_app(make_pack)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        assert len(strips) == height
        for y, strip in enumerate(strips):
            assert strip.cell_length == width, f"row {y}: {strip.cell_length} cells"
            assert cell_len(strip.text) == width, f"row {y}: {strip.text!r}"
        drawn = "\n".join(strip.text for strip in strips)
        for token in SHOWN[screen]:
            assert token in drawn, f"{token!r} not drawn on {screen} at {width}x{height}"
        checked = 0
        for selector in bordered:
            for widget in app.screen.query(selector):
                region = widget.region.intersection(app.screen.region)
                if not widget.display or not region or not widget.styles.border_left[0]:
                    continue
                x = region.x
                top = region.y + (1 if widget.styles.border_top[0] else 0)  # past a corner
                column = {strips[y].crop(x, x + 1).text for y in range(top, region.bottom)}
                assert len(column) == 1 and column != {" "}, f"{selector}: {column!r}"
                for y in range(region.y, region.bottom):
                    assert cell_len(strips[y].crop(0, x).text) == x, f"row {y} left of {x}"
                checked += 1
        assert checked, f"no bordered pane checked on {screen} at {width}x{height}"
        if screen == "compare":  # the figure bars of both sides start in one column
            figures = app.screen.query_one(".figures").region
            starts = {
                cell_len(text[: text.index("█")])
                for y in range(figures.y, figures.bottom)
                if "█" in (text := strips[y].text)
            }
            assert len(starts) == 1, f"bars start at columns {sorted(starts)}"


def test_reader_with_wide_text_snapshot(snap_compare: Any, make_pack: PackFactory) -> None:
    """The reader at 100x30 on the quote: CJK, emoji, combining marks, Arabic and Hebrew."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("right_square_bracket", "h")
        await until(pilot, lambda: not pilot.app.screen.query(".-flash"), "the flash to end")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(wide_app(make_pack), terminal_size=(100, 30), run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_chinese_article_snapshot(
    snap_compare: Any, make_pack: PackFactory, size: tuple[int, int]
) -> None:
    """The reader on the Chinese article's quote, the highlights pane shown: the navigator's
    cut titles, the paragraphs wrapped between characters, the cards."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("right_square_bracket", "h")
        await until(pilot, lambda: not pilot.app.screen.query(".-flash"), "the flash to end")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(zh.chinese_app(make_pack), terminal_size=size, run_before=run_before)
