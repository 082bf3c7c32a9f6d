"""Send the terminal only the cells that changed since the last frame.

Textual rewrites every line of a widget whenever the widget refreshes, and writes each segment
with its full style even when its neighbour has the same one. Over SSH every byte crosses the
link, so a cursor move that changes two rows of a list should not cost the whole list. This
keeps a model of what the terminal shows (one text and style per cell) and turns each of
Textual's updates into cursor moves and runs of changed cells, with one style per run.

Whenever the terminal's contents may no longer match the model (a resize, the app suspended,
an update it cannot follow) the model is forgotten and the next update is written in full.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
from textual.geometry import Size
from textual.strip import Strip

from aiplan_tui.terminal.cells import Cell, strip_cells
from aiplan_tui.terminal.output import Output
from aiplan_tui.terminal.rich_style import console_colours
from aiplan_tui.terminal.scroll import plan_moves, scrolled

UNKNOWN = None
"""A cell whose contents the model does not know, so it is always written."""

SAME_CELLS_TO_SPLIT = 6
"""Unchanged cells that end a run: fewer are rewritten, since a cursor move costs as much."""


class TerminalModel:
    """What the terminal shows, cell by cell, as far as this app has drawn it."""

    def __init__(self, erase_fills: bool = False) -> None:
        self.size = Size(0, 0)
        self.rows: list[list[Cell | None]] = []
        self.erase_fills = erase_fills
        """Whether the terminal erases in the current background colour (terminfo's `bce`),
        so a run of blank cells can be one erase instead of that many spaces."""

    def forget(self, size: Size | None = None) -> None:
        """Treat every cell as unknown, so the next update is written in full."""
        self.size = size if size is not None else self.size
        self.rows = [[UNKNOWN] * self.size.width for _ in range(self.size.height)]

    def render(self, update: CompositorUpdate, console: Console, size: Size) -> str:
        """The terminal sequences that bring the screen from the model to `update`."""
        if size != self.size:
            self.forget(size)
        pieces = _pieces(update)
        if pieces is None:
            self.forget()
            return update.render_segments(console)
        color_system = console_colours(console)
        out = Output(color_system, self.erase_fills)
        height, width = self.size.height, self.size.width
        planned = []
        for x, y, strip in pieces:
            cells = strip_cells(strip, color_system)
            fits = cells is not None and y < height and x + len(cells) <= width
            planned.append((x, y, strip, cells if fits else None))
        everything_fits = all(cells is not None for *_, cells in planned)
        written = self._scroll(planned, out) if everything_fits else set()
        for x, y, strip, cells in planned:
            if y in written:
                continue
            if cells is None:  # controls, or past the screen's edge: written as Textual would
                out.move_to(x, y)
                out.raw(strip.render(console))
                if y < height:
                    row = self.rows[y]
                    row[x:] = [UNKNOWN] * (width - x)
                continue
            self._write(x, y, cells, out)
        return out.finish()

    def _scroll(
        self, planned: list[tuple[int, int, Strip, list[Cell] | None]], out: Output
    ) -> set[int]:
        """Scroll rows that only moved, if that saves bytes; then bring every row of the
        scrolled band to what the update wants. Returns the rows already written."""
        desired: dict[int, list[Cell | None]] = {}
        for x, y, _, cells in planned:
            assert cells is not None
            row = desired.get(y)
            if row is None:
                row = desired[y] = list(self.rows[y])
            row[x : x + len(cells)] = cells
        moves = plan_moves(self.rows, desired)
        if not moves:
            return set()
        band = range(min(move.top for move in moves), max(move.bottom for move in moves) + 1)
        for y in band:  # rows the update leaves alone must come back as they were
            desired.setdefault(y, list(self.rows[y]))
        for move in moves:
            out.scroll(move)
            self.rows[move.top : move.bottom + 1] = scrolled(self.rows, move)
        for y in band:
            self._write(0, y, desired[y], out)  # type: ignore[arg-type]  # plan_moves: known
        return set(band)

    def _write(self, x: int, y: int, cells: list[Cell], out: Output) -> None:
        row = self.rows[y]
        for start, end in _changed_runs(cells, row, x):
            while start > 0 and cells[start][0] == "":
                start -= 1  # begin on the first column of a wide character
            while end + 1 < len(cells) and cells[end + 1][0] == "":
                end += 1  # end after the second column of a wide character
            out.move_to(x + start, y)
            out.cells(cells[start : end + 1])
            left, right = x + start, x + end + 1
            # Overwriting half of a wide character blanks the other half on the terminal.
            if left > 0 and _is_placeholder(row[left]):
                row[left - 1] = UNKNOWN
            if right < len(row) and _is_placeholder(row[right]):
                row[right] = UNKNOWN
            row[left:right] = cells[start : end + 1]


def _is_placeholder(cell: Cell | None) -> bool:
    return cell is not None and cell[0] == ""


def _changed_runs(cells: list[Cell], row: list[Cell | None], x: int) -> Iterator[tuple[int, int]]:
    """(first, last) indices of cells that differ from the row, close runs joined into one."""
    start = end = -1
    for index, cell in enumerate(cells):
        if cell == row[x + index]:
            continue
        if start < 0:
            start = index
        elif index - end > SAME_CELLS_TO_SPLIT:
            yield start, end
            start = index
        end = index
    if start >= 0:
        yield start, end


def _pieces(update: CompositorUpdate) -> list[tuple[int, int, Strip]] | None:
    """The strips an update writes, each with the column and row it starts at."""
    pieces: list[tuple[int, int, Strip]] = []
    if isinstance(update, LayoutUpdate):
        for y, line in enumerate(update.strips, update.region.y):
            x = update.region.x
            for strip in line:
                pieces.append((x, y, strip))
                x += strip.cell_length
        return pieces
    if isinstance(update, ChopsUpdate):
        for y, x1, x2 in update.spans:
            for end, (x, chop) in zip(update.chop_ends[y], update.chops[y].items(), strict=False):
                if chop is None or x > x2 or end <= x1:
                    continue
                if not (x2 > x >= x1 and end <= x2):
                    chop = chop.crop(0, min(end, x2) - x)
                pieces.append((x, y, chop))
        return pieces
    return None


class Written(CompositorUpdate):
    """Terminal sequences already worked out, handed to Textual to write as an update."""

    def __init__(self, sequences: str) -> None:
        self.sequences = sequences

    def render_segments(self, console: Console) -> str:
        return self.sequences
