"""Issue 7's budgets, measured through a pty and printed against their limits.

Bytes at 80x24 and 120x40 (normal and --lite): the first frame, a cursor move in each list,
a character typed in search, a line of article scrolling; and the time to the first complete
frame, next to a minimal Textual app (header, footer, list) launched alternately in the same
run. Figures are medians; bytes are deterministic, times are not (the machine is shared).

Usage: python tests/benchmarks/budgets.py [--runs 3] [--starts 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pty_bytes  # a sibling script, not a package

MINIMAL_APP = Path(__file__).resolve().parent / "minimal_app.py"
BUDGETS = {
    "first frame": 40_000,
    "navigator cursor move": 600,
    "quote list cursor move": 600,
    "compare next point": 600,
    "search typing one character": 2_000,
    "article scroll one line": 1_500,
}
STARTUP_RATIO = 1.3


def bytes_report(size: tuple[int, int], runs: int, app_args: list[str]) -> dict[str, float]:
    results = [pty_bytes.one_run(*size, app_args) for _ in range(runs)]
    figures: dict[str, float] = {
        "first frame": statistics.median(r.first_frame_bytes for r in results)
    }
    for name in pty_bytes.SCENARIOS:
        counts = [count for r in results for count in r.per_key[name]]
        figures[name] = statistics.median(counts)
    return figures


def first_frame_seconds(command: list[str] | None, cache: Path | None = None) -> float:
    """Seconds from launch to the first complete frame; `cache`: the XDG cache to use (the
    compiled pack in it), else a fresh one."""
    with tempfile.TemporaryDirectory(prefix="aiplan-startup-") as home:
        terminal = pty_bytes.Terminal(80, 24, [], home, command, cache)
        try:
            deadline = terminal.started + pty_bytes.RUN_TIMEOUT
            _, finished = terminal.read_update(
                first_byte_timeout=pty_bytes.RUN_TIMEOUT,
                quiet=pty_bytes.FIRST_FRAME_QUIET,
                deadline=deadline,
                started=pty_bytes.FRAME_STARTED,
            )
            return finished - terminal.started
        finally:
            terminal.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="launches per size and mode")
    parser.add_argument("--starts", type=int, default=7, help="start-up pairs to time")
    parser.add_argument("--startup-only", action="store_true", help="skip the byte counts")
    args = parser.parse_args()
    if not args.startup_only:
        print_bytes(args.runs)
    print_startup(args.starts)
    return 0


def print_bytes(runs: int) -> None:

    print("Bytes written to the terminal (medians; budget in brackets)")
    for size in ((80, 24), (120, 40)):
        normal = bytes_report(size, runs, [])
        lite = bytes_report(size, runs, ["--lite"])
        print(f"\n{size[0]}x{size[1]}: {'what':<30} {'normal':>8} {'--lite':>8} {'budget':>8}")
        for name, value in normal.items():
            budget = BUDGETS.get(name)
            mark = "" if budget is None else ("ok" if value <= budget else "OVER")
            shown = f"{budget:>8}" if budget else f"{'':>8}"
            print(f"  {name:<36} {value:>8g} {lite[name]:>8g} {shown} {mark}")


def print_startup(starts: int) -> None:
    ours: list[float] = []
    minimal: list[float] = []
    for _ in range(starts):  # alternate, so both see the same machine load
        minimal.append(first_frame_seconds([sys.executable, str(MINIMAL_APP)]))
        ours.append(first_frame_seconds(None))
    ratio = statistics.median(ours) / statistics.median(minimal)
    verdict = "ok" if ratio <= STARTUP_RATIO else "OVER"
    print(
        f"\nTime to first complete frame (median of {starts}, alternating): "
        f"aiplan-tui {1000 * statistics.median(ours):.0f} ms, minimal Textual app "
        f"{1000 * statistics.median(minimal):.0f} ms, ratio {ratio:.2f} "
        f"(budget {STARTUP_RATIO}) {verdict}"
    )
    print("(The first frame ends after 0.5 s without output, for both apps alike.)")


if __name__ == "__main__":
    sys.exit(main())
