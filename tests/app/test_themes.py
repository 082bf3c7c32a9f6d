"""Theme files: bundled ones build, broken ones are reported with their line and skipped."""

from __future__ import annotations

from pathlib import Path

from aiplan_tui.core.problems import Problems
from aiplan_tui.paths import bundled_themes_dir
from aiplan_tui.settings.themes import DEFAULT_THEME
from aiplan_tui.ui.theme_catalog import load_theme, load_theme_dir
from conftest import make_app


def test_bundled_themes_all_build() -> None:
    problems = Problems()
    themes = load_theme_dir(bundled_themes_dir(), problems)
    assert problems.items == []
    assert DEFAULT_THEME in {theme.name for theme in themes}


def test_bad_colours_are_reported_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        'name = "bad"\nprimary = "#12345G"\n\n[variables]\nside-us = 7\n', encoding="utf-8"
    )
    problems = Problems()
    assert load_theme(path, problems) is None
    assert [p.format().split("bad.toml:")[1] for p in problems.items] == [
        "2:1: error: \"primary\" is not a colour: '#12345G'",
        '5:1: error: "side-us" is not a colour: 7',
    ]


def test_a_theme_needs_a_name_and_a_primary_colour(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_text("dark = 1\n", encoding="utf-8")
    problems = Problems()
    assert load_theme(path, problems) is None
    messages = [p.message for p in problems.items]
    assert messages == [
        'a theme needs a "name" string',
        '"dark" must be true or false',
        'a theme needs a "primary" colour',
    ]


async def test_the_app_starts_in_the_default_theme() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME


def test_every_kind_of_bad_value_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "odd.toml"
    path.write_text(
        'name = "odd"\nansi = "yes"\nprimary = "#000000"\nshine = 1\n\n[variables]\n'
        'side-us = "#FFFFFF"\nglow = "#FFFFFF"\nquote-style = "underline red"\n'
        'fact-style = ""\nside-china = "nope"\n',
        encoding="utf-8",
    )
    problems = Problems()
    assert load_theme(path, problems) is None
    found = [(p.line, p.message.split(" (")[0].split(":")[0]) for p in problems.items]
    assert found == [
        (4, "unknown key 'shine' in a theme"),
        (2, '"ansi" must be true or false'),
        (9, '"quote-style" must be words from'),
        (10, '"fact-style" must be words from'),
        (8, "unknown variable 'glow'"),
        (11, '"side-china" is not a colour'),
    ]


def test_sides_a_pack_adds_can_be_coloured(tmp_path: Path) -> None:
    path = tmp_path / "more.toml"
    path.write_text(
        'name = "more"\nprimary = "#000000"\n[variables]\nside-eu = "#FFCC00"\n', encoding="utf-8"
    )
    problems = Problems()
    theme = load_theme(path, problems)
    assert problems.items == [] and theme is not None
    assert theme.variables["side-eu"] == "#FFCC00"


def test_a_theme_name_is_a_plain_word(tmp_path: Path) -> None:
    """Names are typed in --theme and config.toml, and printed by `aiplan-tui themes`."""
    path = tmp_path / "evil.toml"
    path.write_text('name = "my [bold]x\\u001b[31m"\nprimary = "#336699"\n', encoding="utf-8")
    problems = Problems()
    assert load_theme(path, problems) is None
    (problem,) = problems.items
    assert problem.line == 1 and problem.message.startswith(
        '"name" must be a theme name: up to 64 letters'
    )
