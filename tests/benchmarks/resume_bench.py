"""A first build in steps, interrupted and taken up (issue 34), whole process; and what a
process pool would pay per highlight file.

    python tests/benchmarks/resume_bench.py PACK [--cache DIR]
        `aiplan-tui search` on PACK with an empty cache, interrupted by SIGINT once the
        staging database holds half the article and highlight files, then run again (taking
        it up); then once uninterrupted. Wall and CPU seconds (the command's) of each.
    python tests/benchmarks/resume_bench.py PACK --pool [--files 200]
        In process, per highlight file: parsing and anchoring it, against pickling its
        highlights and problems and unpickling them (what a pool's worker would send back).

PACK: a pack from `pack_gen` (change_bench.py --keep DIR keeps one per size).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def held(staging: Path) -> int | None:
    """The article and highlight files a staging database holds, or None if none yet."""
    try:
        db = sqlite3.connect(f"{staging.as_uri()}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'manifest'").fetchone()
            entries = json.loads(json.loads(row[0]))[3]
        finally:
            db.close()
    except (sqlite3.Error, TypeError, ValueError):
        return None
    return sum(1 for entry in entries if str(entry[0]).startswith(("articles/", "highlights/")))


def run(root: Path, cache: Path, stop_at: int | None = None) -> tuple[float, float, int, str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    argv = [sys.executable, "-m", "aiplan_tui", "--content", str(root), "search", "chips"]
    started, cpu = time.monotonic(), children_cpu()
    process = subprocess.Popen(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    folder = cache / "aiplan-tui"
    while stop_at is not None and process.poll() is None:
        staged = list(folder.glob(".*.staged")) if folder.exists() else []
        if staged and (count := held(staged[0])) is not None and count >= stop_at:
            process.send_signal(signal.SIGINT)
            break
        time.sleep(0.05)  # (polling the database's content)
    _, err = process.communicate()
    return time.monotonic() - started, children_cpu() - cpu, process.returncode, err.strip()


def pool_costs(root: Path, files: int) -> str:
    from aiplan_tui.core.problems import Problems
    from aiplan_tui.pack.highlights import load_highlight_file
    from aiplan_tui.pack.loader import load_pack
    from aiplan_tui.pack.registry import Registry

    names = sorted((root / "highlights").glob("*.toml"))[:files]
    base = load_pack(root, only={f"articles/{p.stem}.md" for p in names}).pack
    known: dict[str, Any] = {
        "articles": {a.id: a for a in base.articles},
        "entities": {e.id: e for e in base.entities},
        "sides": {s.id: s for s in base.sides},
        "dimensions": {d.id: d for d in base.dimensions},
    }
    started, made = time.process_time(), []
    for path in names:
        registry, problems = Registry(**known), Problems()
        load_highlight_file(path, registry, problems)
        made.append((list(registry.highlights.values()), problems.items))
    work = time.process_time() - started
    started = time.process_time()
    blobs = [pickle.dumps(item, protocol=5) for item in made]
    dumped = time.process_time() - started
    started = time.process_time()
    for blob in blobs:
        pickle.loads(blob)
    loaded = time.process_time() - started
    return (
        f"{len(names)} files: parse+anchor {work / len(names) * 1000:.2f} ms/file, pickle "
        f"{dumped / len(names) * 1000:.2f} ms, unpickle {loaded / len(names) * 1000:.2f} ms "
        f"({(dumped + loaded) / work:.0%} of the work), {sum(map(len, blobs)) / len(blobs) / 1024:.0f}"
        " KiB/file"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack", type=Path)
    parser.add_argument("--cache", type=Path, help="an empty folder (default: a new one)")
    parser.add_argument("--pool", action="store_true")
    parser.add_argument("--files", type=int, default=200)
    args = parser.parse_args()
    if args.pool:
        print(pool_costs(args.pack, args.files))
        return
    cache = args.cache or Path(tempfile.mkdtemp(prefix="resume-bench-"))
    files = len(list((args.pack / "articles").glob("*.md")))
    files += len(list((args.pack / "highlights").glob("*.toml")))
    for label, stop_at, fresh in (
        ("interrupted at half", files // 2, True),
        ("taken up", None, False),
        ("uninterrupted", None, True),
    ):
        if fresh:
            shutil.rmtree(cache / "aiplan-tui", ignore_errors=True)
        print(os.popen("uptime").read().strip(), flush=True)
        wall, cpu, code, said = run(args.pack, cache, stop_at)
        print(f"{label}: {wall:.1f} s wall, {cpu:.1f} s CPU, exit {code}; {said[-120:]}")


if __name__ == "__main__":
    main()
