"""The table of commands: each name, and the module that declares and runs it.

A command's module gives `add_parser(subparsers, parents)`, which declares its arguments,
and `run(args, context) -> int`; `READS_PACK` says whether it works on a content pack. The
parser is built from this table and `main` dispatches through it, importing a module by its
name only when it is wanted. A command run imports only its own module to build its parser
(`parser.needed`); `--help`, the completions and the man page import every command's, so each
keeps its top light: what its `run` alone needs, it imports there.
"""

from __future__ import annotations

import importlib
from collections.abc import Collection, Sequence

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    import argparse
    from typing import Protocol

    from aiplan_tui.cli.context import PackContext

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

    # What a command's module gives, for the type checker (main imports the module by name)
    class Runs(Protocol):
        """What `main` runs: the app's entry, and every command."""

        READS_PACK: bool
        """Whether it works on a content pack: `main` then reads the settings, finds the pack
        and hands them to `run` as a PackContext (else `run` is given None)."""

        def run(self, args: argparse.Namespace, context: PackContext | None, /) -> int: ...

    class Command(Runs, Protocol):
        """A subcommand: it also declares its arguments."""

        def add_parser(
            self, subparsers: Subparsers, parents: Sequence[argparse.ArgumentParser], /
        ) -> None:
            """Add its parser to `subparsers`; `parents` hold the options shared by the commands
            that read a pack (`--content` after the command's name), for those that take them."""


APP = None
"""The app's entry: no command given."""

COMMANDS: dict[str | None, str] = {
    APP: "aiplan_tui.cli.app",
    "check": "aiplan_tui.cli.check",
    "export": "aiplan_tui.cli.export",
    "search": "aiplan_tui.cli.search",
    "compare": "aiplan_tui.cli.compare",
    "quotes": "aiplan_tui.cli.quotes",
    "init": "aiplan_tui.cli.init",
    "add": "aiplan_tui.cli.add",
    "themes": "aiplan_tui.cli.themes",
    "serve": "aiplan_tui.cli.serve",
    "completion": "aiplan_tui.cli.completion",
    "keys": "aiplan_tui.cli.keys",
}
"""Every command by its name, in the order `--help` lists them, and the module of each."""


def runner(name: str | None) -> Runs:
    """The module of the command `name` (None: the app), imported now."""
    return importlib.import_module(COMMANDS[name])  # (a module: what Runs names, unchecked)


def subcommands(names: Collection[str] | None = None) -> list[tuple[str, Command]]:
    """Every subcommand (or those of `names`) with its module, in the table's order."""
    return [
        (name, importlib.import_module(module))
        for name, module in COMMANDS.items()
        if name is not APP and (names is None or name in names)
    ]
