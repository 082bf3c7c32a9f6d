"""`aiplan-tui add`'s suggestions scored against the gold of tests/data/corpus (issue 29). Not a
test: it runs the real command on each article of one half and prints figures and misses.

    python tests/benchmarks/suggest_corpus_bench.py [--half dev|heldout] [--json] [--misses]
        [--only d37-d54] [--corpus en|zh]

`--corpus zh` scores the Chinese halves (tests/data/corpus/zh, issue 31) the same way.

Each article: `init` a temporary pack, `add ARTICLE --content PACK`, `check PACK`, load_pack,
then `add` it again. How each measure is scored, and the gold format: the corpus README.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from aiplan_tui.core.model import Entity, Event, Fact, Highlight, Pack, Quote
from aiplan_tui.pack.loader import load_pack

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
EDGES = " \t,.;:!?\"'“”‘’«»"
TARGETS = {
    "direct quotations found": ">= 95 %", "speaker right (direct + reported)": ">= 90 %",
    "people proposed right (recall)": ">= 90 %", "people proposed right (precision)": ">= 90 %",
    "figures recall (span rule)": ">= 90 %", "figures precision (span rule)": ">= 85 %",
    "invented dates": "0", "forbidden suggestions": "0", "check clean": "100 %",
}  # fmt: skip
Gold = dict[str, Any]
Place = tuple[int, int, int]  # paragraph, start, end


@dataclass
class Score:
    counts: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def tally(self, name: str, ok: bool, miss: str = "") -> None:
        self.counts[name] += int(ok)
        self.counts[name + " /"] += 1
        if not ok and miss:
            self.misses.append(f"{name}: {miss}")

    def flag(self, name: str, miss: str) -> None:
        self.counts[name] += 1
        self.misses.append(f"{name}: {miss}")


def places(paragraphs: tuple[str, ...], text: str) -> list[Place]:
    found = []
    for number, paragraph in enumerate(paragraphs):
        start = paragraph.find(text)
        while start >= 0:
            found.append((number, start, start + len(text)))
            start = paragraph.find(text, start + 1)
    return found


def where(h: Highlight) -> Place:
    return h.location.paragraph, h.location.start, h.location.end


def overlaps(h: Highlight, spots: list[Place]) -> bool:
    p, start, end = where(h)
    return any(p == s[0] and start < s[2] and s[1] < end for s in spots)


def norm(text: str) -> str:
    return " ".join(text.split()).strip(EDGES)


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "aiplan_tui", *args]
    return subprocess.run(command, capture_output=True, encoding="utf-8", env=env, check=False)


def run_article(article: Path) -> Score:
    gold = tomli.loads(article.with_name(article.stem + ".gold.toml").read_text("utf-8"))
    score = Score()
    name = article.name
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_CONFIG_HOME": tmp, "XDG_STATE_HOME": tmp, "NO_COLOR": "1"}
        pack = Path(tmp) / "pack"
        made = cli("init", str(pack), env=env)
        if made.returncode != 0:
            score.flag("init failed", f"{name}: {made.stderr.strip()}")
            return score
        added = cli("add", str(article), "--content", str(pack), env=env)
        checked = cli("check", str(pack), env=env)
        result = load_pack(pack)
        problems = result.problems.errors or result.problems.warnings
        clean = added.returncode == checked.returncode == 0 and not problems
        said = (added.stderr + checked.stdout + checked.stderr).strip().splitlines()[-1:]
        score.tally("check clean", clean, f"{name}: {said}")
        score_written(name, gold, pack, score)
        before = {p: p.read_bytes() for p in pack.rglob("*") if p.is_file()}
        again = cli("add", str(article), "--content", str(pack), env=env)
        after = {p: p.read_bytes() for p in pack.rglob("*") if p.is_file()}
        refused = again.returncode != 0 and after == before
        score.tally("added twice refused", refused, name)
        if added.returncode != 0 or not result.pack.articles:
            score.misses.append(f"add failed: {name}: {added.stderr.strip()}")
            return score
        score_quotes(name, gold, result.pack, score)
        score_people(name, gold, result.pack, score)
        score_figures(name, gold, result.pack, score)
        score_dates(name, gold, result.pack, score)
        score_forbidden(name, gold, result.pack, score)
    return score


def score_written(name: str, gold: Gold, pack: Path, score: Score) -> None:
    """From the highlights file as written, whether the loader takes its tables or not."""
    written = [q for t in (pack / "highlights").glob("*.toml")
               for q in tomli.loads(t.read_text("utf-8")).get("quote", [])]  # fmt: skip
    score.counts["quotes written with no speaker"] += 0
    for q in (q for q in written if not q.get("speaker")):
        score.flag("quotes written with no speaker", f"{name}: {q.get('exact')!r}")
        if any(str(q.get("exact")) in text for text in gold.get("not", {}).get("quotes", [])):
            score.flag("forbidden suggestions", f"{name}: quotes: {q.get('exact')!r} (skipped)")
    texts = {norm(str(q.get("exact", ""))) for q in written if q.get("direct") is True}
    for q in gold.get("quote", []):
        if q["direct"]:
            ok = norm(q["text"]) in texts
            score.tally("direct quotations written (loaded or not)", ok, f"{name}: {q['text']!r}")


def suggested(pack: Pack, kind: type[Highlight]) -> list[Any]:
    return [h for h in pack.suggested if isinstance(h, kind)]


def matches(gold: Gold, pack: Pack) -> dict[int, Quote]:
    """Gold quotation (by position) -> the suggested quote matched to it, one for one."""
    paragraphs = pack.articles[0].paragraphs
    found: dict[int, Quote] = {}
    for n, q in enumerate(gold.get("quote", [])):
        spots = places(paragraphs, q["text"])
        free = [h for h in suggested(pack, Quote) if h not in found.values()]
        hit = next((h for h in free if quote_fits(h, q, spots)), None)
        if hit is not None:
            found[n] = hit
    return found


def quote_fits(h: Quote, q: Gold, spots: list[Place]) -> bool:
    if not q["direct"]:
        return overlaps(h, spots)
    same = h.direct and norm(h.exact) == norm(q["text"])
    return same and any(where(h)[0] == s[0] for s in spots)


def is_speaker(entity: Entity, q: dict[str, Any]) -> bool:
    name, speaker = (entity.name, str(q["speaker"]))
    same = name.casefold() == speaker.casefold() if q.get("unnamed") else name == speaker
    return same and entity.kind == q["kind"]


def score_quotes(name: str, gold: Gold, pack: Pack, score: Score) -> None:
    entities: dict[str, Entity] = {e.id: e for e in pack.entities}
    found = matches(gold, pack)
    for n, q in enumerate(gold.get("quote", [])):
        hit = found.get(n)
        if q["direct"]:
            score.tally("direct quotations found", hit is not None, f"{name}: {q['text']!r}")
        else:
            score.tally("reported speech found (overlap)", hit is not None, f"{name}: {q['text']!r}")  # fmt: skip
            exact = hit is not None and norm(hit.exact) == norm(q["text"])
            miss = f"{name}: {q['text']!r}, given {hit.exact!r}" if hit else ""
            score.tally("reported speech exact span (from the verb)", exact, miss)
        entity = entities.get(hit.speaker) if hit is not None else None
        right = entity is not None and is_speaker(entity, q)
        given = f"{entity.name!r} ({entity.kind})" if entity else repr(hit and hit.speaker)
        miss = f"{name}: {q['text'][:50]!r} by {q['speaker']!r} ({q['kind']}), given {given}"
        score.tally("speaker right (direct + reported)", right, miss)
        score.tally(f"speaker right, {'direct' if q['direct'] else 'reported'}", right)


def score_people(name: str, gold: Gold, pack: Pack, score: Score) -> None:
    quotes = gold.get("quote", [])
    people = {(q["speaker"], q["kind"]): q.get("role", "") for q in quotes if not q.get("unnamed")}
    have = {(e.name, e.kind): e.role for e in pack.entities}
    for (person, kind), role in people.items():
        known = (person, kind) in have
        score.tally("people proposed right (recall)", known, f"{name}: {person} ({kind})")
        if known and role:
            given = have[(person, kind)].casefold()
            ok = bool(given) and (given in role.casefold() or role.casefold() in given)
            miss = f"{name}: {person}: {role!r}, given {have[(person, kind)]!r}"
            score.tally("roles right (gold role in the given one, or it in the gold)", ok, miss)
    # an unnamed gold speaker ("One broadcaster") is a gold speaker too, by its words in any case
    unnamed = {(str(q["speaker"]).casefold(), q["kind"]) for q in quotes if q.get("unnamed")}
    for e in pack.entities:
        ok = (e.name, e.kind) in people or (e.name.casefold(), e.kind) in unnamed
        score.tally("people proposed right (precision)", ok, f"{name}: {e.name} ({e.kind})")


def span_rule(h: Highlight, spot: Place, number: str, exact_only: bool) -> bool:
    p, start, end = where(h)
    if (p, start, end) == spot:
        return True
    if exact_only or p != spot[0]:
        return False
    inside = spot[1] <= start and end <= spot[2] and number in h.exact
    return inside or (start <= spot[1] and spot[2] <= end)


def figure_matches(gold: Gold, pack: Pack, exact_only: bool) -> dict[int, str]:
    """Gold figure (by position) -> the id of the suggested fact matched to it, one for one."""
    paragraphs, found = pack.articles[0].paragraphs, dict[int, str]()
    for n, f in enumerate(gold.get("figure", [])):
        spots = places(paragraphs, f["text"])
        free = [h for h in suggested(pack, Fact) if h.id not in found.values()]
        hit = next((h for h in free if any(span_rule(h, s, f["number"], exact_only) for s in spots)), None)  # fmt: skip
        if hit is not None:
            found[n] = hit.id
    return found


def score_figures(name: str, gold: Gold, pack: Pack, score: Score) -> None:
    for label, exact_only in (("span rule", False), ("exact span", True)):
        found = figure_matches(gold, pack, exact_only)
        for n, f in enumerate(gold.get("figure", [])):
            score.tally(f"figures recall ({label})", n in found, f"{name}: {f['text']!r}")
        for h in suggested(pack, Fact):
            ok = h.id in found.values()
            score.tally(f"figures precision ({label})", ok, f"{name}: {h.exact!r}")


def score_dates(name: str, gold: Gold, pack: Pack, score: Score) -> None:
    score.counts["invented dates"] += 0
    published, wanted = pack.articles[0].published, gold.get("published")
    if published is not None and published != wanted:
        score.flag("invented dates", f"{name}: published {published}, gold {wanted}")
    paragraphs, events = pack.articles[0].paragraphs, suggested(pack, Event)
    golden = [(e, places(paragraphs, e["text"])) for e in gold.get("event", [])]
    for e, spots in golden:
        hits = [h for h in events if overlaps(h, spots)]
        score.tally("dated events found (overlap)", bool(hits), f"{name}: {e['text']!r}")
        if "date" in e:
            given = [h.date for h in hits]
            ok = e["date"] in given
            score.tally("event dates right", ok, f"{name}: {e['when']!r} is {e['date']}, given {given}")  # fmt: skip
    for h in events:
        if isinstance(h.date, dt.date) and not any(
            e.get("date") == h.date and overlaps(h, spots) for e, spots in golden
        ):
            score.flag("invented dates", f"{name}: {h.date} for {h.exact[:60]!r}")


def score_forbidden(name: str, gold: Gold, pack: Pack, score: Score) -> None:
    score.counts["forbidden suggestions"] += 0
    paragraphs = pack.articles[0].paragraphs
    good = set(figure_matches(gold, pack, exact_only=False).values())
    good |= {h.id for h in matches(gold, pack).values()}
    good |= {h.id for h in suggested(pack, Event) for e in gold.get("event", [])
             if overlaps(h, places(paragraphs, e["text"]))}  # fmt: skip
    kinds = {"events": Event, "figures": Fact, "quotes": Quote}
    for key, texts in gold.get("not", {}).items():
        for text in texts:
            if key == "speakers":
                bad = [e.name for e in pack.entities if e.name.casefold() == text.casefold()]
            else:
                spots = places(paragraphs, text)
                bad = [h.exact for h in suggested(pack, kinds[key])
                       if h.id not in good and overlaps(h, spots)]  # fmt: skip
            for exact in bad:
                score.flag("forbidden suggestions", f"{name}: {key}: {exact[:70]!r}")


def chosen(stem: str, only: str) -> bool:
    """Whether an article is in `--only`: "d37-d54" (a range, both ends in), "d03,d07" or ""."""
    at = _number(stem.split("-")[0])  # "d37-wire-premier-pitch" -> ("d", 37), "zd03" -> ("zd", 3)
    for part in filter(None, only.split(",")):
        low, _, high = part.partition("-")
        if _number(low) <= at <= _number(high or low):
            return True
    return not only


def _number(name: str) -> tuple[str, int]:
    """The letters and number of "d37": ("d", 37), so that d99 comes before d100."""
    letters = name.rstrip("0123456789")
    return letters, int(name[len(letters) :] or 0)


def bench(half: str, jobs: int, only: str = "", corpus: str = "en") -> tuple[int, Score]:
    folder = (CORPUS / "zh" if corpus == "zh" else CORPUS) / half
    articles = sorted(
        p for p in folder.iterdir() if p.suffix in (".txt", ".md") and chosen(p.stem, only)
    )
    total = Score()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for one in pool.map(run_article, articles):
            total.counts.update(one.counts)
            total.misses += one.misses
    return len(articles), total


def figures(score: Score) -> dict[str, dict[str, Any]]:
    names = [n for n in score.counts if not n.endswith(" /")]
    order = sorted(names, key=lambda n: (list(TARGETS).index(n) if n in TARGETS else 99, n))
    out: dict[str, dict[str, Any]] = {}
    for name in order:
        row: dict[str, Any] = {"count": score.counts[name], "target": TARGETS.get(name, "")}
        if total := score.counts.get(name + " /"):
            row |= {"of": total, "percent": round(100 * row["count"] / total, 1)}
        out[name] = row
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--half", choices=("dev", "heldout"), default="heldout")
    parser.add_argument(
        "--corpus", choices=("en", "zh"), default="en", help="the English or the Chinese halves"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="list every miss (dev only!)")
    parser.add_argument("--jobs", type=int, default=min(8, os.cpu_count() or 1))
    parser.add_argument(
        "--only", default="", help="score these articles alone: d37-d54, or d03,d07"
    )
    args = parser.parse_args()
    count, score = bench(args.half, args.jobs, args.only, args.corpus)
    table = figures(score)
    if args.json:
        out = {"corpus": args.corpus, "half": args.half, "articles": count, "figures": table}
        print(json.dumps(out, indent=2))
    else:
        which = f", {args.only}" if args.only else ""
        name = "the Chinese corpus" if args.corpus == "zh" else "the corpus"
        print(f"`add` on the {args.half} half of {name} ({count} articles{which})")
        for name, row in table.items():
            shown = f"{row['count']}/{row['of']} = {row['percent']} %" if "of" in row else str(row["count"])  # fmt: skip
            target = f"target {row['target']}" if row["target"] else ""
            print(f"  {name:<62} {shown:>18}  {target}")
    if args.misses:
        for line in sorted(score.misses):
            print("  miss:", line, file=sys.stderr if args.json else sys.stdout)


if __name__ == "__main__":
    main()
