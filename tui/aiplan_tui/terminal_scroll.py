"""Find rows that only moved up or down, so the terminal can scroll them instead of being sent
them again.

When a list drops two entries or a view scrolls, most rows reappear a few rows higher or
lower. A terminal can move a band of whole rows itself (a scroll region, then delete or insert
lines) for about twenty bytes; rewriting those rows costs their every cell. This works on
whole rows of the model in terminal_delta, so it is right whatever lies beside the pane that
scrolled: a row counts as moved only if all of it matches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from operator import ne
from typing import NamedTuple

from rich.style import Style

Cell = tuple[str, Style | None]
"""What one column of the terminal shows: its text and style. A wide character's second
column is ("", style): the terminal fills it with the first."""

MIN_GAIN = 40
"""Cells a scroll must save before it is worth its escape sequences."""
CANDIDATE_SHIFTS = 3
"""How many of the most common offsets to weigh. Offsets come from rows whose text reappears
elsewhere, styles aside, so rows that moved and changed a little (a result whose marked
letters grew, a row that lost the cursor) count too; blank rows do not vote."""


class Scroll(NamedTuple):
    """Rows `top` to `bottom` (inclusive, 0-based) move up by `shift` rows (down if negative)."""

    top: int
    bottom: int
    shift: int


def plan_scroll(
    rows: Sequence[list[Cell | None]], desired: dict[int, list[Cell | None]]
) -> Scroll | None:
    """The scroll that saves the most cells in turning `rows` into `desired`, if one is worth
    it. `desired` maps a row number to the whole row wanted there; other rows stay as they are.
    A cell of None is unknown: rows holding one never count as matching."""
    changed = [y for y, row in desired.items() if row != rows[y]]
    if len(changed) < 2:
        return None
    where: dict[str, list[int]] = {}
    for y, row in enumerate(rows):
        if None not in row and (key := _text(row)).strip():
            where.setdefault(key, []).append(y)
    votes: Counter[int] = Counter()
    for y in changed:
        for old_y in where.get(_text(desired[y]), ()):
            if old_y != y:
                votes[old_y - y] += 1
    shifts = [shift for shift, _ in votes.most_common(CANDIDATE_SHIFTS)]
    best: tuple[int, Scroll] | None = None
    for shift in shifts:
        band = _best_band(rows, desired, changed, shift)
        if band is None:
            continue
        first, last = band
        scroll = (
            Scroll(first, last + shift, shift) if shift > 0 else Scroll(first + shift, last, shift)
        )
        gain = _gain(rows, desired, scroll)
        if gain is not None and gain > MIN_GAIN and (best is None or gain > best[0]):
            best = (gain, scroll)
    return None if best is None else best[1]


def _best_band(
    rows: Sequence[list[Cell | None]],
    desired: dict[int, list[Cell | None]],
    changed: list[int],
    shift: int,
) -> tuple[int, int] | None:
    """The run of rows (first, last) where taking each row from `shift` rows away saves the
    most cells, at least two rows long; None if no run saves any."""
    best: tuple[int, int] | None = None
    best_saved = running = 0
    start: int | None = None
    for y in range(min(changed), max(changed) + 1):
        source = y + shift
        want = desired.get(y, rows[y])
        if not 0 <= source < len(rows) or None in want:
            running, start = 0, None
            continue
        saved = _different(want, rows[y]) - _different(want, rows[source])
        if start is None or running <= 0:
            running, start = saved, y
        else:
            running += saved
        if running > best_saved and y > start:
            best_saved, best = running, (start, y)
    return best


def _different(a: list[Cell | None], b: list[Cell | None]) -> int:
    """How many cells differ between two rows of the same width."""
    return 0 if a == b else sum(map(ne, a, b))


def _text(row: list[Cell | None]) -> str:
    """A row's characters, without their styles."""
    return "".join([cell[0] for cell in row if cell is not None])


def scrolled(rows: Sequence[list[Cell | None]], scroll: Scroll) -> list[list[Cell | None]]:
    """The band's rows after the terminal scrolls it: moved rows, then unknown ones."""
    band = list(rows[scroll.top : scroll.bottom + 1])
    width = len(band[0]) if band else 0
    blank: list[list[Cell | None]] = [[None] * width for _ in range(abs(scroll.shift))]
    if scroll.shift > 0:
        return [list(row) for row in band[scroll.shift :]] + blank
    return blank + [list(row) for row in band[: len(band) + scroll.shift]]


def _gain(
    rows: Sequence[list[Cell | None]], desired: dict[int, list[Cell | None]], scroll: Scroll
) -> int | None:
    """Cells saved by the scroll, or None when a row of the band is not wholly known."""
    after = scrolled(rows, scroll)
    saved = 0
    for y in range(scroll.top, scroll.bottom + 1):
        want = desired.get(y, rows[y])
        if None in want:
            return None
        saved += _different(want, rows[y]) - _different(want, after[y - scroll.top])
    return saved
