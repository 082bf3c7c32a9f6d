"""Terminal sequences for runs of cells, written with as few bytes as the terminal allows.

The writer remembers the style the terminal draws with (its pen) while it writes, so each
run needs only the change from the last one (terminal_pen), blanks that look the same in the
current pen need none, and long runs of blanks become one erase where the terminal erases in
its current background.
"""

from __future__ import annotations

from rich.color import ColorSystem
from rich.style import Style
from textual.strip import Strip

from aiplan_tui.terminal.cells import (
    Cell,
    blank_style,
    is_blank_style,
    shows_foreground,
    space_fits,
    space_pen,
)
from aiplan_tui.terminal.pen import transition
from aiplan_tui.terminal.rich_style import has_link
from aiplan_tui.terminal.scroll import Scroll

MIN_ERASE = 8
"""Blank cells from which one erase (and a step over them) is shorter than spaces."""


class Output:
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
                runs.append((" " * blanks, blank_style(run_style)))
            else:
                runs.append(("".join(run_text), run_style))

        for text, style in cells:
            changes = style is not run_style and style != run_style
            if changes and not (text == " " and space_fits(run_style, style)):
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
        if text.strip(" ") or style is None or not is_blank_style(style):
            return False
        if not self.pen_blanks(text, style):
            self.blank_pen(style)
        return True

    def blank_pen(self, blank: Style) -> None:
        """Change the pen to draw blanks in `blank`'s background, keeping what a blank does
        not show (the foreground colour, bold...), so the text after may need no change."""
        pen = self.pen
        target = blank
        if pen is not None and not shows_foreground(blank):
            target = space_pen(pen, blank)
        self.parts.append(transition(pen, target, self.color_system))
        self.pen = target

    def erase(self, count: int, more: bool) -> None:
        """Blank `count` cells from the cursor in the pen's background; then step over them
        if more is to be written on this row (an erase leaves the cursor where it is)."""
        self.parts.append(f"\x1b[{count}X\x1b[{count}C" if more else f"\x1b[{count}X")

    def text(self, text: str, style: Style | None) -> None:
        if style is not None and has_link(style):  # a link has its own opening and closing
            self.raw(Strip.render_style(style, text, self.color_system))
            return
        if self.pen_blanks(text, style):
            self.parts.append(text)
            return
        if style is not None and not text.strip(" ") and is_blank_style(style):
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
        if text.strip(" ") or style is None or not is_blank_style(style):
            return False
        pen = self.pen
        if pen is None:
            return style.bgcolor is None
        return pen.bgcolor == style.bgcolor and not shows_foreground(pen)

    def finish(self) -> str:
        if transition(self.pen, None, self.color_system):
            self.parts.append("\x1b[0m")  # leave the pen plain, as Textual expects it
        return "".join(self.parts)
