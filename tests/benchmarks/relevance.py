"""Relevance on the bundled pack (issue 17): recall@5 and MRR over the judged query set, for
the engine as a user runs it and for two simple baselines on the same pack.

Each query of `tests/data/judged_queries.toml` goes through
- the engine: the installed command, whole process, `aiplan-tui search QUERY --json
  --limit 10` (the query as one argument; the pack compiled once beforehand, in a cache of
  this run's own);
- grep: `grep -i -F` with each of the query's plain words (a line matching any word), over a
  file of one line per search document (the same documents the engine searches: every
  paragraph, title, highlight, entity and comparison cell, its fields joined); results in
  file order;
- fzf: `fzf --filter` with the query's plain words over the same lines (fzf's own ranking).
The baselines have no query language: they get the query's plain words (a filter gives its
value, `speaker:li` -> `li`; quotes and the operators ' ^ $ | are dropped; a `!word` is left
out).

Metrics, over the 10 results each system returns:
- recall@5: 1 if any expected id is in the top 5 (for a query marked `all`, the share of its
  expected ids in the top 5), averaged over queries;
- MRR: the mean of 1/rank of the first result that is an expected id (0 if none in the 10);
- MRR best: the same for the first expected id alone (the judges' best answer).
Then the engine's misses (queries with an expected id missing from its top 5) and the median
whole-process time per query of each system.

    python tests/benchmarks/relevance.py [--runs 3] [--content DIR] [--set zh]

`--set zh` scores the Chinese set instead (issue 31): `tests/data/judged_queries_zh.toml` on
`tests/data/packs/zh-judged`, four articles written for it (fiction; the bundled pack is
English); `tests/unit/search/test_relevance_zh.py` holds its recall@5 to 0.9.

A benchmark, not a test: `tests/unit/search/test_relevance_benchmark.py` only checks that the judged set
is well formed and that the metrics are computed right.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import tomli

DATA = Path(__file__).resolve().parent.parent / "data"
JUDGED = DATA / "judged_queries.toml"
KINDS = ("typo", "word-form", "name", "figure", "phrase", "filter", "question", "equivalent")
JUDGED_ZH = DATA / "judged_queries_zh.toml"
ZH_PACK = DATA / "packs" / "zh-judged"
KINDS_ZH = ("chinese", "mixed")
SETS: dict[str, tuple[Path, Path | None, tuple[str, ...]]] = {
    "bundled": (JUDGED, None, KINDS),
    "zh": (JUDGED_ZH, ZH_PACK, KINDS_ZH),
}
"""Each judged set: its queries, the pack they are judged on (None: the bundled one), kinds."""
LIMIT = 10
"""Results asked of every system (`--limit 10`); MRR looks this deep."""
TOP = 5
"""recall@5."""
FILTERS = ("kind", "side", "speaker", "dim", "article", "year")


@dataclass(frozen=True)
class Judged:
    """One judged query: what is typed, and the ids a careful reader expects in the top 5."""

    query: str
    kind: str
    expect: tuple[str, ...]
    why: str
    all: bool = False
    """Every expected id should be in the top 5 (recall is the share found), not just one."""


def load_judged(path: Path = JUDGED, kinds: Sequence[str] = KINDS) -> list[Judged]:
    """The judged set; raises ValueError on a malformed entry."""
    with path.open("rb") as source:
        data = tomli.load(source)
    judged = []
    for number, entry in enumerate(data.get("query", []), 1):
        known = {"query", "kind", "expect", "why", "all"}
        if set(entry) - known or not {"query", "kind", "expect", "why"} <= set(entry):
            raise ValueError(f"query {number}: fields {sorted(entry)}, expected {sorted(known)}")
        query, kind, expect, why = entry["query"], entry["kind"], entry["expect"], entry["why"]
        if not (isinstance(query, str) and query.strip()):
            raise ValueError(f"query {number}: an empty query")
        if kind not in kinds:
            raise ValueError(f"query {number} ({query!r}): unknown kind {kind!r}")
        if not (isinstance(expect, list) and expect and all(isinstance(e, str) for e in expect)):
            raise ValueError(f"query {number} ({query!r}): expect must list ids")
        if len(set(expect)) != len(expect):
            raise ValueError(f"query {number} ({query!r}): an id is expected twice")
        if not (isinstance(why, str) and why.strip()):
            raise ValueError(f"query {number} ({query!r}): no why")
        judged.append(Judged(query, kind, tuple(expect), why, bool(entry.get("all", False))))
    return judged


# ---------------------------------------------------------------------------- metrics


def recall_at(
    ranked: Sequence[str], expected: Sequence[str], k: int = TOP, every: bool = False
) -> float:
    """1.0 if any expected id is in the top k, else 0.0; with `every`, the share of the
    expected ids that are."""
    top = set(ranked[:k])
    if every:
        return sum(e in top for e in expected) / len(expected)
    return 1.0 if top & set(expected) else 0.0


def reciprocal_rank(ranked: Sequence[str], expected: Sequence[str], depth: int = LIMIT) -> float:
    """1/rank of the first result (within `depth`) that is an expected id; 0 if none is."""
    wanted = set(expected)
    for rank, found in enumerate(ranked[:depth], 1):
        if found in wanted:
            return 1 / rank
    return 0.0


@dataclass(frozen=True)
class Scores:
    recall: float
    mrr: float
    mrr_best: float
    count: int


def score(judged: Sequence[Judged], ranked: Sequence[Sequence[str]]) -> Scores:
    """recall@5, MRR and MRR of the best answer alone, averaged over the queries."""
    if not judged:
        return Scores(0.0, 0.0, 0.0, 0)
    pairs = list(zip(judged, ranked, strict=True))
    return Scores(
        statistics.fmean(recall_at(r, j.expect, every=j.all) for j, r in pairs),
        statistics.fmean(reciprocal_rank(r, j.expect) for j, r in pairs),
        statistics.fmean(reciprocal_rank(r, j.expect[:1]) for j, r in pairs),
        len(pairs),
    )


# ---------------------------------------------------------------------------- baselines


def plain_words(query: str) -> list[str]:
    """What a tool without a query language gets: the words, a filter's value for the filter,
    without quotes or the operators ' ^ $ |, and without the `!word`s."""
    words = []
    for token in query.split():
        if token == "|" or (token.startswith("!") and len(token) > 1):
            continue
        name, colon, value = token.partition(":")
        if colon and name in FILTERS and value:
            token = value
        token = token.strip('"').lstrip("'^").removesuffix("$")
        if token:
            words.append(token)
    return words


