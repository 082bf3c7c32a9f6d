"""The README's other installs: `pipx install .` and `uv tool install .` from the repository
give a working `aiplan-tui` on their own bin directory, and pipx links the man page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, build_ahead, install_env, run_build, shared_build

pytestmark = pytest.mark.slow


def build_tools(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with pipx and uv (from the package index, as a user gets them), made once for
    both tests, whichever processes run them."""

    def build(venv: Path) -> None:
        run_build([sys.executable, "-m", "venv", str(venv)])
        run_build([str(venv / "bin" / "pip"), "install", "-q", "pipx", "uv"])

    return shared_build(tmp_path_factory, "tools", build) / "bin"


build_ahead("tools", build_tools)


@pytest.fixture(scope="session")
def tools(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tools(tmp_path_factory)


def clean_env(home: Path, **more: str) -> dict[str, str]:
    return install_env(HOME=str(home), **more)


def checks_the_bundled_pack(command: Path, env: dict[str, str]) -> None:
    done = subprocess.run([str(command), "check"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors, 1 warning (2 articles" in done.stdout


def test_pipx_install_gives_the_command_and_the_man_page(tools: Path, tmp_path: Path) -> None:
    bin_dir, man_dir = tmp_path / "bin", tmp_path / "man"
    env = clean_env(tmp_path, PIPX_HOME=str(tmp_path / "pipx"), PIPX_BIN_DIR=str(bin_dir),
                    PIPX_MAN_DIR=str(man_dir))  # fmt: skip
    subprocess.run([str(tools / "pipx"), "install", str(REPO)], env=env, check=True,
                   capture_output=True)  # fmt: skip
    checks_the_bundled_pack(bin_dir / "aiplan-tui", env)
    assert (man_dir / "man1" / "aiplan-tui.1").exists()


def test_uv_tool_install_gives_the_command(tools: Path, tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    env = clean_env(tmp_path, UV_TOOL_DIR=str(tmp_path / "uv"), UV_TOOL_BIN_DIR=str(bin_dir),
                    UV_CACHE_DIR=str(tmp_path / "uv-cache"))  # fmt: skip
    subprocess.run([str(tools / "uv"), "tool", "install", str(REPO)], env=env, check=True,
                   capture_output=True)  # fmt: skip
    checks_the_bundled_pack(bin_dir / "aiplan-tui", env)
    assert (tmp_path / "uv" / "aiplan-tui" / "share" / "man" / "man1" / "aiplan-tui.1").exists()
