"""Issue 28: a pack write is one transaction. Two `add`s at once lose nothing; an `add` killed
at any of its writes, or out of disk space, leaves the old pack or the new one (finished by
the next command that opens it), and its temporary files go; a Review edit racing another
writer keeps that writer's lines. Writers run in forked processes calling the command's own
`main`, so each holds its lock as the real command does."""

from __future__ import annotations

import contextlib
import errno
import multiprocessing
import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from aiplan_tui.authoring import review
from aiplan_tui.cli.main import main
from aiplan_tui.pack.loader import load_pack

FORK = multiprocessing.get_context("fork")
HEADLINE = "Chip talks resume in Geneva"
ARTICLE_A = (
    f"{HEADLINE}\n\n"
    "“We will keep building the chips we need,” said Dana Whitfield, the chief executive of "
    "Northwind Labs, on Tuesday.\n\n"
    "The company plans to hire 400 engineers next year.\n"
)
ARTICLE_B = (
    f"{HEADLINE}\n\n"
    "“Nothing is settled until everything is settled,” said Marco Ellery, a trade envoy for "
    "the European Union.\n\n"
    "Officials said talks would resume on Friday.\n"
)


def in_child(work: Callable[[], object]) -> multiprocessing.process.BaseProcess:
    """`work` in a forked process, started: its exit code says how it ended."""

    def run() -> None:
        with (
            Path(os.devnull).open("w") as quiet,
            contextlib.redirect_stdout(quiet),
            contextlib.redirect_stderr(quiet),
        ):
            status = work()
        os._exit(status if isinstance(status, int) else 0)

    process = FORK.Process(target=run)
    process.start()
    return process


def add(root: Path, article: Path) -> Callable[[], object]:
    return lambda: main(["add", str(article), "--content", str(root)])


