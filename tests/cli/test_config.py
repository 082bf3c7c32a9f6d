"""config.toml: every setting read, every mistake reported with its line, defaults otherwise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from aiplan_tui.core.problems import Problems
from aiplan_tui.settings.config import check_keys, load_settings
from conftest import PackFactory


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_missing_file_means_defaults(tmp_path: Path) -> None:
    problems = Problems()
    settings = load_settings(tmp_path / "nope.toml", problems)
    assert (settings.theme, settings.content, settings.keys) == (None, None, {})
    assert problems.items == []


def test_every_setting_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'theme = "aiplan-light"\ncontent = "packs/mine"\n\n[keys]\nquotes = "4"\nsearch = "f,ctrl+f"\n',
    )
    problems = Problems()
    settings = load_settings(path, problems)
    assert problems.items == []
    assert settings.theme == "aiplan-light"
    assert settings.content == tmp_path / "packs/mine"  # relative to the config file
    assert settings.keys == {"quotes": "4", "search": "f,ctrl+f"}


def test_mistakes_are_reported_with_their_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'thme = "x"\ntheme = 3\ncontent = ""\n\n[keys]\nquotes = ""\nsearch = 5\n',
    )
    problems = Problems()
    settings = load_settings(path, problems)
    found = [(p.line, p.severity, p.message) for p in problems.items]
    assert found == [
        (1, "warning", "unknown setting 'thme' (did you mean \"theme\"?); ignored"),
        (2, "error", '"theme" must be a theme name'),
        (3, "error", '"content" must be a path'),
        (6, "error", 'keys for \'quotes\' must be like "ctrl+f" or "f,ctrl+f"'),
        (7, "error", 'keys for \'search\' must be like "ctrl+f" or "f,ctrl+f"'),
    ]
    assert (settings.theme, settings.content, settings.keys) == (None, None, {})


def test_syntax_errors_and_directories_are_reported(tmp_path: Path) -> None:
    problems = Problems()
    load_settings(write(tmp_path, 'theme = "x\n'), problems)
    assert problems.items[0].line == 1 and "TOML syntax" in problems.items[0].message
    folder = tmp_path / "dir.toml"
    folder.mkdir()
    problems = Problems()
    load_settings(folder, problems)
    assert "is a directory" in problems.items[0].message


def test_unknown_binding_ids_are_reported_and_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\nquotes = "4"\nqoutes = "5"\n')
    problems = Problems()
    settings = load_settings(path, problems)
    assert check_keys(settings, {"quotes", "search"}, problems) == {"quotes": "4"}
    (problem,) = problems.items
    assert problem.line == 3
    assert "no key binding has the id 'qoutes' (did you mean \"quotes\"?)" in problem.message


def test_the_command_line_uses_the_configured_pack(tmp_path: Path, make_pack: PackFactory) -> None:
    pack = make_pack()
    path = write(tmp_path, f'content = "{pack}"\ncolour = "red"\n')
    done = subprocess.run(
        [sys.executable, "-m", "aiplan_tui", "--config", str(path), "search", "camps", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert '"id": "q-camps"' in done.stdout  # only the mini pack has this id
    assert "config.toml:2:1: warning: unknown setting 'colour'" in done.stderr
