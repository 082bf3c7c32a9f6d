"""A new user's own articles, in a real terminal: `init`, `add` three articles (a text file, a
saved page, an address served on loopback), review the suggestions in the app, and see an
accepted one on Compare."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

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
    added = shell(tmux, f"aiplan-tui add {news_server}/news --content {pack} --id talks-again",
                  "Added articles/talks-again.md")  # fmt: skip
    assert "new person" in added or "suggested highlights" in added
    shell(tmux, f"aiplan-tui check {pack}", "0 errors")

    tmux.run(f'aiplan-tui --content {pack}; echo "EXIT:$?"')
    tmux.wait_for("paragraph 1/", timeout=STARTUP_TIMEOUT)
    tmux.send("4")
    screen = tmux.wait_for(" suggestions")
    assert "1 of " in screen, screen
    # The first suggestion, an event of the CNBC article: tag it, put it on Compare, accept.
    highlights = pack / "highlights" / "china-releases-ai-action-plan-days.toml"
    comparison = pack / "comparison.toml"

    def first() -> dict[str, object]:
        return dict(tomli.loads(highlights.read_text(encoding="utf-8"))["event"][0])

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
    tmux.wait_for("1 of 24 suggestions")
    tmux.send("2")
    tmux.wait_for_all("The plans themselves", "China released its own plan on Saturday.")
    tmux.send("q")
    quit_and_check_restored(tmux, before)
