"""A cold build shows its progress on standard error when that is a terminal (issue 34):
the files read, then the items and documents written, and the time so far; nothing when it
is not a terminal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from aiplan_tui.compiled import progress as progress_module
from aiplan_tui.compiled.current import load_and_compile
from in_process import answer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import pack_gen


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    pack_gen.generate(root, 3000)  # 30 articles, 60 files
    return root


def test_a_cold_build_on_a_terminal_shows_files_items_and_time(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(progress_module, "SHOW_AFTER", 0.0)
    seen: list[str] = []
    real = progress_module.BuildProgress._show

    def show(self: progress_module.BuildProgress) -> None:
        seen.append(self.line())
        real(self)

    monkeypatch.setattr(progress_module.BuildProgress, "_show", show)
    load_and_compile(pack, tmp_path / "cache", shown=True)
    assert "Reading the pack: 10/60 files" in seen
    assert any(line.startswith("Compiling: 60 files, 3,030 items, ") for line in seen)
    assert "Compiling: 60 files" in terminal.getvalue() and "0:00:" in terminal.getvalue()


def test_nothing_is_shown_where_standard_error_is_not_a_terminal(
    pack: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress_module, "SHOW_AFTER", 0.0)
    done = answer(capsys, "--content", str(pack), "search", "semiconductors")
    assert done.returncode == 0 and done.stdout
    assert done.stderr == ""
