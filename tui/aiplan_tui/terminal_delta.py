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

from rich.cells import get_character_cell_size
from rich.color import ColorSystem
from rich.console import Console
from rich.style import Style
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
from textual.geometry import Size
from textual.strip import Strip

from aiplan_tui.terminal_pen import transition
from aiplan_tui.terminal_scroll import Cell, Scroll, plan_moves, scrolled

UNKNOWN = None
"""A cell whose contents the model does not know, so it is always written."""

MIN_ERASE = 8
"""Blank cells from which one erase (and a step over them) is shorter than spaces."""

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
        color_system = console._color_system or ColorSystem.TRUECOLOR
        out = _Output(color_system, self.erase_fills)
        height, width = self.size.height, self.size.width
        planned = [(x, y, strip, _cells(strip, color_system)) for x, y, strip in pieces]
        fits = all(
            cells is not None and y < height and x + len(cells) <= width
            for x, y, _, cells in planned
        )
        written = self._scroll(planned, out) if fits else set()
        for x, y, strip, cells in planned:
            if y in written:
                continue
            if cells is None or y >= height or x + len(cells) > width:
                out.move_to(x, y)
                out.raw(strip.render(console))
                if y < height:
                    row = self.rows[y]
                    row[x:] = [UNKNOWN] * (width - x)
                continue
            self._write(x, y, cells, out)
        return out.finish()

    def _scroll(
        self, planned: list[tuple[int, int, Strip, list[Cell] | None]], out: _Output
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

    def _write(self, x: int, y: int, cells: list[Cell], out: _Output) -> None:
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


class _Output:
    """Terminal sequences being written, and the style the terminal's pen holds meanwhile."""

    def __init__(self, color_system: ColorSystem, erase_fills: bool = False) -> None:
        self.color_system = color_system
        self.erase_fills = erase_fills
        self.parts: list[str] = []
        self.pen: Style | None = None
        """The style the terminal draws with now; None for its default."""

    def scroll(self, scroll: Scroll) -> None:
        """Move a band of whole rows: a scroll region, delete or insert lines at its top."""
        lines = f"{scroll.shift}M" if scroll.shift > 0 else f"{-scroll.shift}L"
        self.parts.append(
            f"\x1b[{scroll.top + 1};{scroll.bottom + 1}r\x1b[{scroll.top + 1};1H\x1b[{lines}\x1b[r"
        )

    def move_to(self, x: int, y: int) -> None:
        self.parts.append(f"\x1b[{y + 1};{x + 1}H")

    def raw(self, text: str) -> None:
        self.parts.append(text)
        self.pen = None  # Textual's rendering ends with a reset

    def cells(self, cells: list[Cell]) -> None:
        """The cells as text, with a style sequence only where the style changes; a space
        between words in the same colours stays in their run."""
        runs: list[tuple[str, Style | None]] = []
        run_style = cells[0][1]
        run_text: list[str] = []
        blanks = 0  # spaces at the end of the run

        def end_run() -> None:
            if self.erase_fills and blanks >= MIN_ERASE and run_style is not None:
                runs.append(("".join(run_text[:-blanks]), run_style))  # the tail can be erased
                runs.append((" " * blanks, _blank_style(run_style)))
            else:
                runs.append(("".join(run_text), run_style))

        for text, style in cells:
            changes = style is not run_style and style != run_style
            if changes and not (text == " " and _space_fits(run_style, style)):
                end_run()
                run_style, run_text, blanks = style, [], 0
            elif text != " " and blanks >= MIN_ERASE and self.erase_fills:
                end_run()  # a long gap inside the run: it can be erased
                run_text, blanks = [], 0
            run_text.append(text)
            blanks = blanks + 1 if text == " " else 0
        end_run()
        for number, (text, style) in enumerate(runs):
            if not text:
                continue
            if self.erase_fills and len(text) >= MIN_ERASE and self.erases_as(text, style):
                self.erase(len(text), more=number < len(runs) - 1)
            else:
                self.text(text, style)

    def erases_as(self, text: str, style: Style | None) -> bool:
        """Whether an erase with the pen, after a change of pen if need be, draws these
        cells: blanks in a style that shows only its background."""
        if text.strip(" ") or style is None or not _is_blank_style(style):
            return False
        if not self.pen_blanks(text, style):
            self.blank_pen(style)
        return True

    def blank_pen(self, blank: Style) -> None:
        """Change the pen to draw blanks in `blank`'s background, keeping what a blank does
        not show (the foreground colour, bold...), so the text after may need no change."""
        pen = self.pen
        target = blank
        if pen is not None and not _shows_foreground(blank):
            target = _SPACE_PENS.get((pen, blank)) or _space_pen(pen, blank)
        self.parts.append(transition(pen, target, self.color_system))
        self.pen = target

    def erase(self, count: int, more: bool) -> None:
        """Blank `count` cells from the cursor in the pen's background; then step over them
        if more is to be written on this row (an erase leaves the cursor where it is)."""
        self.parts.append(f"\x1b[{count}X\x1b[{count}C" if more else f"\x1b[{count}X")

    def text(self, text: str, style: Style | None) -> None:
        if style is not None and style._link:  # a link has its own opening and closing
            self.raw(Strip.render_style(style, text, self.color_system))
            return
        if self.pen_blanks(text, style):
            self.parts.append(text)
            return
        if style is not None and not text.strip(" ") and _is_blank_style(style):
            self.blank_pen(style)
            self.parts.append(text)
            return
        change = transition(self.pen, style, self.color_system)
        if change:
            self.parts.append(change)
            self.pen = style
        self.parts.append(text)

    def pen_blanks(self, text: str, style: Style | None) -> bool:
        """Whether the pen draws these spaces as they should look: a space shows only its
        background, unless an attribute (reverse, underline...) shows the foreground too."""
        if text.strip(" ") or style is None or not _is_blank_style(style):
            return False
        pen = self.pen
        if pen is None:
            return style.bgcolor is None
        return pen.bgcolor == style.bgcolor and not _shows_foreground(pen)

    def finish(self) -> str:
        if transition(self.pen, None, self.color_system):
            self.parts.append("\x1b[0m")  # leave the pen plain, as Textual expects it
        return "".join(self.parts)


_SPACE_FITS: dict[tuple[Style | None, Style | None], bool] = {}


def _space_fits(run_style: Style | None, space_style: Style | None) -> bool:
    """Whether a space in `space_style` looks the same drawn in `run_style`."""
    key = (run_style, space_style)
    fits = _SPACE_FITS.get(key)
    if fits is None:
        fits = (
            run_style is not None
            and space_style is not None
            and not run_style._link
            and _is_blank_style(space_style)
            and space_style.bgcolor == run_style.bgcolor
            and not _shows_foreground(run_style)
        )
        if len(_SPACE_FITS) < 4096:
            _SPACE_FITS[key] = fits
    return fits


_SPACE_PENS: dict[tuple[Style, Style], Style] = {}


def _space_pen(pen: Style, blank: Style) -> Style:
    """`pen` with `blank`'s background and nothing that shows on a blank (reverse, underline,
    strike, overline) left on."""
    space_pen = Style(
        color=pen.color,
        bgcolor=blank.bgcolor,
        bold=pen.bold,
        dim=pen.dim,
        italic=pen.italic,
        blink=pen.blink,
        blink2=pen.blink2,
        conceal=pen.conceal,
    )
    if len(_SPACE_PENS) < 4096:
        _SPACE_PENS[(pen, blank)] = space_pen
    return space_pen


def _shows_foreground(style: Style) -> bool:
    """Whether a space in this style shows the foreground colour (so it matters)."""
    return bool(
        style.reverse or style.underline or style.underline2 or style.strike or style.overline
    )


_BLANK_STYLES: dict[Style, Style] = {}


def _blank_style(style: Style) -> Style:
    """The style that draws a space exactly as `style` does, with nothing that cannot show."""
    blank = _BLANK_STYLES.get(style)
    if blank is None:
        keeps_all = style._link or _shows_foreground(style)
        blank = style if keeps_all else Style(bgcolor=style.bgcolor)
        if len(_BLANK_STYLES) < 4096:
            _BLANK_STYLES[style] = blank
    return blank


def _is_blank_style(style: Style) -> bool:
    return style.color is None and not style._link and not _shows_foreground(style)


_DRAWN_STYLES: dict[tuple[object, ...], Style] = {}


def _drawn(style: Style | None, color_system: ColorSystem) -> Style | None:
    """The style as the terminal shows it: colours in the terminal's colour system (two
    shades that come out as the same code are the same), and no meta (Textual puts a widget's
    click data there, such as a list option's number, which the terminal never sees). So the
    same row moved to another option, or redrawn in an equal colour, compares equal."""
    if style is None:
        return None
    key = (
        style._color,
        style._bgcolor,
        style._attributes,
        style._set_attributes,
        style._link,
        color_system,
    )
    drawn = _DRAWN_STYLES.get(key)
    if drawn is None:
        drawn = style.copy()
        drawn._meta = drawn._hash = drawn._ansi = None
        if style._color is not None:
            drawn._color = style._color.downgrade(color_system)
        if style._bgcolor is not None:
            drawn._bgcolor = style._bgcolor.downgrade(color_system)
        if len(_DRAWN_STYLES) < 4096:
            _DRAWN_STYLES[key] = drawn
    return drawn


def _cells(strip: Strip, color_system: ColorSystem) -> list[Cell] | None:
    """One cell per column, or None when the strip holds something a cell cannot (controls)."""
    cells: list[Cell] = []
    for segment in strip:
        text, style, control = segment
        if control:
            return None
        style = _drawn(style, color_system)
        # A space shows only its background: drawn in the blank style, it matches any pen
        # with that background, so the words around it need no style change.
        blank = style if style is None or " " not in text else _blank_style(style)
        if text.isascii() and text.isprintable():
            if blank is style:
                cells.extend([(char, style) for char in text])
            else:
                space = (" ", blank)
                cells.extend([space if char == " " else (char, style) for char in text])
            continue
        for char in text:
            width = get_character_cell_size(char)
            if width == 0:
                if not cells:
                    return None  # a combining mark with nothing to combine with
                previous_text, previous_style = cells[-1]
                if previous_text == " ":  # a mark on a space shows the foreground
                    previous_style = style
                cells[-1] = (previous_text + char, previous_style)
            elif width == 2:
                cells.append((char, style))
                cells.append(("", style))
            else:
                cells.append((char, blank if char == " " else style))
    return cells


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
