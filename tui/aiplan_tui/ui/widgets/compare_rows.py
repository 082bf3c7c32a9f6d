"""The pieces of the Compare screen: its rows, a row per dimension, a cell per side, a line per
point.

Each point is its own small widget, so moving the selection repaints two lines, not the screen,
and scrolling can bring exactly the selected point into view.
"""

from __future__ import annotations

from typing import Literal

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.selection import Selection
from textual.widget import Widget
from textual.widgets import Static

from aiplan_tui.compare.figures import FigurePair
from aiplan_tui.compare.matrix import GAP, CompareCell, Matrix, Row
from aiplan_tui.compare.render import figure_text
from aiplan_tui.core.formatting import KIND_ICONS, point_line
from aiplan_tui.core.model import Highlight, Pack, Side
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.highlight_styles import Marks
from aiplan_tui.ui.wide_text import WideStatic, WideWrapped, selected_in, wide_wrapped

MIN_BAR, MAX_BAR = 8, 40
"""Bar length bounds in cells: long enough to compare, short enough to leave room for values."""
SideName = Literal["left", "right"]
"""A column of Compare: the pair's left side or its right."""


def other(side: SideName) -> SideName:
    return "right" if side == "left" else "left"


def point_text(highlight: Highlight, pack: Pack, marks: Marks) -> Text:
    """Kind icon, then the words styled as in the article (so kinds differ without colour)."""
    text = Text()
    text.append(f"{KIND_ICONS[highlight.kind]} ", style="bold")
    text.append(clean_line(point_line(highlight, pack)), style=marks.kind(highlight.kind))
    return text


class PointView(Widget):
    """One supporting highlight; the selected one is shown reversed.

    Selection is drawn in `render`, not by a CSS class: a class change restyles and repaints
    far more of the screen than the one widget, and every byte crosses the SSH link.
    """

    DEFAULT_CSS = "PointView { height: auto; }"

    selected: reactive[bool] = reactive(False)
    """Repaints this widget only: its size does not change."""

    def __init__(self, highlight: Highlight, pack: Pack, marks: Marks) -> None:
        super().__init__(classes="point")
        self.text = point_text(highlight, pack, marks)
        self.highlight = highlight

    def render(self) -> WideWrapped:
        if not self.selected:
            return wide_wrapped(self, self.text)
        text = self.text.copy()
        text.stylize("reverse")
        return wide_wrapped(self, text)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selected_in(self, self.render(), selection)


class CellView(Vertical):
    """One side on one dimension: a label (when stacked), the summary, then the points."""

    def __init__(self, cell: CompareCell, pack: Pack, marks: Marks) -> None:
        super().__init__(classes="cell")
        self.cell = cell
        self.pack = pack
        self.colour = marks.side_colours.get(cell.side.id, "")
        self.border_colour = marks.side_css.get(cell.side.id, "")
        self.points = [PointView(highlight, pack, marks) for highlight in cell.points]
        """Made up front, so the cursor can be set before the cell is mounted."""

    def compose(self) -> ComposeResult:
        label = Text(clean_line(self.cell.side.label), style=f"bold {self.colour}".strip())
        yield WideStatic(label, classes="cell-label")
        if not self.cell.covered:
            yield Static(Text(GAP), classes="gap")
            return
        if self.cell.summary is not None:
            yield WideStatic(Text(clean_line(self.cell.summary)), classes="summary")
        yield from self.points

    def on_mount(self) -> None:
        if self.border_colour:
            self.styles.border_left = ("outer", self.border_colour)


class FiguresView(Static):
    """The row's figure pairs as bars on one scale, sized to the width available."""

    def __init__(
        self, pairs: tuple[FigurePair, ...], sides: tuple[Side, Side], colours: tuple[str, str]
    ) -> None:
        super().__init__(classes="figures")
        self.pairs = pairs
        self.sides = sides
        self.colours = colours

    def render(self) -> Text:
        left, right = self.sides[0].short, self.sides[1].short
        label_width = max(cell_len(left), cell_len(right)) + 1
        width = max(MIN_BAR, min(MAX_BAR, self.size.width - label_width - 40))
        text = Text()
        for pair in self.pairs:
            if text:
                text.append("\n")
            text.append_text(
                figure_text(pair, clean_line(left), clean_line(right), width, self.colours)
            )
        return text


class DimensionRow(Vertical):
    """A dimension's title, any figure pairs, then its two cells side by side (or stacked)."""

    def __init__(self, row: Row, pack: Pack, sides: tuple[Side, Side], marks: Marks) -> None:
        super().__init__(classes="dimension-row")
        self.row = row
        self.pack = pack
        self.sides = sides
        self.colours = marks.side_colours
        self.title = WideStatic(self.title_text(), classes="dimension-title")
        self.cells = (CellView(row.left, pack, marks), CellView(row.right, pack, marks))

    def title_text(self) -> Text:
        title = Text(clean_line(self.row.dimension.title), style="bold")
        if self.row.dimension.description:
            title.append(f"  {clean_line(self.row.dimension.description)}", style="dim")
        return title

    def compose(self) -> ComposeResult:
        yield self.title
        if self.row.figures:
            left, right = self.sides
            pair_colours = (self.colours.get(left.id, ""), self.colours.get(right.id, ""))
            yield FiguresView(self.row.figures, self.sides, pair_colours)
        with Horizontal(classes="cells"):
            yield from self.cells

    def cell_view(self, side: SideName) -> CellView:
        return self.cells[0] if side == "left" else self.cells[1]


class CompareRows(VerticalScroll, can_focus=False):
    """The rows; the screen's keys move a cursor through them, the mouse wheel scrolls them."""


def side_label(matrix: Matrix, column: int, marks: Marks) -> Text:
    """The header over a column: the side's name in its colour."""
    side = (matrix.left, matrix.right)[column]
    colour = marks.side_colours.get(side.id, "")
    return Text(clean_line(side.label), style=f"bold {colour}".strip())


def dimension_rows(matrix: Matrix, pack: Pack, marks: Marks) -> list[DimensionRow]:
    """A row widget per dimension of the matrix, in order."""
    sides = (matrix.left, matrix.right)
    return [DimensionRow(row, pack, sides, marks) for row in matrix.rows]


def nothing_to_compare(pack: Pack) -> Static:
    """What Compare shows for a pack of fewer than two sides, and how to add one."""
    where = pack.root / "pack.toml"
    return Static(
        Text(f"Nothing to compare: this pack has fewer than two sides. "
             f"Add [[side]] tables to {where}."),
        classes="gap",
    )  # fmt: skip


def nothing_to_open(cell: CellView | None) -> str:
    """Why `enter` opens nothing on the cell under Compare's cursor."""
    covered = cell is None or cell.cell.covered
    what = "has no points" if covered else "is not covered"
    side = cell.cell.side.short if cell is not None else "This side"
    return f"Nothing to open: {clean_line(side)} {what} on this dimension."
