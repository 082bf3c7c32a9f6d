"""A command's answer without starting an interpreter: `main([...])` run in the test's own
process, its standard output and error caught by pytest (capsys), its exit status kept as a
process's would be (argparse's exits too).

For a test that needs only what a command prints and its status. Signals, pipes, terminals,
the streams' encoding and concurrent processes still need the real command
(conftest.run_cli), as does anything that changes the process (serve sets its environment).
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from aiplan_tui.cli.main import main


@dataclass(frozen=True)
class Answer:
    """What the command said, named as subprocess.CompletedProcess names it."""

    returncode: int
    stdout: str
    stderr: str


def answer(
    capsys: pytest.CaptureFixture[str],
    *args: str,
    cwd: Path | None = None,
    stdin: str | None = None,
) -> Answer:
    """Run `aiplan-tui ARGS...` here: in `cwd` if given, reading `stdin` if given."""
    capsys.readouterr()  # only what this command prints
    here, given = Path.cwd(), sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    if cwd is not None:
        os.chdir(cwd)
    try:
        status = main(list(args))
    except SystemExit as exc:  # argparse: --help, --version, a usage error
        status = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    finally:
        os.chdir(here)
        sys.stdin = given
    out, err = capsys.readouterr()
    return Answer(status, out, err)
