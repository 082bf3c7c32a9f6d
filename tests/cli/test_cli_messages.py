"""Odd command lines and odd folders get one clear line each, never silence or a flood."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import PackFactory
from in_process import answer as run

Capsys = pytest.CaptureFixture[str]


def test_columns_of_zero_still_prints_the_table(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "0")
    done = run(capsys, "compare")
    assert done.returncode == 0 and "United States" in done.stdout and "China" in done.stdout


def test_a_file_name_with_an_escape_is_printed_clean(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    root = make_pack()
    evil = root.parent / "pack\x1b]0;PWNED\x07"
    root.rename(evil)
    done = run(capsys, "check", str(evil))
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout
    assert "]0;PWNED" in done.stdout  # shown, harmless


def test_entries_that_are_not_files_are_named(make_pack: PackFactory, capsys: Capsys) -> None:
    root = make_pack()
    (root / "articles" / "dangling.md").symlink_to(root / "articles" / "gone.md")
    os.mkfifo(root / "articles" / "pipe.md")
    (root / "highlights" / "folder.toml").mkdir()
    done = run(capsys, "check", str(root))
    assert done.returncode == 1
    lines = done.stdout
    assert "dangling.md:1:1: error: is a link to a file that does not exist; skipped" in lines
    assert "pipe.md:1:1: error: is a FIFO (named pipe), not a regular file; skipped" in lines
    assert "folder.toml:1:1: error: is a directory, not a regular file; skipped" in lines


def test_a_folder_that_is_not_a_pack_is_a_usage_error(tmp_path: Path, capsys: Capsys) -> None:
    for command in (["search", "camps"], ["compare"], ["export"]):
        done = run(capsys, "--content", str(tmp_path), *command)
        assert done.returncode == 2, command
        assert done.stderr == (
            f"aiplan-tui: {tmp_path} is not a content pack (it has no pack.toml); "
            f"`aiplan-tui check {tmp_path}` says what a pack needs\n"
        )


def test_a_huge_unknown_side_name_is_not_echoed_whole(capsys: Capsys) -> None:
    done = run(capsys, "compare", "--sides", "x" * 100_000 + ",us")
    assert done.returncode == 2
    assert len(done.stderr) < 300 and "xxx…" in done.stderr
