"""The delta writer sends fewer bytes and the terminal ends up showing exactly the same thing.

Each update is rendered twice: whole, as Textual writes it, into one emulated terminal (pyte),
and through TerminalModel into another. The two screens must match cell for cell, in text and
in style, after every update.
"""

from __future__ import annotations

import re
from unittest import mock

import pyte
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual._compositor import LayoutUpdate
from textual.geometry import Region, Size
from textual.strip import Strip

from aiplan_tui.terminal import scroll as terminal_scroll
from aiplan_tui.terminal.model import TerminalModel
from conftest import make_app

WIDTH, HEIGHT = 20, 6
CONSOLE = Console(color_system="256", force_terminal=True, width=WIDTH)
STYLES = [
    Style(color="grey85", bgcolor="grey11"),
    Style(color="red", bgcolor="grey11", bold=True),
    Style(color="blue", underline=True, reverse=True),
    Style(italic=True),
    Style(color="green", bold=True, italic=True, strike=True),
    Style(bgcolor="blue", underline=True),
    Style(),
]


class Pair:
    """Two emulated terminals: one fed whole updates, one fed the model's deltas."""

    def __init__(self, width: int = WIDTH, height: int = HEIGHT, erase: bool = False) -> None:
        self.size = Size(width, height)
        self.full, self.delta = pyte.Screen(width, height), pyte.Screen(width, height)
        self.full_stream, self.delta_stream = pyte.Stream(self.full), pyte.Stream(self.delta)
        self.model = TerminalModel(erase_fills=erase)
        self.full_bytes = self.delta_bytes = 0

    def show(self, update: LayoutUpdate) -> str:
        whole = update.render_segments(CONSOLE)
        delta = self.model.render(update, CONSOLE, self.size)
        self.full_stream.feed(whole)
        self.delta_stream.feed(delta)
        self.full_bytes += len(whole.encode())
        self.delta_bytes += len(delta.encode())
        return delta

    def assert_same(self) -> None:
        for y in range(self.size.height):
            for x in range(self.size.width):
                full, delta = visible(self.full.buffer[y][x]), visible(self.delta.buffer[y][x])
                assert full == delta, f"cell ({x}, {y}): whole {full} but delta {delta}"


def visible(char: pyte.screens.Char) -> tuple[object, ...]:
    """What a person sees in a cell: a plain space shows its background and nothing else."""
    if char.data == " " and not (char.reverse or char.underscore or char.strikethrough):
        return (" ", char.bg)
    return tuple(char)


def update(lines: list[list[tuple[str, Style]]], x: int = 0, y: int = 0) -> LayoutUpdate:
    strips = [[Strip([Segment(text, style) for text, style in line])] for line in lines]
    width = max((sum(cell_len(text) for text, _ in line) for line in lines), default=0)
    return LayoutUpdate(strips, Region(x, y, width, len(lines)))  # type: ignore[arg-type]


def screenful(rows: list[str], style: Style = STYLES[0]) -> LayoutUpdate:
    return update([[(set_cell_size(row, WIDTH), style)] for row in rows])


def test_an_unchanged_frame_writes_nothing() -> None:
    pair = Pair()
    frame = screenful(["first row", "second row", "", "", "", "last"])
    assert pair.show(frame)
    assert pair.show(frame) == ""
    pair.assert_same()


def test_one_changed_cell_costs_one_cell() -> None:
    pair = Pair()
    pair.show(screenful(["aaaa", "bbbb"] + [""] * 4))
    delta = pair.show(screenful(["aaaa", "bxbb"] + [""] * 4))
    assert delta.startswith("\x1b[2;2H")  # row 2, column 2 (1-based)
    assert delta.count("x") == 1 and "b" not in delta and "a" not in delta
    pair.assert_same()


