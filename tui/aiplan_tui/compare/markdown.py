"""The comparison as Markdown for a brief: the whole matrix, or one row (Compare's `y`).

No Textual. Pack text is escaped, so a pasted brief shows the words, never markup or HTML
that the words happen to contain.
"""

from __future__ import annotations

from aiplan_tui.compare.figures import summary_line
from aiplan_tui.compare.matrix import GAP, CompareCell, Matrix, Row
from aiplan_tui.core.formatting import KIND_ICONS, point_line, quoted
from aiplan_tui.core.markdown import Citing, md_escape, point_item
from aiplan_tui.core.model import Highlight, Pack
from aiplan_tui.core.problems import plural
from aiplan_tui.core.safe_text import shorten


def _md_point(highlight: Highlight, citing: Citing) -> str:
    icon = KIND_ICONS[highlight.kind]
    return f"{icon} {md_escape(point_line(highlight, citing.pack))} ({citing.where(highlight)})"


def _md_cell(cell: CompareCell, citing: Citing) -> str:
    if not cell.covered:
        return f"*{GAP}*"
    lines = [f"*{md_escape(cell.summary)}*"] if cell.summary else []
    lines.extend(_md_point(h, citing) for h in cell.points)
    return "<br>".join(lines)


def matrix_to_markdown(matrix: Matrix, pack: Pack, footnotes: bool = False) -> str:
    """A table per dimension and side with a citation for every point, then the figure pairs;
    with `footnotes`, each source once, as a pandoc footnote at the end."""
    citing = Citing(pack, footnotes)
    left, right = matrix.left, matrix.right
    out = [
        f"# {md_escape(left.label)} and {md_escape(right.label)}: {md_escape(pack.info.title)}",
        "",
        "Summaries (in italics) are the pack editors'; every point is quoted from its article.",
        "",
        f"| Dimension | {md_escape(left.label)} | {md_escape(right.label)} |",
        "| --- | --- | --- |",
    ]
    for row in matrix.rows:
        cells = [_md_cell(row.left, citing), _md_cell(row.right, citing)]
        out.append(f"| **{md_escape(row.dimension.title)}** | {cells[0]} | {cells[1]} |")
    if matrix.figures:
        out += ["", "## Figures", ""]
        for pair in matrix.figures:
            line = summary_line(pair, left.short, right.short)
            facts = (pair.left, pair.right)
            sources = "; ".join(f"{quoted(md_escape(f.exact))} ({citing.where(f)})" for f in facts)
            out.append(f"- **{md_escape(pair.metric)}**: {md_escape(line)}. {sources}")
    return "\n".join(out) + "\n" + citing.notes()


def row_to_markdown(row: Row, pack: Pack, footnotes: bool = False) -> str:
    """One row as the Compare screen shows it, to paste into a brief: the dimension; each side
    in the row's column order with its summary (the pack editors', in italics) and its points,
    each with its citation; then the figures the row pairs, with theirs."""
    citing = Citing(pack, footnotes)
    out = [f"## {md_escape(row.dimension.title)}", ""]
    if row.dimension.description:
        out += [md_escape(row.dimension.description), ""]
    for cell in (row.left, row.right):
        out += [f"### {md_escape(cell.side.label)}", ""]
        summary = md_escape(cell.summary or "")
        if not cell.covered:
            out += [f"*{GAP}*", ""]
        elif summary:
            out += [f"*{summary}*", ""]
        if cell.points:
            out += [*(point_item(highlight, pack, citing) for highlight in cell.points), ""]
    if row.figures:
        out += ["### Figures", ""]
        left, right = row.left.side.short, row.right.side.short
        for pair in row.figures:
            line = md_escape(summary_line(pair, left, right))
            sources = "; ".join(
                f"{md_escape(short)}: {citing.where(fact)}"
                for short, fact in ((left, pair.left), (right, pair.right))
            )
            out.append(f"- **{md_escape(pair.metric)}**: {line} ({sources})")
    return "\n".join(out).rstrip("\n") + "\n" + citing.notes()


def row_copy(row: Row | None, pack: Pack, why_none: str) -> tuple[str | None, str]:
    """What Compare's `y` puts on the clipboard for the row (None: nothing) and the notice
    that says so; `why_none` is why there is no row ("no dimensions", ...)."""
    if row is None:
        return None, f"Nothing to copy: this pack has {why_none} to compare."
    title = shorten(row.dimension.title, 40)
    if not (row.left.covered or row.right.covered):
        return None, f"Nothing to copy: neither side covers '{title}' in these articles."
    points = plural(len(row.left.points) + len(row.right.points), "point")
    return row_to_markdown(row, pack), f"Copied row '{title}' as Markdown: 2 sides, {points}"
