"""Theme files (TOML) turned into Textual themes, with every problem collected, never raised."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import BUILTIN_THEMES, Theme

from aiplan_tui.problems import Problems
from aiplan_tui.toml_source import KeyLocator, parse_toml, read_text

PALETTE_KEYS = (
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
PALETTE = PALETTE_KEYS
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
TOP_LEVEL = frozenset({"name", "dark", "ansi", "variables", *PALETTE_KEYS})


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
    elif not THEME_NAME.match(name):
        problems.error(
            path,
            *locator.key("", 0, "name"),
            "a theme name is up to 64 letters, digits, '-', '_' or '.' (it is typed in "
            "--theme and config.toml)",
        )
    for flag in ("dark", "ansi"):
        if not isinstance(data.get(flag, flag == "dark"), bool):
            problems.error(path, *locator.key("", 0, flag), f'"{flag}" must be true or false')
    for key in data:
        if key not in TOP_LEVEL:
            problems.error(path, *locator.key("", 0, key), f"unknown key {key!r} in a theme")
    if "primary" not in data:
        problems.error(path, 1, 1, 'a theme needs a "primary" colour')
    colours: dict[str, str] = {key: data[key] for key in PALETTE if key in data}
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        problems.error(path, *locator.table("variables"), "[variables] must be a table")
        variables = {}
    _check_colours(colours, path, locator, "", problems)
    styles = {key: value for key, value in variables.items() if key in STYLE_VARIABLES}
    _check_styles(styles, path, locator, problems)
    side_colours = {k: v for k, v in variables.items() if k not in STYLE_VARIABLES}
    for key in side_colours:
        if not SIDE_VARIABLE.match(str(key)):
            line, col = locator.key("variables", 0, key)
            known = ", ".join(("side-<id>", *STYLE_VARIABLES))
            problems.error(path, line, col, f"unknown variable {key!r} (known: {known})")
    _check_colours(
        {k: v for k, v in side_colours.items() if SIDE_VARIABLE.match(str(k))},
        path,
        locator,
        "variables",
        problems,
    )
    if len(problems.items) > before:
        return None
    return complete(
        Theme(
            name=str(name),
            dark=bool(data.get("dark", True)),
            ansi=bool(data.get("ansi", False)),
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
    )


@cache
def _required_variables() -> frozenset[str]:
    """Every variable Textual's own stylesheets may use: what a full (non-ANSI) theme makes."""
    return frozenset(Theme("probe", primary="#000000").to_color_system().generate())


def complete(theme: Theme) -> Theme:
    """Fill the variables an ANSI theme does not generate but Textual's stylesheets refer to
    (such as `$ansi-background`): without them the stylesheet fails and the app cannot start."""
    if not theme.ansi:  # a full theme generates every variable itself
        return theme
    generated = set(theme.to_color_system().generate()) | set(theme.variables)
    missing = _required_variables() - generated
    if not missing:
        return theme
    builtin = BUILTIN_THEMES["ansi-dark" if theme.dark else "ansi-light"].variables
    filled = {name: builtin.get(name, "ansi_default") for name in sorted(missing)}
    return replace(theme, variables={**filled, **theme.variables})


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


def _check_styles(
    values: dict[str, Any], path: Path, locator: KeyLocator, problems: Problems
) -> None:
    for key, value in values.items():
        words = value.split() if isinstance(value, str) else None
        if not words or any(word not in STYLE_WORDS for word in words):
            line, col = locator.key("variables", 0, key)
            allowed = ", ".join(sorted(STYLE_WORDS))
            problems.error(
                path, line, col, f'"{key}" must be words from: {allowed} (got {value!r})'
            )


def load_theme_dir(directory: Path, problems: Problems) -> list[Theme]:
    """Every valid theme in a directory, in name order."""
    return [entry.theme for entry in catalog_dir(directory, "bundled", problems)]


@dataclass(frozen=True)
class ThemeEntry:
    """A theme with where it came from, for the picker and `aiplan-tui themes`."""

    theme: Theme
    path: Path
    origin: str
    """"bundled" or "user"."""


def catalog_dir(directory: Path, origin: str, problems: Problems) -> list[ThemeEntry]:
    """Every valid theme file in a directory, in file-name order; bad ones reported."""
    if not directory.is_dir():
        return []
    entries = []
    for path in sorted(directory.glob("*.toml")):
        theme = load_theme(path, problems)
        if theme is not None:
            entries.append(ThemeEntry(theme, path, origin))
    return entries


@dataclass
class ThemeCatalog:
    """Bundled themes, then the user's; a user theme with a bundled name replaces it."""

    entries: dict[str, ThemeEntry] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)

    @classmethod
    def load(cls, bundled: Path, user: Path) -> ThemeCatalog:
        catalog = cls()
        for entry in [
            *catalog_dir(bundled, "bundled", catalog.problems),
            *catalog_dir(user, "user", catalog.problems),
        ]:
            catalog.entries[entry.theme.name] = entry
        return catalog

    @property
    def names(self) -> list[str]:
        return list(self.entries)


def rich_colour(value: str) -> str:
    """A theme colour as a Rich style colour: ANSI names become the terminal's own colours."""
    try:
        colour = Color.parse(value)
    except ColorParseError:
        return ""
    if colour.ansi is not None:
        return "default" if colour.ansi < 0 else f"color({colour.ansi})"
    return colour.hex
