"""The installed app, a private tmux per test, and the environment a pane starts with."""

from __future__ import annotations

import os
import pwd
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO, build_ahead, install_env, run_build, shared_build
from e2e.terminal import SSHD, STARTUP_TIMEOUT, TMUX, Sshd, Tmux, need, pane_environment


def build_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this tree, once in a run: every process's tests share it."""

    def build(out: Path) -> None:
        run_build(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
             "-w", str(out), str(REPO)],
        )  # fmt: skip

    (built,) = shared_build(tmp_path_factory, "e2e-dist", build).glob("aiplan_tui-*.whl")
    return built


def build_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed (not editable), once in a run, shared by every
    process's tests: its root. They only run what it installed, and never write into it."""

    def build(root: Path) -> None:
        venv = root / "venv"
        run_build([sys.executable, "-m", "venv", str(venv)])
        run_build(
            [str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
             str(build_wheel(tmp_path_factory))],
            env=install_env(),
        )  # fmt: skip
        assert (venv / "bin" / "aiplan-tui").exists()

    return shared_build(tmp_path_factory, "e2e-venv", build) / "venv"


build_ahead("wheel", build_wheel)
build_ahead("installed_venv", build_venv)  # about half a minute of pip: begun as the run begins


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory)


@pytest.fixture(scope="session")
def installed_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_venv(tmp_path_factory)


@pytest.fixture(scope="session")
def installed_app(installed_venv: Path) -> Path:
    """The installed command's bin/, for the tests that drive it in tmux."""
    need("tmux", TMUX)
    return installed_venv / "bin"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    return home


@pytest.fixture
def pane_env(installed_app: Path, home: Path) -> dict[str, str]:
    """A clean environment for the pane's shell: the venv first on PATH, private HOME and XDG."""
    return pane_environment(installed_app, home)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    need("tmux", TMUX)
    server = Tmux(tmp_path)
    yield server
    server.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sshd]:
    """sshd -D on a free port, configured entirely in a temporary directory."""
    need("sshd", SSHD)
    need("ssh", "/usr/bin/ssh")
    root = tmp_path_factory.mktemp("sshd")
    for name in ("host_key", "client_key"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(root / name)], check=True
        )
    (root / "authorized_keys").write_bytes((root / "client_key.pub").read_bytes())
    user = pwd.getpwuid(os.getuid()).pw_name
    port = free_port()
    config = root / "sshd_config"
    config.write_text(
        f"""\
Port {port}
ListenAddress 127.0.0.1
HostKey {root / "host_key"}
AuthorizedKeysFile {root / "authorized_keys"}
PidFile {root / "sshd.pid"}
AllowUsers {user}
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
""",
        encoding="utf-8",
    )
    # sshd refuses to start without its privilege separation directory.
    Path("/run/sshd").mkdir(mode=0o755, parents=True, exist_ok=True)
    checked = subprocess.run(
        [SSHD, "-t", "-f", str(config)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, f"sshd -t: {checked.stderr}"
    log = root / "sshd.log"
    with log.open("wb") as log_file:
        server = subprocess.Popen(
            [SSHD, "-D", "-f", str(config), "-e"], stdout=log_file, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            assert server.poll() is None, f"sshd exited: {log.read_text(errors='replace')}"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, f"sshd never listened on {port}"
                time.sleep(0.1)
        yield Sshd(port=port, key=root / "client_key", user=user, log=log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
