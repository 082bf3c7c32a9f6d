"""The README's commands are the ones CI runs, so they cannot silently drift apart, and the README
stays short."""

from __future__ import annotations

import pytest

from conftest import REPO
from in_process import answer


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    marker = next(i for i, line in enumerate(ci) if "The README's test command" in line)
    command = ci[marker + 1].strip()
    assert command.endswith("python -m pytest")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"\n{command}\n" in readme


def test_readme_fits_on_a_screen() -> None:
    """References live in docs/ (tests/cli/test_docs.py checks the generated ones and the links)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 200
    install = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/aiplan-tui"
    assert f"\n{install}\n" in readme


def test_the_readmes_brief_is_what_compare_prints(capsys: pytest.CaptureFixture[str]) -> None:
    """The brief's ending shown in the README is the command's output, to the character."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From reading to a brief\n", 1)[1].split("\n## ", 1)[0]
    shown = section.split("```markdown\n", 1)[1].split("\n```", 1)[0]
    done = answer(capsys, "compare", "--format", "md", "--footnotes")
    assert done.returncode == 0 and done.stdout.endswith(f"\n{shown}\n")
    assert "[^1]: " in shown  # the footnotes are in what it shows
    assert answer(capsys, "export", "--format", "csl-json").returncode == 0
