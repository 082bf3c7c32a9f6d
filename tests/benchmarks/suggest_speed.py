"""How long `aiplan-tui add` takes as the article grows (issue 28). Not a test: it prints
figures. Run: PYTHONPATH=tui python tests/benchmarks/suggest_speed.py [--quick] [--runs N]

The text is `news_text.py`'s (quotations, reported speech and figures in every paragraph,
denser than most news), up to the 1,000,000 characters `add` takes (source.LONGEST_ARTICLE).
Two tables, each figure the median of --runs runs (default 5):
- the whole process, as the user pays it: `aiplan-tui add FILE --content PACK` into a new
  pack, the article written as a .txt file (start-up, reading, suggesting, ids, writing and
  the pack's lock all count), CPU seconds (user + system, from wait4) and wall seconds; a
  two-paragraph article gives the floor every `add` pays ("- floor": the rest, the work
  that grows with the text), and a 5 MB text is refused (exit status 1);
- `authoring.suggest` alone, in this process, as paragraphs and as one paragraph of the same
  length, with the anchoring's work (places looked at, characters searched).
CPU seconds are the measure (wall seconds move with whatever else the machine runs); "per
100k" staying level is what linear means.

Before (issue 28): suggesting 1 MB took 35 s (wall) with a search of the whole text per
suggestion, 3 to 4 CPU s with the index, and the whole `add` 5.5 CPU s."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from subprocess import DEVNULL

sys.path.insert(0, str(Path(__file__).parent))

from news_text import news_text  # a script beside this one

from aiplan_tui.authoring import suggest as suggesting
from aiplan_tui.authoring.occurrences import Occurrences
from aiplan_tui.authoring.source import LONGEST_ARTICLE

SIZES = (250_000, 500_000, LONGEST_ARTICLE)
QUICK = (20_000, 100_000, 250_000)
REFUSED = 5_000_000
"""A text this long is refused (over LONGEST_ARTICLE): the time that takes is printed too."""


class _Counted(Occurrences):
    last: Occurrences | None = None

    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        super().__init__(paragraphs)
        _Counted.last = self


def in_process(paragraphs: tuple[str, ...], runs: int) -> tuple[float, float, int, int]:
    """Median CPU and wall seconds of `suggest`, its suggestions, the anchoring's work."""
    cpus, walls, count, work = [], [], 0, 0
    for _ in range(runs):
        cpu, wall = time.process_time(), time.perf_counter()
        result = suggesting.suggest(paragraphs, ())
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
        count = len(result.highlights)
        work = _Counted.last.work if _Counted.last is not None else 0
    return statistics.median(cpus), statistics.median(walls), count, work


def whole_process(article: Path, scratch: Path, runs: int) -> tuple[float, float, int]:
    """Median CPU and wall seconds of `aiplan-tui add ARTICLE` into a new pack; its status."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(scratch), "XDG_STATE_HOME": str(scratch)}
    cpus, walls, status = [], [], 0
    for run in range(runs):
        pack = scratch / f"pack-{article.stem}-{run}"
        subprocess.run([*_command(), "init", str(pack)], env=env, capture_output=True, check=True)
        started = time.perf_counter()
        argv = [*_command(), "add", str(article), "--content", str(pack)]
        process = subprocess.Popen(argv, env=env, stdout=DEVNULL, stderr=DEVNULL)
        _, waited, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - started)
        cpus.append(usage.ru_utime + usage.ru_stime)
        status = os.waitstatus_to_exitcode(waited)
    return statistics.median(cpus), statistics.median(walls), status


def _command() -> list[str]:
    return [sys.executable, "-m", "aiplan_tui"]


def _text_file(scratch: Path, size: int) -> tuple[Path, int]:
    paragraphs = news_text(size)
    path = scratch / f"news-{size}.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path, sum(len(p) for p in paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median)")
    args = parser.parse_args()
    sizes = QUICK if args.quick else SIZES
    vars(suggesting)["Occurrences"] = _Counted  # suggest makes this one: its work is read
    print(f"Whole process: aiplan-tui add FILE into a new pack (median of {args.runs})")
    print(f"{'text':>22} {'chars':>9} {'cpu s':>7} {'wall s':>7} {'- floor':>8} "
          f"{'per 100k':>9} {'exit':>5}")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="aiplan-suggest-") as scratch_name:
        scratch = Path(scratch_name)
        floor = 0.0
        for name, size in (("two paragraphs", 300), *(("paragraphs", s) for s in sizes)):
            article, chars = _text_file(scratch, size)
            cpu, wall, status = whole_process(article, scratch, args.runs)
            floor = floor or cpu  # what every add pays: start-up, reading, writing
            over = f"{cpu - floor:>8.2f} {(cpu - floor) * 100_000 / chars:>9.3f}"
            print(f"{name:>22} {chars:>9,} {cpu:>7.2f} {wall:>7.2f} {over} {status:>5}")
        article, chars = _text_file(scratch, REFUSED)
        cpu, wall, status = whole_process(article, scratch, args.runs)
        print(f"{'over the limit':>22} {chars:>9,} {cpu:>7.2f} {wall:>7.2f} {'':>18} {status:>5}")
    print(f"\nauthoring.suggest alone, in this process (median of {args.runs})")
    print(f"{'text':>22} {'chars':>9} {'cpu s':>7} {'wall s':>7} {'per 100k':>9} "
          f"{'suggested':>9} {'work':>9}")  # fmt: skip
    for shape in ("paragraphs", "one paragraph"):
        for size in sizes:
            paragraphs = news_text(size)
            if shape == "one paragraph":
                paragraphs = (" ".join(paragraphs),)
            chars = sum(len(p) for p in paragraphs)
            cpu, wall, count, work = in_process(paragraphs, args.runs)
            print(f"{shape:>22} {chars:>9,} {cpu:>7.2f} {wall:>7.2f} "
                  f"{cpu * 100_000 / chars:>9.3f} {count:>9,} {work:>9,}")  # fmt: skip


if __name__ == "__main__":
    main()