def test_runs_of_one_style_get_one_style_sequence() -> None:
    pair = Pair()
    segments = [(" ", STYLES[1])] * WIDTH  # Textual often sends one segment per cell
    delta = pair.show(update([segments]))
    assert len(re.findall(r"\x1b\[[0-9;]*m", delta)) == 2  # the style, and a reset at the end
    pair.assert_same()


def test_close_changes_share_one_write_and_distant_ones_do_not() -> None:
    pair = Pair()
    pair.show(screenful(["a" * WIDTH] + [""] * 5))
    close = pair.show(screenful(["aXaaXa" + "a" * (WIDTH - 6)] + [""] * 5))
    assert close.count("H") == 1  # one cursor move for both
    distant = pair.show(screenful(["aXaaXa" + "a" * (WIDTH - 7) + "Y"] + [""] * 5))
    assert distant.count("\x1b[1;") == 1 and distant.endswith("Y\x1b[0m")
    pair.assert_same()


def test_wide_characters_are_rewritten_whole() -> None:
    pair = Pair()
    pair.show(screenful(["ab中文cd", "x"] + [""] * 4))
    pair.show(screenful(["ab中字cd", "x"] + [""] * 4))  # only the second half changed
    pair.assert_same()
    pair.show(screenful(["abc文cd", "x"] + [""] * 4))  # a narrow cell over half a wide one
    pair.assert_same()
    pair.show(screenful(["ab中文cd", "x"] + [""] * 4))  # and back
    pair.assert_same()


def test_combining_marks_stay_with_their_letter() -> None:
    pair = Pair()
    pair.show(screenful(["cafe\u0301 au lait"] + [""] * 5))
    pair.show(screenful(["cafe au lait"] + [""] * 5))
    pair.assert_same()


def test_a_new_size_forgets_the_screen() -> None:
    pair = Pair()
    frame = screenful(["same"] + [""] * 5)
    pair.show(frame)
    assert pair.model.render(frame, CONSOLE, Size(WIDTH, HEIGHT + 1)) != ""


def test_forget_writes_the_next_frame_whole() -> None:
    pair = Pair()
    frame = screenful(["same"] + [""] * 5)
    pair.show(frame)
    pair.model.forget()
    assert "same" in pair.show(frame)


def test_a_strip_wider_than_the_screen_is_written_as_textual_would() -> None:
    pair = Pair()
    too_wide = update([[("z" * (WIDTH + 5), STYLES[0])]])
    assert "z" * (WIDTH + 5) in pair.show(too_wide)


# A combining mark only after a letter, as it comes in real text.
def numbered(first: int, count: int = HEIGHT) -> LayoutUpdate:
    """A screenful of rows that share nothing: "ddd…", "eee…" and so on."""
    return screenful([chr(ord("a") + n) * WIDTH for n in range(first, first + count)])


def test_rows_that_moved_up_are_scrolled_not_rewritten() -> None:
    pair = Pair()
    pair.show(numbered(0))
    delta = pair.show(numbered(2))  # two rows gone at the top, two new at the bottom
    assert "M" in delta and "ggg" in delta and "hhh" in delta  # the new rows
    assert "ccc" not in delta and "fff" not in delta  # not the ones that moved
    pair.assert_same()


def test_rows_that_moved_down_are_scrolled_not_rewritten() -> None:
    pair = Pair()
    pair.show(numbered(5))
    delta = pair.show(numbered(3))
    assert "L" in delta and "ddd" in delta and "eee" in delta
    assert "fff" not in delta and "hhh" not in delta
    pair.assert_same()


def test_a_scroll_inside_a_band_leaves_the_rows_around_it() -> None:
    pair = Pair()
    rows = ["header", "a" * 12, "b" * 12, "c" * 12, "d" * 12, "footer"]
    pair.show(screenful(rows))
    pair.show(screenful(["header", "c" * 12, "d" * 12, "e" * 12, "f" * 12, "footer"]))
    pair.assert_same()


