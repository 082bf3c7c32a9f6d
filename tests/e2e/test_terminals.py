"""The installed command under the TERM, colour and locale settings users actually have."""

from __future__ import annotations

import re

import pytest

from e2e.terminal import Tmux
from e2e.tour import check_restored, launch, quit_and_check_restored, start_shell

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

SGR = re.compile(r"\x1b\[([0-9;]*)m")
GREY_INDEXES = {0, 7, 8, 15, 16, 231, *range(232, 256)}
"""Colours of the 256-colour palette without hue: black, greys and white."""


def hues(drawn: str) -> set[str]:
    """Every colour with a hue that the SGR sequences in `drawn` set (greys are not hues)."""
    found: set[str] = set()
    for match in SGR.finditer(drawn):
        codes = [int(code) if code else 0 for code in match.group(1).split(";")]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code in (38, 48, 58) and codes[i + 1 : i + 2] == [2]:
                r, g, b = codes[i + 2 : i + 5]
                if not r == g == b:
                    found.add(f"{code};2;{r};{g};{b}")
                i += 5
            elif code in (38, 48, 58) and codes[i + 1 : i + 2] == [5]:
                if codes[i + 2] not in GREY_INDEXES:
                    found.add(f"{code};5;{codes[i + 2]}")
                i += 3
            else:
                if 31 <= code <= 36 or 41 <= code <= 46 or 91 <= code <= 96 or 101 <= code <= 106:
                    found.add(str(code))
                i += 1
    return found


@pytest.mark.parametrize(
    "changes",
    [
        {"TERM": "xterm-256color"},
        {"TERM": "screen-256color"},
        {"TERM": "tmux-256color"},
        {"TERM": "linux"},
        {"TERM": "xterm"},
        {"COLORTERM": None},
        {"NO_COLOR": "1"},
        {"LANG": None},
        {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
    ],
    ids=lambda changes: ",".join(f"{k}={v}" if v else f"no-{k}" for k, v in changes.items()),
)
def test_starts_shows_the_reader_and_quits_cleanly(
    tmux: Tmux, pane_env: dict[str, str], changes: dict[str, str | None]
) -> None:
    env = {**pane_env, **{k: v for k, v in changes.items() if v is not None}}
    for name in [k for k, v in changes.items() if v is None]:
        env.pop(name)
    before = start_shell(tmux, env)
    launch(tmux)
    if "NO_COLOR" in changes:
        drawn = tmux.tmux("capture-pane", "-p", "-e", "-t", tmux.target)
        assert "\x1b[" in drawn, "capture-pane -e keeps the attributes"
        assert hues(drawn) == set(), "NO_COLOR: greys only, no colour on screen"
    quit_and_check_restored(tmux, before)


@pytest.mark.parametrize("term", ["dumb", None])
def test_a_dumb_terminal_gets_one_line_and_status_2(
    tmux: Tmux, pane_env: dict[str, str], term: str | None
) -> None:
    env = {k: v for k, v in pane_env.items() if k != "TERM"}
    if term is not None:
        env["TERM"] = term
    before = start_shell(tmux, env)
    tmux.run('aiplan-tui; echo "EXIT:$?"')
    assert tmux.wait_for_exit_status() == 2
    what = "TERM=dumb" if term else "TERM unset"
    line = (
        f"aiplan-tui: this terminal ({what}) cannot show the app; use a terminal such as "
        "xterm-256color, or a command (aiplan-tui --help)"
    )
    check_restored(tmux, before, status=2, printed=[line])
