"""The changed-cells writer can never take the app down: with library versions it was not
tested with it stays off, and a failure inside it hands the frame to Textual and turns it off
for the session. Either way the app draws, answers keys and quits cleanly, and the reason is
written once to the log file, never to the screen."""

from __future__ import annotations

import codecs
import os
import select
import time
from pathlib import Path

import pyte
import pytest
import tomli

from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir, log_file
from aiplan_tui.terminal import compat
from aiplan_tui.ui.app import AiplanApp
from conftest import REPO, app_in_pty


def test_pyproject_pins_exactly_the_tested_versions() -> None:
    project = tomli.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    pins = dict(dep.split("==") for dep in project["project"]["dependencies"] if "==" in dep)
    assert {name: pins.get(name) for name in compat.TESTED} == compat.TESTED


def test_the_installed_versions_are_the_tested_ones() -> None:
    assert compat.untested_versions() == []
    assert compat.tracking_off_reason(AiplanApp(load_pack(bundled_content_dir()))) is None


def test_the_probe_names_what_is_missing() -> None:
    reason = compat.probe(object())
    assert reason is not None and "App has no _display, _driver" in reason


async def test_untested_versions_turn_tracking_off_and_say_so_once_in_the_log(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    installed = {"textual": "8.2.8", "rich": "99.0.0"}
    monkeypatch.setattr(compat, "version", lambda name: installed[name])
    app = AiplanApp(load_pack(bundled_content_dir()))
    assert app.terminal_model is None
    assert app.tracking_off == "untested versions installed: rich 99.0.0 (tested with 15.0.0)"
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert app.screen is app.compare_screen  # keys work
        assert not app.notices, "the reason is for the log, not the screen"
        app.action_redraw()
        await pilot.press("q")
    lines = log_file().read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and lines[0].endswith(
        "changed-cells writer off: untested versions installed: rich 99.0.0 (tested with 15.0.0)"
    )


INJECTED = """\
import sys
from aiplan_tui.terminal import model

def broken(self, update, console, size):
    raise RuntimeError("injected fault")

model.TerminalModel.render = broken
from aiplan_tui.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


class Terminal:
    """The app's output fed into an emulated terminal, read until a text shows."""

    def __init__(self, master: int, columns: int, lines: int) -> None:
        self.master = master
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.Stream(self.screen)
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, wanted: str, limit: float = 20.0) -> None:
        """Read output until `wanted` is on screen; fail after `limit` seconds without it."""
        end = time.monotonic() + limit
        while wanted not in self.text():
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{wanted!r} never showed:\n{self.text()}")
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    data = os.read(self.master, 65536)
                except OSError:  # the app has gone
                    raise AssertionError(f"the app exited before {wanted!r}") from None
                self.stream.feed(self.decoder.decode(data))


@pytest.mark.slow
def test_a_failing_writer_falls_back_to_whole_frames_and_the_app_carries_on(
    tmp_path: Path,
) -> None:
    process, master, slave = app_in_pty(tmp_path, 100, 30, code=INJECTED)
    terminal = Terminal(master, 100, 30)
    try:
        terminal.wait_for("Articles")  # the reader's first frame, written whole
        os.write(master, b"2")
        terminal.wait_for("Governance")  # the compare screen's first row
        os.write(master, b"q")
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
        os.close(slave)
    assert "Traceback" not in terminal.text()
    log = (tmp_path / "state" / "aiplan-tui" / "aiplan-tui.log").read_text(encoding="utf-8")
    assert log.count("changed-cells writer off for this session: RuntimeError: injected fault") == 1
