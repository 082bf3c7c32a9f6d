"""The README's commands are the ones CI runs, so they cannot silently drift apart."""

from __future__ import annotations

from conftest import REPO


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    marker = next(i for i, line in enumerate(ci) if "The README's test command" in line)
    command = ci[marker + 1].strip()
    assert command.endswith("python -m pytest")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"\n{command}\n" in readme


def test_readme_lists_every_key_the_help_screen_lists() -> None:
    from aiplan_tui.ui.keys import help_sections

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for _, rows in help_sections({}):
        for keys, description in rows:
            assert f"| `{keys}` | {description} |" in readme
