"""Compare's keys: rows, sides and points; open, cross, swap, pick sides and copy a row."""

from __future__ import annotations

from textual.binding import Binding, BindingType

COMPARE_BINDINGS: list[BindingType] = [
    Binding("j,down", "row(1)", "Next row", id="compare-down",
            tooltip="The next dimension; both sides move together."),
    Binding("k,up", "row(-1)", "Prev row", id="compare-up", show=False,
            tooltip="The previous dimension."),
    Binding("g,home", "edge(-1)", "First row", id="compare-first", show=False,
            tooltip="The first dimension."),
    Binding("G,end", "edge(1)", "Last row", id="compare-last", show=False,
            tooltip="The last dimension."),
    Binding("h,left", "side('left')", "Left side", id="compare-left", show=False,
            tooltip="The left side of this row."),
    Binding("l,right", "side('right')", "Right side", id="compare-right", show=False,
            tooltip="The right side of this row."),
    Binding("tab", "other_side", "Other side", id="compare-other", show=False,
            tooltip="Between the two sides of this row."),
    Binding("n", "point(1)", "Next point", id="compare-next-point",
            tooltip="The next point in this cell."),
    Binding("N", "point(-1)", "Prev point", id="compare-previous-point", show=False,
            tooltip="The previous point in this cell."),
    Binding("x", "cross", "Other side", id="compare-cross",
            tooltip="From a point to the same dimension on the other side "
            "(to the same highlight, when both sides cite it)."),
    Binding("s", "swap", "Swap", id="compare-swap", tooltip="Swap the two columns."),
    Binding("S", "pick_sides", "Sides", id="compare-sides",
            tooltip="Choose which two sides to compare (packs with more than two)."),
    Binding("enter", "open", "Open", id="compare-open",
            tooltip="Open the selected point in the reader, at its source."),
    Binding("y", "copy_row", "Copy row", id="compare-copy-row",
            tooltip="Copy this row as Markdown: both sides' summaries and points, "
            "each point with its citation."),
]  # fmt: skip
"""The keys of the Compare screen (`2`)."""
