"""Parsed stylesheets kept for the whole process, not per stylesheet (issue 33).

Textual keeps the rules it parsed from each piece of CSS in the stylesheet that parsed them,
and a re-parse (a new theme, the app's CSS refreshed) starts from a fresh stylesheet with
nothing kept: every widget's CSS and the app's are tokenised again, a fifth of what an app
costs to start and most of what a theme change costs. Here the rules are kept by what they
are made from: the CSS, where it was read, its place among the sources and the variables
(the theme's colours) it was parsed with; whatever the stylesheet, the same CSS with the same
variables gives the rules kept. A theme seen before in this process is not parsed again, and
nor is an app's CSS when another app starts in the same process (the test suite starts
hundreds).

It relies on a private name of Textual (`Stylesheet._parse_rules`): with another Textual
than the one it was tested with (compat.TESTED), or where that name has another shape, nothing
changes and each stylesheet parses as ever.
"""

from __future__ import annotations

from collections.abc import Callable
from threading import Lock
from typing import Any

from textual.cache import LRUCache
from textual.css.stylesheet import Stylesheet

from aiplan_tui.terminal.compat import TESTED, version

KEPT = 2048
"""Pieces of CSS kept, each with one set of variables: the app's sources (about thirty) for
every theme it offers, with room to spare."""
PARAMETERS = ["self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]
"""What `_parse_rules` takes in the Textual it was written for; another shape is left alone."""

_kept: LRUCache[tuple[object, ...], Any] = LRUCache(KEPT)
_kept_lock = Lock()
"""The cache is the process's: apps parsing in two threads take turns with it."""


def keep_parsed_css() -> bool:
    """Make every stylesheet of this process share what it parsed; False (nothing done)
    where this Textual's stylesheet is not the one this was written for."""
    parse = getattr(Stylesheet, "_parse_rules", None)
    if parse is None or getattr(parse, "keeps_parsed", False):
        return parse is not None
    if version("textual") != TESTED["textual"]:
        return False
    code = getattr(parse, "__code__", None)
    if code is None or list(code.co_varnames[: code.co_argcount]) != PARAMETERS:
        return False
    Stylesheet._parse_rules = _kept_rules(parse)  # type: ignore[method-assign]
    return True


def _kept_rules(parse: Callable[..., Any]) -> Callable[..., Any]:
    def parse_rules(
        self: Stylesheet,
        css: str,
        read_from: object,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> Any:
        variables = getattr(self, "_variables", None)
        if not isinstance(variables, dict):
            return parse(self, css, read_from, is_default_rules, tie_breaker, scope)
        key = (css, read_from, is_default_rules, tie_breaker, scope, frozenset(variables.items()))
        with _kept_lock:
            rules = _kept.get(key)
        if rules is None:
            rules = parse(self, css, read_from, is_default_rules, tie_breaker, scope)
            with _kept_lock:
                _kept[key] = rules
        return rules

    parse_rules.keeps_parsed = True  # type: ignore[attr-defined]
    return parse_rules