def snapshot(root: Path) -> dict[str, bytes]:
    """The pack's files (not the lock's or a transaction's own)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def leftovers(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob(".*") if p.is_file())


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder / "a.txt", folder / "b.txt"


@pytest.fixture(scope="module")
def empty_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("base") / "pack"
    assert main(["init", str(root)]) == 0
    return root


@pytest.fixture(scope="module")
def each_alone(
    empty_pack: Path, articles: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, bytes]]:
    """What each add writes into the empty pack on its own: the pack after it."""
    after = {}
    for article in articles:
        root = tmp_path_factory.mktemp("alone") / "pack"
        shutil.copytree(empty_pack, root)
        assert main(["add", str(article), "--content", str(root)]) == 0
        after[article.name] = snapshot(root)
    return after


def people(root: Path) -> set[str]:
    return {e.id for e in load_pack(root).pack.entities}


def test_two_adds_at_once_lose_nothing_fifty_times(
    empty_pack: Path, articles: tuple[Path, Path], tmp_path: Path
) -> None:
    wanted = set()
    for article in articles:  # each proposes people of its own
        alone = tmp_path / f"alone-{article.stem}"
        shutil.copytree(empty_pack, alone)
        assert main(["add", str(article), "--content", str(alone)]) == 0
        wanted |= people(alone) - people(empty_pack)
    assert len(wanted) >= 2, "both articles propose a person"
    for trial in range(50):
        root = tmp_path / f"trial-{trial}"
        shutil.copytree(empty_pack, root)
        runs = [in_child(add(root, article)) for article in articles]
        for run in runs:
            run.join()
        assert [run.exitcode for run in runs] == [0, 0], trial
        result = load_pack(root)
        assert not result.problems.errors, (trial, result.problems.items)
        assert len(result.pack.articles) == 2, "the same headline: two articles, two ids"
        assert wanted <= people(root), (trial, wanted - people(root))
        assert not leftovers(root), leftovers(root)


def killed_at(call: str, number: int, work: Callable[[], object]) -> Callable[[], object]:
    """`work`, with the process killed (SIGKILL) at its `number`th call of os.`call`."""

    def run() -> object:
        real = getattr(os, call)
        count = 0

        def counting(*args: object, **kwargs: object) -> object:
            nonlocal count
            count += 1
            if count == number:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        setattr(os, call, counting)
        return work()

    return run


@pytest.mark.parametrize("call", ["replace", "fsync"])
def test_an_add_killed_at_any_write_leaves_the_old_pack_or_the_new_one(
    empty_pack: Path,
    articles: tuple[Path, Path],
    each_alone: dict[str, dict[str, bytes]],
    tmp_path: Path,
    call: str,
) -> None:
    """Killed at each rename (the journal's, then each file's) or at each sync to disk (each
    staged file's, the journal's), then any command: the pack is the old one or the whole
    new one, never a part, and the next writer removes what the killed one left."""
    old, new = snapshot(empty_pack), each_alone[articles[0].name]
    outcomes: list[tuple[int | None, bool]] = []
    for number in range(1, 40):  # until a run ends before the number is reached
        if outcomes and outcomes[-1][0] == 0:
            break
        root = tmp_path / f"{call}-{number}"
        shutil.copytree(empty_pack, root)
        run = in_child(killed_at(call, number, add(root, articles[0])))
        run.join()
        load_pack(root)  # the next command: a committed transaction is finished
        after = snapshot(root)
        assert after in (old, new), (call, number, sorted(after))
        outcomes.append((run.exitcode, after == new))
        assert main(["add", str(articles[1]), "--content", str(root)]) == 0  # the next writer
        assert not leftovers(root), (call, number, leftovers(root))
        assert not load_pack(root).problems.errors
    assert (-signal.SIGKILL, False) in outcomes and (-signal.SIGKILL, True) in outcomes
    assert outcomes[-1] == (0, True), "past its last write, the add is whole"


def full_from(number: int, real: Callable[[int, bytes], int]) -> Callable[[int, bytes], int]:
    """os.write on a disk that fills at its `number`th call: every write from then on fails
    (putting a file back fails too)."""
    count = 0

    def write(fd: int, data: bytes) -> int:
        nonlocal count
        count += 1
        if count >= number:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    return write


def test_a_disk_that_fills_at_any_write_leaves_the_pack_as_it_was(
    empty_pack: Path, articles: tuple[Path, Path], tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    old = snapshot(empty_pack)
    for number in range(1, 4):  # the staged files: entities, article, highlights
        root = tmp_path / f"full-{number}"
        shutil.copytree(empty_pack, root)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(os, "write", full_from(number, os.write))
            status = main(["add", str(articles[0]), "--content", str(root)])
        assert status == 1
        assert "nothing was written: [Errno 28] No space left on device" in capfd.readouterr().err
        assert snapshot(root) == old and not leftovers(root)


def test_review_edits_racing_another_writer_keep_every_line(
    empty_pack: Path, tmp_path: Path
) -> None:
    """Review adds people to entities.toml while another process adds its own, 50 each:
    every one is there after (Review's read-modify-write dropped lines appended meanwhile)."""
    root = tmp_path / "pack"
    shutil.copytree(empty_pack, root)
    entities = root / "entities.toml"

    def other() -> object:
        for n in range(50):
            review.new_entity(entities, f"other-{n}", f"Other {n}")
        return 0

    run = in_child(other)
    for n in range(50):
        review.new_entity(entities, f"mine-{n}", f"Mine {n}")
    run.join()
    assert run.exitcode == 0
    ids = people(root)
    assert {f"mine-{n}" for n in range(50)} | {f"other-{n}" for n in range(50)} <= ids


def test_a_journal_that_came_with_a_pack_moves_nothing_outside_it(
    empty_pack: Path, tmp_path: Path
) -> None:
    """A journal is pack content like any other (a pack from elsewhere may hold one): only a
    temporary file of ours, renamed within its own folder of the pack, is finished."""
    root = tmp_path / "pack"
    shutil.copytree(empty_pack, root)
    victim, planted = tmp_path / "victim.txt", tmp_path / ".victim.txt.1.0badc0de.tmp"
    victim.write_text("mine")
    planted.write_text("theirs")
    inside = root / "entities.toml"
    before = inside.read_bytes()
    (root / ".entities.toml.1.0badc0de.tmp").write_text("not a toml = [")
    (root / ".aiplan-tui.journal").write_text(
        '[["../.victim.txt.1.0badc0de.tmp", "../victim.txt"], '
        f'["{planted}", "{victim}"], ["not-ours.toml", "entities.toml"]]'
    )
    load_pack(root)
    assert victim.read_text() == "mine" and planted.exists()
    assert inside.read_bytes() == before
    assert not leftovers(root), "the journal is done with, the stray temporary file removed"
