"""The changed-cells writer can never take the app down: with library versions it was not
tested with it stays off, and a failure inside it hands the frame to Textual and turns it off
for the session. Either way the app draws, answers keys and quits cleanly, and the reason is
written once to the log file, never to the screen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import tomli

from aiplan_tui.paths import log_file
from aiplan_tui.terminal import compat
from conftest import REPO, PtyScreen, app_in_pty, app_stopped, make_app


def test_pyproject_pins_exactly_the_tested_versions() -> None:
    project = tomli.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    pins = dict(dep.split("==") for dep in project["project"]["dependencies"] if "==" in dep)
    assert {name: pins.get(name) for name in compat.TESTED} == compat.TESTED


def test_the_installed_versions_are_the_tested_ones() -> None:
    assert compat.untested_versions() == []
    assert compat.tracking_off_reason(make_app()) is None


def test_the_probe_names_what_is_missing() -> None:
    reason = compat.probe(object())
    assert reason is not None and "App has no _display, _driver" in reason


async def test_untested_versions_turn_tracking_off_and_say_so_once_in_the_log(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    installed = {"textual": "8.2.8", "rich": "99.0.0"}
    monkeypatch.setattr(compat, "version", lambda name: installed[name])
    app = make_app()
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


@pytest.mark.slow
def test_a_failing_writer_falls_back_to_whole_frames_and_the_app_carries_on(
    tmp_path: Path,
) -> None:
    process, master, slave = app_in_pty(tmp_path, 100, 30, code=INJECTED)
    os.close(slave)  # the app holds its end; the pty reports its exit once it is gone
    terminal = PtyScreen(master, 100, 30)
    with app_stopped(process, master):
        terminal.wait_for("Articles")  # the reader's first frame, written whole
        os.write(master, b"2")
        terminal.wait_for("Governance")  # the compare screen's first row
        os.write(master, b"q")
        assert terminal.exit_status(process) == 0
    assert "Traceback" not in terminal.text()
    log = (tmp_path / "state" / "aiplan-tui" / "aiplan-tui.log").read_text(encoding="utf-8")
    assert log.count("changed-cells writer off for this session: RuntimeError: injected fault") == 1
