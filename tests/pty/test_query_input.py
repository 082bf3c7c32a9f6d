"""The query box stays responsive whatever arrives: past the cap keys are refused with one
notice (not a bell each), and the work a change starts runs once per burst of typing."""

from __future__ import annotations

import os
import select
from pathlib import Path

import pytest
from textual import events
from textual.app import ComposeResult

from aiplan_tui.ui.notices import NoticesApp
from aiplan_tui.ui.widgets.query_input import MAX_QUERY_CHARS, QueryInput
from conftest import PtyScreen, app_in_pty, app_stopped, until


class BoxApp(NoticesApp):
    """Just the box, counting what it says."""

    def __init__(self) -> None:
        super().__init__()
        self.settled: list[str] = []
        self.bells = 0

    def compose(self) -> ComposeResult:
        yield QueryInput(id="box")

    def on_query_input_settled(self, event: QueryInput.Settled) -> None:
        self.settled.append(event.value)

    def bell(self) -> None:
        self.bells += 1


async def test_past_the_cap_keys_are_refused_with_one_notice() -> None:
    app = BoxApp()
    async with app.run_test() as pilot:
        box = app.query_one(QueryInput)
        box.value = "x" * (MAX_QUERY_CHARS - 1)
        box.cursor_position = len(box.value)
        await pilot.press("a", "b", "c", "d")
        assert box.value == "x" * (MAX_QUERY_CHARS - 1) + "a"
        notices = [n.message for n in app.notices]
        assert notices == [
            f"A query is at most {MAX_QUERY_CHARS} characters; the rest was not typed."
        ]
        assert app.bells == 0
        await pilot.press("backspace", "backspace", "e", "f", "g")  # below the cap, then past it
        assert len(app.notices) == 2


async def test_a_burst_of_typing_settles_once() -> None:
    """Keys as a terminal delivers a paste: all at once, before any is handled."""
    app = BoxApp()
    async with app.run_test() as pilot:
        for char in "formidable chips":
            app.post_message(events.Key(char if char != " " else "space", char))
        await until(pilot, lambda: app.settled, "the box to settle")
        assert app.settled == ["formidable chips"]


@pytest.mark.slow
def test_a_paste_sent_as_keystrokes_leaves_the_app_answering(tmp_path: Path) -> None:
    """20 KB into the search box without bracketed paste, as tmux's paste-buffer sends it:
    capped with a notice, then escape and q are answered and the app exits 0."""
    process, master, slave = app_in_pty(tmp_path, 100, 30)
    os.close(slave)
    terminal = PtyScreen(master, 100, 30)
    with app_stopped(process, master):
        terminal.wait_for("Articles")
        os.write(master, b"/")
        terminal.wait_for("Search: words")
        data = memoryview((b"chips and camps " * 1300)[:20_000])
        while data:
            _, ready, _ = select.select([], [master], [], 0.1)
            if ready:
                data = data[os.write(master, data[:4096]) :]
            terminal.read(0)
        terminal.wait_for(f"at most {MAX_QUERY_CHARS} characters", limit=120)
        os.write(master, b"\x1b")
        terminal.wait_for("Articles", limit=120)
        os.write(master, b"q")
        assert terminal.exit_status(process) == 0
