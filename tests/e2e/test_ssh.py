"""The installed command over a real SSH connection to a private sshd, driven from tmux."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from e2e.terminal import Sshd, Tmux
from e2e.tour import launch, quit_and_check_restored, start_shell, tour

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


def test_tour_over_ssh_then_the_local_shell_is_as_it_was(
    tmux: Tmux, pane_env: dict[str, str], installed_app: Path, sshd: Sshd, home: Path
) -> None:
    # sshd passes no environment through, so the remote side gets it on the command line.
    remote_env = {
        name: pane_env[name]
        for name in ("HOME", "PATH", "LANG", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
    }
    remote_env["TERM"] = "xterm-256color"
    remote = shlex.join(
        [
            "env",
            "-i",
            *(f"{k}={v}" for k, v in remote_env.items()),
            str(installed_app / "aiplan-tui"),
        ]
    )
    # A script, so that the typed line stays short and the exit status is ssh's (the app's).
    script = home / "app-over-ssh"
    script.write_text(f"exec {sshd.command(remote)}\n", encoding="utf-8")
    before = start_shell(tmux, pane_env)
    launch(tmux, "sh ~/app-over-ssh")
    assert tmux.show("#{pane_current_command}") == "ssh"
    tour(tmux)
    quit_and_check_restored(tmux, before)
    assert f"Accepted publickey for {sshd.user}" in sshd.log.read_text(errors="replace")
