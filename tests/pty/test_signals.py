"""The app in a real pseudo-terminal, ended from outside: SIGTERM, or SIGHUP as a dropped
SSH link sends. It saves the state, gives the terminal back (main screen, no mouse
reporting) and exits with 128 + the signal's number, without a traceback. And a crash exits
non-zero, so scripts and wrappers can tell."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
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


@pytest.mark.parametrize(
    ("number", "key", "shown", "screen"),
    [(signal.SIGTERM, b"2", "Governance", "compare"), (signal.SIGINT, b"3", "Filter by", "quotes")],
)
def test_sigterm_or_sigint_saves_restores_the_terminal_and_exits_128_plus_it(
    tmp_path: Path, number: int, key: bytes, shown: str, screen: str
) -> None:
    """SIGINT too: it ended the app with status 0."""
    process, master, terminal = started(tmp_path)
    try:
        os.write(master, key)
        terminal.wait_for(shown)
        process.send_signal(number)  # type: ignore[attr-defined]
        terminal.read_to_the_end()
        assert process.wait(timeout=20) == 128 + number  # type: ignore[attr-defined]
    finally:
        os.close(master)
    output = bytes(terminal.output)
    for on, off in ((b"\x1b[?1049h", b"\x1b[?1049l"), (b"\x1b[?1000h", b"\x1b[?1000l")):
        assert output.rfind(off) > output.rfind(on) >= 0, (on, off)
    assert b"Traceback" not in output
    state = json.loads((tmp_path / "state" / "aiplan-tui" / "state.json").read_text())
    assert state["screen"] == screen


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


def blocked_writing(pid: int) -> bool:
    """Whether a thread of the process waits in a terminal write (the kernel's wchan)."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            if (task / "wchan").read_text().strip() == "wait_woken":
                return True
        except OSError:
            continue
    return False


@pytest.mark.parametrize("number", [signal.SIGHUP, signal.SIGTERM])
def test_a_terminal_that_stopped_reading_does_not_keep_the_app_from_ending(
    tmp_path: Path, number: int
) -> None:
    """A link that dropped in a burst of keys: the terminal reads nothing more, the app's
    writes block (and its event loop with them); a hang-up or SIGTERM still ends it, within
    its grace of a few seconds, with 128 + the signal's number."""
    process, master, _ = started(tmp_path)
    pid = process.pid  # type: ignore[attr-defined]
    os.set_blocking(master, False)
    try:
        deadline = time.monotonic() + 60
        while not blocked_writing(pid):  # keys that redraw the screen, never read
            assert time.monotonic() < deadline, "the app never blocked writing"
            with contextlib.suppress(BlockingIOError):
                os.write(master, b"2131")
            time.sleep(0.01)  # a poll: without it this loop kept a CPU from the app it waits on
        process.send_signal(number)  # type: ignore[attr-defined]
        assert process.wait(timeout=20) == 128 + number  # type: ignore[attr-defined]
    finally:
        os.close(master)
