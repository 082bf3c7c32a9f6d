"""The command line's table (cli/commands.py): every command a module that declares its own
arguments and runs, the parser built from the table and `main` dispatching through it, the
options shared by the commands that read a pack declared once, and the parser light."""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
import types
from collections.abc import Sequence
from pathlib import Path

import pytest

from aiplan_tui.cli import commands
from aiplan_tui.cli.commands import APP, COMMANDS, runner, subcommands
from aiplan_tui.cli.context import PackContext
from aiplan_tui.cli.main import main
from aiplan_tui.cli.parser import build_parser
from aiplan_tui.core.problems import Problems
from aiplan_tui.settings.config import Settings
from conftest import SUBCOMMANDS, PackFactory


def test_the_parser_has_exactly_the_tables_commands_in_its_order() -> None:
    assert list(SUBCOMMANDS) == [name for name in COMMANDS if name is not APP]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_module_says_whether_it_reads_a_pack_and_runs(name: str | None) -> None:
    module = runner(name)
    assert isinstance(module.READS_PACK, bool)
    assert callable(module.run)
    if name is not APP:
        assert callable(dict(subcommands())[name].add_parser)


def test_content_after_a_command_is_one_declaration_for_every_command_that_takes_it() -> None:
    parser = build_parser()
    (found,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    declared = {
        name: action
        for name, sub in found.choices.items()
        for action in sub._actions
        if "--content" in action.option_strings
    }
    assert set(declared) == {"export", "search", "compare", "quotes", "add"}
    assert len({id(action) for action in declared.values()}) == 1  # the parent's own
    top = next(a for a in parser._actions if "--content" in a.option_strings)
    assert top not in declared.values() and top.default is None


def test_content_given_after_the_command_wins_and_before_it_still_counts(tmp_path: Path) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    args = build_parser().parse_args(["--content", str(before), "search", "x"])
    assert args.content == before
    args = build_parser().parse_args(
        ["--content", str(before), "search", "x", "--content", str(after)]
    )
    assert args.content == after
    assert build_parser().parse_args(["search", "x"]).content is None


def test_the_pack_context_is_frozen(make_pack: PackFactory) -> None:
    context = PackContext(Settings(), Problems(), make_pack())
    with pytest.raises(dataclasses.FrozenInstanceError):
        context.content = Path()  # type: ignore[misc]


def fake_command(reads_pack: bool, calls: list[tuple[argparse.Namespace, object]]) -> object:
    module = types.ModuleType("aiplan_tui_fake_command")

    def add_parser(subparsers: object, parents: Sequence[argparse.ArgumentParser]) -> None:
        fake = subparsers.add_parser("fake", help="a test's", parents=parents)  # type: ignore[attr-defined]
        fake.add_argument("--word")

    def run(args: argparse.Namespace, context: object) -> int:
        calls.append((args, context))
        return 7

    module.READS_PACK = reads_pack  # type: ignore[attr-defined]
    module.add_parser = add_parser  # type: ignore[attr-defined]
    module.run = run  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize("reads_pack", [True, False])
def test_main_dispatches_through_the_table(
    reads_pack: bool, make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module added to the table is a command: its parser, and `run` called with the
    settings and pack found once (a PackContext) if it reads a pack, else with None."""
    calls: list[tuple[argparse.Namespace, object]] = []
    monkeypatch.setitem(sys.modules, "aiplan_tui_fake_command", fake_command(reads_pack, calls))
    monkeypatch.setitem(commands.COMMANDS, "fake", "aiplan_tui_fake_command")
    root = make_pack()
    assert main(["fake", "--word", "w", "--content", str(root)]) == 7
    ((args, context),) = calls
    assert args.word == "w"
    if reads_pack:
        assert isinstance(context, PackContext)
        assert context.content == root and context.is_pack()
    else:
        assert context is None


HEAVY = (
    "aiplan_tui.pack.loader",
    "aiplan_tui.compiled.current",
    "aiplan_tui.search.engine",
    "aiplan_tui.authoring.adding",
    "aiplan_tui.compare.matrix",
    "aiplan_tui.core.model",
    "aiplan_tui.settings.config",
    "rich",
    "sqlite3",
    "textual",
)
"""What no command needs to be named: building the parser (and so `--version`, `--help`, and
every command's start) imports none of it."""


def test_building_the_parser_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from aiplan_tui.cli.main import main\n"
        "from aiplan_tui.cli.parser import build_parser\n"
        "build_parser()\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout
