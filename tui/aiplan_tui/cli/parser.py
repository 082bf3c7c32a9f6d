"""The command line's words: the options before any command, and each command's from its own
module (the table in `commands`).

`--help`, the completions and the man page need every command's parser; a command being run
needs only its own, so `main` builds the parser for the words given: the command they name
(or none, for the app and `--version`), and every command only when in doubt.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

from aiplan_tui import __version__
from aiplan_tui.cli.commands import COMMANDS, subcommands

if TYPE_CHECKING:
    from aiplan_tui.cli.commands import Subparsers


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Every command's parser; given the words to parse, only what they need (`needed`)."""
    parser = Parser(
        prog="aiplan-tui",
        description="Read, search and compare coverage of the 2025 US and Chinese AI action plans.",
        epilog="Run without a command to open the app.",
    )
    _add_global_options(parser)
    # prog given: argparse would format a usage line to find it (4 ms, most of building the
    # parser a command needs); with no positional arguments before the command it is the name
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", prog=parser.prog)
    commands = cast("Subparsers", subparsers)
    parents = [pack_options()]
    for _, command in subcommands(None if argv is None else needed(argv)):
        command.add_parser(commands, parents)
    return parser


class Formatter(argparse.HelpFormatter):
    """argparse's help, as wide as the terminal, found without importing `shutil` (and with it
    zlib, bz2 and lzma) as argparse does each time it makes one (every `add_argument`)."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
        width: int | None = None,
    ) -> None:  # fmt: skip
        super().__init__(prog, indent_increment, max_help_position, width or columns() - 2)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help is made by `Formatter`, as are its commands' (argparse makes
    them of the same class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)


def columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` finds it: COLUMNS if a positive
    number, else the width of the terminal on standard output, else 80."""
    try:
        width = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        width = 0
    if width <= 0:
        try:
            width = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            width = 0
    return width or 80


def needed(argv: Sequence[str]) -> list[str] | None:
    """The commands parsing `argv` needs: the one it names, or none (the app, `--version`);
    None, meaning all of them, for anything else: help asked for before a command, a word
    that names no command, options that do not parse. The full parser then says what it
    always said."""
    probe = _Probe(prog="aiplan-tui", add_help=False)
    _add_global_options(probe, probing=True)
    probe.add_argument("words", nargs=argparse.REMAINDER)
    try:
        known, unknown = probe.parse_known_args(argv)
    except _Unclear:
        return None
    if unknown:
        return None
    if not known.words:
        return []
    return [known.words[0]] if known.words[0] in COMMANDS else None


class _Unclear(Exception):
    """The words before the command do not parse: the full parser will say why."""


class _Probe(Parser):
    """The options before the command, parsed to find the command; never exits on an error."""

    def error(self, message: str) -> NoReturn:
        raise _Unclear(message)


def _add_global_options(parser: argparse.ArgumentParser, probing: bool = False) -> None:
    """The options before the command; `probing`, `--version` is noted, not answered."""
    if probing:
        parser.add_argument("--version", action="store_true")
    else:
        parser.add_argument("--version", action="version", version=f"aiplan-tui {__version__}")
    parser.add_argument("--content", metavar="DIR", type=Path, help="content pack to open")
    parser.add_argument("--theme", metavar="NAME", help="start in this theme (see `themes`)")
    parser.add_argument(
        "--lite", action="store_true",
        help="for slow links: no animation, fewer screen updates, the 16-colour theme "
        "(also AIPLAN_TUI_LITE=1)",
    )  # fmt: skip
    parser.add_argument(
        "--config", metavar="FILE", type=Path,
        help="settings file (default: $XDG_CONFIG_HOME/aiplan-tui/config.toml)",
    )  # fmt: skip


def pack_options() -> argparse.ArgumentParser:
    """The options of the commands that read a pack, given after the command's name: its
    parser lists them as its own (`parents`)."""
    options = Parser(add_help=False)
    options.add_argument(  # unset unless given: --content before the command still counts
        "--content", metavar="DIR", type=Path, default=argparse.SUPPRESS,
        help="pack to use (the same as --content before the command)",
    )  # fmt: skip
    return options
