"""What a change costs on a large pack, whole process (issue 34).

For each size, a pack from `pack_gen` (fixed seed), compiled once; then, each a median over
runs:
- warm `aiplan-tui search` (nothing changed since the last command);
- `search` after one word of one article was changed (a word added to its last paragraph,
  or taken away, before each run: every run sees a change);
- `search` after one highlight file was changed (a comment added or taken away);
- `add` of a small article (about 2 KB, a new one each run), and the `search` after it.
With `--export`, `aiplan-tui export` instead, its output to a file, with each run's peak
memory (the command's own, from `wait4`): warm, after one article changed, after one highlight
file changed (the pack compiled by a first `export`).
The warm searches run between the changes, so each figure and the warm one see the same
load. Every figure is the installed command as a user runs it (start-up, imports, whatever the
change makes it read or write, the query).

    python tests/benchmarks/change_bench.py [--sizes 10000,100000] [--runs 5]
    [--keep DIR] (generate and compile each size once for several runs)
    [--command PATH] (another aiplan-tui, e.g. a copy of an older commit, to compare)
    [--export] (time `export` instead of `search` and `add`)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pack_gen  # sibling script, not a package

QUERY = "semiconductors governance"
ARTICLE = """\
The ministry said on Tuesday that chip exports would rise by {n} percent this year, as
factories in the south added capacity and new alliances formed around compute standards.

"We will keep working with every partner," Li Qiang told reporters in Beijing, adding that
talent and energy were the two constraints on data centres for the next three years.

Analysts at a research firm said investment in semiconductors reached 40 billion dollars in
the first half, the largest figure since records began, while open source models spread.

George Chen said the security of the supply chain mattered more than tariffs, and that
governance of models needed multilateral cooperation rather than regulation by one country.

The alliance will meet again in March, the ministry said, to discuss standards for safety
testing and the export controls that took effect last year. Item{n} closes the report.
"""


def measured(argv: list[str], env: dict[str, str], out: Path) -> tuple[float, float, float]:
    """Seconds, peak memory (MiB) and CPU seconds (user and system: what the load on a shared
    machine changes least) of one run, its standard output to `out`."""
    started = time.perf_counter()
    with out.open("wb") as sink:
        child = subprocess.Popen(argv, env=env, stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {child.returncode}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def export_runs(items: int, runs: int, command: str, root: Path, env: dict[str, str]) -> None:
    """Warm `export`, and `export` after one article and after one highlight file changed."""
    pack, out = root / "pack", root / "export.json"
    export = [command, "--content", str(pack), "export"]
    first = measured(export, env, out)
    print(f"\n{items:,} items: first export (compiling if needed) {first[0]:.2f} s, "
          f"{first[2]:.1f} s of CPU, {first[1]:.0f} MiB; medians of {runs}")  # fmt: skip
    articles = sorted((pack / "articles").glob("a*.md"))
    article = articles[len(articles) // 2]
    highlights = pack / "highlights" / (article.stem + ".toml")
    warm: list[tuple[float, float, float]] = []
    changed: list[tuple[float, float, float]] = []
    reviewed: list[tuple[float, float, float]] = []
    for _ in range(runs):  # each change beside a warm export: both see the same load
        warm.append(measured(export, env, out))
        toggle_ending(article, " Updated.")
        changed.append(measured(export, env, out))
        warm.append(measured(export, env, out))
        toggle_ending(highlights, " # reviewed")
        reviewed.append(measured(export, env, out))
    base = statistics.median(s for s, _, _ in warm)
    cpu_base = statistics.median(c for _, _, c in warm)
    for name, values in (
        ("warm export                     ", warm),
        ("export after one article changed", changed),
        ("export after one highlight file ", reviewed),
    ):
        value = statistics.median(s for s, _, _ in values)
        cpu = statistics.median(c for _, _, c in values)
        memory = max(m for _, m, _ in values)
        each = " ".join(f"{s:.2f}" for s, _, _ in values)
        print(f"  {name} {value:7.3f} s  ({value / base:4.1f}x warm; CPU {cpu:.2f} s, "
              f"{cpu / cpu_base:4.1f}x; at most {memory:.0f} MiB; runs {each})")  # fmt: skip


def timed(argv: list[str], env: dict[str, str], stdin: str | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, input=stdin, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}: {done.stderr[-500:]}")
    return seconds


def toggle_ending(path: Path, ending: str) -> None:
    """Add `ending` to the file's last line, or take it away again: a one-word change each
    time, outside any highlight's words."""
    text = path.read_text(encoding="utf-8").rstrip("\n")
    text = text.removesuffix(ending) if text.endswith(ending) else text + ending
    path.write_text(text + "\n", encoding="utf-8")


def one_size(items: int, runs: int, command: str, keep: Path | None, export: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="aiplan-change-") as scratch:
        root = Path(scratch) if keep is None else keep / str(items)
        pack = root / "pack"
        if not (pack / "pack.toml").exists():
            pack_gen.generate(pack, items)
        env = {**os.environ, "XDG_CACHE_HOME": str(root / "cache"),
               "XDG_STATE_HOME": str(root / "s"), "XDG_CONFIG_HOME": str(root / "c")}  # fmt: skip
        if export:
            export_runs(items, runs, command, root, env)
            return
        search = [command, "--content", str(pack), "search", QUERY]
        started = time.perf_counter()
        timed(search, env)
        print(f"\n{items:,} items: first search (compiling if needed) "
              f"{time.perf_counter() - started:.2f} s; medians of {runs}")  # fmt: skip
        articles = sorted((pack / "articles").glob("a*.md"))
        article = articles[len(articles) // 2]
        highlights = pack / "highlights" / (article.stem + ".toml")
        warm, changed, reviewed, adds, after = [], [], [], [], []
        for run in range(runs):  # each change beside a warm search: both see the same load
            warm.append(timed(search, env))
            toggle_ending(article, " Updated.")
            changed.append(timed(search, env))
            warm.append(timed(search, env))
            toggle_ending(highlights, " # reviewed")
            reviewed.append(timed(search, env))
            warm.append(timed(search, env))
            number = int(time.time() * 1000) % 10_000_000 + run
            add = [command, "--content", str(pack), "add", "-", "--id", f"bench-add-{number}",
                   "--title", f"Bench addition {number}", "--outlet", "Bench Wire"]  # fmt: skip
            adds.append(timed(add, env, stdin=ARTICLE.format(n=number)))
            after.append(timed(search, env))
        base = statistics.median(warm)
        print(
            f"  warm search                      {base:7.3f} s  (runs {' '.join(f'{v:.2f}' for v in warm)})"
        )
        for name, values in (
            ("search after one article changed", changed),
            ("search after one highlight file ", reviewed),
            (f"add of a {len(ARTICLE)}-byte article      ", adds),
            ("search after add                ", after),
        ):
            value = statistics.median(values)
            each = " ".join(f"{v:.2f}" for v in values)
            print(f"  {name} {value:7.3f} s  ({value / base:4.1f}x warm; runs {each})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="items, comma-separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep each size's pack here, for next time")
    parser.add_argument("--export", action="store_true", help="time export instead")
    parser.add_argument(
        "--command", default=str(Path(sys.executable).parent / "aiplan-tui"), help="aiplan-tui"
    )
    args = parser.parse_args()
    print(f"aiplan-tui: {args.command}; query {QUERY!r}")
    for size in args.sizes.split(","):
        one_size(int(size), args.runs, args.command, args.keep, args.export)
    return 0


if __name__ == "__main__":
    sys.exit(main())
