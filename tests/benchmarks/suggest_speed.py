"""How long `aiplan-tui add` takes to suggest highlights as the article grows (issue 28). Not
a test: it prints figures. Run: PYTHONPATH=tui python tests/benchmarks/suggest_speed.py
[--quick] [--runs N]

The text is `news_text.py`'s (quotations, reported speech and figures in every paragraph,
denser than most news), up to the 1,000,000 characters `add` takes (source.LONGEST_ARTICLE).
Each figure is the median of --runs runs (default 5), in CPU seconds (user + system; wall
seconds move with whatever else the machine runs):

1. The headline: the suggestion time the user pays, at 1 MB. Each run is a real
   `aiplan-tui add FILE --content PACK` into a new pack, in a fresh process, with a clock
   around its call of `authoring.suggest` (cold: nothing cached from an earlier run). In:
   everything `suggest` does (the article's people, quotations, reported speech, figures,
   dates, anchoring each suggestion with its index). Out: Python's start-up and imports,
   reading the file and splitting it into paragraphs, loading the pack, ids, writing the
   files, the lock (the whole process, table 2, counts those). Then the same time by rule
   (a clock around each rule's calls: a little of the total is the clocks' own).
2. The whole process, as the user pays it, without clocks inside: CPU seconds (from wait4)
   and wall seconds of the same `add`, beside a two-paragraph `add` ("- floor": the rest is
   the work that grows with the text), and a 5 MB text, refused (exit status 1).
3. `authoring.suggest` in this process, as paragraphs and as one paragraph of the same
   length, with the anchoring's work (places looked at, characters searched): "per 100k"
   staying level is what linear means.

Before (issue 28): suggesting 1 MB took 35 s (wall) with a search of the whole text per
suggestion, 3 to 4 CPU s with the index, and the whole `add` 5.5 CPU s. 2026-12-07 evening,
after skipping the tries that cannot match (docs/performance.md, "Suggestion speed"): 6.72 ->
6.09 CPU s at 1 MB (medians of 5 in turns on a machine at load 11 to 16; about 4.3 -> 3.9
quiet), reported speech 1.88 -> 1.42; the aim of well under a second is not reached.
2026-12-07, 21:02-21:04 UTC, the verbs of saying found by a pattern the regex engine can skip
through (reported._VERB): 4.62 -> 4.78 CPU s at 1 MB (medians of 5 in turns, old and new,
load 2.8 to 3.4; within one run's spread, 4.4 to 6.3 s), and by cachegrind 22.40 -> 21.95
billion instructions for suggesting the megabyte (2 % fewer; about 3.6 CPU s quiet).
2026-12-07, 22:05-23:05 UTC, attributions before a quotation searched for only where their
verb is and pure look-ups done once: by cachegrind 21.93 -> 21.18 billion instructions
for suggesting the megabyte (3.4 % fewer; about 3.5 CPU s quiet); CPU seconds in turns at
load 7 to 12 cannot tell a change this size (the same code took 4.1 to 6.9 s)."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from subprocess import DEVNULL
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from news_text import news_text  # a script beside this one

from aiplan_tui.authoring import suggest as suggesting
from aiplan_tui.authoring.occurrences import Occurrences
from aiplan_tui.authoring.source import LONGEST_ARTICLE

SIZES = (250_000, 500_000, LONGEST_ARTICLE)
QUICK = (20_000, 100_000, 250_000)
REFUSED = 5_000_000
"""A text this long is refused (over LONGEST_ARTICLE): the time that takes is printed too."""
RULES = {
    "Speakers": "the article's people",
    "direct_quotations": "quotations",
    "reported_speech": "reported speech",
    "figures": "figures",
    "events": "dates",
    "Occurrences": "anchoring: the index",
    "_anchor": "anchoring: each suggestion",
}
"""What `suggest` calls, by the name it calls it, and what it is."""


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


def _environment(scratch: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CONFIG_HOME": str(scratch), "XDG_STATE_HOME": str(scratch)}


def _new_pack(article: Path, scratch: Path, run: int, kind: str) -> Path:
    pack = scratch / f"pack-{kind}-{article.stem}-{run}"
    argv = [*_command(), "init", str(pack)]
    subprocess.run(argv, env=_environment(scratch), capture_output=True, check=True)
    return pack


def whole_process(article: Path, scratch: Path, runs: int) -> tuple[float, float, int]:
    """Median CPU and wall seconds of `aiplan-tui add ARTICLE` into a new pack; its status."""
    cpus, walls, status = [], [], 0
    for run in range(runs):
        pack = _new_pack(article, scratch, run, "whole")
        started = time.perf_counter()
        argv = [*_command(), "add", str(article), "--content", str(pack)]
        process = subprocess.Popen(argv, env=_environment(scratch), stdout=DEVNULL, stderr=DEVNULL)
        _, waited, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - started)
        cpus.append(usage.ru_utime + usage.ru_stime)
        status = os.waitstatus_to_exitcode(waited)
    return statistics.median(cpus), statistics.median(walls), status


def suggestion_in_add(article: Path, scratch: Path, runs: int) -> dict[str, float]:
    """Median CPU seconds of `suggest` inside a real `add` in a fresh process ("suggest"),
    and of each rule in it (RULES' names)."""
    measured: list[dict[str, float]] = []
    for run in range(runs):
        pack = _new_pack(article, scratch, run, "timed")
        out = scratch / "timed.json"
        argv = [sys.executable, __file__, "--timed-add", str(article), str(pack), str(out)]
        subprocess.run(argv, env=_environment(scratch), capture_output=True, check=True)
        measured.append(json.loads(out.read_text(encoding="utf-8")))
    return {key: statistics.median(m[key] for m in measured) for key in measured[0]}


def _timed_add(article: str, pack: str, out: str) -> None:
    """`aiplan-tui add ARTICLE --content PACK` in this process, with a clock around the
    call of `suggest` and around each of RULES; the seconds written to OUT as JSON."""
    from aiplan_tui.authoring import adding
    from aiplan_tui.cli.main import main

    spent = dict.fromkeys(["suggest", *RULES], 0.0)

    def clocked(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started

        return timed

    for name in RULES:
        vars(suggesting)[name] = clocked(name, vars(suggesting)[name])
    vars(adding)["suggest"] = clocked("suggest", suggesting.suggest)
    status = main(["add", article, "--content", pack])
    if status:
        raise SystemExit(f"add exited {status}")
    Path(out).write_text(json.dumps(spent), encoding="utf-8")


def _command() -> list[str]:
    return [sys.executable, "-m", "aiplan_tui"]


def _text_file(scratch: Path, size: int) -> tuple[Path, int]:
    paragraphs = news_text(size)
    path = scratch / f"news-{size}.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path, sum(len(p) for p in paragraphs)


def headline(scratch: Path, sizes: tuple[int, ...], runs: int) -> None:
    print(f"1. Suggestion time in `aiplan-tui add` (fresh process, CPU s, median of {runs})")
    print(f"{'text':>22} {'chars':>9} {'suggest':>8} {'per 100k':>9}")
    timed: dict[str, float] = {}
    for size in sizes:
        article, chars = _text_file(scratch, size)
        timed = suggestion_in_add(article, scratch, runs)
        print(f"{'paragraphs':>22} {chars:>9,} {timed['suggest']:>8.2f} "
              f"{timed['suggest'] * 100_000 / chars:>9.3f}")  # fmt: skip
    print(f"\n   by rule, at {sizes[-1]:,} characters")
    for name, what in RULES.items():
        print(f"{what:>30} {timed[name]:>6.2f}")
    rest = timed["suggest"] - sum(timed[name] for name in RULES)
    print(f"{'the rest (sorting, clocks)':>30} {rest:>6.2f}")
    print(f"{'suggest':>30} {timed['suggest']:>6.2f}")


def whole(scratch: Path, sizes: tuple[int, ...], runs: int) -> None:
    print(f"\n2. The whole process: aiplan-tui add FILE into a new pack (median of {runs})")
    print(f"{'text':>22} {'chars':>9} {'cpu s':>7} {'wall s':>7} {'- floor':>8} "
          f"{'per 100k':>9} {'exit':>5}")  # fmt: skip
    floor = 0.0
    for name, size in (("two paragraphs", 300), *(("paragraphs", s) for s in sizes)):
        article, chars = _text_file(scratch, size)
        cpu, wall, status = whole_process(article, scratch, runs)
        floor = floor or cpu  # what every add pays: start-up, reading, writing
        over = f"{cpu - floor:>8.2f} {(cpu - floor) * 100_000 / chars:>9.3f}"
        print(f"{name:>22} {chars:>9,} {cpu:>7.2f} {wall:>7.2f} {over} {status:>5}")
    article, chars = _text_file(scratch, REFUSED)
    cpu, wall, status = whole_process(article, scratch, runs)
    print(f"{'over the limit':>22} {chars:>9,} {cpu:>7.2f} {wall:>7.2f} {'':>18} {status:>5}")


def shapes(sizes: tuple[int, ...], runs: int) -> None:
    vars(suggesting)["Occurrences"] = _Counted  # suggest makes this one: its work is read
    print(f"\n3. authoring.suggest in this process (median of {runs})")
    print(f"{'text':>22} {'chars':>9} {'cpu s':>7} {'wall s':>7} {'per 100k':>9} "
          f"{'suggested':>9} {'work':>9}")  # fmt: skip
    for shape in ("paragraphs", "one paragraph"):
        for size in sizes:
            paragraphs = news_text(size)
            if shape == "one paragraph":
                paragraphs = (" ".join(paragraphs),)
            chars = sum(len(p) for p in paragraphs)
            cpu, wall, count, work = in_process(paragraphs, runs)
            print(f"{shape:>22} {chars:>9,} {cpu:>7.2f} {wall:>7.2f} "
                  f"{cpu * 100_000 / chars:>9.3f} {count:>9,} {work:>9,}")  # fmt: skip


def main() -> None:
    if sys.argv[1:2] == ["--timed-add"]:
        _timed_add(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median)")
    args = parser.parse_args()
    sizes = QUICK if args.quick else SIZES
    with tempfile.TemporaryDirectory(prefix="aiplan-suggest-") as scratch_name:
        scratch = Path(scratch_name)
        headline(scratch, sizes, args.runs)
        whole(scratch, sizes, args.runs)
    shapes(sizes, args.runs)


if __name__ == "__main__":
    main()
