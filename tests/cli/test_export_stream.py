"""`export` streams from the compiled pack (issue 34): every format, whole or narrowed to one
article, is the same to the byte as from the pack loaded whole, for the bundled pack, a
generated one and one with what a generator never writes; after a change the pack's stored
text is what a cold build stores; the pack is never loaded whole, and memory does not grow
with the pack."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from aiplan_tui.cli.main import main
from aiplan_tui.compiled.current import compiled_path, open_compiled
from aiplan_tui.compiled.store import CompiledPack
from aiplan_tui.core.export import pack_to_dict
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from conftest import PackFactory
from in_process import answer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import pack_gen  # a script beside the benchmarks, not a package

Capsys = pytest.CaptureFixture[str]
FORMATS = ["json", "csl-json", "ris", "bibtex", "annotations"]

SECOND = """\
+++
title = "Ünïcode — and \\"quotes\\" {braces} 😀"
outlet = "Ledger"
author = "Ana López and Wei Zhang"
published = 2025-07-26
accessed = 2025-07-28
url = "https://ledger.example/a?b=c d"
sides = ["china"]
+++

Ministers met in Genève on Monday. "We are close," an envoy said, line\u2028separated.

A second paragraph, with the figure of 3.5 percent.
"""

SECOND_HIGHLIGHTS = """\
[[event]]
id = "e-geneve"
article = "second"
exact = "Ministers met in Genève on Monday"
date = 2025-07-21

[[quote]]
id = "q-close"
article = "second"
status = "suggested"
direct = true
exact = "We are close,"

[[position]]
id = "p-figure"
article = "second"
exact = "3.5 percent"
side = "china"
according_to = "george-chen"
note = "as reported"
"""


def rich_pack(make_pack: PackFactory) -> Path:
    """The mini pack with a second article and what generated packs lack: dates, an
    address, text beyond ASCII, a suggested highlight between accepted ones, and a broken
    highlight file (a problem reported on stderr)."""
    return make_pack(
        {
            "articles/second.md": SECOND,
            "highlights/second.toml": SECOND_HIGHLIGHTS,
            "highlights/broken.toml": '[[quote]]\nid = "x"\n',
        }
    )


def generated(tmp_path: Path, items: int) -> Path:
    root = tmp_path / f"gen{items}"
    pack_gen.generate(root, items)
    return root


def outputs(capsys: Capsys, root: Path, article: str) -> list[tuple[int, str, str]]:
    found = []
    for fmt in FORMATS:
        for narrowed in ([], ["--article", article]):
            done = answer(capsys, "--content", str(root), "export", "--format", fmt, *narrowed)
            found.append((done.returncode, done.stdout, done.stderr))
    return found


def never_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pack read whole, from its files or from the compiled pack, fails the test."""

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the whole pack was loaded")

    monkeypatch.setattr("aiplan_tui.pack.loader.load_pack", refuse)
    monkeypatch.setattr(CompiledPack, "load_result", refuse)


def loaded_outputs(
    capsys: Capsys, root: Path, article: str, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[int, str, str]]:
    """Every format as the pack loaded whole gives it (no compiled pack read or written)."""
    with monkeypatch.context() as patched:
        patched.setattr("aiplan_tui.cli.warm.answer_from_compiled", lambda *_: None)
        patched.setattr("aiplan_tui.cli.warm.answer_built", lambda *_: None)
        patched.setattr("aiplan_tui.compiled.current.compile_loaded", lambda *_, **__: None)
        return outputs(capsys, root, article)


