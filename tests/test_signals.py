"""The app in a real pseudo-terminal, ended from outside: SIGTERM, or SIGHUP as a dropped
SSH link sends. It saves the state, gives the terminal back (main screen, no mouse
reporting) and exits with 128 + the signal's number, without a traceback. And a crash exits
non-zero, so scripts and wrappers can tell."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from conftest import PtyScreen, app_in_pty

pytestmark = pytest.mark.slow


def started(home: Path, code: str | None = None) -> tuple[object, int, PtyScreen]:
    process, master, slave = app_in_pty(home, 100, 30, code=code)
    os.close(slave)
    terminal = PtyScreen(master, 100, 30)
    terminal.wait_for("Articles")
    return process, master, terminal


def test_sigterm_saves_restores_the_terminal_and_exits_143(tmp_path: Path) -> None:
    process, master, terminal = started(tmp_path)
    try:
        os.write(master, b"2")
        terminal.wait_for("Governance")
        process.send_signal(signal.SIGTERM)  # type: ignore[attr-defined]
        terminal.read_to_the_end()
        assert process.wait(timeout=20) == 128 + signal.SIGTERM  # type: ignore[attr-defined]
    finally:
        os.close(master)
    output = bytes(terminal.output)
    for on, off in ((b"\x1b[?1049h", b"\x1b[?1049l"), (b"\x1b[?1000h", b"\x1b[?1000l")):
        assert output.rfind(off) > output.rfind(on) >= 0, (on, off)
    assert b"Traceback" not in output
    state = json.loads((tmp_path / "state" / "aiplan-tui" / "state.json").read_text())
    assert state["screen"] == "compare"


def test_a_hangup_saves_and_exits_129(tmp_path: Path) -> None:
    process, master, terminal = started(tmp_path)
    os.write(master, b"3")
    terminal.wait_for("Filter by speaker")
    os.close(master)  # the terminal goes away: the kernel sends SIGHUP
    assert process.wait(timeout=20) == 128 + signal.SIGHUP  # type: ignore[attr-defined]
    state = json.loads((tmp_path / "state" / "aiplan-tui" / "state.json").read_text())
    assert state["screen"] == "quotes"


CRASHING = """\
import sys
from aiplan_tui.ui.app import AiplanApp

def broken(self):
    raise RuntimeError("injected crash")

AiplanApp.action_help = broken
from aiplan_tui.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_crash_exits_non_zero(tmp_path: Path) -> None:
    process, master, terminal = started(tmp_path, code=CRASHING)
    try:
        os.write(master, b"?")
        terminal.read_to_the_end()
        assert process.wait(timeout=20) == 1  # type: ignore[attr-defined]
    finally:
        os.close(master)
