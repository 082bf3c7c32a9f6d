"""What a user pays on a large pack, whole process against whole process (issue 16).

For each size, a pack from `pack_gen` (fixed seed) and the same paragraphs one a line for
fzf; then, each a median over runs that alternate with their peer in the same loop:
- warm `aiplan-tui search` (the pack compiled) against `fzf --filter`, and the ratio, for a
  query most lines match and for a selective one;
- cold `aiplan-tui search` (the compiled pack removed before each run) against `fzf --filter`;
- `aiplan-tui check` and `aiplan-tui export`, warm (with fzf's time beside them);
- the app's time to its first complete frame (the pack compiled) against a minimal Textual
  app;
- the peak memory (max RSS) of each process.
Every figure is the installed command as the user runs it: start-up, imports, loading the
pack and the query all count.

    python tests/benchmarks/whole_process.py [--sizes 10000,100000] [--runs 5]
    (1,000,000 items on request: --sizes 1000000 --no-cold, and --keep DIR to generate
    and compile each pack once for several runs; fzf must be installed)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pack_gen  # sibling scripts, not a package
from budgets import MINIMAL_APP, first_frame_seconds

QUERY = "semiconductors governance"
"""Two words every size has many matches for; fzf gets the same string."""
SELECTIVE = "item777"
"""A word of a few paragraphs only (each has its own `itemN`)."""
COMMAND = Path(sys.executable).parent / "aiplan-tui"


GNU_TIME = Path("/usr/bin/time")
"""GNU time (Debian: apt-get install time) reports a process's own peak memory. The kernel
keeps a process's peak across exec, so a child forked straight from this script (which
holds the generated pack) would report this script's size, not its own."""


def measure(argv: list[str], env: dict[str, str], stdin: Path | None = None) -> tuple[float, float]:
    """(seconds, peak MiB) of one whole process; its output is read and dropped."""
    with tempfile.NamedTemporaryFile(prefix="aiplan-peak-") as peak:
        wrapped = [str(GNU_TIME), "-f", "%M", "-o", peak.name, *argv] if GNU_TIME.exists() else argv
        started = time.perf_counter()
        with Path(stdin or os.devnull).open("rb") as source:
            process = subprocess.Popen(
                wrapped, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                env=env,
            )  # fmt: skip
            _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):  # 1: nothing found (search, fzf)
            raise SystemExit(f"{' '.join(argv)} exited {process.returncode}")
        kib = int(Path(peak.name).read_text().split()[-1]) if GNU_TIME.exists() else usage.ru_maxrss
    return seconds, kib / 1024


