"""Cells as the terminal shows them: the text and style of each column, with the styles
reduced to what can be seen, so that cells that look the same compare equal.

Textual's styles carry more than the terminal shows: click data (meta), colours finer than
the terminal's colour system, a foreground colour on spaces. terminal_delta compares the
screen it last drew with the next one cell by cell; these functions make that comparison
see what a person sees.
"""

from __future__ import annotations

from rich.cells import get_character_cell_size
from rich.color import ColorSystem
from rich.style import Style
from textual.strip import Strip

from aiplan_tui.terminal.rich_style import drawn_copy, drawn_key, has_link

Cell = tuple[str, Style | None]
"""What one column of the terminal shows: its text and style. A wide character's second
column is ("", style): the terminal fills it with the first."""

_SPACE_FITS: dict[tuple[Style | None, Style | None], bool] = {}


def space_fits(run_style: Style | None, space_style: Style | None) -> bool:
    """Whether a space in `space_style` looks the same drawn in `run_style`."""
    key = (run_style, space_style)
    fits = _SPACE_FITS.get(key)
    if fits is None:
        fits = (
            run_style is not None
            and space_style is not None
            and not has_link(run_style)
            and is_blank_style(space_style)
            and space_style.bgcolor == run_style.bgcolor
            and not shows_foreground(run_style)
        )
        if len(_SPACE_FITS) < 4096:
            _SPACE_FITS[key] = fits
    return fits


_SPACE_PENS: dict[tuple[Style, Style], Style] = {}


def space_pen(pen: Style, blank: Style) -> Style:
    """`pen` with `blank`'s background and nothing that shows on a blank (reverse, underline,
    strike, overline) left on."""
    made = _SPACE_PENS.get((pen, blank))
    if made is None:
        made = Style(
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
            _SPACE_PENS[(pen, blank)] = made
    return made


def shows_foreground(style: Style) -> bool:
    """Whether a space in this style shows the foreground colour (so it matters)."""
    return bool(
        style.reverse or style.underline or style.underline2 or style.strike or style.overline
    )


_BLANK_STYLES: dict[Style, Style] = {}


def blank_style(style: Style) -> Style:
    """The style that draws a space exactly as `style` does, with nothing that cannot show."""
    blank = _BLANK_STYLES.get(style)
    if blank is None:
        keeps_all = has_link(style) or shows_foreground(style)
        blank = style if keeps_all else Style(bgcolor=style.bgcolor)
        if len(_BLANK_STYLES) < 4096:
            _BLANK_STYLES[style] = blank
    return blank


def is_blank_style(style: Style) -> bool:
    return style.color is None and not has_link(style) and not shows_foreground(style)


_DRAWN_STYLES: dict[tuple[object, ...], Style] = {}


def drawn(style: Style | None, color_system: ColorSystem) -> Style | None:
    """The style as the terminal shows it: colours in the terminal's colour system (two
    shades that come out as the same code are the same), and no meta (Textual puts a widget's
    click data there, such as a list option's number, which the terminal never sees). So the
    same row moved to another option, or redrawn in an equal colour, compares equal."""
    if style is None:
        return None
    key = drawn_key(style, color_system)
    drawn = _DRAWN_STYLES.get(key)
    if drawn is None:
        drawn = drawn_copy(style, color_system)
        if len(_DRAWN_STYLES) < 4096:
            _DRAWN_STYLES[key] = drawn
    return drawn


def strip_cells(strip: Strip, color_system: ColorSystem) -> list[Cell] | None:
    """One cell per column, or None when the strip holds something a cell cannot (controls)."""
    cells: list[Cell] = []
    for segment in strip:
        text, style, control = segment
        if control:
            return None
        style = drawn(style, color_system)
        # A space shows only its background: drawn in the blank style, it matches any pen
        # with that background, so the words around it need no style change.
        blank = style if style is None or " " not in text else blank_style(style)
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
