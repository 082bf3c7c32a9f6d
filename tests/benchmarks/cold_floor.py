"""The least a cold search must do in CPython, timed, beside what `aiplan-tui search` takes.

Issue 16 asks for a cold search (no compiled pack) at 100,000 items within 3 s. This script
times the bare minimum of one, in one process: parse the highlight files with `tomli`, read
the articles' paragraphs, split every paragraph and highlight into words the quick way the
index does, and file each word's documents. Nothing is checked, anchored, compiled or
written, and the interpreter's start and imports are left out. Then, for scale, the
installed command's cold search over the same pack, whole process. Each a median over runs.

    python tests/benchmarks/cold_floor.py [--items 100000] [--runs 3] [--keep DIR]
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
from collections import defaultdict
from pathlib import Path

import tomli

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pack_gen  # a sibling script, not a package

COMMAND = Path(sys.executable).parent / "aiplan-tui"
QUERY = "semiconductors governance"
WORDS = bytes(c if c < 128 and chr(c).isalnum() else ord(" ") for c in range(256))


def floor(pack: Path) -> tuple[float, float, float]:
    """Seconds to parse the highlights, to read the paragraphs, and to index the words."""
    start = time.perf_counter()
    exacts: list[str] = []
    for path in sorted((pack / "highlights").glob("*.toml")):
        for tables in tomli.loads(path.read_text(encoding="utf-8")).values():
            exacts.extend(str(table["exact"]) for table in tables)
    parsed = time.perf_counter()
    paragraphs: list[str] = []
    for path in sorted((pack / "articles").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("+++", 2)[2]
        paragraphs.extend(p for p in body.split("\n\n") if p.strip())
    read = time.perf_counter()
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for number, text in enumerate(paragraphs + exacts):
        for word in set(text.lower().encode("ascii").translate(WORDS).decode("ascii").split()):
            postings[word].append(number)
    indexed = time.perf_counter()
    return parsed - start, read - parsed, indexed - read


def cold_search(pack: Path, cache: Path) -> float:
    shutil.rmtree(cache, ignore_errors=True)
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    start = time.perf_counter()
    command = [str(COMMAND), "--content", str(pack), "search", QUERY]
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="a folder where the pack is kept between runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aiplan-floor-") as scratch:
        root = (args.keep or Path(scratch)) / str(args.items)
        pack = root / "pack"
        if not (pack / "pack.toml").exists():
            pack_gen.generate(pack, args.items)
        floors, ours = [], []
        for _ in range(args.runs):  # alternating, in the same loop
            floors.append(floor(pack))
            ours.append(cold_search(pack, root / "floor-cache"))
        parse, read, index = (statistics.median(f[n] for f in floors) for n in range(3))
        total = statistics.median(sum(f) for f in floors)
        print(f"{args.items:,} items, medians of {args.runs}")
        print(f"  floor: parse {parse:.2f} s + read {read:.2f} s + words {index:.2f} s"
              f" = {total:.2f} s (no checks, anchors, database, start-up or imports)")  # fmt: skip
        print(f"  aiplan-tui cold search, whole process: {statistics.median(ours):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
