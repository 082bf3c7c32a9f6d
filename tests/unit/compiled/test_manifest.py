"""The pack's manifest taken in a child process (issue 16: a million items' walk of 20,000
files came before the app's first frame): the same answer as taken here, whatever happens to
the child."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

import pytest

from aiplan_tui.compiled import manifest as manifest_module
from aiplan_tui.compiled.current import compiled_path
from aiplan_tui.compiled.manifest import manifest_aside, pack_manifest, worth_walking_aside
from conftest import PackFactory


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The children made, counted; as if no other thread ran (the test runner's may)."""
    made: list[int] = []
    fork = os.fork

    def counted() -> int:
        child = fork()
        if child:
            made.append(child)
        return child

    monkeypatch.setattr(os, "fork", counted)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    return made


@pytest.fixture
def root(make_pack: PackFactory) -> Path:
    """A pack with a sub-folder, a link and a dangling link: every kind of entry the walk
    records."""
    made = make_pack({"articles/more/deep.md": "text\n"})
    (made / "articles" / "linked.md").symlink_to(made / "articles" / "wire.md")
    (made / "articles" / "gone.md").symlink_to(made / "nowhere.md")
    return made


def test_the_manifest_taken_aside_is_the_manifest_taken_here(root: Path, forks: list[int]) -> None:
    taken = manifest_aside(root)
    assert taken() == pack_manifest(root)
    (root / "articles" / "wire.md").write_text("changed and longer\n", encoding="utf-8")
    assert manifest_aside(root)() == pack_manifest(root)  # a change is seen
    assert len(forks) == 2


def test_with_another_thread_running_the_walk_is_done_here(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fork copies only the thread that makes it: with others running (a lock one of
    them holds would stay held in the child), no child is made."""
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked beside another thread"))
    assert manifest_aside(root)() == pack_manifest(root)


def test_a_child_that_fails_leaves_the_walk_to_the_parent(
    root: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    parent = os.getpid()
    walk = manifest_module.pack_manifest

    def only_here(where: Path) -> str:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return walk(where)

    monkeypatch.setattr(manifest_module, "pack_manifest", only_here)
    assert manifest_aside(root)() == walk(root)
    assert len(forks) == 1


def test_without_fork_the_walk_is_done_here(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    opened = len(list(Path("/proc/self/fd").iterdir()))
    monkeypatch.delattr(os, "fork")
    assert manifest_aside(root)() == pack_manifest(root)

    def refused() -> int:
        raise OSError("no more processes")

    monkeypatch.setattr(os, "fork", refused, raising=False)
    assert manifest_aside(root)() == pack_manifest(root)
    assert len(list(Path("/proc/self/fd").iterdir())) == opened  # the pipe made for it is closed


def test_with_sigchld_ignored_the_walk_is_done_here(root: Path, forks: list[int]) -> None:
    """SIGCHLD ignored (a parent can leave it so, across exec): the system reaps the child
    and waiting for it fails; the manifest is then taken here, not a traceback."""
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert manifest_aside(root)() == pack_manifest(root)
    finally:
        signal.signal(signal.SIGCHLD, previous)
    assert len(forks) == 1


def test_the_app_walks_a_large_pack_aside_while_it_imports_its_screens(
    root: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    from aiplan_tui.cli import main

    database = compiled_path(root)
    assert not worth_walking_aside(database)  # none yet
    database.parent.mkdir(parents=True, exist_ok=True)
    database.write_bytes(b"x" * 64)
    assert not worth_walking_aside(database)  # a small pack's is walked here, no child
    monkeypatch.setattr(manifest_module, "WALK_ASIDE_FROM", 64)
    assert worth_walking_aside(database)
    monkeypatch.delitem(sys.modules, "aiplan_tui.ui.app", raising=False)
    args = argparse.Namespace(lite=False)
    assert main._app_manifest(root, args) == pack_manifest(root)
    assert len(forks) == 1
    assert "aiplan_tui.ui.app" in sys.modules  # imported while the child walked