@pytest.mark.parametrize("compiled_by", ["export", "search"])
@pytest.mark.parametrize("which", ["rich", "bundled", "generated"])
def test_every_format_streamed_is_the_loaded_packs_to_the_byte(
    which: str,
    compiled_by: str,
    make_pack: PackFactory,
    tmp_path: Path,
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Compiled by `export` or by `search`, the whole JSON is each file's stored text; every
    other format and every article's are made from the rows."""
    root, article = {
        "rich": lambda: (rich_pack(make_pack), "second"),
        "bundled": lambda: (bundled_content_dir(), "cnbc-tech-race"),
        "generated": lambda: (generated(tmp_path, 300), "a000001"),
    }[which]()
    loaded = loaded_outputs(capsys, root, article, monkeypatch)
    assert open_compiled(root) is None
    answer(
        capsys, "--content", str(root), compiled_by, *(["chips"] if compiled_by == "search" else [])
    )
    compiled = open_compiled(root)
    assert compiled is not None
    compiled.close()
    with monkeypatch.context() as patched:
        never_loaded(patched)
        assert outputs(capsys, root, article) == loaded
    whole = json.dumps(pack_to_dict(load_pack(root).pack), ensure_ascii=False, indent=2)
    assert loaded[0][1] == whole + "\n"
    assert all(status == 0 and out for status, out, _ in loaded)
    if which == "rich":
        assert "broken.toml" in loaded[0][2]
        data = json.loads(loaded[0][1])
        assert [h["id"] for h in data["suggested"]] == ["q-close"]
        assert "e-geneve" in [h["id"] for h in data["highlights"]]


def test_after_a_one_file_change_the_export_is_streamed_and_new(
    make_pack: PackFactory, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = rich_pack(make_pack)
    assert answer(capsys, "--content", str(root), "export").returncode == 0
    article = root / "articles" / "second.md"
    article.write_text(article.read_text("utf-8") + "\nA zebracorn appears.\n", "utf-8")
    with monkeypatch.context() as patched:
        never_loaded(patched)
        streamed = answer(capsys, "--content", str(root), "export")
    assert "zebracorn" in streamed.stdout
    fresh = json.dumps(pack_to_dict(load_pack(root).pack), ensure_ascii=False, indent=2)
    assert streamed.stdout == fresh + "\n"


def test_an_unknown_article_is_a_usage_error_from_the_compiled_pack(
    make_pack: PackFactory, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = rich_pack(make_pack)
    cold = answer(capsys, "--content", str(root), "export", "--article", "nope")
    with monkeypatch.context() as patched:
        never_loaded(patched)
        warm = answer(capsys, "--content", str(root), "export", "--article", "nope")
    assert warm == cold
    assert cold.returncode == 2 and "articles: second, wire" in cold.stderr


def damage(root: Path, section: int, last: bool) -> None:
    """One row of the compiled pack's section made unreadable, and the stored export text of
    the same place (the file stays whole)."""
    db = sqlite3.connect(compiled_path(root))
    order = "DESC" if last else "ASC"
    db.execute(
        "UPDATE pack SET item = '[' WHERE rowid = "
        f"(SELECT rowid FROM pack WHERE section = ? ORDER BY file {order}, n {order} LIMIT 1)",
        (section,),
    )
    part = {0: 0, 4: 6}[section]  # the pack's own object; the comparison
    db.execute("UPDATE exports SET text = x'00' WHERE part = ?", (part,))
    db.commit()
    db.close()


def test_a_row_damaged_before_anything_is_written_means_the_pack_is_read(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    root = rich_pack(make_pack)
    answer(capsys, "--content", str(root), "search", "chips")
    whole = answer(capsys, "--content", str(root), "export")
    damage(root, 0, last=False)  # the pack's own row: read first
    assert answer(capsys, "--content", str(root), "export") == whole


def test_a_row_damaged_part_way_cuts_the_output_says_so_and_is_rebuilt(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    root = rich_pack(make_pack)
    answer(capsys, "--content", str(root), "search", "chips")
    whole = answer(capsys, "--content", str(root), "export")
    damage(root, 4, last=True)  # the last comparison cell: written near the end
    cut = answer(capsys, "--content", str(root), "export")
    assert cut.returncode == 1
    assert whole.stdout.startswith(cut.stdout) and cut.stdout != whole.stdout
    assert "damaged part way" in cut.stderr and "run the export again" in cut.stderr
    assert answer(capsys, "--content", str(root), "export") == whole


@pytest.mark.parametrize("compiled_by", ["export", "search"])
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_streamed_json_is_escaped_as_json_dumps_escapes(
    make_pack: PackFactory, encoding: str, compiled_by: str
) -> None:
    root = rich_pack(make_pack)
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    command = [sys.executable, "-m", "aiplan_tui", "--content", str(root)]
    first = ["search", "chips"] if compiled_by == "search" else ["export"]
    subprocess.run([*command, *first], env=env, capture_output=True, check=False)
    streamed = subprocess.run([*command, "export"], env=env, capture_output=True, check=False)
    data = pack_to_dict(load_pack(root).pack)
    assert streamed.stdout.decode("ascii") == json.dumps(data, indent=2) + "\n"


class Sink(io.TextIOBase):
    """An output that keeps nothing (as a pipe to another program), counting what it is given."""

    encoding = "utf-8"
    written = 0

    def write(self, text: str) -> int:
        self.written += len(text)
        return len(text)


def peak_while_exporting(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """The peak of memory allocated while `export` runs, and how much it wrote."""
    sink = Sink()
    with monkeypatch.context() as patched:
        patched.setattr(sys, "stdout", sink)
        tracemalloc.start()
        try:
            assert main(["--content", str(root), "export"]) == 0
            return tracemalloc.get_traced_memory()[1], sink.written
        finally:
            tracemalloc.stop()


@pytest.mark.slow
def test_memory_while_exporting_does_not_grow_with_the_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for compiled_by in (["search", "chips"], ["export"]):  # compiled by either
        peaks = []
        for items in (2_000, 12_000):
            root = generated(tmp_path / compiled_by[0], items)
            with monkeypatch.context() as patched:
                patched.setattr(sys, "stdout", Sink())
                assert main(["--content", str(root), *compiled_by]) in (0, 1)  # compiled
            peaks.append(peak_while_exporting(root, monkeypatch))
        (small, less), (large, more) = peaks
        assert large - small < (more - less) / 10, peaks  # six times the pack: a little more
        assert large < more / 4, peaks  # nothing like the whole output held
