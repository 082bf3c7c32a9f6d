"""Resize storms: 200 sizes per screen, 0x0 and 1x1 included, on every screen; the app survives."""

from __future__ import annotations

import random

import pytest

from aiplan_tui.ui.screens.too_small import TooSmallScreen
from conftest import make_app

pytestmark = pytest.mark.slow

SCREENS = {
    "reader": [],
    "compare": ["2"],
    "quotes": ["3"],
    "search": ["slash", "c", "h", "i", "p"],
    "help": ["question_mark"],
    "theme picker": ["t"],
}
EDGES = [(0, 0), (1, 1), (39, 11), (40, 12), (60, 20), (80, 24), (200, 60)]


@pytest.mark.parametrize("screen", list(SCREENS))
async def test_a_resize_storm_leaves_the_screen_working(screen: str) -> None:
    app = make_app()
    rng = random.Random(f"storm-{screen}")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*SCREENS[screen])
        await pilot.pause()
        shown = type(app.screen)
        sizes = [*EDGES, *((rng.randint(0, 220), rng.randint(0, 70)) for _ in range(33))]
        rng.shuffle(sizes)
        for number, (width, height) in enumerate(sizes):
            await pilot.resize_terminal(width, height)
            if number % 4 == 0:
                await pilot.pause()
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert type(app.screen) is shown  # back where it was, nothing stacked twice
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)
        await pilot.press("escape", "1")  # and it still answers keys
        await pilot.pause()
        assert app.screen is app.reader
    assert app.return_code in (None, 0)