def document_lines(content: Path | None) -> list[tuple[str, str]]:
    """(id, text) for every search document of the pack, in reading order: the text is its
    fields joined, on one line."""
    from aiplan_tui.pack.loader import load_pack
    from aiplan_tui.paths import bundled_content_dir
    from aiplan_tui.search.pack_docs import build_docs

    pack = load_pack(content or bundled_content_dir()).pack
    return [
        (doc.id, " · ".join(" ".join(field.text.split()) for field in doc.fields))
        for doc in build_docs(pack)
    ]


@dataclass
class System:
    name: str
    run: Callable[[str], list[str]]
    times: list[float]


def timed(argv: list[str], env: dict[str, str]) -> tuple[str, float]:
    """A whole process's standard output and its time; exit 1 (nothing found) is fine."""
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{argv} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout, seconds


def engine_command() -> list[str]:
    """The installed command beside this Python, else `python -m aiplan_tui`."""
    command = Path(sys.executable).parent / "aiplan-tui"
    return [str(command)] if command.exists() else [sys.executable, "-m", "aiplan_tui"]


def systems(content: Path | None, scratch: Path, fzf: str) -> tuple[list[System], int]:
    """The engine and the two baselines, each a function from a query to ranked ids."""
    env = {**os.environ, "XDG_CACHE_HOME": str(scratch / "cache"),
           "XDG_STATE_HOME": str(scratch / "state"), "XDG_CONFIG_HOME": str(scratch / "config")}  # fmt: skip
    env.pop("FZF_DEFAULT_OPTS", None)
    env.pop("GREP_OPTIONS", None)
    docs = document_lines(content)
    ids = [doc_id for doc_id, _ in docs]
    texts = scratch / "texts.txt"  # grep: text only, line n is ids[n - 1]
    texts.write_text("".join(f"{text}\n" for _, text in docs), encoding="utf-8")
    lines = scratch / "lines.txt"  # fzf: id<TAB>text, matched on the text only
    lines.write_text("".join(f"{i}\t{text}\n" for i, text in docs), encoding="utf-8")
    base = [*engine_command(), *(["--content", str(content)] if content else []), "search"]
    engine_times: list[float] = []
    grep_times: list[float] = []
    fzf_times: list[float] = []

    def engine(query: str) -> list[str]:
        out, seconds = timed([*base, query, "--json", "--limit", str(LIMIT)], env)
        engine_times.append(seconds)
        return [row["id"] for row in json.loads(out or "[]")][:LIMIT]

    def grep(query: str) -> list[str]:
        words = plain_words(query)
        if not words:
            return []
        patterns = [arg for word in words for arg in ("-e", word)]
        out, seconds = timed(["grep", "-i", "-n", "-F", *patterns, str(texts)], env)
        grep_times.append(seconds)
        return [ids[int(line.split(":", 1)[0]) - 1] for line in out.splitlines()][:LIMIT]

    def fzf_filter(query: str) -> list[str]:
        words = plain_words(query)
        if not words:
            return []
        argv = [fzf, "--filter", " ".join(words), "--delimiter", "\t", "--nth", "2.."]
        started = time.perf_counter()
        with lines.open("rb") as source:
            done = subprocess.run(argv, stdin=source, capture_output=True, env=env, check=False)
        fzf_times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{argv} exited {done.returncode}")
        out = done.stdout.decode("utf-8")
        return [line.split("\t", 1)[0] for line in out.splitlines()][:LIMIT]

    timed([*base, "compiled pack, built once", "--json"], env)  # the runs below find it warm
    return [
        System("aiplan-tui", engine, engine_times),
        System("grep -i", grep, grep_times),
        System("fzf --filter", fzf_filter, fzf_times),
    ], len(docs)


