"""The comparison matrix: a row per dimension, a cell per side, every point traceable. No Textual.

The screen, the `compare` command's table, Markdown and JSON are all built from `Matrix`.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiplan_tui.compare.figures import FigurePair, pair_facts
from aiplan_tui.core.model import Dimension, Fact, Highlight, Pack, Position, Side, SourceRef
from aiplan_tui.core.reading import ReadingOrder
from aiplan_tui.core.safe_text import shorten

GAP = "not covered in these articles"
"""What a side with nothing on a dimension shows: a visible gap, not a blank."""


class SidesError(ValueError):
    """The sides asked for are not two different sides of the pack."""


@dataclass(frozen=True)
class CompareCell:
    """One side on one dimension: the editors' summary and the highlights behind it."""

    dimension: Dimension
    side: Side
    summary: str | None
    points: tuple[Highlight, ...]
    source: SourceRef | None = None
    """Where the summary is written (comparison.toml), when there is one."""

    @property
    def covered(self) -> bool:
        return self.summary is not None or bool(self.points)


@dataclass(frozen=True)
class Row:
    dimension: Dimension
    left: CompareCell
    right: CompareCell
    figures: tuple[FigurePair, ...] = ()

    def cell(self, side: str) -> CompareCell:
        """`side` is "left" or "right"."""
        return self.left if side == "left" else self.right


@dataclass(frozen=True)
class Matrix:
    left: Side
    right: Side
    rows: tuple[Row, ...]

    @property
    def figures(self) -> tuple[FigurePair, ...]:
        """Every figure pair, once, in row order."""
        seen: dict[tuple[str, str], FigurePair] = {}
        for row in self.rows:
            for pair in row.figures:
                seen.setdefault((pair.left.id, pair.right.id), pair)
        return tuple(seen.values())

    def status(self, row: int, side: str, point: int) -> str:
        """The status line for a cursor on `point` of the `side` ("left"/"right") cell of
        `row`: "Chips and export controls (4/7) · China · point 2/3"."""
        if not self.rows:
            return ""
        at = self.rows[min(row, len(self.rows) - 1)]
        cell = at.cell(side)
        parts = [f"{at.dimension.title} ({self.rows.index(at) + 1}/{len(self.rows)})"]
        parts.append(cell.side.short)
        if cell.points:
            parts.append(f"point {min(point, len(cell.points) - 1) + 1}/{len(cell.points)}")
        else:
            parts.append("no quoted points" if cell.covered else "not covered")
        return " · ".join(parts)

    def locate(self, dimension_id: str, side_id: str, point: int) -> tuple[int, str, int]:
        """(row, "left"/"right", point) for a place saved by ids; a dimension or side the
        pack no longer has gives the first row or the left side, a point past the cell's
        last gives its last."""
        row = next((n for n, r in enumerate(self.rows) if r.dimension.id == dimension_id), 0)
        side = "right" if self.right.id == side_id else "left"
        points = self.rows[row].cell(side).points if self.rows else ()
        return row, side, max(0, min(point, len(points) - 1))


def default_sides(pack: Pack) -> tuple[str, str] | None:
    """The first two sides in `pack.toml`, or None when the pack has fewer than two."""
    if len(pack.sides) < 2:
        return None
    return pack.sides[0].id, pack.sides[1].id


def parse_sides(text: str, pack: Pack) -> tuple[str, str]:
    """`"us,china"` -> ("us", "china"), with a message naming the pack's sides when wrong."""
    known = [side.id for side in pack.sides]
    wanted = [part.strip() for part in text.split(",") if part.strip()]
    if len(wanted) != 2 or wanted[0] == wanted[1]:
        raise SidesError(f"give two different sides, like {','.join(known[:2]) or 'a,b'}")
    unknown = [side for side in wanted if side not in known]
    if unknown:
        raise SidesError(
            f"unknown side {shorten(unknown[0])!r}; this pack's sides: {', '.join(known)}"
        )
    return wanted[0], wanted[1]


def concerns(highlight: Highlight, side: str) -> bool:
    """Whether a highlight is about `side`: it names the side, or it is that side's position."""
    return side in highlight.sides or (isinstance(highlight, Position) and highlight.side == side)


def build_matrix(pack: Pack, sides: tuple[str, str] | None = None) -> Matrix:
    """Rows in the pack's dimension order; `sides` defaults to the pack's first two."""
    chosen = sides or default_sides(pack)
    by_id = {side.id: side for side in pack.sides}
    if chosen is None or chosen[0] not in by_id or chosen[1] not in by_id or chosen[0] == chosen[1]:
        raise SidesError("a comparison needs two different sides of the pack")
    left, right = by_id[chosen[0]], by_id[chosen[1]]
    highlights = {h.id: h for h in pack.highlights}
    order = {h.id: n for n, h in enumerate(ReadingOrder(pack).items)}
    cells = {(cell.dimension, cell.side): cell for cell in pack.comparison}

    def make_cell(dimension: Dimension, side: Side) -> CompareCell:
        cell = cells.get((dimension.id, side.id))
        if cell is not None:
            points = tuple(highlights[i] for i in cell.highlights if i in highlights)
            return CompareCell(dimension, side, cell.summary, points, cell.source)
        # No summary: still show what the highlights themselves say about this side here.
        tagged = [
            h for h in pack.highlights if dimension.id in h.dimensions and concerns(h, side.id)
        ]
        tagged.sort(key=lambda h: order.get(h.id, len(order)))
        return CompareCell(dimension, side, None, tuple(tagged))

    rows = []
    for dimension in pack.dimensions:
        left_cell, right_cell = make_cell(dimension, left), make_cell(dimension, right)
        cited = {h.id for h in (*left_cell.points, *right_cell.points)}
        figures = _figures_for(dimension, pack, left.id, right.id, order, cited)
        rows.append(Row(dimension, left_cell, right_cell, tuple(figures)))
    return Matrix(left, right, tuple(rows))


def _figures_for(
    dimension: Dimension,
    pack: Pack,
    left: str,
    right: str,
    order: dict[str, int],
    cited: set[str],
) -> list[FigurePair]:
    """Pairs of one-sided facts sharing a `compare_key` that either fact brings to this row
    (by naming the dimension or being cited in one of its cells)."""
    keyed = [h for h in pack.highlights if isinstance(h, Fact) and h.compare_key]
    keys = {f.compare_key for f in keyed if dimension.id in f.dimensions or f.id in cited}
    facts = [f for f in keyed if f.compare_key in keys]
    facts.sort(key=lambda f: order.get(f.id, len(order)))
    lefts = [f for f in facts if concerns(f, left) and not concerns(f, right)]
    rights = [f for f in facts if concerns(f, right) and not concerns(f, left)]
    return pair_facts(lefts, rights)
