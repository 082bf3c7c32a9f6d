"""Through a real pty, sending only changed cells leaves the terminal showing exactly what a
whole repaint shows, screen after screen.

The app runs on a key tour in a pty whose output is fed into an emulated terminal (pyte).
After each key the screen built from the deltas is read; then `ctrl+l` (redraw) makes the app
write every cell again into a blanked emulator, and that screen must be the same. So a cell
the writer wrongly skipped, or a redraw that missed one, fails the test.
"""

from __future__ import annotations

import codecs
import fcntl
import os
import select
import signal
import struct
import termios
import time
from pathlib import Path

import pyte
import pytest

from conftest import app_in_pty

pytestmark = pytest.mark.slow

COLUMNS, LINES = 100, 30
STILL_WRITING = 4.0
"""How long a drain reads before it stops waiting for a quiet period: the search box's cursor
blinks (a write every half second), so on the search screen the app is never quiet for long,
and a key's own writes are long done by then (in a few milliseconds; a second on a busy CI
machine). A screen read while a blink or a late write came between is read again (below)."""
# Reader: article pane, paragraphs, quotes; compare: rows and points; quotes; help; theme
# picker; a resize in the middle; and the redraw key.
TOUR = ["\t", "j", "j", "k", "]", "]", "[", "2", "j", "n", "x", "3", "j", "j", "?", "\x1b"]
TOUR += ["t", "\x1b[B", "\x1b", "RESIZE", "1", "G", "g", "/", "c", "h", "\x1b"]


def screen_text(screen: pyte.Screen) -> list[str]:
    """Each row as a person sees it: characters, and the colours and attributes that show."""
    rows = []
    for y in range(screen.lines):
        cells = []
        for x in range(screen.columns):
            char = screen.buffer[y][x]
            if char.data == " " and not (char.reverse or char.underscore or char.strikethrough):
                cells.append(f" {char.bg}")
            else:
                cells.append(f"{char.data}{char.fg}{char.bg}{char.bold}{char.italics}"
                             f"{char.underscore}{char.reverse}{char.strikethrough}")  # fmt: skip
        rows.append("|".join(cells))
    return rows


def run_tour(home: Path) -> list[tuple[str, list[str], list[str]]]:
    """(key, screen from the deltas, screen from a whole redraw) after each key of TOUR."""
    process, master, slave = app_in_pty(home, COLUMNS, LINES)
    os.close(slave)  # the app holds its end; the pty reports its exit once it is gone
    screen = pyte.Screen(COLUMNS, LINES)
    stream = pyte.Stream(screen)
    decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def drain(quiet: float, limit: float = STILL_WRITING) -> None:
        """Read until the app has written nothing for `quiet` seconds (or for `limit`)."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], quiet)
            if not ready:
                return
            try:
                data = os.read(master, 65536)
            except OSError:  # the app has gone
                return
            if not data:
                return
            stream.feed(decoder.decode(data))

    seen: list[tuple[str, list[str], list[str]]] = []
    try:
        drain(1.5, limit=15.0)  # the start, however long it takes
        for key in TOUR:
            if key == "RESIZE":
                fcntl.ioctl(master, termios.TIOCSWINSZ,
                            struct.pack("HHHH", LINES, COLUMNS - 10, 0, 0))  # fmt: skip
                screen.resize(LINES, COLUMNS - 10)
                os.killpg(process.pid, signal.SIGWINCH)  # as a terminal sends on a resize
                drain(2.5, limit=15.0)  # the app also checks the size once a second
            else:
                os.write(master, key.encode())
                drain(0.7)
            for _attempt in range(2):  # again if a timed change (a notice leaving) came between
                from_deltas = screen_text(screen)
                screen.erase_in_display(2)
                os.write(master, b"\x0c")  # ctrl+l: redraw everything
                drain(0.3)
                redrawn = screen_text(screen)
                if from_deltas == redrawn:
                    break
                drain(0.7)
            seen.append((key, from_deltas, redrawn))
        os.write(master, b"\x1b")  # out of the search box, then quit
        drain(0.5)
        os.write(master, b"q")
        drain(20.0, limit=15.0)  # to the end: unread, a full pty would hold the app's last writes
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    return seen


def test_delta_writes_leave_the_screen_a_whole_redraw_shows(tmp_path: Path) -> None:
    steps = run_tour(tmp_path)
    for number, (key, from_deltas, redrawn) in enumerate(steps):
        assert any(row.strip("| 0123456789abcdef") for row in redrawn), "the redraw drew nothing"
        for y, (shown, expected) in enumerate(zip(from_deltas, redrawn, strict=True)):
            assert shown == expected, f"step {number} ({key!r}), row {y}: the screens differ"
