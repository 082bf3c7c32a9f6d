"""The README's commands are the ones CI runs, so they cannot silently drift apart, and the README
stays short."""

from __future__ import annotations

from conftest import REPO


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    marker = next(i for i, line in enumerate(ci) if "The README's test command" in line)
    command = ci[marker + 1].strip()
    assert command.endswith("python -m pytest")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"\n{command}\n" in readme


def test_readme_fits_on_a_screen() -> None:
    """References live in docs/ (tests/test_docs.py checks the generated ones and the links)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 200
    install = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/aiplan-tui"
    assert f"\n{install}\n" in readme
