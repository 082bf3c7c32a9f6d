"""Commands write what the output's encoding can hold: an ASCII or Latin-1 pipe gets JSON with
`\\u` escapes (the same data) and text with replacement characters, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def run(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "aiplan_tui", *args], capture_output=True, env=env, check=False
    )


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_json_is_complete_and_exact_in_any_encoding(encoding: str) -> None:
    exported = run(encoding, "export")
    assert exported.returncode == 0 and exported.stderr == b""
    assert json.loads(exported.stdout) == json.loads(run("utf-8", "export").stdout)
    found = run(encoding, "search", "camps", "--json")
    assert json.loads(found.stdout) == json.loads(run("utf-8", "search", "camps", "--json").stdout)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "command", [["search", "camps"], ["compare", "--format", "md"], ["compare"]]
)
def test_text_commands_replace_what_they_cannot_write(encoding: str, command: list[str]) -> None:
    done = run(encoding, *command)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    assert done.stdout.decode(encoding)  # all of it written, in that encoding
