"""Search speed and memory on synthetic packs of 1k to 1M items (fixed seed), as the issue asks.

For each size, in a fresh process: index build time, the time to open it from a compiled pack
(`compiled.store`, the database `aiplan-tui` keeps per pack), then per-query median and p95 over a fixed
set of queries (typos, phrases, filters, OR, negation), and the process's peak memory. These
are in-process figures, for the engine alone; the comparison with fzf, whole process against
whole process as a user pays it, is `whole_process.py`.
Run: python tests/benchmarks/search_bench.py [--sizes 1000,10000,100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

from aiplan_tui.compiled.build import compile_pack
from aiplan_tui.compiled.store import CompiledPack
from aiplan_tui.core.model import (
    Article,
    Entity,
    Fact,
    Location,
    Pack,
    PackInfo,
    Quote,
    Side,
    SourceRef,
)
from aiplan_tui.core.problems import Problems
from aiplan_tui.pack.loader import LoadResult
from aiplan_tui.search.engine import SearchIndex

SEED = 20250726
QUERIES = [
    "investmnt",
    "deepsek model",
    '"global action plan"',
    "chips !nvidia",
    "kind:quote speaker:li",
    "china | united side:us",
    "^regul",
    "ment$",
    "year:2024 investment",
    "semiconductr export restrictons",
]
SEED_WORDS = [
    "china",
    "united",
    "states",
    "global",
    "action",
    "plan",
    "artificial",
    "intelligence",
    "investment",
    "chips",
    "nvidia",
    "deepseek",
    "model",
    "regulation",
    "governance",
    "export",
    "restrictions",
    "semiconductor",
    "cooperation",
    "premier",
    "li",
    "qiang",
    "conference",
    "shanghai",
    "companies",
    "billion",
    "yuan",
    "startup",
    "moonshot",
    "alliance",
    "camp",
    "multilateral",
    "trade",
    "negotiations",
    "stockholm",
    "dupont",
    "antitrust",
    "2024",
    "2023",
    "2017",
    "2022",
]
PER_PARAGRAPH = 4
"""Each paragraph brings this many items: itself and three highlights."""


def synthetic_pack(items: int) -> Pack:
    """About `items` searchable things: paragraphs, quotes, facts, in 100-paragraph articles."""
    rng = random.Random(SEED)
    vocabulary = SEED_WORDS + [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 11)))
        for _ in range(max(2000, items // 20))
    ]
    # Cumulative once: `choices(population, weights)` would add them all up on every call.
    cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    where = SourceRef(Path("synthetic"))
    articles, highlights = [], []
    paragraphs_needed = max(1, items // PER_PARAGRAPH)
    for number in range(0, paragraphs_needed, 100):
        article_id = f"a{number // 100}"
        paragraphs = tuple(
            " ".join(rng.choices(vocabulary, cum_weights=cumulative, k=30)).capitalize() + "."
            for _ in range(min(100, paragraphs_needed - number))
        )
        articles.append(Article(article_id, f"Article {number // 100}", paragraphs, where))
        for index, paragraph in enumerate(paragraphs):
            words = paragraph.split()
            start = len(" ".join(words[:5])) + 1
            exact = " ".join(words[5:9])
            loc = Location(index, start, start + len(exact))
            base = f"{article_id}-{index}"
            highlights.append(
                Quote(
                    id=f"q{base}",
                    article=article_id,
                    exact=exact,
                    location=loc,
                    source=where,
                    speaker="li",
                    direct=True,
                    sides=("china",),
                )
            )
            highlights.append(
                Fact(
                    id=f"f{base}",
                    article=article_id,
                    exact=exact,
                    location=loc,
                    source=where,
                    metric="investment in 2024",
                    value=1e9,
                    unit="USD",
                    sides=("us",),
                )
            )
            highlights.append(
                Quote(
                    id=f"r{base}",
                    article=article_id,
                    exact=exact,
                    location=loc,
                    source=where,
                    speaker="chen",
                    direct=False,
                )
            )
    entities = (
        Entity("li", "Li Qiang", "person", where, aliases=("Premier Li",), side="china"),
        Entity("chen", "George Chen", "person", where),
    )
    sides = (Side("us", "United States", "US"), Side("china", "China", "China"))
    return Pack(PackInfo("synthetic", "Synthetic"), Path(), sides, (), tuple(articles),
                entities, tuple(highlights), ())  # fmt: skip


def measure(items: int, repeat: int) -> dict[str, object]:
    pack = synthetic_pack(items)
    started = time.perf_counter()
    index = SearchIndex(pack)
    build = time.perf_counter() - started
    timings = []
    for query in QUERIES:
        for _ in range(repeat):
            started = time.perf_counter()
            index.search(query, limit=50)
            timings.append(time.perf_counter() - started)
    timings.sort()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the database
    with tempfile.TemporaryDirectory() as cache:
        path = Path(cache) / "bench.sqlite3"
        compile_pack(LoadResult(pack, Problems()), "bench", path)
        started = time.perf_counter()
        compiled = CompiledPack(path, "bench", pack.root)
        loaded = compiled.search_index()
        loaded.search(QUERIES[0], limit=50)
        cache_load = time.perf_counter() - started
        compiled.close()
        del loaded
    report: dict[str, object] = {
        "items": len(index.docs),
        "build_s": round(build, 2),
        "cache_load_s": round(cache_load, 2),
        "query_median_ms": round(1000 * statistics.median(timings), 1),
        "query_p95_ms": round(1000 * timings[int(0.95 * (len(timings) - 1))], 1),
        "peak_rss_mb": round(peak),
    }
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.repeat)))
        return 0
    print(
        f"{'items':>9} {'build s':>8} {'open s':>8} {'median ms':>10} {'p95 ms':>8} {'peak MB':>8}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--repeat", str(args.repeat)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        r = json.loads(done.stdout)
        print(f"{r['items']:>9} {r['build_s']:>8} {r['cache_load_s']:>8} {r['query_median_ms']:>10} "
              f"{r['query_p95_ms']:>8} {r['peak_rss_mb']:>8}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
