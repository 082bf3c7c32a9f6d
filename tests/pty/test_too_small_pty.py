"""The too-small notice in a real pseudo-terminal: what the terminal shows, not what the app
believes it shows. The tmux fuzzer found the app right (notice up, size 30x8) and the
terminal still showing the screen from before, whenever the terminal went back to a size
the notice (or the reader) had been drawn at already."""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import termios
from pathlib import Path

import pytest

from conftest import PtyScreen, app_in_pty, app_stopped

pytestmark = pytest.mark.slow

NOTICE = "Terminal too"
READER = "Articles ("


def resize(master: int, screen: PtyScreen, process_group: int, columns: int, lines: int) -> None:
    """As a terminal does: the new size on the pty, then SIGWINCH to the app."""
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    screen.screen.resize(lines, columns)
    os.killpg(process_group, signal.SIGWINCH)


def test_the_notice_and_the_reader_are_drawn_each_time_they_come_back(tmp_path: Path) -> None:
    process, master, slave = app_in_pty(tmp_path, 100, 30)
    os.close(slave)  # the app holds its end; the pty reports its exit once it is gone
    screen = PtyScreen(master, 100, 30)
    with app_stopped(process, master):
        screen.wait_for(READER)
        for _ in range(3):  # the same two sizes again and again
            resize(master, screen, process.pid, 30, 8)
            screen.wait_for(NOTICE)
            assert READER not in screen.text()
            resize(master, screen, process.pid, 100, 30)
            screen.wait_for(READER)
            screen.wait_until_gone(NOTICE)
        os.write(master, b"q")
        assert screen.exit_status(process) == 0
