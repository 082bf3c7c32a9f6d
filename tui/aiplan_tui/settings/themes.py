"""Theme files (TOML) read and checked as data, every problem collected, never raised.

What a colour is belongs to the toolkit that draws it, so the caller passes a colour check
(the app passes Textual's parser); everything else about a theme file is checked here, in one
pass, so a file with several mistakes is reported whole. `aiplan_tui.ui.theme_catalog` makes the
specs into Textual themes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiplan_tui.core.fields import Field, TableAt, Unknown, check_fields
from aiplan_tui.core.problems import Problems
from aiplan_tui.core.toml_source import KeyLocator, parse_toml, read_text

PALETTE_KEYS = (
    "primary", "secondary", "accent", "foreground", "background", "surface", "panel",
    "warning", "error", "success",
)  # fmt: skip
DEFAULT_THEME = "aiplan-dark"
LITE_THEME = "aiplan-ansi"
"""The 16-colour theme: whatever the terminal's own palette is, over any link."""
STYLE_WORDS = frozenset({"bold", "dim", "italic", "underline", "reverse", "strike"})
STYLE_VARIABLES = ("quote-style", "fact-style", "position-style", "event-style", "current-style")
"""How each highlight kind, and the current highlight, is marked: attributes only, no colour,
so highlights stay distinguishable with NO_COLOR or in any palette."""
SIDE_VARIABLE = re.compile(r"side-[a-z0-9][a-z0-9_-]*\Z")
"""`side-<id>` for any side a pack defines; `side-other` colours the sides a theme does not."""
THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\Z")
FIELDS = (
    Field(
        "name",
        required=True,
        pattern=THEME_NAME,
        expected="a theme name: up to 64 letters, digits, '-', '_' or '.' (it is typed in "
        "--theme and config.toml)",
        missing='a theme needs a "name" string',
    ),
    Field("dark", "bool", expected="true or false"),
    Field("ansi", "bool", expected="true or false"),
    Field("primary", required=True, missing='a theme needs a "primary" colour'),
    *(Field(key) for key in PALETTE_KEYS[1:]),
    Field("variables", "table"),
)
UNKNOWN_KEY = Unknown("unknown key {key!r} in a theme", "error")

ColourCheck = Callable[[str], bool]
"""Whether a string is a colour the app can draw."""


@dataclass(frozen=True)
class ThemeSpec:
    """A theme file's checked contents: a palette and variables, all strings."""

    name: str
    path: Path
    dark: bool = True
    ansi: bool = False
    colours: Mapping[str, str] = field(default_factory=dict)
    """Palette key -> colour, for the keys the file sets."""
    variables: Mapping[str, str] = field(default_factory=dict)
    """`side-<id>` colours and `<kind>-style` attribute words."""


def read_theme(path: Path, problems: Problems, is_colour: ColourCheck) -> ThemeSpec | None:
    """One theme file, or None after reporting each bad value with its line."""
    text = read_text(path, problems)
    data = None if text is None else parse_toml(text, path, problems)
    if text is None or data is None:
        return None
    locator = KeyLocator.scan(text)
    before = len(problems.items)
    values, _ = check_fields(data, FIELDS, TableAt(path, locator, ""), problems, UNKNOWN_KEY)
    colours = {key: values[key] for key in PALETTE_KEYS if isinstance(values.get(key), str)}
    _check_colours(colours, is_colour, path, locator, "", problems)
    variables: dict[str, Any] = values.get("variables", {})
    _check_variables(variables, is_colour, path, locator, problems)
    if len(problems.items) > before:
        return None
    return ThemeSpec(
        name=values["name"],
        path=path,
        dark=values.get("dark", True),
        ansi=values.get("ansi", False),
        colours=colours,
        variables={key: str(value) for key, value in variables.items()},
    )


def _check_colours(
    values: Mapping[str, Any],
    is_colour: ColourCheck,
    path: Path,
    locator: KeyLocator,
    table: str,
    problems: Problems,
) -> None:
    for key, value in values.items():
        if not (isinstance(value, str) and is_colour(value)):
            line, col = locator.key(table, 0, key)
            problems.error(path, line, col, f'"{key}" is not a colour: {value!r}')


def _check_variables(
    variables: Mapping[str, Any],
    is_colour: ColourCheck,
    path: Path,
    locator: KeyLocator,
    problems: Problems,
) -> None:
    """Style variables take attribute words only; the rest must be `side-<id>` colours."""
    for key, value in variables.items():
        if key not in STYLE_VARIABLES:
            continue
        words = value.split() if isinstance(value, str) else None
        if not words or any(word not in STYLE_WORDS for word in words):
            allowed = ", ".join(sorted(STYLE_WORDS))
            message = f'"{key}" must be words from: {allowed} (got {value!r})'
            problems.error(path, *locator.key("variables", 0, key), message)
    sides = {k: v for k, v in variables.items() if k not in STYLE_VARIABLES}
    for key in sides:
        if not SIDE_VARIABLE.match(str(key)):
            known = ", ".join(("side-<id>", *STYLE_VARIABLES))
            message = f"unknown variable {key!r} (known: {known})"
            problems.error(path, *locator.key("variables", 0, key), message)
    colours = {k: v for k, v in sides.items() if SIDE_VARIABLE.match(str(k))}
    _check_colours(colours, is_colour, path, locator, "variables", problems)


def read_theme_dir(directory: Path, problems: Problems, is_colour: ColourCheck) -> list[ThemeSpec]:
    """Every valid theme file in a directory, in file-name order; bad ones reported."""
    if not directory.is_dir():
        return []
    specs = [read_theme(path, problems, is_colour) for path in sorted(directory.glob("*.toml"))]
    return [spec for spec in specs if spec is not None]
