"""Where a change puts each unit's documents (compiled/reindex.py `place`) and how the stored
postings follow (compiled/repost.py), issue 34: reading order kept, no two units' numbers
shared, a unit kept stays where there is room, and postings moved as their units."""

from __future__ import annotations

from array import array
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from aiplan_tui.compiled.reindex import place
from aiplan_tui.compiled.repost import _shift, moves_of

Unit = tuple[int, str]
NAMES = st.text("abcdef", min_size=1, max_size=3)


@given(
    st.dictionaries(NAMES, st.integers(1, 40), min_size=1, max_size=12),
    st.integers(0, 300),
    st.dictionaries(NAMES, st.integers(0, 40), max_size=4),
)
def test_units_keep_their_order_and_room_and_postings_follow(
    sizes: dict[str, int], gap: int, changed: dict[str, int]
) -> None:
    units: list[Unit] = [(1, name) for name in sorted(sizes)]
    old, at = {}, 0
    for unit in units:  # an old layout, with some room after every other unit
        old[unit] = at
        at += sizes[unit[1]] + (gap if len(old) % 2 else 0)
    replaced = {(1, name) for name in changed}
    counts = {unit: sizes[unit[1]] for unit in units if unit not in replaced}
    counts.update({(1, name): n for name, n in changed.items() if n})
    bases, end = place(counts, old, replaced)
    order = sorted(counts)
    for first, second in pairwise(order):
        assert bases[first] + counts[first] <= bases[second]  # in order, none shared
    assert not order or bases[order[-1]] + counts[order[-1]] <= end
    if not replaced:
        assert bases == old  # nothing changed: nothing moves
    olds = [(n, unit, old[unit], sizes[unit[1]]) for n, unit in enumerate(units)]
    moves = moves_of(olds, replaced, bases)
    starts = [start for start, _, _ in moves]
    every = array("i", sorted(n for u in units for n in range(old[u], old[u] + sizes[u[1]])))
    some = array("i", every[::7])
    for numbers in (every, some):
        moved = _shift(numbers, moves, starts)
        expected = [
            bases[u] + (n - old[u])
            for n in numbers
            for u in units
            if u not in replaced and old[u] <= n < old[u] + sizes[u[1]]
        ]
        assert list(moved) == expected
