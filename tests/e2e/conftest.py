"""The installed app, a private tmux per test, and the environment a pane starts with."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO
from e2e.terminal import PROMPT, TMUX, Tmux, need


@pytest.fixture(scope="session")
def installed_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this tree, installed (not editable) into a fresh venv: its bin/."""
    need("tmux", TMUX)
    out = tmp_path_factory.mktemp("e2e-dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(REPO)],
        check=True,
    )  # fmt: skip
    (wheel,) = out.glob("aiplan_tui-*.whl")
    venv = tmp_path_factory.mktemp("e2e-venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        env=env,
    )
    assert (venv / "bin" / "aiplan-tui").exists()
    return venv / "bin"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    return home


@pytest.fixture
def pane_env(installed_app: Path, home: Path) -> dict[str, str]:
    """A clean environment for the pane's shell: the venv first on PATH, private HOME and XDG."""
    return {
        "HOME": str(home),
        "PATH": f"{installed_app}:/usr/local/bin:/usr/bin:/bin",
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PS1": PROMPT,
        "HISTFILE": "/dev/null",
    }


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    need("tmux", TMUX)
    server = Tmux(tmp_path)
    yield server
    server.close()
