"""Parsed CSS is kept for the process, by the CSS and the variables it was parsed with."""

from __future__ import annotations

import pytest
from textual.css.errors import UnresolvedVariableError
from textual.css.stylesheet import Stylesheet

from aiplan_tui.terminal import css_cache
from aiplan_tui.terminal.css_cache import keep_parsed_css

CSS = "Static { color: $accent; }"


def parsed(variables: dict[str, str], css: str = CSS) -> Stylesheet:
    sheet = Stylesheet(variables=variables)
    sheet.add_source(css, read_from=("test.tcss", "Static"))
    sheet.parse()
    return sheet


def test_the_same_css_with_the_same_variables_is_parsed_once_for_every_stylesheet() -> None:
    assert keep_parsed_css()
    assert keep_parsed_css()  # asked again (each app asks): the same, not wrapped twice
    first, second = parsed({"accent": "#102030"}), parsed({"accent": "#102030"})
    assert first.rules[0] is second.rules[0]
    # A re-parse (what a theme change does) takes the rules kept, too.
    second.reparse()
    assert second.rules[0] is first.rules[0]


def test_other_variables_are_parsed_with_their_own_values() -> None:
    assert keep_parsed_css()
    red, blue = parsed({"accent": "#ff0000"}), parsed({"accent": "#0000ff"})
    assert red.rules[0] is not blue.rules[0]
    assert red.rules[0].styles.color.hex == "#FF0000"
    assert blue.rules[0].styles.color.hex == "#0000FF"
    # Other CSS with the same variables is its own, too.
    other = parsed({"accent": "#ff0000"}, "Static { background: $accent; }")
    assert other.rules[0].styles.background.hex == "#FF0000"
    assert other.rules[0] is not red.rules[0]


def test_broken_css_is_still_reported_each_time() -> None:
    assert keep_parsed_css()
    for _ in range(2):
        sheet = Stylesheet(variables={"accent": "#102030"})
        sheet.add_source("Static { color: $missing; }", read_from=("broken.tcss", ""))
        with pytest.raises(UnresolvedVariableError, match=r"\$missing"):
            sheet.parse()


def test_a_textual_whose_parser_has_another_shape_is_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def other_shape(self: Stylesheet, css: str, location: object) -> list[object]:
        return []

    monkeypatch.setattr(Stylesheet, "_parse_rules", other_shape, raising=False)
    assert not keep_parsed_css()
    assert Stylesheet._parse_rules is other_shape
    monkeypatch.delattr(Stylesheet, "_parse_rules")
    assert not keep_parsed_css()


def test_another_textual_than_the_one_tested_is_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def parse_rules(self: Stylesheet, css: str, read_from: object, is_default_rules: bool = False,
                    tie_breaker: int = 0, scope: str = "") -> list[object]:  # fmt: skip
        return []

    monkeypatch.setattr(Stylesheet, "_parse_rules", parse_rules)
    monkeypatch.setitem(css_cache.TESTED, "textual", "0.0.1")
    assert not keep_parsed_css()
    assert Stylesheet._parse_rules is parse_rules
