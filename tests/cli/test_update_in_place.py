"""A one-file update reads only the replaced units' numbering when nothing has to move
(compiled/reindex.py, in_place): the database it leaves is the one the whole-table placing
leaves, table for table, through a run of changes that shrink, grow and fill a unit's room,
and it equals a cold build object for object (issue 34)."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import aiplan_tui.compiled.reindex as reindex
from aiplan_tui.compiled.current import compiled_path, load_and_compile, open_compiled
from aiplan_tui.compiled.manifest import pack_manifest
from aiplan_tui.compiled.update import update_compiled
from test_incremental_pack import append, picture

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import pack_gen

TABLES = ("units", "docs", "words", "keys", "stems", "pack", "briefs", "meta", "sources")


def tables(database: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True) as db:
        found = {name: sorted(db.execute(f"SELECT * FROM {name}")) for name in TABLES}
    db.close()
    return found


def cut_last_paragraph(path: Path) -> None:
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text.rpartition("\n\n")[0] + "\n", encoding="utf-8")


def last_article(root: Path) -> Path:
    return sorted((root / "articles").glob("*.md"))[-1]


CHANGES: list[Callable[[Path], None]] = [
    lambda root: append(root / "articles" / "a000001.md", " Updated brandnew."),
    lambda root: cut_last_paragraph(root / "articles" / "a000002.md"),
    lambda root: append(root / "articles" / "a000002.md", "\n\nOne back.\n\nAnd a brandnew one."),
    lambda root: append(root / "articles" / "a000003.md", "\n\nA paragraph into the room."),
    lambda root: append(last_article(root), "\n\nThe last unit grows."),
    lambda root: cut_last_paragraph(last_article(root)),
]


@pytest.mark.parametrize("steps", [2, 3, 4, len(CHANGES)])
def test_in_place_leaves_what_placing_every_unit_leaves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, steps: int
) -> None:
    roots = {}
    for name in ("fast", "whole"):
        roots[name] = tmp_path / name / "pack"
        pack_gen.generate(roots[name], 800)
        load_and_compile(roots[name], tmp_path / name / "cache")
    fitted: list[bool] = []
    real = reindex.in_place

    def counted(*args: object) -> object:
        found = real(*args)  # type: ignore[arg-type]
        fitted.append(found is not None)
        return found

    for change in CHANGES[:steps]:
        for name, root in roots.items():
            change(root)
            if name == "fast":
                monkeypatch.setattr(reindex, "in_place", counted)
            else:
                monkeypatch.setattr(reindex, "in_place", lambda *args: None)
            database = compiled_path(root, tmp_path / name / "cache")
            assert update_compiled(root, database, pack_manifest(root))
    assert any(fitted)
    fast, whole = (compiled_path(roots[n], tmp_path / n / "cache") for n in ("fast", "whole"))
    ours, theirs = tables(fast), tables(whole)
    for name in TABLES:
        if name in ("meta", "sources", "pack", "briefs"):  # (these name their own folder)
            assert len(ours[name]) == len(theirs[name]), name
        else:
            assert ours[name] == theirs[name], name
    root = roots["fast"]
    load_and_compile(root, tmp_path / "cold")
    mine, cold = (
        open_compiled(root, tmp_path / "fast" / "cache"),
        open_compiled(root, tmp_path / "cold"),
    )
    assert mine is not None and cold is not None
    assert picture(mine) == picture(cold)
    mine.close()
    cold.close()
