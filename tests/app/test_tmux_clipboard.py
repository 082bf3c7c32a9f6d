"""`y` inside tmux (issue 32): the copy goes through `tmux load-buffer -w -` as well as OSC 52,
because tmux's default `set-clipboard external` drops an application's OSC 52; when tmux
refuses, a notice says once exactly what to set. A stand-in `tmux` on PATH records what it is
asked (the real one, between real terminals: tests/e2e/test_tmux_copy.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aiplan_tui.core.formatting import citation
from aiplan_tui.core.reading import ReadingOrder
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.ui.tmux_clipboard import TMUX_NOTICE, TMUX_SETTING
from conftest import make_app, until

PACK = load_pack(bundled_content_dir()).pack
FIRST_QUOTE = ReadingOrder(PACK, {"quote"}).items[0]


def fake_tmux(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int) -> Path:
    """A `tmux` first on PATH that writes its arguments and its input to files, then exits
    with `status`; the app runs as if in a tmux pane."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "tmux"
    script.write_text(
        f'#!/bin/sh\necho "$@" >> "{tmp_path}/args"\ncat > "{tmp_path}/input"\nexit {status}\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    return tmp_path


async def test_in_tmux_the_copy_goes_through_tmux_to_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = fake_tmux(tmp_path, monkeypatch, status=0)
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("]", "y")
        await until(pilot, lambda: app.clipboard, "the copy")
        expected = citation(FIRST_QUOTE, PACK)
        assert app.clipboard == expected
        assert (calls / "args").read_text() == "load-buffer -w -\n"
        assert (calls / "input").read_text(encoding="utf-8") == expected
        assert all(TMUX_SETTING not in notice.message for notice in app.notices)


async def test_when_tmux_refuses_the_notice_says_what_to_set_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = fake_tmux(tmp_path, monkeypatch, status=1)  # a tmux older than 3.2: no -w
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("]", "y")
        await until(pilot, lambda: any(n.message == TMUX_NOTICE for n in app.notices), "notice")
        assert "set -s set-clipboard on" in TMUX_NOTICE and "~/.tmux.conf" in TMUX_NOTICE
        await pilot.press("]", "y")
        await until(pilot, lambda: len((calls / "args").read_text().splitlines()) == 2, "2nd")
        await pilot.pause()
        assert sum(n.message == TMUX_NOTICE for n in app.notices) == 1
        assert app.clipboard  # the terminal's own OSC 52 is still written


async def test_outside_tmux_tmux_is_never_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = fake_tmux(tmp_path, monkeypatch, status=0)
    monkeypatch.delenv("TMUX")
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("]", "y")
        await until(pilot, lambda: app.clipboard, "the copy")
        assert not (calls / "args").exists()
