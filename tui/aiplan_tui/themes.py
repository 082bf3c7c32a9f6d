"""Theme files (TOML) turned into Textual themes, with every problem collected, never raised."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import Theme

from aiplan_tui.problems import Problems
from aiplan_tui.toml_source import KeyLocator, parse_toml, read_text

DEFAULT_THEME = "aiplan-dark"
PALETTE = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "warning",
    "error",
    "success",
)


def load_theme(path: Path, problems: Problems) -> Theme | None:
    """One theme file as a Theme, or None after reporting each bad value with its line."""
    text = read_text(path, problems)
    data = None if text is None else parse_toml(text, path, problems)
    if text is None or data is None:
        return None
    locator = KeyLocator.scan(text)
    before = len(problems.items)
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.error(path, *locator.key("", 0, "name"), 'a theme needs a "name" string')
    if not isinstance(data.get("dark", True), bool):
        problems.error(path, *locator.key("", 0, "dark"), '"dark" must be true or false')
    if "primary" not in data:
        problems.error(path, 1, 1, 'a theme needs a "primary" colour')
    colours: dict[str, str] = {key: data[key] for key in PALETTE if key in data}
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        problems.error(path, *locator.table("variables"), "[variables] must be a table")
        variables = {}
    _check_colours(colours, path, locator, "", problems)
    _check_colours(variables, path, locator, "variables", problems)
    if len(problems.items) > before:
        return None
    return Theme(
        name=str(name),
        dark=bool(data.get("dark", True)),
        variables={key: str(value) for key, value in variables.items()},
        primary=colours["primary"],
        secondary=colours.get("secondary"),
        accent=colours.get("accent"),
        foreground=colours.get("foreground"),
        background=colours.get("background"),
        surface=colours.get("surface"),
        panel=colours.get("panel"),
        warning=colours.get("warning"),
        error=colours.get("error"),
        success=colours.get("success"),
    )


def _check_colours(
    values: dict[str, Any], path: Path, locator: KeyLocator, table: str, problems: Problems
) -> None:
    for key, value in values.items():
        try:
            if not isinstance(value, str):
                raise ColorParseError(f"{value!r} is not a string")
            Color.parse(value)
        except ColorParseError:
            line, col = locator.key(table, 0, key)
            problems.error(path, line, col, f'"{key}" is not a colour: {value!r}')


def load_theme_dir(directory: Path, problems: Problems) -> list[Theme]:
    """Every valid theme in a directory, in name order."""
    if not directory.is_dir():
        return []
    themes = (load_theme(path, problems) for path in sorted(directory.glob("*.toml")))
    return [theme for theme in themes if theme is not None]
