"""`aiplan-tui init`: a new pack that `check` accepts and the app opens, never over one."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from conftest import make_app
from in_process import Answer, answer

Capsys = pytest.CaptureFixture[str]


def init(capsys: Capsys, *args: str) -> Answer:
    return answer(capsys, "init", *args)


def test_a_new_pack_has_the_bundled_sides_and_dimensions_and_no_articles(
    tmp_path: Path, capsys: Capsys
) -> None:
    target = tmp_path / "My Pack"
    done = init(capsys, str(target))
    assert done.returncode == 0, done.stderr
    assert f'content = "{target}"' in done.stdout  # how to make it the default
    assert sorted(p.name for p in target.iterdir()) == [
        "articles", "comparison.toml", "entities.toml", "highlights", "pack.toml"
    ]  # fmt: skip
    result = load_pack(target)
    bundled = load_pack(bundled_content_dir()).pack
    assert result.pack.info.id == "my-pack"
    assert result.pack.sides == bundled.sides
    assert [d.id for d in result.pack.dimensions] == [d.id for d in bundled.dimensions]
    assert not result.pack.articles and not result.pack.entities and not result.problems.errors
    assert [w.message for w in result.problems.warnings] == [
        "the pack has no articles (articles/*.md)"
    ]
    for name in ("pack.toml", "entities.toml", "comparison.toml"):
        assert (target / name).read_text().startswith("# "), "each file says what goes in it"


def test_from_bundled_is_a_copy_that_checks_as_the_bundled_pack(
    tmp_path: Path, capsys: Capsys
) -> None:
    target = tmp_path / "copy"
    assert init(capsys, str(target), "--from-bundled").returncode == 0
    copy, bundled = load_pack(target), load_pack(bundled_content_dir())
    assert [h.id for h in copy.pack.highlights] == [h.id for h in bundled.pack.highlights]
    assert len(copy.problems.items) == len(bundled.problems.items)


def test_an_empty_directory_is_used_and_a_non_empty_one_refused(
    tmp_path: Path, capsys: Capsys
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert init(capsys, str(empty)).returncode == 0 and (empty / "pack.toml").is_file()
    full = tmp_path / "full"
    full.mkdir()
    (full / "notes.txt").write_text("mine")
    done = init(capsys, str(full))
    assert done.returncode == 2
    assert "is not empty: give a new or empty directory" in done.stderr
    assert [p.name for p in full.iterdir()] == ["notes.txt"], "nothing of mine touched"
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert init(capsys, str(a_file)).returncode == 2 and a_file.read_text() == "x"
    assert init(capsys, str(tmp_path / "no" / "such" / "parent")).returncode == 2
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".init")], "no leftovers"


async def test_the_app_opens_a_new_empty_pack(tmp_path: Path, capsys: Capsys) -> None:
    target = tmp_path / "new"
    assert init(capsys, str(target)).returncode == 0
    app = make_app(target)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.press("3")
        await pilot.press("1", "q")
    assert app.return_code == 0


def test_an_empty_directory_is_filled_where_it_is_keeping_its_mode(
    tmp_path: Path, capsys: Capsys
) -> None:
    """It was replaced by a new 0755 directory: a read-only or group-shared one lost its
    mode, and a shell inside it was left in a deleted folder."""
    empty = tmp_path / "shared"
    empty.mkdir()
    empty.chmod(0o2775)
    inode = empty.stat().st_ino
    assert init(capsys, str(empty)).returncode == 0
    assert empty.stat().st_ino == inode and empty.stat().st_mode & 0o7777 == 0o2775
    assert not load_pack(empty).problems.errors
    assert [p.name for p in empty.iterdir() if p.name.startswith(".")] == []


def test_init_dot_makes_the_pack_in_the_current_directory(tmp_path: Path, capsys: Capsys) -> None:
    here = tmp_path / "here"
    here.mkdir()
    done = answer(capsys, "init", ".", cwd=here)
    assert done.returncode == 0, done.stderr  # was: [Errno 22] Invalid argument
    assert (here / "pack.toml").is_file() and load_pack(here).pack.info.id == "here"


def test_the_bundled_pack_is_refused_as_a_target(tmp_path: Path, capsys: Capsys) -> None:
    inside = bundled_content_dir() / "articles" / "new-pack"
    done = init(capsys, str(inside))
    assert done.returncode == 2 and "inside the bundled pack" in done.stderr
    assert not inside.exists()


def test_the_printed_commands_can_be_pasted_into_a_shell(tmp_path: Path, capsys: Capsys) -> None:
    target = tmp_path / "it's a pack; rm -rf ~"
    done = init(capsys, str(target))
    assert done.returncode == 0, done.stderr
    lines = {
        line.split(":", 1)[0].strip(): line.split(":", 1)[1]
        for line in done.stdout.splitlines()
        if line.startswith("  ") and ":" in line
    }
    assert shlex.split(lines["Check it"]) == ["aiplan-tui", "check", str(target)]
    assert shlex.split(lines["Open it"]) == ["aiplan-tui", "--content", str(target)]
    config = done.stdout.splitlines()[-1].strip()
    assert tomllib.loads(config)["content"] == str(target)
