"""What the Review pilot tests share: a pack with three suggestions (one file of them, and the
analyst they quote), Review opened on it under a pilot, and ways to read what it shows and
wrote."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import tomli
from textual.pilot import Pilot
from textual.widgets import Static

from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.screens.review import ReviewScreen
from aiplan_tui.ui.startup import Startup
from conftest import ENTITIES, PackFactory, make_app, until

SUGGESTED = """\
# Suggested by `aiplan-tui add` for articles/wire.md: each says why above it.

# suggested: a remark reported in indirect speech
[[quote]]
id = "q-restricted"
article = "wire"
status = "suggested"
speaker = "maria-lopez"
direct = false
exact = "The U.S. restricted chip exports"

# suggested: a sentence stating what the U.S. does
[[position]]
id = "p-investment"
article = "wire"
status = "suggested"
side = "us"
exact = "Private AI investment reached"

# suggested: a date-like phrase
[[event]]
id = "e-china"
article = "wire"
status = "suggested"
date = 2025-07-29
exact = "in China"
"""

LOPEZ = """
[[entity]]
id = "maria-lopez"
name = "Maria Lopez"
kind = "person"
role = "trade analyst"
"""

FILE = "highlights/wire-review.toml"


def review_pack(make_pack: PackFactory) -> Path:
    return make_pack({FILE: SUGGESTED, "entities.toml": ENTITIES + LOPEZ})


def screen_of(app: AiplanApp) -> ReviewScreen:
    screen = app.screen
    assert isinstance(screen, ReviewScreen), screen
    return screen


def current(app: AiplanApp) -> str | None:
    highlight = screen_of(app).current()
    return highlight.id if highlight else None


def status(app: AiplanApp) -> str:
    return str(app.screen.query_one("#review-status", Static).render())


def said(app: AiplanApp) -> str:
    return app.notices[-1].message if app.notices else ""


def tables(path: Path) -> dict[str, dict[str, object]]:
    data = tomli.loads(path.read_text(encoding="utf-8"))
    return {t["id"]: {"kind": kind, **t} for kind, ts in data.items() for t in ts}


async def open_review(app: AiplanApp, pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("4")
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review screen")
    await until(pilot, lambda: current(app) is not None, "a suggestion under the cursor")


async def open_dialog(pilot: Pilot[None], key: str, kind: type) -> None:
    await pilot.press(key)
    await until(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)


@asynccontextmanager
async def reviewing(
    root: Path,
    size: tuple[int, int] = (100, 30),
    notifications: bool = False,
    startup: Startup | None = None,
) -> AsyncIterator[tuple[AiplanApp, Pilot[None]]]:
    """The app on the pack at `root` (with `startup`), run under a pilot, on Review with a
    suggestion under the cursor."""
    app = make_app(root, startup)
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await open_review(app, pilot)
        yield app, pilot
