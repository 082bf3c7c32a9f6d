"""Figures the two sides share a `compare_key` for, paired on one scale. No Textual.

A pair gets a bar and a ratio only when both values are in the same unit. Money in different
currencies is compared only through a dollar equivalent the source itself gives (`usd`):
this module never invents an exchange rate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from aiplan_tui.core.formatting import format_fact_value, format_number
from aiplan_tui.core.model import Fact

_EIGHTHS = " ▏▎▍▌▋▊▉"
FULL_BLOCK = "█"


@dataclass(frozen=True)
class FigurePair:
    """Two facts on the same measure, one per side, and whether they can be drawn together."""

    key: str
    left: Fact
    right: Fact
    unit: str | None
    """The common unit the values are compared in, or None when they cannot be."""
    left_value: float | None
    right_value: float | None
    reason: str = ""
    """Why there is no bar, when there is none."""

    @property
    def comparable(self) -> bool:
        return self.unit is not None

    @property
    def ratio(self) -> float | None:
        """Larger over smaller: how many times one side's figure is the other's."""
        if self.left_value is None or self.right_value is None:
            return None
        low, high = sorted((self.left_value, self.right_value))
        if low <= 0 or not math.isfinite(high):
            return None
        return high / low

    @property
    def larger(self) -> str | None:
        """ "left", "right", or None when equal or not comparable."""
        if self.left_value is None or self.right_value is None:
            return None
        if self.left_value == self.right_value:
            return None
        return "left" if self.left_value > self.right_value else "right"

    @property
    def metric(self) -> str:
        period = self.left.period if self.left.period == self.right.period else ""
        return f"{self.left.metric} ({period})" if period else self.left.metric


def _in_dollars(fact: Fact) -> float | None:
    """The fact's value in US dollars, only as the source states it."""
    if fact.unit.upper() == "USD":
        return fact.value
    return fact.usd


def pair(key: str, left: Fact, right: Fact) -> FigurePair:
    """Put two facts on a common unit if the sources allow it, else say why not."""
    if left.unit.casefold() == right.unit.casefold():
        if math.isfinite(left.value) and math.isfinite(right.value):
            return FigurePair(key, left, right, left.unit, left.value, right.value)
        return FigurePair(key, left, right, None, None, None, "a value is not a finite number")
    left_usd, right_usd = _in_dollars(left), _in_dollars(right)
    if left_usd is not None and right_usd is not None:
        return FigurePair(key, left, right, "USD", left_usd, right_usd)
    return FigurePair(
        key,
        left,
        right,
        None,
        None,
        None,
        f"different units ({left.unit} and {right.unit}) and no dollar equivalent in the source",
    )


def value_text(pair: FigurePair, side: str) -> str:
    """One side's figure as compared: in the common unit, else as the article gives it."""
    fact = pair.left if side == "left" else pair.right
    value = pair.left_value if side == "left" else pair.right_value
    if pair.unit == "USD" and fact.unit.upper() != "USD" and value is not None:
        return f"${format_number(value)} (given as {format_fact_value(fact)})"
    return format_fact_value(fact)


def ratio_text(pair: FigurePair) -> str:
    """ "11.7×", or "equal"; empty when there is no ratio."""
    ratio = pair.ratio
    if ratio is None:
        return ""
    if pair.larger is None:
        return "equal"
    return f"{round(ratio, 1):g}×"


def summary_line(pair: FigurePair, left_label: str, right_label: str) -> str:
    """ "US $109.1 bn · China $9.3 bn · 11.7×", or why the two cannot be drawn together."""
    parts = [
        f"{left_label} {value_text(pair, 'left')}",
        f"{right_label} {value_text(pair, 'right')}",
    ]
    if not pair.comparable:
        return " · ".join(parts) + f" · no bar: {pair.reason}"
    ratio = ratio_text(pair)
    return " · ".join([*parts, ratio] if ratio else parts)


def bar(value: float, scale: float, width: int) -> str:
    """A horizontal bar `value/scale` of `width` cells, in eighths of a cell; never empty for >0."""
    if width <= 0 or scale <= 0 or not math.isfinite(value) or value <= 0:
        return ""
    eighths = max(1, round(min(value / scale, 1.0) * width * 8))
    full, rest = divmod(eighths, 8)
    return FULL_BLOCK * full + (_EIGHTHS[rest] if rest else "")


def pair_facts(facts_left: list[Fact], facts_right: list[Fact]) -> list[FigurePair]:
    """Pair each side's facts by `compare_key`, in the order given (reading order)."""
    pairs: list[FigurePair] = []
    keys = dict.fromkeys(f.compare_key for f in facts_left if f.compare_key)
    for key in keys:
        lefts = [f for f in facts_left if f.compare_key == key]
        rights = [f for f in facts_right if f.compare_key == key]
        pairs.extend(pair(key, left, right) for left, right in zip(lefts, rights, strict=False))
    return pairs
