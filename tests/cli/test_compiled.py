"""The compiled pack: a database per pack that answers search, check and export without
loading the pack, the same to the byte as a fresh load; rebuilt whenever the pack's files
change, the app's version changes, or the database is anything but a whole one of ours."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aiplan_tui.cli import main as cli_main
from aiplan_tui.compiled import manifest as manifest_module
from aiplan_tui.compiled.current import compiled_path, load_and_compile, open_compiled
from aiplan_tui.compiled.head import start_on
from aiplan_tui.compiled.store import CompiledPack
from aiplan_tui.core.export import pack_to_dict
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.search.engine import SearchIndex
from conftest import PackFactory

QUERIES = ["chen", "george chen", "li", "billion", "bilion", '"two camps"', "^invest", "ment$",
           "chips !nvidia", "kind:fact side:us", "private | camps", "year:2025", "article:wire",
           "dim:inv", ""]  # fmt: skip


def results(index: SearchIndex) -> list[object]:
    return [
        [
            (h.id, h.kind, h.score, h.field, h.text, h.spans, h.matched, h.doc)
            for h in index.search(q, None)
        ]
        for q in QUERIES
    ]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli_main.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def root(make_pack: PackFactory) -> Path:
    return make_pack()


@pytest.mark.parametrize("which", ["mini", "bundled"])
def test_the_database_answers_as_a_fresh_load_does(which: str, root: Path, tmp_path: Path) -> None:
    pack_root = root if which == "mini" else bundled_content_dir()
    fresh = SearchIndex(load_pack(pack_root).pack)
    assert open_compiled(pack_root, tmp_path) is None
    load_and_compile(pack_root, tmp_path)
    compiled = open_compiled(pack_root, tmp_path)
    assert compiled is not None
    assert results(compiled.search_index()) == results(fresh)
    assert any(results(fresh))  # the queries find things


def test_warm_commands_never_load_the_pack(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = [run(capsys, "--content", str(root), *argv) for argv in COMMANDS]
    assert [status for status, _, _ in cold] == [0, 0, 0]

    def no_load(*_: object) -> None:
        raise AssertionError("the pack was loaded")

    monkeypatch.setattr("aiplan_tui.pack.loader.load_pack", no_load)
    warm = [run(capsys, "--content", str(root), *argv) for argv in COMMANDS]
    assert warm == cold


COMMANDS = [["search", "camps"], ["check"], ["export"]]


def test_warm_check_and_export_say_what_a_fresh_load_says(
    make_pack: PackFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_pack({"highlights/broken.toml": '[[quote]]\nid = "x"\n'})
    cold = [run(capsys, "--content", str(root), *argv) for argv in COMMANDS]
    assert "error" in cold[1][1] and cold[1][0] == 1
    assert open_compiled(root) is not None
    assert [run(capsys, "--content", str(root), *argv) for argv in COMMANDS] == cold
    export = json.loads(cold[2][1])
    assert export == json.loads(json.dumps(pack_to_dict(load_pack(root).pack)))


def touch(path: Path) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


@pytest.mark.parametrize(
    "change",
    ["touch", "grow", "add", "remove", "add-directory"],
)
def test_any_change_to_the_files_means_an_update_or_a_rebuild(
    root: Path, tmp_path: Path, change: str
) -> None:
    """Never the old database: updated a file at a time (issue 34), else built again."""
    load_and_compile(root, tmp_path)
    assert open_compiled(root, tmp_path) is not None
    article = root / "articles" / "wire.md"
    if change == "touch":
        touch(root / "highlights" / "wire.toml")
    elif change == "grow":
        article.write_text(article.read_text("utf-8") + "\nA zebracorn appears.\n", "utf-8")
    elif change == "add":
        (root / "articles" / "other.md").write_text('+++\ntitle = "Other"\n+++\n\nMore.\n', "utf-8")
    elif change == "remove":
        (root / "comparison.toml").unlink()
    else:
        (root / "highlights" / "more").mkdir()
    compiled = open_compiled(root, tmp_path)
    if compiled is None:
        load_and_compile(root, tmp_path)
        compiled = open_compiled(root, tmp_path)
    assert compiled is not None
    assert results(compiled.search_index()) == results(SearchIndex(load_pack(root).pack))


def test_changed_text_is_searched_not_the_old_database(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--content", str(root), "search", "zebracorn")[0] == 1
    article = root / "articles" / "wire.md"
    article.write_text(article.read_text("utf-8") + "\nA zebracorn appears.\n", "utf-8")
    status, out, _ = run(capsys, "--content", str(root), "search", "zebracorn")
    assert status == 0 and "wire:3" in out


def test_another_app_version_means_a_rebuild(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_and_compile(root, tmp_path)
    monkeypatch.setattr(manifest_module, "__version__", "0.0.0-other")
    assert open_compiled(root, tmp_path) is None


def damaged(good: bytes) -> dict[str, bytes]:
    page = int.from_bytes(good[16:18], "big")
    return {
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "one-byte-short": good[:-1],
        "grown": good + b"\0" * page,
        "garbage": b"garbage" * 1000,
        "header-wiped": b"\0" * 100 + good[100:],
        "pages-wiped": good[:page] + b"\xff" * (len(good) - page),
    }


@pytest.mark.parametrize("how", list(damaged(b"\0" * 4096)))
def test_a_damaged_database_is_built_again(
    root: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = [run(capsys, "--content", str(root), *argv) for argv in COMMANDS]
    path = compiled_path(root)
    good = path.read_bytes()
    for argv, answer in zip(COMMANDS, expected, strict=True):
        path.write_bytes(damaged(good)[how])
        assert run(capsys, "--content", str(root), *argv) == answer
        assert open_compiled(root) is not None  # whole again


def test_when_the_database_cannot_be_written_commands_still_answer(
    root: Path, capsys: pytest.CaptureFixture[str], isolated_cache: Path
) -> None:
    (isolated_cache / "aiplan-tui").write_text("a file where the cache directory belongs")
    for argv in COMMANDS:
        assert run(capsys, "--content", str(root), *argv)[0] == 0
    assert open_compiled(root) is None


def test_a_build_killed_midway_leaves_nothing_that_is_read(root: Path, tmp_path: Path) -> None:
    path = compiled_path(root, tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    left = path.with_name(f".{path.name}.999.dead.tmp")  # as a kill -9 mid-build leaves it
    left.write_bytes(b"SQLite format 3\0" + b"\0" * 200)
    os.utime(left, (1, 1))
    assert open_compiled(root, tmp_path) is None
    load_and_compile(root, tmp_path)
    assert open_compiled(root, tmp_path) is not None
    assert not left.exists()  # swept away by the next build


def test_two_processes_building_at_once_both_answer(root: Path) -> None:
    argv = [sys.executable, "-m", "aiplan_tui", "--content", str(root), "search", "camps"]
    processes = [
        subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0], outputs
    assert len({out for out, _ in outputs}) == 1 and b"q-camps" in outputs[0][0]
    assert not [err for _, err in outputs if err]
    assert open_compiled(root) is not None
    leftovers = [p.name for p in compiled_path(root).parent.iterdir() if p.name.endswith(".tmp")]
    assert not leftovers


@pytest.mark.parametrize("which", ["mini-with-problems", "bundled"])
def test_the_app_starts_on_the_pack_as_loading_it_gives(
    which: str, make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's pack, read back from the database, is the loaded pack object for object
    (and its problems the same), and the app gets it without the pack being read."""
    broken = {"highlights/broken.toml": '[[quote]]\nid = "x"\n'}
    root = make_pack(broken) if which != "bundled" else bundled_content_dir()
    loaded = load_pack(root)
    load_and_compile(root)
    given: list[tuple[object, object]] = []

    def app(result: object, *args: object) -> int:
        given.append((result, args[-1]))
        return 0

    def no_load(*_: object) -> None:
        raise AssertionError("the pack was loaded")

    monkeypatch.setattr("aiplan_tui.cli.app.run_app", app)
    monkeypatch.setattr("aiplan_tui.pack.loader.load_pack", no_load)
    assert cli_main.main(["--content", str(root)]) == 0
    ((content, compiled),) = given
    assert content == root and isinstance(compiled, CompiledPack)
    result, head = start_on(compiled, root, None)
    assert head is None  # a small pack is read whole at once
    assert isinstance(result, type(loaded))
    assert result.pack == loaded.pack
    assert result.problems.items == loaded.problems.items
    assert result.problems.skipped == loaded.problems.skipped
    assert [type(h) for h in result.pack.highlights] == [type(h) for h in loaded.pack.highlights]
