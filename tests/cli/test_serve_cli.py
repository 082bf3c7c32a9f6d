"""`aiplan-tui serve` on the command line: loopback by default, a warning and a token anywhere
else, a clear message alone for a port it cannot use; and the command each browser session
runs. (What the server lets through: test_serve_security.py.)"""

from __future__ import annotations

import argparse
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from aiplan_tui.cli.parser import build_parser
from aiplan_tui.cli.serve import app_command, served


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "aiplan_tui", *args], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_it_listens_on_loopback_unless_told_otherwise() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)


def test_anywhere_but_loopback_warns_and_prints_the_address_with_its_token() -> None:
    with socket.socket() as probe:
        probe.bind(("0.0.0.0", 0))
        port = probe.getsockname()[1]
    process = start("serve", "--host", "0.0.0.0", "--port", str(port))
    try:
        assert process.stderr is not None and process.stdout is not None
        first = process.stderr.readline()
        said = [process.stdout.readline() for _ in range(3)]
    finally:
        process.terminate()
        process.communicate(timeout=20)
    assert "warning: listening on 0.0.0.0" in first and "has the token" in first
    assert said[0].startswith("aiplan-tui serve: open in a web browser"), said
    assert said[2].startswith(f"    http://127.0.0.1:{port}/?token="), said


def test_a_port_in_use_or_out_of_range_is_a_usage_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = start("serve", "--port", str(port))
        out, err = process.communicate(timeout=60)
    assert process.returncode == 2, err
    assert err == f"aiplan-tui serve: cannot listen on 127.0.0.1:{port}: Address already in use\n"
    assert out == ""  # no banner for a server that never listened
    process = start("serve", "--port", "70000")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2 and "--port must be 1 to 65535" in err
    process = start("serve", "--max-sessions", "0")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2 and "--max-sessions must be 1 or more" in err


def test_each_session_runs_this_python_on_the_options_given(tmp_path: Path) -> None:
    args = build_parser().parse_args(
        ["--content", str(tmp_path / "my pack"), "--theme", "aiplan-light", "--lite", "serve"]
    )
    argv = shlex.split(app_command(args))
    assert argv[:3] == [sys.executable, "-m", "aiplan_tui"]
    assert argv[3:] == ["--content", str(tmp_path / "my pack"), "--theme", "aiplan-light", "--lite"]
    assert isinstance(args, argparse.Namespace)


def test_only_a_session_the_server_started_counts_as_served(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    web = "textual.drivers.web_driver:WebDriver"
    for served_by_us, driver, expected in (("1", web, True), ("", web, False), ("1", "", False)):
        monkeypatch.setenv("AIPLAN_TUI_SERVED", served_by_us)
        monkeypatch.setenv("TEXTUAL_DRIVER", driver)
        assert served() is expected
