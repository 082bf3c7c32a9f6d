"""Theme files made into Textual themes: the bundled ones and the user's, in one catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import BUILTIN_THEMES, Theme

from aiplan_tui.core.problems import Problems
from aiplan_tui.settings.themes import ThemeSpec, read_theme, read_theme_dir


def is_colour(value: str) -> bool:
    """Whether Textual can draw this colour (a name, #hex, rgb(), hsl(), ansi_…)."""
    try:
        Color.parse(value)
    except ColorParseError:
        return False
    return True


def to_theme(spec: ThemeSpec) -> Theme:
    """The Textual theme for a checked theme file."""
    colours = spec.colours
    return complete(
        Theme(
            name=spec.name,
            dark=spec.dark,
            ansi=spec.ansi,
            variables=dict(spec.variables),
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


def load_theme(path: Path, problems: Problems) -> Theme | None:
    """One theme file as a Theme, or None after reporting each bad value with its line."""
    spec = read_theme(path, problems, is_colour)
    return None if spec is None else to_theme(spec)


def load_theme_dir(directory: Path, problems: Problems) -> list[Theme]:
    """Every valid theme in a directory, in name order."""
    return [to_theme(spec) for spec in read_theme_dir(directory, problems, is_colour)]


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


@dataclass(frozen=True)
class ThemeEntry:
    """A theme with where it came from, for the picker and `aiplan-tui themes`."""

    theme: Theme
    path: Path
    origin: str
    """"bundled" or "user"."""


@dataclass
class ThemeCatalog:
    """Bundled themes, then the user's; a user theme with a bundled name replaces it."""

    entries: dict[str, ThemeEntry] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)

    @classmethod
    def load(cls, bundled: Path, user: Path) -> ThemeCatalog:
        catalog = cls()
        for directory, origin in ((bundled, "bundled"), (user, "user")):
            for spec in read_theme_dir(directory, catalog.problems, is_colour):
                catalog.entries[spec.name] = ThemeEntry(to_theme(spec), spec.path, origin)
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
