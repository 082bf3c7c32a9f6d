"""A slice of the in-process fuzzer on every CI run: three fixed seeds of 400 steps each, so
each run meets the too-small notice, dialogs and every screen at random sizes. Timing (the
index thread, debounced queries) varies between runs, so a seed is a scenario more than an
exact replay. Longer runs on fresh seeds: `python -m fuzz.pilot_fuzz --minutes 30`."""

from __future__ import annotations

import pytest

from fuzz.pilot_fuzz import fuzz

pytestmark = pytest.mark.slow

SEEDS = [
    876574,  # found the notice's scrollbar coming and going without end at 1x1
    927983,
    56269,
]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: f"seed {seed}")
async def test_random_keys_and_resizes_leave_the_app_working(seed: int) -> None:
    outcome = await fuzz(seed, steps=400)
    assert outcome.failure is None, outcome.report()
    assert len(outcome.steps) == 401  # every step taken, then `q`
