"""How long `authoring.suggest` takes as the text grows (issue 28). Not a test: it prints
figures. Run: PYTHONPATH=tui python tests/benchmarks/suggest_speed.py [--quick]

The text is `news_text.py`'s (quotations, reported speech and figures in every paragraph,
denser than most news), as paragraphs and as one paragraph of the same length, up to the
1,000,000 characters `add` takes (source.LONGEST_ARTICLE). CPU seconds are the measure
(wall seconds move with whatever else the machine runs); "per 100k" staying level is what
linear means. The anchoring's work (places looked at, characters searched) is printed too.

Target: a megabyte well under a second. Before the index (issue 28): 0.73 s at 100k, 7.4 s
at 400k and 35 s at 1M (wall, on the quiet machine of the commit that added this)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from news_text import news_text  # a script beside this one

from aiplan_tui.authoring import suggest as suggesting
from aiplan_tui.authoring.occurrences import Occurrences
from aiplan_tui.authoring.source import LONGEST_ARTICLE

SIZES = (20_000, 100_000, 250_000, 500_000, LONGEST_ARTICLE)


class _Counted(Occurrences):
    last: Occurrences | None = None

    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        super().__init__(paragraphs)
        _Counted.last = self


def measure(paragraphs: tuple[str, ...]) -> tuple[float, float, int, int]:
    """CPU seconds, wall seconds, suggestions, anchoring work."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = suggesting.suggest(paragraphs, ())
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    work = _Counted.last.work if _Counted.last is not None else 0
    return cpu, wall, len(result.highlights), work


def main() -> None:
    vars(suggesting)["Occurrences"] = _Counted  # suggest makes this one: its work is read
    sizes = SIZES[:3] if "--quick" in sys.argv else SIZES
    print(f"{'text':>22} {'chars':>9} {'cpu s':>7} {'wall s':>7} {'per 100k':>9} "
          f"{'suggested':>9} {'work':>9}")  # fmt: skip
    for shape in ("paragraphs", "one paragraph"):
        for size in sizes:
            paragraphs = news_text(size)
            if shape == "one paragraph":
                paragraphs = (" ".join(paragraphs),)
            chars = sum(len(p) for p in paragraphs)
            cpu, wall, count, work = measure(paragraphs)
            print(f"{shape:>22} {chars:>9,} {cpu:>7.2f} {wall:>7.2f} "
                  f"{cpu * 100_000 / chars:>9.3f} {count:>9,} {work:>9,}")  # fmt: skip


if __name__ == "__main__":
    main()
