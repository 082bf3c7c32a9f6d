"""A newcomer's first session at 80x24, in a real terminal: the tasks the usability pass
timed, each with the text readable and the focused pane named on screen at every step."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from e2e.terminal import Tmux
from e2e.tour import QUOTES, launch, quit_and_check_restored, start_shell

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

FOCUSED = re.compile(r"━ (Contents|Article|Listing|Highlights) ━")
"""The rule over the pane with the focus: heavy, with the pane's name."""
QUOTE_AT = re.compile(rf"\(quote (\d+)/{QUOTES}\)")


def focused_pane(screen: str) -> str | None:
    found = FOCUSED.search(screen)
    return found.group(1) if found else None


def readable(screen: str) -> bool:
    """No run of lines holding a few letters each (`h` once left the article `in`, `tr`,
    `od`); bars, rules and scrollbars alone do not count."""
    lines = [line.strip(" ▌▏▎▊▄▂▁▃▅▇") for line in screen.splitlines()[2:-2]]
    stubs = [line for line in lines if 0 < len(line) <= 4 and re.search(r"\w", line)]
    return len(stubs) < 3


def test_a_first_session_at_80x24(tmux: Tmux, pane_env: dict[str, str], home: Path) -> None:
    before = start_shell(tmux, pane_env, 80, 24)
    launch(tmux)
    assert focused_pane(tmux.capture()) == "Contents"

    # Find the Premier's words on monopolies, and land on them with the article focused.
    tmux.send("/")
    tmux.wait_for("Type to search.")
    tmux.type("monopolistic")
    tmux.wait_until(lambda s: re.search(r"^\d+ results?$", s, re.MULTILINE) is not None, "results")
    tmux.send("Enter")
    screen = tmux.wait_until(
        lambda s: "monopolistic" in s and "match 1 of" in s and focused_pane(s) == "Article",
        "the match, in the article with the focus",
    )
    assert readable(screen), screen

    # The highlights beside it: the article keeps its measure.
    tmux.send("h")
    screen = tmux.wait_for("Highlights")
    assert readable(screen) and "monopolistic" in screen, screen

    # Compare investment.
    tmux.send("2", "j", "j")
    screen = tmux.wait_for("Investment and industry (3/7)")
    assert readable(screen), screen

    # Copy a George Chen quote from the quotes list.
    tmux.send("3")
    tmux.wait_for(f"{QUOTES} quotes")
    tmux.send("f")
    tmux.type("chen")
    tmux.wait_for(f"3 of {QUOTES} quotes")
    tmux.send("Down", "Down", "y")
    tmux.wait_for("Copied with its source:")

    # Walk every quote, to the end; the end is said, and stays long enough to read.
    tmux.send("1")
    tmux.wait_until(lambda s: focused_pane(s) and "Filter by" not in s, "the reader")
    tmux.send("]")  # from the monopolies paragraph, where the search left the cursor
    screen = tmux.wait_until(lambda s: QUOTE_AT.search(s) is not None, "a quote")
    at = QUOTE_AT.search(screen)
    assert at is not None
    for number in range(int(at.group(1)) + 1, QUOTES + 1):
        tmux.send("]")
        tmux.wait_for(f"(quote {number}/{QUOTES})")
    screen = tmux.wait_for("last quote")
    assert focused_pane(screen) is not None and readable(screen), screen

    # Change the theme, quit, and come back to it.
    tmux.send("t")
    tmux.wait_for("enter keeps · escape cancels")
    tmux.send("End", "Enter")
    chosen = re.search(r"Theme: (\S+)", tmux.wait_for("Theme: "))
    assert chosen is not None
    quit_and_check_restored(tmux, before)
    state = json.loads((home / ".local/state/aiplan-tui/state.json").read_text(encoding="utf-8"))
    assert state["theme"] == chosen.group(1)
    # The last quote is in the second article: the next session reopens there, as the README
    # says, not on the first article's first paragraph (which the first frame may show
    # before the place is restored, so waiting for it was a race).
    assert (state["screen"], state["article"]) == ("reader", "waic-governance")
    last = load_pack(bundled_content_dir()).pack.article("waic-governance")
    assert last is not None
    place = f"paragraph {state['paragraph'] + 1}/{len(last.paragraphs)}"
    launch(tmux, shows=(place, "At WAIC, China pushes"))
    # In that theme: the picker opens on it (enter keeps it, and says which).
    tmux.send("t")
    tmux.wait_for("enter keeps · escape cancels")
    tmux.send("Enter")
    tmux.wait_for(f"Theme: {chosen.group(1)}")
    quit_and_check_restored(tmux, before)
