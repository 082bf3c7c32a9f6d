"""A cold build interrupted (Ctrl-C, a kill) keeps the files it finished, and the next build
takes them up (issue 34, compiled/staged.py): it says how many it kept, reads only the rest
and the files changed since, and gives what a whole build gives, object for object."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aiplan_tui.compiled.current import compiled_path, load_and_compile, open_compiled
from aiplan_tui.compiled.staged import staged_path
from test_incremental_pack import picture

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import pack_gen

KEPT = "aiplan-tui: taking up an interrupted build: "


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    pack_gen.generate(root, 8000)  # 80 articles and 80 highlight files: 8 batches of 20
    return root


def search(root: Path) -> list[str]:
    return [sys.executable, "-m", "aiplan_tui", "--content", str(root), "search", "brandnew"]


def held_files(staging: Path) -> int | None:
    """The article and highlight files the staging database holds (committed), or None
    while there is none to read."""
    try:
        db = sqlite3.connect(f"{staging.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'manifest'").fetchone()
        entries = json.loads(json.loads(row[0]))[3]
        return sum(
            1
            for name, *_ in entries
            if str(name).startswith(("articles/", "highlights/"))
            and str(name).endswith((".md", ".toml"))
        )
    except (sqlite3.Error, TypeError, ValueError):
        return None
    finally:
        db.close()


def _ctrl_c_as_at_a_terminal() -> None:
    """SIGINT at its default in the command, as at a terminal where Ctrl-C is pressed: CI may
    run the tests with it ignored (a shell's background job, `trap "" INT`), which a child
    inherits, and Python then never turns it into KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def interrupted(root: Path, how: signal.Signals) -> int:
    """Start a cold build (a `search`), interrupt it once it has committed a batch after its
    first, and return how many files the staging database held then."""
    staging = staged_path(compiled_path(root))
    process = subprocess.Popen(
        search(root),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )
    deadline = time.monotonic() + 120
    held = None
    while process.poll() is None and time.monotonic() < deadline:
        held = held_files(staging)
        if held is not None and 40 <= held < 160:  # two batches in, six to go
            process.send_signal(how)
            break
        time.sleep(0.002)  # (polling the database: what is waited for is its content)
    _, stderr = process.communicate(timeout=120)
    assert held is not None and 40 <= held < 160, "the build ended before it was interrupted"
    # ended by the interruption: Ctrl-C's "interrupted" and 130, or the kill
    assert process.returncode == (130 if how == signal.SIGINT else -how), stderr
    kept = held_files(staging)
    assert kept is not None, (stderr, sorted(p.name for p in staging.parent.iterdir()))
    return kept


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_an_interrupted_cold_build_resumes(pack: Path, tmp_path: Path, how: signal.Signals) -> None:
    held = interrupted(pack, how)
    assert held >= 40
    assert open_compiled(pack) is None  # nothing a reader takes for the pack
    # a file the interrupted build finished changes: it is read again
    article = pack / "articles" / "a000000.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nA brandnew closing line.\n")
    done = subprocess.run(search(pack), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{KEPT}{held} of 160 files done" in done.stderr  # the other files read again
    assert "a000000" in done.stdout
    assert not staged_path(compiled_path(pack)).exists()
    load_and_compile(pack, tmp_path / "cold")
    ours, theirs = open_compiled(pack), open_compiled(pack, tmp_path / "cold")
    assert ours is not None and theirs is not None
    assert picture(ours) == picture(theirs)
    ours.close()
    theirs.close()


def test_a_build_in_steps_gives_a_whole_builds_numbering(pack: Path, tmp_path: Path) -> None:
    """Documents numbered as a whole build numbers them, room and all: a later change moves
    no more than it would after a whole build."""
    subprocess.run(search(pack), capture_output=True, timeout=300)  # (no result: exit 1)
    assert staged_path(compiled_path(pack)).exists() is False
    load_and_compile(pack, tmp_path / "cold")
    layouts = []
    for database in (compiled_path(pack), compiled_path(pack, tmp_path / "cold")):
        with sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True) as db:
            layouts.append(
                db.execute("SELECT section, file, base, count FROM units ORDER BY base").fetchall()
            )
        db.close()
    assert layouts[0] and layouts[0] == layouts[1]
