"""The pen's style changes: short where only a little changes, and always the same result as a
reset followed by the whole new style."""

from __future__ import annotations

import pyte
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.color import ColorSystem
from rich.style import Style

from aiplan_tui.terminal.pen import full_codes, transition

EIGHT_BIT = ColorSystem.EIGHT_BIT
GREY = Style(color="grey85", bgcolor="grey11")


def test_adding_bold_sends_only_bold() -> None:
    assert transition(GREY, GREY + Style(bold=True), EIGHT_BIT) == "\x1b[1m"


def test_removing_bold_keeps_dim() -> None:
    both = GREY + Style(bold=True, dim=True)
    assert transition(both, GREY + Style(dim=True), EIGHT_BIT) == "\x1b[22;2m"


def test_a_new_foreground_alone() -> None:
    assert transition(GREY, Style(color="red", bgcolor="grey11"), EIGHT_BIT) == "\x1b[31m"


def test_to_the_default_is_a_reset_and_from_it_no_reset() -> None:
    assert transition(GREY, None, EIGHT_BIT) == "\x1b[0m"
    assert transition(None, GREY, EIGHT_BIT) == "\x1b[38;5;253;48;5;234m"
    assert transition(GREY, GREY, EIGHT_BIT) == ""


STYLES = st.builds(
    Style,
    color=st.sampled_from([None, "red", "grey85", "blue"]),
    bgcolor=st.sampled_from([None, "grey11", "green"]),
    bold=st.sampled_from([None, True, False]),
    dim=st.sampled_from([None, True]),
    italic=st.sampled_from([None, True]),
    underline=st.sampled_from([None, True]),
    reverse=st.sampled_from([None, True]),
    strike=st.sampled_from([None, True]),
    blink=st.sampled_from([None, True]),
)


def drawn(*sequences: str) -> pyte.screens.Char:
    """The cell an emulated terminal draws for "x" after the given sequences."""
    screen = pyte.Screen(4, 1)
    pyte.Stream(screen).feed("".join(sequences) + "x")
    return screen.buffer[0][0]


@settings(max_examples=300, deadline=None)
@given(STYLES, STYLES)
def test_a_transition_draws_as_a_reset_and_the_whole_style(old: Style, new: Style) -> None:
    whole = f"\x1b[0;{';'.join(full_codes(new, EIGHT_BIT))}m"
    start = f"\x1b[0;{';'.join(full_codes(old, EIGHT_BIT))}m"
    assert drawn(start, transition(old, new, EIGHT_BIT)) == drawn(whole)
    assert len(transition(old, new, EIGHT_BIT)) <= len(whole)
