"""The app's memory on a large pack, and its start after a change, whole process (issue 34).

For each size, a pack from `pack_gen` (fixed seed), compiled once by a `search`; then:
- idle memory: the installed app started in a pty on the pack (compiled), its first frame
  waited for, then its resident memory (VmRSS, from /proc) once it is idle (CPU under 5 %
  over IDLE_WINDOW seconds), with its peak (VmHWM) and how long it took to be idle; the
  minimal Textual app's the same way, beside it;
- after a change: one word of one article changed (a word added to its last line, or taken
  away, before each run), then the time from launch to the app's first complete frame (the
  reader with the article), against the minimal Textual app launched alternately in the same
  loop; medians and the ratio.

    python tests/benchmarks/app_memory_bench.py [--sizes 20000,100000] [--runs 5]
    [--keep DIR] (generate and compile each size once for several runs)
    [--command PATH] (another aiplan-tui, e.g. a copy of an older commit, to compare)
    [--no-change] (idle memory only)
"""

from __future__ import annotations

import argparse
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pack_gen  # sibling scripts, not a package
import pty_bytes
from budgets import MINIMAL_APP, first_frame_seconds
from change_bench import toggle_ending

IDLE_WINDOW = 3.0
"""Seconds over which the app must use under IDLE_CPU of a core to count as idle."""
IDLE_CPU = 0.05
IDLE_TIMEOUT = 900.0
"""Seconds after the first frame by which the app must be idle (a cold read at 1M is slow)."""
TICKS = os.sysconf("SC_CLK_TCK")


def status_kib(pid: int, field: str) -> int:
    """A field of /proc/PID/status in KiB (VmRSS, VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def cpu_seconds(pid: int) -> float:
    """The process's user and system CPU time so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def idle_memory(command: list[str], cache: Path | None) -> tuple[float, float, float]:
    """(MiB resident once idle, peak MiB, seconds from launch to idle) of one app run."""
    with tempfile.TemporaryDirectory(prefix="aiplan-memory-") as home:
        terminal = pty_bytes.Terminal(80, 24, [], home, command, cache)
        try:
            started = terminal.started
            terminal.read_update(
                first_byte_timeout=pty_bytes.RUN_TIMEOUT,
                quiet=pty_bytes.FIRST_FRAME_QUIET,
                deadline=started + pty_bytes.RUN_TIMEOUT,
                started=pty_bytes.FRAME_STARTED,
            )
            pid = terminal.process.pid
            samples: list[tuple[float, float]] = []  # (when, CPU seconds)
            deadline = time.monotonic() + IDLE_TIMEOUT
            while time.monotonic() < deadline:
                ready, _, _ = select.select([terminal.master], [], [], 0.25)
                if ready and not terminal._read():
                    raise terminal.failure("the app exited while idle")
                now = time.monotonic()
                samples.append((now, cpu_seconds(pid)))
                window = [s for s in samples if s[0] >= now - IDLE_WINDOW]
                spent = window[-1][1] - window[0][1]
                if now - samples[0][0] >= IDLE_WINDOW and spent <= IDLE_CPU * IDLE_WINDOW:
                    rss, peak = status_kib(pid, "VmRSS"), status_kib(pid, "VmHWM")
                    return rss / 1024, peak / 1024, now - started
            raise terminal.failure(f"not idle within {IDLE_TIMEOUT:g} s")
        finally:
            terminal.close()


def memory_report(command: list[str], cache: Path, runs: int) -> None:
    ours = [idle_memory(command, cache) for _ in range(runs)]
    minimal = idle_memory([sys.executable, str(MINIMAL_APP)], None)
    rss = statistics.median(r for r, _, _ in ours)
    peak = max(p for _, p, _ in ours)
    idle = statistics.median(s for _, _, s in ours)
    print(f"  app idle memory {rss:7.0f} MiB (peak {peak:.0f} MiB; idle {idle:.1f} s after "
          f"launch; runs {' '.join(f'{r:.0f}' for r, _, _ in ours)}); minimal Textual app "
          f"{minimal[0]:.0f} MiB")  # fmt: skip


def change_report(command: list[str], cache: Path, pack: Path, runs: int) -> None:
    articles = sorted((pack / "articles").glob("a*.md"))
    article = articles[len(articles) // 2]
    app: list[float] = []
    minimal: list[float] = []
    for _ in range(runs):  # alternate, so both see the same load
        minimal.append(first_frame_seconds([sys.executable, str(MINIMAL_APP)]))
        toggle_ending(article, " Updated.")
        app.append(first_frame_seconds(command, cache))
    mine, theirs = statistics.median(app), statistics.median(minimal)
    print(f"  app after one article changed: first frame {mine:.3f} s, minimal Textual app "
          f"{theirs:.3f} s, ratio {mine / theirs:.2f}x (runs "
          f"{' '.join(f'{v:.2f}' for v in app)} / {' '.join(f'{v:.2f}' for v in minimal)})")  # fmt: skip


def one_size(items: int, args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="aiplan-memory-") as scratch:
        root = Path(scratch) if args.keep is None else args.keep / str(items)
        pack, cache = root / "pack", root / "cache"
        if not (pack / "pack.toml").exists():
            pack_gen.generate(pack, items)
        env = {**os.environ, "XDG_CACHE_HOME": str(cache), "XDG_STATE_HOME": str(root / "s"),
               "XDG_CONFIG_HOME": str(root / "c")}  # fmt: skip
        started = time.perf_counter()
        search = [args.command, "--content", str(pack), "search", "chips"]
        subprocess.run(search, env=env, capture_output=True, check=False)
        print(f"\n{items:,} items (compiled in {time.perf_counter() - started:.1f} s, or "
              f"was already); {os.getloadavg()[0]:.1f} load")  # fmt: skip
        command = [args.command, "--content", str(pack)]
        memory_report(command, cache, args.runs_memory)
        if not args.no_change:
            change_report(command, cache, pack, args.runs)
            subprocess.run(search, env=env, capture_output=True, check=False)  # warm again


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20000,100000", help="items, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="launches after a change")
    parser.add_argument("--runs-memory", type=int, default=3, help="launches to idle")
    parser.add_argument("--keep", type=Path, help="keep each size's pack here, for next time")
    parser.add_argument("--no-change", action="store_true", help="idle memory only")
    parser.add_argument(
        "--command", default=str(Path(sys.executable).parent / "aiplan-tui"), help="aiplan-tui"
    )
    args = parser.parse_args()
    print(f"aiplan-tui: {args.command}")
    for size in args.sizes.split(","):
        one_size(int(size), args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
