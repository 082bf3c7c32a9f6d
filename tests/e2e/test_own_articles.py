"""A new user's own articles, in a real terminal: `init`, `add` three articles (a text file, a
saved page, an address served on loopback), review the suggestions in the app, and see an
accepted one on Compare."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

from aiplan_tui.pack.loader import load_pack
from aiplan_tui.ui.review_view import reading_order
from conftest import NEWS_PAGE, SEEDS
from e2e.terminal import STARTUP_TIMEOUT, Tmux
from e2e.tour import quit_and_check_restored, start_shell

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


def shell(tmux: Tmux, command: str, expect: str) -> str:
    """Run a command at the prompt, and wait for what it prints and the prompt after it."""
    tmux.run(f'{command}; echo "EXIT:$?"')
    status = tmux.wait_for_exit_status(STARTUP_TIMEOUT)
    screen = tmux.capture(joined=True)
    assert status == 0 and expect in screen, screen
    tmux.run("clear")
    tmux.wait_for_prompt()
    return screen


def test_init_add_review_and_compare(
    tmux: Tmux, pane_env: dict[str, str], tmp_path: Path, news_server: str
) -> None:
    pack = tmp_path / "briefs"
    before = start_shell(tmux, pane_env, 100, 30)
    shell(tmux, f"aiplan-tui init {pack}", "Created a new pack")
    text = next(SEEDS.glob("001_*.txt"))
    shell(tmux, f"aiplan-tui add {text} --content {pack} --outlet CNBC", "suggested highlights")
    shell(tmux, f"aiplan-tui add {NEWS_PAGE} --content {pack}", "suggested highlights")
    # The same page from its address: refused as already in the pack, unless asked again.
    tmux.run(f'aiplan-tui add {news_server}/news --content {pack}; echo "EXIT:$?"')
    assert tmux.wait_for_exit_status(STARTUP_TIMEOUT) != 0
    assert "already in the pack as articles/" in tmux.capture(joined=True)
    tmux.run("clear")
    tmux.wait_for_prompt()
    added = shell(tmux, f"aiplan-tui add {news_server}/news --content {pack} --id talks-again "
                  "--again", "Added articles/talks-again.md")  # fmt: skip
    assert "new person" in added or "suggested highlights" in added
    shell(tmux, f"aiplan-tui check {pack}", "0 errors")

    tmux.run(f'aiplan-tui --content {pack}; echo "EXIT:$?"')
    tmux.wait_for("paragraph 1/", timeout=STARTUP_TIMEOUT)
    tmux.send("4")
    screen = tmux.wait_for(" suggestions")
    assert "1 of " in screen, screen
    # The first suggestion Review lists, whatever the rules made: tag it, put it on Compare,
    # accept it.
    suggested = reading_order(load_pack(pack).pack)
    count, listed = len(suggested), suggested[0]
    assert f"1 of {count} suggestions" in screen, screen
    comparison = pack / "comparison.toml"

    def first() -> dict[str, object]:
        tables = tomli.loads(listed.source.path.read_text(encoding="utf-8"))
        return next(t for ts in tables.values() for t in ts if t["id"] == listed.id)

    tmux.send("D")
    tmux.wait_for("Which dimensions?")
    tmux.send("Down", "Space", "Enter")  # the second: the plans themselves
    tmux.wait_until(lambda _: first().get("dimensions") == ["plans"], "the dimension written")
    tmux.send("S")
    tmux.wait_for("Which sides?")
    tmux.send("Down", "Space", "Enter")  # the second: China
    tmux.wait_until(lambda _: first().get("sides") == ["china"], "the side written")
    tmux.send("c")
    tmux.wait_for("Compare has no cell for")
    tmux.type("China released its own plan on Saturday.")
    tmux.send("Enter")
    tmux.wait_until(lambda _: "plans" in comparison.read_text(encoding="utf-8"), "a new cell")
    tmux.send("a")
    tmux.wait_until(lambda _: "status" not in first(), "the suggestion accepted")
    tmux.wait_for(f"1 of {count - 1} suggestions")
    tmux.send("2")
    tmux.wait_for_all("The plans themselves", "China released its own plan on Saturday.")
    tmux.send("q")
    quit_and_check_restored(tmux, before)