def alternate(
    ours: Callable[[], tuple[float, float]], peer: Callable[[], tuple[float, float]], runs: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Medians of (seconds, MiB) for each, run turn about so both see the same load."""
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(ours())
        theirs.append(peer())
    return _medians(mine), _medians(theirs)


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def report(name: str, ours: tuple[float, float], peer: tuple[float, float], what: str) -> None:
    print(
        f"  {name:<22} {ours[0]:8.3f} s {ours[1]:7.0f} MiB   {what} {peer[0]:7.3f} s "
        f"{peer[1]:6.0f} MiB   ratio {ours[0] / peer[0]:6.1f}x"
    )


def one_size(
    items: int, runs: int, fzf: str, keep: Path | None, with_cold: bool, commands: bool = True
) -> None:
    with tempfile.TemporaryDirectory(prefix="aiplan-bench-") as scratch:
        root = Path(scratch) if keep is None else keep / str(items)
        pack = root / "pack"
        listing = root / "lines.txt"
        if not listing.exists() and (pack / "pack.toml").exists():  # kept without its lines
            listing.write_text("\n".join(paragraphs(pack)) + "\n", encoding="utf-8")
        elif not listing.exists():  # (a kept pack is generated once)
            lines = pack_gen.generate(pack, items)
            listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        lines = listing.read_text(encoding="utf-8").splitlines()
        cache = root / "cache"
        env = {**os.environ, "XDG_CACHE_HOME": str(cache), "XDG_STATE_HOME": str(root / "s"),
               "XDG_CONFIG_HOME": str(root / "c")}  # fmt: skip
        search = [str(COMMAND), "--content", str(pack), "search", QUERY]

        def ours() -> tuple[float, float]:
            return measure(search, env)

        def cold() -> tuple[float, float]:
            shutil.rmtree(cache, ignore_errors=True)
            return measure(search, env)

        def peer() -> tuple[float, float]:
            return measure([fzf, "--filter", QUERY], env, stdin=listing)

        print(f"\n{len(lines):,} items ({len(lines) // pack_gen.PARAGRAPHS:,} articles), "
              f"medians of {runs}, alternating")  # fmt: skip
        export = [str(COMMAND), "--content", str(pack), "export"]
        measure(export, env)  # compiles with the export stored: the warm runs find it
        if commands:
            commands_against_fzf(pack, env, ours, peer, listing, fzf, runs)
        app, minimal = [], []
        for _ in range(runs):
            minimal.append(first_frame_seconds([sys.executable, str(MINIMAL_APP)]))
            app.append(first_frame_seconds([str(COMMAND), "--content", str(pack)], cache))
        mine, theirs = statistics.median(app), statistics.median(minimal)
        print(f"  {'app first frame':<22} {mine:8.3f} s               minimal Textual app "
              f"{theirs:7.3f} s              ratio {mine / theirs:6.1f}x")  # fmt: skip
        if with_cold:  # last: it takes the compiled pack away
            report("cold search", *alternate(cold, peer, runs), "fzf")


def paragraphs(pack: Path) -> list[str]:
    """What `pack_gen.generate` returned for a pack kept from before: each article's
    paragraphs, in the order it wrote them (its files' names sort in that order). Generating
    it again over the kept one would touch every file, and make the next run build anew."""
    lines: list[str] = []
    for article in sorted((pack / "articles").glob("*.md")):
        body = article.read_text(encoding="utf-8").split("+++\n\n", 1)[1]
        lines.extend(body.rstrip("\n").split("\n\n"))
    return lines


def commands_against_fzf(
    pack: Path,
    env: dict[str, str],
    ours: Callable[[], tuple[float, float]],
    peer: Callable[[], tuple[float, float]],
    listing: Path,
    fzf: str,
    runs: int,
) -> None:
    """The warm commands, each alternating with fzf over the same lines."""
    report("warm search", *alternate(ours, peer, runs), "fzf")
    selective = [str(COMMAND), "--content", str(pack), "search", SELECTIVE]
    report(
        "warm search, selective",
        *alternate(
            lambda: measure(selective, env),
            lambda: measure([fzf, "--filter", SELECTIVE], env, stdin=listing),
            runs,
        ),
        "fzf",
    )
    for command in ("check", "export"):
        argv = [str(COMMAND), "--content", str(pack), command]
        report(command, *alternate(lambda a=argv: measure(a, env), peer, runs), "fzf")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="items, comma-separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--keep", type=Path, help="keep each size's pack and compiled pack here, for next time"
    )
    parser.add_argument(
        "--no-cold", action="store_true", help="leave out the cold search (minutes at 1M)"
    )
    parser.add_argument(
        "--first-frame-only",
        action="store_true",
        help="only the app's first frame against the minimal app (more runs in less time)",
    )
    args = parser.parse_args()
    fzf = shutil.which("fzf")
    if fzf is None:
        print("fzf is not installed (Debian: apt-get install fzf)", file=sys.stderr)
        return 2
    print(f"aiplan-tui: {COMMAND}; fzf: {fzf}; query {QUERY!r}")
    if not GNU_TIME.exists():
        print("GNU time is not installed (apt-get install time): peak memory is an upper bound")
    print("(the first frame ends after 0.5 s without output, for both apps alike)")
    for size in args.sizes.split(","):
        cold = not args.no_cold and not args.first_frame_only
        one_size(int(size), args.runs, fzf, args.keep, cold, not args.first_frame_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
