"""The installed command in a real terminal (tmux at 80x24): every screen, resizes, a clean exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from e2e.terminal import TMUX, Tmux, need
from e2e.tmux_fuzz import fuzz
from e2e.tour import SEARCH_EMPTY, launch, on_reader, quit_and_check_restored, start_shell, tour

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


def test_tour_of_the_app_then_the_shell_is_as_it_was(tmux: Tmux, pane_env: dict[str, str]) -> None:
    before = start_shell(tmux, pane_env)
    launch(tmux)
    tour(tmux)
    quit_and_check_restored(tmux, before)


def test_escape_closes_search_promptly_with_a_short_tmux_escape_time(
    tmux: Tmux, pane_env: dict[str, str]
) -> None:
    before = start_shell(tmux, pane_env)
    tmux.tmux("set-option", "-s", "escape-time", "10")
    assert tmux.tmux("show-options", "-s", "-v", "escape-time").strip() == "10"
    launch(tmux)
    for _ in range(3):
        tmux.send("/")
        tmux.wait_for(SEARCH_EMPTY)
        tmux.send("Escape")
        tmux.wait_until(lambda s: SEARCH_EMPTY not in s and on_reader(s), "the reader")
    quit_and_check_restored(tmux, before)


@pytest.mark.parametrize("seed", [2026, 1127])
def test_random_keys_and_sizes_leave_an_app_that_answers_and_exits_cleanly(
    tmp_path: Path, pane_env: dict[str, str], seed: int
) -> None:
    """A slice of the tmux fuzzer (`python -m e2e.tmux_fuzz`): 60 random keys and window
    sizes, the app answering `/` after each burst, then `q` exits 0 with no traceback. The
    answer limit is generous: CI machines are shared, and a hang is what this is for."""
    need("tmux", TMUX)
    server = Tmux(tmp_path, ["set -sg escape-time 10"])
    try:
        outcome = fuzz(server, pane_env, seed, steps=60, answer=10.0)
    finally:
        server.close()
    assert outcome.failure is None, outcome.report()
