"""Bundled themes are readable and their highlights distinguishable, measured rather than eyeballed.

Theme files are read with tomllib/tomli directly, so these checks do not depend on the loader.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrast import (
    ANSI_DEFAULT_BACKGROUND,
    ANSI_DEFAULT_FOREGROUND,
    ANSI_RGB,
    DEFICIENCIES,
    RGB,
    Deficiency,
    ansi_rgb,
    contrast_ratio,
    delta_e,
    parse_hex,
    simulate,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from aiplan_tui.settings.themes import PALETTE_KEYS, STYLE_WORDS

THEMES_DIR = Path(__file__).resolve().parents[3] / "themes"
THEME_FILES = sorted(THEMES_DIR.glob("*.toml"))
KIND_STYLES = ("quote-style", "fact-style", "position-style", "event-style")
HIGH_CONTRAST = {"aiplan-high-contrast"}
AA, AAA = 4.5, 7.0
COLOURBLIND = "aiplan-colourblind"
MIN_DELTA_E = 20.0
"""CIE76 ΔE of about 2.3 is just noticeable for large patches side by side. Side colours are
thin text strokes, seen apart rather than touching, where small-field colour discrimination is
much weaker, so ask for about ten times that: two sides' text must read as different colours,
not as a nuance."""


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


THEMES = {path.stem: load(path) for path in THEME_FILES}


def colour(theme: dict[str, Any], value: str, role: str = "foreground") -> RGB:
    """A theme colour as RGB. In an `ansi = true` theme the real colours are the terminal's own;
    this resolves them through Textual's default dark ANSI palette, which is what they look
    like in Textual's own rendering and a fair stand-in for a typical dark terminal."""
    if theme.get("ansi", False):
        return ansi_rgb(value, "background" if role == "background" else "foreground")
    return parse_hex(value)


def sides(theme: dict[str, Any]) -> dict[str, str]:
    return {key: value for key, value in theme["variables"].items() if key.startswith("side-")}


def needed(name: str) -> float:
    return AAA if name in HIGH_CONTRAST else AA


def test_the_bundled_themes_are_all_here() -> None:
    assert set(THEMES) == {
        "aiplan-dark",
        "aiplan-light",
        "aiplan-high-contrast",
        "aiplan-ansi",
        "aiplan-colourblind",
    }


@pytest.mark.parametrize("name", THEMES)
def test_a_theme_has_every_palette_key_and_its_file_name(name: str) -> None:
    theme = THEMES[name]
    assert theme["name"] == name
    assert isinstance(theme["dark"], bool)
    assert [key for key in PALETTE_KEYS if key not in theme] == []
    assert {"side-us", "side-china", "side-other"} <= set(theme["variables"])


@pytest.mark.parametrize("name", THEMES)
def test_colours_are_hex_or_only_ansi_names_in_the_ansi_theme(name: str) -> None:
    theme = THEMES[name]
    values = [theme[key] for key in PALETTE_KEYS] + list(sides(theme).values())
    for value in values:
        if theme.get("ansi", False):
            assert value == "ansi_default" or value in ANSI_RGB, value
        else:
            parse_hex(value)  # raises on anything but #RRGGBB or #RGB


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize("ground", ["background", "surface"])
def test_body_text_contrast(name: str, ground: str) -> None:
    theme = THEMES[name]
    text = colour(theme, theme["foreground"])
    back = colour(theme, theme[ground], "background")
    assert contrast_ratio(text, back) >= needed(name)


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize("ground", ["background", "surface"])
def test_side_colour_contrast(name: str, ground: str) -> None:
    theme = THEMES[name]
    back = colour(theme, theme[ground], "background")
    ratios = {
        key: contrast_ratio(colour(theme, value), back) for key, value in sides(theme).items()
    }
    assert {key: ratio for key, ratio in ratios.items() if ratio < needed(name)} == {}


def test_light_is_light_and_high_contrast_is_black() -> None:
    light, high = THEMES["aiplan-light"], THEMES["aiplan-high-contrast"]
    assert light["dark"] is False
    assert contrast_ratio(parse_hex(light["background"]), (255, 255, 255)) < 1.1
    assert parse_hex(high["background"]) == (0, 0, 0)


def test_the_ansi_theme_leaves_text_and_grounds_to_the_terminal() -> None:
    theme = THEMES["aiplan-ansi"]
    assert theme["ansi"] is True
    for key in ("foreground", "background", "surface", "panel"):
        assert theme[key] == "ansi_default"
    assert sides(theme) == {
        "side-us": "ansi_bright_blue",
        "side-china": "ansi_bright_red",
        "side-other": "ansi_bright_green",
    }
    # Three different colours in Textual's palette too (bright red and magenta are not).
    assert len({ANSI_RGB[name] for name in sides(theme).values()}) == 3