# ---------------------------------------------------------------------------- report


def table(rows: list[list[str]]) -> str:
    """A Markdown table, the first row its head, columns padded."""
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    lines = [
        "| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each query per system")
    parser.add_argument("--set", choices=list(SETS), default="bundled", help="judged set")
    parser.add_argument("--content", type=Path, help="pack (default: the set's)")
    parser.add_argument("--judged", type=Path, help="queries (default: the set's)")
    args = parser.parse_args()
    judged_file, pack, kinds = SETS[args.set]
    args.judged = args.judged or judged_file
    args.content = args.content or pack
    fzf = shutil.which("fzf")
    if fzf is None or shutil.which("grep") is None:
        print("grep and fzf must be installed (Debian: apt-get install fzf)", file=sys.stderr)
        return 2
    judged = load_judged(args.judged, kinds)
    with tempfile.TemporaryDirectory(prefix="aiplan-relevance-") as scratch:
        found, documents = systems(args.content, Path(scratch), fzf)
        ranked: dict[str, list[list[str]]] = {s.name: [] for s in found}
        for run in range(args.runs):
            for judgement in judged:
                for system in found:  # turn about, so all see the same load
                    result = system.run(judgement.query)
                    if run == 0:
                        ranked[system.name].append(result)
    import aiplan_tui

    version = subprocess.run([fzf, "--version"], capture_output=True, text=True, check=False)
    print(f"{len(judged)} judged queries ({args.judged.name}), {documents} search documents")
    print(f"engine: {' '.join(engine_command())} search QUERY --json --limit {LIMIT} "
          f"(package {Path(aiplan_tui.__file__).parent}); fzf {version.stdout.split()[0]}")  # fmt: skip
    print(
        "grep and fzf have no query language: they get the query's plain words (a filter "
        "its value, speaker:li -> li; quotes and ' ^ $ | dropped; !words left out).\n"
    )
    overall = [["system", "recall@5", "MRR", "MRR best", "median time / query"]]
    for system in found:
        s = score(judged, ranked[system.name])
        median = statistics.median(system.times) if system.times else 0.0
        overall.append([system.name, f"{s.recall:.3f}", f"{s.mrr:.3f}", f"{s.mrr_best:.3f}",
                        f"{median * 1000:.0f} ms"])  # fmt: skip
    print(table(overall))
    print(f"\n(times: whole process, median over {args.runs} run(s) of every query)\n")
    by_kind = [["kind", "queries"] + [f"{s.name} {m}" for s in found for m in ("R@5", "MRR")]]
    for kind in kinds:
        chosen = [i for i, j in enumerate(judged) if j.kind == kind]
        row = [kind, str(len(chosen))]
        for system in found:
            s = score([judged[i] for i in chosen], [ranked[system.name][i] for i in chosen])
            row += [f"{s.recall:.2f}", f"{s.mrr:.2f}"]
        by_kind.append(row)
    print(table(by_kind))
    engine = score(judged, ranked[found[0].name])
    peers = [score(judged, ranked[s.name]) for s in found[1:]]
    met = engine.recall >= 0.9 and engine.mrr >= 0.75
    ahead = all(engine.recall > p.recall and engine.mrr > p.mrr for p in peers)
    print(
        f"\ntarget recall@5 >= 0.9 and MRR >= 0.75: {'met' if met else 'NOT met'}; "
        f"ahead of both baselines on both: {'yes' if ahead else 'no'}"
    )
    misses = [
        (j, r) for j, r in zip(judged, ranked[found[0].name], strict=True)
        if recall_at(r, j.expect, every=j.all) < 1
    ]  # fmt: skip
    print(f"\nEngine misses ({len(misses)}): an expected id not in its top {TOP}")
    for j, r in misses:
        expected = ", ".join(j.expect[:4]) + (", ..." if len(j.expect) > 4 else "")
        rank = next((n for n, i in enumerate(r, 1) if i in j.expect), None)
        first = ", ".join(r[:3]) if r else "(nothing)"
        print(f"- [{j.kind}] {j.query!r}: expected {expected}"
              f"{' (all)' if j.all else ''}; first {first}"
              f"{f'; an expected id at rank {rank}' if rank else ''}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