@st.composite
def edited_screens(draw: st.DrawFn) -> list[LayoutUpdate]:
    """Screens where rows are deleted and inserted between one and the next, as a filtered
    list or a scrolled view makes them; some rows repeat, as blank ones do."""
    rows = [draw(st.sampled_from(["", "alpha", "beta", "中文 gamma", "delta"])) + str(n)
            for n in range(HEIGHT)]  # fmt: skip
    screens = [screenful(rows)]
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, HEIGHT - 1))
        if draw(st.booleans()):
            del rows[at : at + draw(st.integers(1, 3))]
        else:
            rows[at:at] = [draw(st.sampled_from(["new", "", "alpha0"]))] * draw(st.integers(1, 3))
        rows = (rows + [""] * HEIGHT)[:HEIGHT]
        style = draw(st.sampled_from(STYLES[:2]))
        screens.append(screenful(rows, style))
    return screens


@settings(max_examples=150, deadline=None)
@given(edited_screens(), st.booleans())
def test_scrolled_screens_end_the_same(screens: list[LayoutUpdate], erase: bool) -> None:
    pair = Pair(erase=erase)
    with mock.patch.object(terminal_scroll, "MIN_GAIN", 0):  # scroll whenever it saves a cell
        for each in screens:
            pair.show(each)
            pair.assert_same()


ROW_TEXT = st.lists(st.sampled_from(["a", "b", " ", "c", "中", "e\u0301"]), max_size=WIDTH)


@st.composite
def region_updates(draw: st.DrawFn) -> LayoutUpdate:
    """An update of a random region, each line a few runs of random text and style."""
    y = draw(st.integers(0, HEIGHT - 1))
    x = draw(st.integers(0, WIDTH - 1))
    height = draw(st.integers(1, HEIGHT - y))
    lines = []
    for _ in range(height):
        line: list[tuple[str, Style]] = []
        room = WIDTH - x - 1  # a space in the last column: the emulator wraps early there
        for _ in range(draw(st.integers(1, 3))):
            text = draw(ROW_TEXT)
            fitted, width = "", 0
            for token in text:  # keep within the room left
                if width + cell_len(token) > room:
                    break
                fitted, width = fitted + token, width + cell_len(token)
            room -= width
            line.append((fitted, draw(st.sampled_from(STYLES))))
        line.append((" " * (room + 1), STYLES[0]))
        lines.append(line)
    strips = [[Strip([Segment(text, style) for text, style in line if text])] for line in lines]
    return LayoutUpdate(strips, Region(x, y, WIDTH - x, height))  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.lists(region_updates(), min_size=1, max_size=12), st.booleans())
def test_any_sequence_of_updates_leaves_the_same_screen(
    updates: list[LayoutUpdate], erase: bool
) -> None:
    pair = Pair(erase=erase)
    for each in updates:
        pair.show(each)
        pair.assert_same()
    assert pair.delta_bytes <= pair.full_bytes + 8 * len(updates)


async def test_ctrl_l_forgets_what_the_terminal_shows_even_under_a_dialog() -> None:

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        model = app.terminal_model
        assert model is not None
        await pilot.press("question_mark")  # help is a dialog over the reader
        model.forget(Size(3, 1))
        model.rows[0][0] = ("x", None)
        await pilot.press("ctrl+l")
        assert model.rows[0][0] is None


def test_a_long_blank_run_is_one_erase_where_the_terminal_erases_in_its_background() -> None:
    pair = Pair(erase=True)
    pair.show(screenful(["x" * WIDTH] * HEIGHT))
    delta = pair.show(screenful(["ab" + " " * (WIDTH - 4) + "cd"] + ["x" * WIDTH] * 5))
    assert f"\x1b[{WIDTH - 4}X\x1b[{WIDTH - 4}C" in delta and " " * 8 not in delta
    pair.assert_same()
    plain = Pair(erase=False)
    plain.show(screenful(["x" * WIDTH] * HEIGHT))
    assert " " * (WIDTH - 4) in plain.show(screenful(["ab" + " " * (WIDTH - 4) + "cd"]))
