"""A Chinese title in a real terminal (tmux at 80x24): the navigator's line, cut with "…"
after the last whole character that fits, is the line the app draws under its pilot, cell
for cell, so the terminal and the app agree on the width of every character. Runs the app
from this checkout (`python -m aiplan_tui`), not the installed wheel."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from aiplan_tui.pack.loader import load_pack
from app.chinese_pack import CHINESE_PACK, TITLE
from conftest import MINI_PACK, make_app, until
from e2e.terminal import TMUX, Tmux, need

pytestmark = pytest.mark.slow
SIZE = (80, 24)


def write_pack(root: Path) -> Path:
    for name, content in {**MINI_PACK, **CHINESE_PACK}.items():
        if isinstance(content, str):
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(content, encoding="utf-8")
    return root


def is_title_row(row: str) -> bool:
    """The navigator's line for the Chinese article (not the article's own title)."""
    return row[:1] in ("├", "└") and row[2:].startswith(TITLE[:4])


async def drawn_by_the_pilot(pack: Path) -> list[str]:
    app = make_app(load_pack(pack))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query("ParagraphView"), "the reader")
        await pilot.pause()
        rows = [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]
    while rows and not rows[-1]:
        rows.pop()  # tmux leaves out the blank rows at the bottom
    return rows


async def test_the_chinese_title_is_cut_where_the_app_cuts_it(tmp_path: Path) -> None:
    need("tmux", TMUX)
    pack = write_pack(tmp_path / "pack")
    drawn = await drawn_by_the_pilot(pack)
    expected = next(row for row in drawn if is_title_row(row))
    kept = expected[2:].split("…")[0].rstrip()
    assert TITLE.startswith(kept) and len(kept) < len(TITLE), expected
    home = tmp_path / "home"
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "PATH": os.environ.get("PATH", os.defpath),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    assignments = " ".join(shlex.quote(f"{key}={value}") for key, value in env.items())
    command = f"env -i {assignments} {shlex.quote(sys.executable)} -m aiplan_tui"
    tmux = Tmux(tmp_path)
    try:
        tmux.start(f"{command} --content {shlex.quote(str(pack))}", *SIZE)
        screen = tmux.wait_until(lambda s: s.splitlines() == drawn, "the pilot's screen")
        assert expected in screen.splitlines()
        assert all(cell_len(row) <= SIZE[0] for row in screen.splitlines()), screen
        tmux.send("q")
    finally:
        tmux.close()
