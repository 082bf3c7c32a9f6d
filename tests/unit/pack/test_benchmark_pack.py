"""The benchmark's generated pack is a valid pack: what the benchmarks time is the real loader
on real files, not a pack that stops at its first error."""

from __future__ import annotations

import sys
from pathlib import Path

from aiplan_tui.pack.loader import load_pack
from conftest import REPO

sys.path.insert(0, str(REPO / "tests" / "benchmarks"))

import pack_gen  # a script beside the benchmarks, not a package


def test_the_generated_pack_loads_without_a_problem(tmp_path: Path) -> None:
    lines = pack_gen.generate(tmp_path / "pack", 300)
    result = load_pack(tmp_path / "pack")
    assert not result.problems.items, [p.format() for p in result.problems.items][:3]
    assert len(result.pack.articles) == 3 and len(result.pack.highlights) == 300
    assert len(lines) == 300
    assert pack_gen.generate(tmp_path / "again", 300) == lines  # a fixed seed: the same pack
