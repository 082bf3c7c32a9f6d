"""The first `export` after a change (issue 34): the compiled pack brought up to date a file
at a time, its stored text rewritten for the files touched, gives the same bytes as a cold
build of the same files, and as the pack loaded whole; the pack is never loaded whole."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from aiplan_tui.compiled.store import CompiledPack
from aiplan_tui.core.export import pack_to_dict
from aiplan_tui.pack.loader import load_pack
from in_process import answer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import pack_gen  # a script beside the benchmarks, not a package

Capsys = pytest.CaptureFixture[str]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8").rstrip("\n") + text + "\n", "utf-8")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def word(root: Path) -> None:
    append(root / "articles" / "a000001.md", ' Genève 😀 zebracorn "quoted".')


def highlights(root: Path) -> None:
    """A note changed, one highlight made suggested (the file's accepted ones then come
    before it), and every highlight of another file suggested."""
    file = root / "highlights" / "a000002.toml"
    replace(file, 'note = "', 'note = "Ünïcode ')
    replace(file, 'id = "p-a000002-2"\n', 'id = "p-a000002-2"\nstatus = "suggested"\n')
    other = root / "highlights" / "a000003.toml"
    text = other.read_text("utf-8")
    other.write_text(text.replace('article = "', 'status = "suggested"\narticle = "'), "utf-8")


def added(root: Path) -> None:
    shutil.copy(root / "articles" / "a000002.md", root / "articles" / "a000002b.md")
    text = (root / "highlights" / "a000002.toml").read_text("utf-8")
    text = text.replace('"a000002', '"a000002b').replace("-a000002-", "-new-")
    (root / "highlights" / "a000002b.toml").write_text(text, "utf-8")


def removed(root: Path) -> None:
    (root / "highlights" / "a000004.toml").unlink()
    (root / "articles" / "a000005.md").unlink()  # its highlights: a problem each


def renamed(root: Path) -> None:
    (root / "articles" / "a000000.md").rename(root / "articles" / "b-first.md")
    (root / "highlights" / "a000001.toml").rename(root / "highlights" / "zz-moved.toml")


def people(root: Path) -> None:
    replace(root / "entities.toml", '"Li Qiang"', '"Li Qiáng"')


@pytest.mark.parametrize(
    "change", [word, highlights, added, removed, renamed, people], ids=lambda c: c.__name__
)
def test_export_after_a_change_is_a_cold_builds_to_the_byte(
    change: Callable[[Path], None],
    tmp_path: Path,
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = tmp_path / "pack"
    pack_gen.generate(root, 800)
    assert answer(capsys, "--content", str(root), "export").returncode == 0  # compiled
    change(root)
    with monkeypatch.context() as patched:  # updated a file at a time, not built again

        def refuse(*_: object, **__: object) -> None:
            raise AssertionError("the whole pack was loaded")

        patched.setattr("aiplan_tui.pack.loader.load_pack", refuse)
        patched.setattr(CompiledPack, "load_result", refuse)
        after = answer(capsys, "--content", str(root), "export")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cold"))
    cold = answer(capsys, "--content", str(root), "export")  # loaded, then compiled
    stored = answer(capsys, "--content", str(root), "export")  # the cold build's stored text
    assert after == cold == stored
    loaded = pack_to_dict(load_pack(root).pack)
    assert after.stdout == json.dumps(loaded, ensure_ascii=False, indent=2) + "\n"
    assert after.returncode == 0 or change is removed  # its highlights: unknown article
