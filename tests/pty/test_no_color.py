"""NO_COLOR (no-color.org): set and not empty, the app writes no colour at all, only the
terminal's own colours with bold, underline, italic, reverse and dim; empty, it is not set."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from conftest import PtyScreen, app_in_pty, app_stopped, make_app, until

SGR = re.compile(rb"\x1b\[([0-9;:]*)m")


def colour_sequences(output: bytes) -> list[str]:
    """The colour-setting parameters of every SGR sequence written (not resets to the
    terminal's own colours, 39 and 49)."""
    found = []
    for match in SGR.finditer(output):
        params = [p for p in re.split(rb"[;:]", match.group(1)) if p]
        numbers = [int(p) for p in params]
        at = 0
        while at < len(numbers):
            code = numbers[at]
            if code in (38, 48, 58):
                found.append(match.group(0).decode())
                at += 3 if numbers[at + 1 : at + 2] == [5] else 5
                continue
            if 30 <= code <= 37 or 40 <= code <= 47 or 90 <= code <= 97 or 100 <= code <= 107:
                found.append(match.group(0).decode())
            at += 1
    return found


def test_the_colour_counter_counts_colours_not_resets() -> None:
    written = b"\x1b[1;38;5;236mA\x1b[39;49mB\x1b[0;7mC\x1b[48;2;1;2;3;4mD\x1b[91mE"
    assert colour_sequences(written) == [
        "\x1b[1;38;5;236m",
        "\x1b[48;2;1;2;3;4m",
        "\x1b[91m",
    ]


@pytest.mark.parametrize(("value", "coloured"), [("1", False), ("", True)])
def test_no_color_means_no_colour_sequences(tmp_path: Path, value: str, coloured: bool) -> None:
    """With NO_COLOR=1 the first frame had 138 colour sequences (Textual's greys)."""
    process, master, slave = app_in_pty(tmp_path, 100, 30, environment={"NO_COLOR": value})
    os.close(slave)
    screen = PtyScreen(master, 100, 30)
    with app_stopped(process, master):
        screen.wait_for("Articles (")
        for key, shown in ((b"]", "quote 1/"), (b"2", "Compare"), (b"3", "quotes")):
            os.write(master, key)
            screen.wait_for(shown)
        os.write(master, b"q")
        assert screen.exit_status(process) == 0
    colours = colour_sequences(bytes(screen.output))
    assert bool(colours) == coloured, colours[:5]
    if not coloured:  # without colour the cursor is drawn reversed (with colour, a background)
        assert b"\x1b[7m" in screen.output or b";7m" in screen.output


def test_the_reader_without_colour_snapshot(
    snap_compare: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Readable without colour: the quote under the cursor, the focused pane, the highlights
    told apart by their attributes."""
    monkeypatch.setenv("NO_COLOR", "1")

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: not pilot.app.screen.query(".-flash"), "the flash to end")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=run_before)
