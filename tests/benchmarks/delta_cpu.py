"""What sending only changed cells costs in CPU: milliseconds per frame in TerminalModel.

Sending fewer bytes must not make the app slow to answer a key. Frames are screenfuls of text
in two styles, at three terminal sizes: the first frame (every cell unknown), a frame scrolled
by one row and by five (the scroll path), one with every row changed in place, and one with
nothing changed. Figures are medians of --repeat runs.

Usage: python tests/benchmarks/delta_cpu.py [--repeat 9]
"""

from __future__ import annotations

import argparse
import statistics
import time

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual._compositor import LayoutUpdate
from textual.geometry import Region, Size
from textual.strip import Strip

from aiplan_tui.terminal.model import TerminalModel

CONSOLE = Console(color_system="256", force_terminal=True)
STYLES = [Style(color="grey85", bgcolor="grey11"), Style(color="red", bgcolor="grey11", bold=True)]


def frame(width: int, height: int, first_row: int, word: str = "word") -> LayoutUpdate:
    """Rows of text numbered from `first_row`, half of each row in a second style."""
    lines = []
    for y in range(height):
        number = y + first_row
        text = (f"{word}{number} " * width)[:width]
        half = width // 2
        strip = Strip([Segment(text[:half], STYLES[number % 2]), Segment(text[half:], STYLES[0])])
        lines.append([strip])
    return LayoutUpdate(lines, Region(0, 0, width, height))  # type: ignore[arg-type]


def timed(model: TerminalModel, update: LayoutUpdate, size: Size) -> tuple[float, int]:
    started = time.perf_counter()
    written = model.render(update, CONSOLE, size)
    return 1000 * (time.perf_counter() - started), len(written.encode())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    print(f"{'size':>8}  {'frame':<22} {'median ms':>9} {'bytes':>7}")
    for width, height in ((80, 24), (120, 40), (200, 60)):
        size = Size(width, height)
        cases = {
            "first (all unknown)": [frame(width, height, 0)],
            "scrolled one row": [frame(width, height, 0), frame(width, height, 1)],
            "scrolled five rows": [frame(width, height, 0), frame(width, height, 5)],
            "every row changed": [frame(width, height, 0), frame(width, height, 0, "text")],
            "nothing changed": [frame(width, height, 0), frame(width, height, 0)],
        }
        for name, updates in cases.items():
            times, sizes = [], []
            for _ in range(args.repeat):
                model = TerminalModel()
                for update in updates[:-1]:
                    model.render(update, CONSOLE, size)
                milliseconds, written = timed(model, updates[-1], size)
                times.append(milliseconds)
                sizes.append(written)
            print(
                f"{width:>4}x{height:<3}  {name:<22} {statistics.median(times):>9.1f} "
                f"{statistics.median(sizes):>7.0f}"
            )


if __name__ == "__main__":
    main()
