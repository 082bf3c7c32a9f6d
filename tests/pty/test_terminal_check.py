"""The app draws on standard error (Textual's choice), so that is the stream that must be a
terminal: with `2>file` the UI would go into the file and the terminal stay blank."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_standard_error_redirected_is_refused_on_the_terminal(tmp_path: Path) -> None:
    master, slave = os.openpty()
    log = tmp_path / "errors.txt"
    env = {**os.environ, "TERM": "xterm-256color", "HOME": str(tmp_path)}
    with log.open("wb") as errors:
        done = subprocess.run(
            [sys.executable, "-m", "aiplan_tui"],
            stdin=slave, stdout=slave, stderr=errors, env=env, timeout=60, check=False,
        )  # fmt: skip
    os.close(slave)
    shown = os.read(master, 65536).decode()
    os.close(master)
    assert done.returncode == 2
    assert "the app draws on standard error, which is not a terminal here" in shown
    assert log.read_bytes() == b""  # nothing drawn into the file
