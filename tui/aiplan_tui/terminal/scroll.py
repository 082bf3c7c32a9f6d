"""Find rows that only moved up or down, so the terminal can move them instead of being sent
them again.

When a list drops two entries in one place and three in another, or a view scrolls, most
rows reappear a few rows higher or lower. A terminal can move whole rows itself (a scroll
region, then delete or insert lines) for about twenty bytes; rewriting those rows costs their
every cell. Rows are matched by their text, styles aside, so a row that moved and changed a
little (a search result whose marked letters grew, a row the cursor left) still counts, and
the cell-by-cell writer in terminal_delta then fixes what differs. The moves work on whole
rows, so they are right whatever lies beside the pane that scrolled: the cost of putting that
back is counted before a move is chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from operator import ne
from typing import NamedTuple

from aiplan_tui.terminal.cells import Cell

MIN_GAIN = 40
"""Cells the moves must save, in all, before they are worth their escape sequences."""
MOVE_COST = 20
"""What one move costs, counted in cells (its escape sequences are about 20 bytes)."""
MIN_BLOCK = 2
"""Rows that must move together for a move to be tried."""


class Scroll(NamedTuple):
    """Within rows `top` to `bottom` (inclusive, 0-based), delete `shift` rows at `top`, so
    the rows below move up; a negative shift inserts blank rows at `top`, moving rows down."""

    top: int
    bottom: int
    shift: int


def plan_moves(
    rows: Sequence[list[Cell | None]], desired: dict[int, list[Cell | None]]
) -> list[Scroll]:
    """The moves, in order, that save the most cells in turning `rows` into `desired`, or
    none when they would not save MIN_GAIN. `desired` maps a row number to the whole row
    wanted there; other rows must stay as they are. A cell of None is unknown."""
    changed = [y for y, row in desired.items() if row != rows[y]]
    if len(changed) < 2:
        return []
    first, last = min(changed), max(changed)
    wanted = [desired.get(y, rows[y]) for y in range(first, last + 1)]
    if any(None in row for row in wanted):
        return []  # a row the moves would disturb whose contents are unknown: leave it
    old_keys = [_text(rows[y]) if None not in rows[y] else None for y in range(first, last + 1)]
    new_keys = [_text(row) for row in wanted]
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    # Which old row each row of the band shows as the moves go on; None once blank.
    shown: list[int | None] = list(range(first, last + 1))
    moves: list[Scroll] = []
    for old_start, new_start, size in matcher.get_matching_blocks():
        if size < MIN_BLOCK or old_keys[old_start] is None:
            continue
        source, target = first + old_start, first + new_start
        if source not in shown:
            continue  # pushed out of the band by an earlier move
        at = first + shown.index(source)
        if at > target:
            moves.append(Scroll(target, last, at - target))
            shown = shown[: target - first] + shown[at - first :] + [None] * (at - target)
        elif at < target:
            moves.append(Scroll(at, last, at - target))
            kept = len(shown) - (target - at)
            shown = shown[: at - first] + [None] * (target - at) + shown[at - first : kept]
    if not moves:
        return []
    before = sum(_different(want, rows[y]) for y, want in enumerate(wanted, first))
    after = sum(
        _different(want, rows[source]) if source is not None else len(want)
        for want, source in zip(wanted, shown, strict=True)
    )
    return moves if before - after - MOVE_COST * len(moves) > MIN_GAIN else []


def scrolled(rows: Sequence[list[Cell | None]], scroll: Scroll) -> list[list[Cell | None]]:
    """The band's rows after the terminal makes the move: moved rows, and unknown ones."""
    band = list(rows[scroll.top : scroll.bottom + 1])
    width = len(band[0]) if band else 0
    blank: list[list[Cell | None]] = [[None] * width for _ in range(abs(scroll.shift))]
    if scroll.shift > 0:
        return [list(row) for row in band[scroll.shift :]] + blank
    return blank + [list(row) for row in band[: len(band) + scroll.shift]]


def _different(a: list[Cell | None], b: list[Cell | None]) -> int:
    """How many cells differ between two rows of the same width."""
    return 0 if a == b else sum(map(ne, a, b))


def _text(row: list[Cell | None]) -> str:
    """A row's characters, without their styles."""
    return "".join([cell[0] for cell in row if cell is not None])
