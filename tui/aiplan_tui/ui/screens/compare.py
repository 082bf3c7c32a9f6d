"""Compare: the two sides dimension by dimension, every point one key away from its source."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Static

from aiplan_tui.compare.markdown import row_copy
from aiplan_tui.compare.matrix import Matrix, Row, build_matrix, default_sides
from aiplan_tui.core.model import Pack
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.settings.state import ComparePlace
from aiplan_tui.ui.highlight_styles import Marks
from aiplan_tui.ui.screens.compare_keys import COMPARE_BINDINGS
from aiplan_tui.ui.screens.shown import ShownScreen, lays_out
from aiplan_tui.ui.screens.side_picker import SidePicker
from aiplan_tui.ui.widgets.compare_rows import (
    CellView,
    CompareRows,
    DimensionRow,
    PointView,
    SideName,
    dimension_rows,
    nothing_to_compare,
    nothing_to_open,
    other,
    side_label,
)
from aiplan_tui.ui.widgets.footer import KeysFooter
from aiplan_tui.ui.widgets.title_bar import TitleBar

STACK_BELOW = 100
"""Below this many columns the two sides stack, one above the other, per dimension."""


class CompareScreen(ShownScreen[None]):
    """Rows of dimensions, a column per side; a cursor on one point of one cell."""

    BINDINGS: ClassVar[list[BindingType]] = COMPARE_BINDINGS

    def __init__(
        self,
        pack: Pack,
        open_highlight: Callable[[str], None],
        marks: Callable[[], Marks],
    ) -> None:
        super().__init__()
        self.pack = pack
        self.open_highlight = open_highlight
        self.marks = marks
        sides = default_sides(pack)
        self.matrix: Matrix | None = build_matrix(pack, sides) if sides else None
        self.rows: list[DimensionRow] = []
        """The row widgets of the current pair of sides, in order."""
        self.row = 0
        self.side: SideName = "left"
        self.point = 0

    def compose(self) -> ComposeResult:
        """Built whole here, labels and rows with their content: on_mount once ran before the
        labels inside the header were mounted (keys typed ahead opened Compare), and
        filling them raised NoMatches."""
        yield TitleBar()
        with Horizontal(id="compare-header"):
            yield Static(self.side_label(0), id="compare-left-label", classes="side-label")
            yield Static(self.side_label(1), id="compare-right-label", classes="side-label")
        yield CompareRows(*self.make_rows(), id="compare-rows")
        yield Static(id="compare-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.call_after_refresh(self.show_cursor)
        self.update_status()

    # Building ---------------------------------------------------------------------------------

    def side_label(self, column: int) -> Text:
        return side_label(self.matrix, column, self.marks()) if self.matrix else Text()

    def make_rows(self) -> list[Widget]:
        """The rows (kept in `self.rows`), keeping the cursor's row."""
        self.rows = dimension_rows(self.matrix, self.pack, self.marks()) if self.matrix else []
        self.row = min(self.row, max(0, len(self.rows) - 1))
        return list(self.rows) if self.matrix else [nothing_to_compare(self.pack)]

    def fill(self) -> None:
        """Rebuild labels and rows (another theme, another pair of sides), keeping the row."""
        for column, label_id in enumerate(("left", "right")):
            for label in self.query(f"#compare-{label_id}-label").results(Static):
                label.update(self.side_label(column))
        rows = self.query_one("#compare-rows", VerticalScroll)
        rows.remove_children()
        rows.mount_all(self.make_rows())
        self.call_after_refresh(self.show_cursor)
        self.update_status()

    # The cursor -------------------------------------------------------------------------------

    def current_row(self) -> Row | None:
        """The dimension under the cursor, its cells in the columns' order."""
        if self.matrix is None or not self.matrix.rows:
            return None
        return self.matrix.rows[min(self.row, len(self.matrix.rows) - 1)]

    def current_cell(self) -> CellView | None:
        if not self.rows:
            return None
        return self.rows[min(self.row, len(self.rows) - 1)].cell_view(self.side)

    def current_point(self) -> PointView | None:
        cell = self.current_cell()
        if cell is None:
            return None
        points = cell.points
        return points[min(self.point, len(points) - 1)] if points else None

    def move_to(self, row: int, side: SideName, point: int = 0) -> None:
        """Put the cursor on a point; repaint only the old and new cell and point."""
        if self.matrix is None or not self.matrix.rows:
            return
        self.hide_cursor()
        new_row = max(0, min(row, len(self.matrix.rows) - 1))
        row_changed = new_row != self.row
        self.row, self.side, self.point = new_row, side, point
        self.show_cursor(to_top=row_changed)

    def hide_cursor(self) -> None:
        point = self.current_point()
        if point is not None:
            point.selected = False

    def show_cursor(self, to_top: bool = True) -> None:
        """Mark the cursor; bring its row's title to the top (`to_top`) and its point into view."""
        cell, point = self.current_cell(), self.current_point()
        if cell is None:
            return
        scroller = self.query_one("#compare-rows", VerticalScroll)
        row = self.rows[self.row]
        if point is not None:
            point.selected = True
        if to_top:
            scroller.scroll_to_widget(row, animate=False, top=True)
        if point is not None:
            # After the row's scroll has landed, so a point further down is brought into view.
            scroller.call_after_refresh(scroller.scroll_to_widget, point, animate=False)
        self.update_status()

    def update_status(self) -> None:
        status = self.query_one("#compare-status", Static)
        text = self.matrix.status(self.row, self.side, self.point) if self.matrix else ""
        status.update(Text(clean_line(text)))

    def focus_cell(self, dimension_id: str, side_id: str, point: int = 0) -> None:
        """Put the cursor on a dimension's cell for a side, on its `point` (from search, the
        palette, or the place saved last time); a dimension or side the pack no longer has
        leaves the cursor on the first row or the left side."""
        if self.matrix is None:
            return
        row, found, point = self.matrix.locate(dimension_id, side_id, point)
        side: SideName = "right" if found == "right" else "left"
        if self.is_mounted:
            self.move_to(row, side, point)
        else:
            self.row, self.side, self.point = row, side, point

    def place(self) -> ComparePlace | None:
        """Where the cursor is, to reopen there next time."""
        row = self.current_row()
        if row is None:
            return None
        return ComparePlace(row.dimension.id, row.cell(self.side).side.id, self.point)

    # Actions ----------------------------------------------------------------------------------

    def action_row(self, step: int) -> None:
        self.move_to(self.row + step, self.side)

    def action_edge(self, end: int) -> None:
        last = len(self.matrix.rows) - 1 if self.matrix else 0
        self.move_to(last if end > 0 else 0, self.side)

    def action_side(self, side: SideName) -> None:
        if side != self.side:
            self.move_to(self.row, side)

    def action_other_side(self) -> None:
        self.move_to(self.row, other(self.side))

    def action_point(self, step: int) -> None:
        cell = self.current_cell()
        count = len(cell.points) if cell is not None else 0
        if count == 0:
            self.notify("This cell has no points to step through.", timeout=2)
            return
        target = self.point + step
        if not 0 <= target < count:
            self.notify(f"This is the {'last' if step > 0 else 'first'} point here.", timeout=2)
            return
        self.move_to(self.row, self.side, target)

    def action_cross(self) -> None:
        """To the other side; onto the same highlight when that side cites it too."""
        point = self.current_point()
        if self.matrix is None:
            return
        target = self.matrix.rows[self.row].cell(other(self.side))
        index = 0
        if point is not None:
            ids = [h.id for h in target.points]
            if point.highlight.id in ids:
                index = ids.index(point.highlight.id)
        self.move_to(self.row, other(self.side), index)

    def use_pack(self, pack: Pack) -> None:
        """The pack read again: the same pair of sides if it still has them, the cursor's row
        kept."""
        self.pack = pack
        ids = {side.id for side in pack.sides}
        shown = (self.matrix.left.id, self.matrix.right.id) if self.matrix else None
        sides = shown if shown and set(shown) <= ids else default_sides(pack)
        self.matrix = build_matrix(pack, sides) if sides else None
        self.point = 0
        if self.is_mounted:
            self.fill()
            self.update_status()

    def action_swap(self) -> None:
        if self.matrix is None:
            return
        self.side = other(self.side)
        self.set_sides((self.matrix.right.id, self.matrix.left.id))

    def restyle(self) -> None:
        """Rebuild with the new theme's colours, keeping the cursor where it is."""
        self.fill()

    def set_sides(self, sides: tuple[str, str]) -> None:
        self.matrix = build_matrix(self.pack, sides)
        self.point = 0
        self.fill()

    def action_pick_sides(self) -> None:
        if len(self.pack.sides) <= 2:
            self.notify("This pack has only two sides.", timeout=2)
            return

        def chosen(sides: tuple[str, str] | None) -> None:
            if sides is not None:
                self.set_sides(sides)

        self.app.push_screen(SidePicker(self.pack), chosen)

    def action_open(self) -> None:
        point = self.current_point()
        if point is None:
            self.notify(nothing_to_open(self.current_cell()), timeout=3, markup=False)
            return
        self.open_highlight(point.highlight.id)

    def action_copy_row(self) -> None:
        """The row as Markdown, to paste into a brief (in place of `y` elsewhere, which
        copies one highlight)."""
        why = "fewer than two sides" if self.matrix is None else "no dimensions"
        copied, notice = row_copy(self.current_row(), self.pack, why)
        if copied is not None:
            self.app.copy_to_clipboard(copied)
        self.notify(notice, markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the side picker unless there is a choice to make."""
        if not super().check_action(action, parameters):
            return False
        if action == "pick_sides":
            return len(self.pack.sides) > 2
        return True

    # Layout -----------------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        if lays_out(self, event):  # a covered screen catches up when shown (on_screen_resume)
            self.fit_width(event.size.width)

    def on_screen_resume(self) -> None:
        """A screen under another one gets no resize events: fit the width it has now."""
        self.fit_width(self.app.size.width)

    def fit_width(self, width: int) -> None:
        self.set_class(width < STACK_BELOW, "-stacked")
        if self.current_point() is not None:
            self.call_after_refresh(self.show_cursor)
