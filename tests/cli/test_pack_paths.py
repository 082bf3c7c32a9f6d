"""Issue 28: a compiled pack names files relative to the pack's root. Compiled by a command
run with a relative path (`check p`, `search ... --content p`) and opened later from another
folder, its highlights' files are the pack's own, never another pack's at the same relative
path; so Review's edits land in the pack on screen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aiplan_tui.authoring import review
from aiplan_tui.compiled.current import load_and_compile, open_compiled
from aiplan_tui.pack.loader import load_pack
from conftest import HIGHLIGHTS, PackFactory, run_cli

SUGGESTED = HIGHLIGHTS.replace('id = "q-camps"', 'id = "q-camps"\nstatus = "suggested"')


def two_packs(make_pack: PackFactory, tmp_path: Path) -> tuple[Path, Path]:
    """`here/p` (the pack) and `there/p` (another pack at the same relative path)."""
    made = make_pack({"highlights/wire.toml": SUGGESTED, "highlights/extra.toml": "# x\n"})
    here, there = tmp_path / "here", tmp_path / "there"
    shutil.copytree(made, here / "p")
    shutil.copytree(made, there / "p")
    return here, there


def test_a_pack_compiled_from_a_relative_path_names_its_own_files_from_anywhere(
    make_pack: PackFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here, there = two_packs(make_pack, tmp_path)
    monkeypatch.chdir(here)
    load_and_compile(Path("p"))  # as `check p` or `search x --content p` does
    monkeypatch.chdir(there)
    root = Path("../here/p")  # the same pack, named from another folder
    compiled = open_compiled(root)
    assert compiled is not None, "the database is current for the pack, from anywhere"
    result = compiled.load_result(root)
    compiled.close()
    sources = {h.id: h.source.path for h in (*result.pack.highlights, *result.pack.suggested)}
    assert sources["q-camps"] == root / "highlights" / "wire.toml"
    assert all(path.resolve().is_relative_to((here / "p").resolve()) for path in sources.values())
    assert result.pack == load_pack(root).pack, "the same objects as a fresh load"
    assert [p.path for p in result.problems.items] == [
        p.path for p in load_pack(root).problems.items
    ]


def test_review_edits_the_pack_on_screen_after_a_relative_check(
    make_pack: PackFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's repro: `check p` in one folder, the pack opened from another where a
    different `p` exists; accepting the suggestion changed that other pack."""
    here, there = two_packs(make_pack, tmp_path)
    assert run_cli("search", "camps", "--content", "p", cwd=here).returncode == 0
    other_before = (there / "p" / "highlights" / "wire.toml").read_bytes()
    monkeypatch.chdir(there)
    root = here / "p"  # as `aiplan-tui --content /abs/here/p` names it
    compiled = open_compiled(root)
    assert compiled is not None
    (suggestion,) = compiled.load_result(root).pack.suggested
    compiled.close()
    review.accept(suggestion.source.path, suggestion.id)
    assert (there / "p" / "highlights" / "wire.toml").read_bytes() == other_before
    assert not load_pack(here / "p").pack.suggested, "accepted in the pack it came from"
