"""The app's start on a large compiled pack, whole process, against the minimal Textual app
launched alternately in the same loop (issue 34): warm, or after one word of one article was
changed before each launch.

For each launch, in a pty at 80x24: `first`, the time from launch to the first frame with
the title bar drawn (the article shown; on a pack shown as last compiled, the title says
"checking the files for changes…"); `current`, to the frame after which the app is quiet for
FIRST_FRAME_QUIET seconds, once the title no longer says so (the files checked and any change
shown); and the CPU time (user and system, from /proc) the process had used at each. The
minimal app's is its first complete frame. Medians, and each ratio to the minimal app's.

    python tests/benchmarks/checking_bench.py PACK CACHE [--runs 7] [--change]
        [--command PATH ...] (each an aiplan-tui, e.g. a script running an older tree)
PACK and CACHE: a pack_gen pack and the XDG cache holding its compiled pack (e.g. the
`--keep` folders of app_memory_bench.py, compiled by a first `search`).
"""

from __future__ import annotations

import argparse
import os
import select
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pty_bytes  # sibling scripts, not a package
from budgets import MINIMAL_APP
from change_bench import toggle_ending

MARK = b"checking the files"
TITLE = b"aiplan-tui"
TICKS = os.sysconf("SC_CLK_TCK")


class Launch(NamedTuple):
    first: float
    current: float
    first_cpu: float
    current_cpu: float
    marked: bool


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def launch(command: list[str], cache: Path | None) -> Launch:
    """One launch, read until quiet (and, if the title said "checking", until it no longer
    does)."""
    with tempfile.TemporaryDirectory(prefix="aiplan-checking-") as home:
        terminal = pty_bytes.Terminal(80, 24, [], home, command, cache)
        try:
            return _read(terminal)
        finally:
            terminal.close()


def _read(terminal: pty_bytes.Terminal) -> Launch:
    chunks: list[tuple[float, float]] = []  # (seconds since launch, CPU seconds)
    first: tuple[float, float] | None = None
    drawn = marked = unmarked = False
    while True:
        waiting = marked and not unmarked
        limit = pty_bytes.FIRST_FRAME_QUIET if drawn and not waiting else pty_bytes.RUN_TIMEOUT
        ready, _, _ = select.select([terminal.master], [], [], limit)
        if not ready:
            break
        data = terminal._read()
        if not data:
            raise terminal.failure("the app exited early")
        now = (time.monotonic() - terminal.started, cpu_seconds(terminal.process.pid))
        chunks.append(now)
        seen = bytes(terminal.transcript)
        frame = pty_bytes.FRAME_STARTED.search(seen)
        drawn = drawn or frame is not None
        if first is None and frame is not None and TITLE in seen[frame.start() :]:
            first = now
        if not marked and MARK in seen:
            marked = True
        elif marked and TITLE in data and MARK not in data:
            unmarked = True  # the title drawn again, without the mark
    last = chunks[-1]
    first = first or last
    return Launch(first[0], last[0], first[1], last[1], marked)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pack", type=Path)
    parser.add_argument("cache", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--change", action="store_true", help="a word changed before each")
    parser.add_argument("--command", action="append", help="aiplan-tui (repeatable)")
    args = parser.parse_args()
    commands = args.command or [str(Path(sys.executable).parent / "aiplan-tui")]
    articles = sorted((args.pack / "articles").glob("a*.md"))
    article = articles[len(articles) // 2]
    minimal: list[Launch] = []
    found: dict[str, list[Launch]] = {command: [] for command in commands}
    loads = []
    for _ in range(args.runs):  # alternate, so all see the same load
        loads.append(os.getloadavg()[0])
        minimal.append(launch([sys.executable, str(MINIMAL_APP)], None))
        for command in commands:
            if args.change:
                toggle_ending(article, " Updated.")
            found[command].append(launch([command, "--content", str(args.pack)], args.cache))
    m, mc = (
        statistics.median(r.current for r in minimal),
        statistics.median(r.current_cpu for r in minimal),
    )
    print(f"{'after a change' if args.change else 'warm'}, {args.runs} runs, load "
          f"{min(loads):.1f}-{max(loads):.1f}; minimal app {m:.3f} s (CPU {mc:.2f} s)")  # fmt: skip
    for command, runs in found.items():
        first, current = (
            statistics.median(getattr(r, f) for r in runs) for f in Launch._fields[:2]
        )
        fc, cc = (statistics.median(getattr(r, f) for r in runs) for f in Launch._fields[2:4])
        print(f"  {command}: first {first:.3f} s ({first / m:.2f}x; CPU {fc:.2f} s, {fc / mc:.2f}x)"
              f"  current {current:.3f} s ({current / m:.2f}x; CPU {cc:.2f} s, {cc / mc:.2f}x);"
              f" marked {sum(r.marked for r in runs)}/{len(runs)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
