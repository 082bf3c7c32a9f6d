"""What people see: the reader, quotes and help at the three sizes the layout is built for."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from aiplan_tui.paths import bundled_themes_dir
from aiplan_tui.ui.startup import Startup
from conftest import PackFactory, make_app, until
from reviewing import review_pack

SIZES = [(120, 40), (80, 24), (60, 20)]


def settled(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press the keys, let the flash end and drop notices, so what is captured is steady."""

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await until(pilot, lambda: not pilot.app.screen.query(".-flash"), "the flash to end")
        pilot.app.clear_notifications()
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reader_on_a_quote(snap_compare: Any, size: tuple[int, int]) -> None:
    """The first quote current: marked in the text, its card in the pane (when shown)."""
    assert snap_compare(make_app(), terminal_size=size, run_before=settled("right_square_bracket"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_quotes_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=settled("3", "j"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, press=["question_mark"])


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_reader_with_the_highlights_pane_shown(snap_compare: Any, size: tuple[int, int]) -> None:
    """`h` beside the article from 80 columns (the navigator narrows, then gives way, so the
    article keeps its measure); below 80 the highlights pane is the one pane shown."""
    show = ("h",) if size[0] >= 80 else ("tab", "tab")
    assert snap_compare(
        make_app(), terminal_size=size, run_before=settled("right_curly_bracket", *show)
    )


@pytest.mark.parametrize("size", [(30, 10), (12, 4)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_too_small(snap_compare: Any, size: tuple[int, int]) -> None:
    """The whole notice, wrapped; nothing of the app around it."""
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("theme", ["aiplan-light", "aiplan-ansi"])
def test_the_focused_pane_is_unmistakable(snap_compare: Any, theme: str) -> None:
    """The article has the focus: its rule heavy, its title reversed; the others plain."""
    themed = make_app(startup=Startup(theme=theme))
    assert snap_compare(themed, terminal_size=(80, 24), run_before=settled("tab"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_compare_on_the_investment_row(snap_compare: Any, size: tuple[int, int]) -> None:
    """The row with a figure pair: both bars on one scale, then each side's points."""
    assert snap_compare(make_app(), terminal_size=size, run_before=settled("2", "j", "j"))


BUNDLED_THEMES = sorted(path.stem for path in bundled_themes_dir().glob("*.toml"))


@pytest.mark.parametrize("theme", BUNDLED_THEMES)
def test_reader_in_each_bundled_theme(snap_compare: Any, theme: str) -> None:
    """Each theme on the same view: a quote current, highlights of every kind in the text."""
    themed = make_app(startup=Startup(theme=theme))
    assert snap_compare(
        themed, terminal_size=(100, 30), run_before=settled("right_square_bracket", "h")
    )


def test_review_on_a_suggested_quote(snap_compare: Any, make_pack: PackFactory) -> None:
    """Review at 100x30: the suggestions listed, the first in its paragraph, its words marked,
    what is proposed under it, the count and the keys."""
    app = make_app(review_pack(make_pack))
    assert snap_compare(app, terminal_size=(100, 30), run_before=settled("4"))


def test_loading_screen_after_a_failed_load(snap_compare: Any) -> None:
    """A large pack loaded after the first frame (issue 16), whose folder went away: what
    was being read, and why it could not be. (The screen while loading has an animation.)"""
    from pathlib import Path

    from test_loading import loading_app

    async def failed(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: pilot.app.screen.query("#loading-failed"), "the failure")
        await pilot.pause()

    app = loading_app(Path("/nonexistent/aiplan-pack"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=failed)
