"""After a non-editable install from a clean tree, the command finds its bundled pack anywhere.
The wheel and the venv it is installed in are built once, in conftest.py."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, install_env

pytestmark = pytest.mark.slow


def test_wheel_ships_the_pack_and_the_themes(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in [
        "aiplan_tui/cli/main.py",
        "aiplan_tui/ui/app.tcss",
        "aiplan_tui/bundled/content/pack.toml",
        "aiplan_tui/bundled/content/articles/cnbc-tech-race.md",
        "aiplan_tui/bundled/content/articles/waic-governance.md",
        "aiplan_tui/bundled/content/comparison.toml",
        "aiplan_tui/bundled/themes/aiplan-dark.toml",
    ]:
        assert required in names


def test_wheel_metadata_names_the_licence_and_ships_its_file(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    info = wheel.name.split("-")[0] + "-" + wheel.name.split("-")[1] + ".dist-info"
    metadata = archive.read(f"{info}/METADATA").decode("utf-8").splitlines()
    assert "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata
    assert archive.read(f"{info}/licenses/LICENSE") == (REPO / "LICENSE").read_bytes()
    assert "Classifier: Environment :: Console" in metadata


def test_installed_command_checks_the_bundled_pack_from_anywhere(
    installed_venv: Path, tmp_path: Path
) -> None:
    """The wheel (conftest.py's, shared with the end-to-end tests) in a fresh venv."""
    venv = installed_venv
    python = venv / "bin" / "python"
    env = install_env()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [str(venv / "bin" / "aiplan-tui"), "check"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors, 1 warning (2 articles" in done.stdout
    where = subprocess.run(
        [str(python), "-c", "import aiplan_tui.paths as p; print(p.bundled_content_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(venv)), "the pack must come from the installed wheel"
    page = venv / "share" / "man" / "man1" / "aiplan-tui.1"
    assert page.is_file(), "the man page is installed with the package"
    if shutil.which("man"):  # `man aiplan-tui` finds it from the install's bin on PATH
        env["PATH"] = f"{venv / 'bin'}:{env.get('PATH', '')}"
        env.pop("MANPATH", None)
        found = subprocess.run(["man", "-w", "aiplan-tui"], env=env, capture_output=True,
                               text=True, check=True, cwd=elsewhere)  # fmt: skip
        assert Path(found.stdout.strip()).resolve() == page.resolve()