@pytest.mark.parametrize("kind", DEFICIENCIES)
def test_colourblind_sides_stay_apart_under_each_deficiency(kind: Deficiency) -> None:
    theme = THEMES[COLOURBLIND]
    seen = {key: simulate(parse_hex(value), kind) for key, value in sides(theme).items()}
    seen["foreground"] = simulate(parse_hex(theme["foreground"]), kind)
    close = {
        (a, b): round(delta_e(seen[a], seen[b]), 1)
        for a, b in itertools.combinations(sorted(seen), 2)
        if delta_e(seen[a], seen[b]) < MIN_DELTA_E
    }
    assert close == {}


def test_colourblind_sides_are_okabe_ito_sky_blue_and_orange() -> None:
    variables = THEMES[COLOURBLIND]["variables"]
    assert (variables["side-us"], variables["side-china"]) == ("#56B4E9", "#E69F00")


@pytest.mark.parametrize("name", THEMES)
def test_highlight_styles_stay_distinct_without_colour(name: str) -> None:
    variables = THEMES[name]["variables"]
    styles = {key: frozenset(variables[key].split()) for key in (*KIND_STYLES, "current-style")}
    for key, words in styles.items():
        assert words, key
        assert words <= STYLE_WORDS, (key, sorted(words - STYLE_WORDS))
    kinds = [styles[key] for key in KIND_STYLES]
    assert len(set(kinds)) == len(kinds)
    assert styles["current-style"] not in kinds


# The measuring itself.


def test_contrast_of_black_and_white_is_21_and_of_a_colour_with_itself_1() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (0, 0, 0)) == pytest.approx(21.0)
    assert contrast_ratio((18, 52, 86), (18, 52, 86)) == pytest.approx(1.0)


def test_a_known_wcag_figure() -> None:
    # #767676 on white is the classic lightest grey that passes AA: 4.54:1.
    assert contrast_ratio(parse_hex("#767676"), parse_hex("#FFF")) == pytest.approx(4.54, abs=0.01)


def test_parse_hex() -> None:
    assert parse_hex("#1e90FF") == (30, 144, 255)
    assert parse_hex("#abc") == (170, 187, 204)
    for bad in ("1e90ff0", "#12345G", "", "#12", "ansi_red"):
        with pytest.raises(ValueError):
            parse_hex(bad)


@pytest.mark.parametrize("kind", DEFICIENCIES)
def test_simulation_keeps_greys_grey(kind: Deficiency) -> None:
    for level in range(256):
        assert simulate((level, level, level), kind) == (level, level, level)


def test_simulation_merges_red_and_green_for_protanopia_and_deuteranopia() -> None:
    red, green = (200, 60, 40), (80, 140, 40)
    assert (
        delta_e(simulate(red, "protanopia"), simulate(green, "protanopia"))
        < delta_e(red, green) / 2
    )
    assert (
        delta_e(simulate(red, "deuteranopia"), simulate(green, "deuteranopia"))
        < delta_e(red, green) / 2
    )


def test_simulation_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError):
        simulate((1, 2, 3), cast(Deficiency, "achromatopsia"))


channel = st.integers(0, 255)
rgb = st.tuples(channel, channel, channel)


@given(rgb, rgb)
def test_contrast_is_symmetric_and_between_1_and_21(a: RGB, b: RGB) -> None:
    ratio = contrast_ratio(a, b)
    assert ratio == pytest.approx(contrast_ratio(b, a))
    assert 1.0 <= ratio <= 21.0 + 1e-9


@given(rgb, rgb)
def test_delta_e_is_a_distance(a: RGB, b: RGB) -> None:
    assert delta_e(a, a) == pytest.approx(0.0, abs=1e-9)
    assert delta_e(a, b) == pytest.approx(delta_e(b, a))
    assert delta_e(a, b) >= 0.0


def test_ansi_rgb_is_textuals_default_dark_ansi_palette() -> None:
    """The constants were copied from Textual; this notices if a Textual upgrade changes them."""
    from textual._ansi_theme import DEFAULT_TERMINAL_THEME
    from textual._color_constants import ANSI_COLORS
    from textual.app import App

    palette = App().ansi_theme_dark
    assert palette is DEFAULT_TERMINAL_THEME
    expected = {
        f"ansi_{name}": tuple(palette.ansi_colors[index]) for index, name in enumerate(ANSI_COLORS)
    }
    assert dict(ANSI_RGB) == expected
    assert tuple(palette.foreground_color) == ANSI_DEFAULT_FOREGROUND
    assert tuple(palette.background_color) == ANSI_DEFAULT_BACKGROUND
    assert ansi_rgb("ansi_default") == ANSI_DEFAULT_FOREGROUND
    assert ansi_rgb("ansi_default", "background") == ANSI_DEFAULT_BACKGROUND
