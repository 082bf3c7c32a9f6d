"""The command line's words: the options before any command, and each command's from its own
module (the table in `commands`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from aiplan_tui import __version__
from aiplan_tui.cli.commands import subcommands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiplan-tui",
        description="Read, search and compare coverage of the 2025 US and Chinese AI action plans.",
        epilog="Run without a command to open the app.",
    )
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    parents = [pack_options()]
    for _, command in subcommands():
        command.add_parser(commands, parents)
    return parser


def pack_options() -> argparse.ArgumentParser:
    """The options of the commands that read a pack, given after the command's name: its
    parser lists them as its own (`parents`)."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(  # unset unless given: --content before the command still counts
        "--content", metavar="DIR", type=Path, default=argparse.SUPPRESS,
        help="pack to use (the same as --content before the command)",
    )  # fmt: skip
    return options
