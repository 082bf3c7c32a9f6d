"""A command imports only what it uses (issue 34): run in a fresh interpreter, `--version`
loads neither Textual, Rich nor the pack's parts, and a warm `search` or `export` of the
bundled pack neither Textual nor the TOML parser (the pack is not read, only its compiled
database). A warm `search chips` imports no rapidfuzz (a small pack's typo candidates are
measured in Python), no `shutil` (argparse's help width) and no other command's module (the
parser is built for the command named)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CODE = """\
import contextlib, io, sys
from aiplan_tui.cli.main import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main(sys.argv[1:])
print(" ".join(sorted({m.split(".")[0] for m in sys.modules} | set(sys.modules))))
"""


def modules_after(*argv: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", CODE, *argv], capture_output=True, text=True, check=True
    )
    return set(done.stdout.splitlines()[-1].split())


def test_version_imports_no_textual_rich_or_pack() -> None:
    loaded = modules_after("--version")
    unwanted = {"textual", "rich", "tomli", "sqlite3", "json", "aiplan_tui.core.model", "shutil"}
    assert not loaded & unwanted


@pytest.mark.parametrize("command", [["search", "chips"], ["export"]])
def test_a_warm_command_imports_neither_textual_nor_the_toml_parser(command: list[str]) -> None:
    modules_after(*command)  # compiles the bundled pack if it is not yet
    loaded = modules_after(*command)
    assert "aiplan_tui.cli.main" in loaded  # the probe sees what the command imported
    assert not loaded & {"textual", "tomli", "aiplan_tui.pack.loader"}
    if command[0] == "search":
        assert "rich" not in loaded  # its output is not a terminal: plain lines
        assert "rapidfuzz" not in loaded  # a small pack's typo candidates: search/typos.py
        assert "shutil" not in loaded  # argparse's help width: cli/parser.py's Formatter
        assert "aiplan_tui.compiled.progress" not in loaded  # only a build shows progress
    else:  # the pack's JSON: no search engine, no other format's modules
        unused = {"aiplan_tui.search.engine", "rapidfuzz", "aiplan_tui.core.annotations"}
        assert not loaded & (unused | {"aiplan_tui.core.references"})


@pytest.mark.parametrize(
    ("argv", "needed"),
    [
        (["search", "chips", "--limit", "3"], ["search"]),
        (["--content", "search", "--theme", "x", "export", "--json"], ["export"]),
        (["--cont=d", "--lite", "quotes"], ["quotes"]),  # an abbreviation, as argparse allows
        (["--version"], []),
        ([], []),  # the app
        (["search", "--help"], ["search"]),
        (["--help", "search"], None),  # the list of every command
        (["serach", "x"], None),  # "invalid choice", with every choice
        (["--content"], None),  # the full parser says what is missing
        (["--bogus", "search"], None),
    ],
)
def test_the_parser_is_built_for_the_command_named(
    argv: list[str], needed: list[str] | None
) -> None:
    from aiplan_tui.cli.parser import needed as commands_needed

    assert commands_needed(argv) == needed


def test_a_command_imports_no_other_commands_module() -> None:
    from aiplan_tui.cli.commands import COMMANDS

    others = {module for name, module in COMMANDS.items() if name != "search"}
    assert not modules_after("search", "chips") & others
    assert not modules_after("--version") & set(COMMANDS.values())


@pytest.mark.parametrize("columns", ["50", "0", "x", None])
def test_help_is_as_wide_as_argparse_makes_it(columns: str | None) -> None:
    """The parser finds the width without `shutil`, as `shutil` would: COLUMNS, else the
    terminal (none here), else 80."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    code = (
        "import argparse, sys\n"
        "from aiplan_tui.cli.parser import build_parser\n"
        "parser = build_parser()\n"
        "ours = parser.format_help()\n"
        "parser.formatter_class = argparse.HelpFormatter\n"
        "print(ours == parser.format_help(), len(max(ours.splitlines(), key=len)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    same, widest = done.stdout.split()
    assert same == "True"
    assert int(widest) <= (48 if columns == "50" else 78)
