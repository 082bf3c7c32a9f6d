"""A content pack on disk, generated with a fixed seed, for whole-process benchmarks: N
articles of 100 paragraphs each, one highlight per paragraph (quotes, facts, positions and
events in turn), a few speakers, and the comparison file. `aiplan-tui check` accepts it.

    python tests/benchmarks/pack_gen.py DIR --items 10000
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SEED = 20250726
PARAGRAPHS = 100
"""Paragraphs per article; one highlight each, so items = articles x PARAGRAPHS."""
WORDS = [
    "chips",
    "export",
    "controls",
    "investment",
    "semiconductors",
    "governance",
    "cooperation",
    "models",
    "compute",
    "open",
    "source",
    "regulation",
    "talent",
    "energy",
    "data",
    "centres",
    "standards",
    "alliance",
    "tariffs",
    "research",
    "startups",
    "capital",
    "supply",
    "chain",
    "security",
    "safety",
    "global",
    "south",
    "multilateral",
    "innovation",
]
SPEAKERS = [("li-qiang", "Li Qiang"), ("george-chen", "George Chen"),
            ("jensen-huang", "Jensen Huang"), ("kao-kim-hourn", "Kao Kim Hourn")]  # fmt: skip
KINDS = ("quote", "fact", "position", "event")

PACK_TOML = """\
[pack]
id = "bench"
title = "Benchmark pack"

[[side]]
id = "us"
label = "United States"
short = "US"

[[side]]
id = "china"
label = "China"

[[dimension]]
id = "chips"
title = "Chips"

[[dimension]]
id = "investment"
title = "Investment"
"""


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def paragraph(rng: random.Random, number: int) -> tuple[str, str]:
    """(the paragraph, the exact words a highlight takes from it: unique in its article)."""
    exact = f"{sentence(rng, 5)} item{number}"
    return f"{sentence(rng, 14)}, {exact}, {sentence(rng, 12)}.", exact


def highlight(kind: str, article: str, number: int, exact: str, rng: random.Random) -> str:
    head = f'[[{kind}]]\nid = "{kind[0]}-{article}-{number}"\narticle = "{article}"\n'
    head += f'exact = "{exact}"\n'
    side = rng.choice(("us", "china"))
    if kind == "quote":
        speaker = rng.choice(SPEAKERS)[0]
        return head + f'speaker = "{speaker}"\ndirect = {str(rng.random() < 0.5).lower()}\n'
    if kind == "fact":
        return head + (
            f'metric = "Metric {number % 50}"\nvalue = {rng.randint(1, 999)}\n'
            f'unit = "USD"\nsides = ["{side}"]\n'
        )
    if kind == "position":
        return head + f'side = "{side}"\nnote = "{sentence(rng, 4)}"\n'
    return head + f'date = "Day {number % 28 + 1}"\nsides = ["{side}"]\n'


def generate(root: Path, items: int, seed: int = SEED) -> list[str]:
    """Write the pack under `root`; return every paragraph, one a line (what fzf is given)."""
    rng = random.Random(seed)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "highlights").mkdir(exist_ok=True)
    (root / "pack.toml").write_text(PACK_TOML, encoding="utf-8")
    people = "".join(
        f'[[entity]]\nid = "{key}"\nname = "{name}"\nkind = "person"\n\n' for key, name in SPEAKERS
    )
    (root / "entities.toml").write_text(people, encoding="utf-8")
    (root / "comparison.toml").write_text(
        '[[cell]]\ndimension = "chips"\nside = "us"\nsummary = "Controls."\n', encoding="utf-8"
    )
    lines: list[str] = []
    for index in range(max(1, items // PARAGRAPHS)):
        article = f"a{index:06d}"
        paragraphs, marks = [], []
        for number in range(PARAGRAPHS):
            text, exact = paragraph(rng, number)
            paragraphs.append(text)
            marks.append(highlight(KINDS[number % len(KINDS)], article, number, exact, rng))
        front = (
            f'+++\ntitle = "Article {index}: {sentence(rng, 4)}"\noutlet = "Bench Wire"\n+++\n\n'
        )
        (root / "articles" / f"{article}.md").write_text(
            front + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
        )
        (root / "highlights" / f"{article}.toml").write_text("\n".join(marks), encoding="utf-8")
        lines.extend(paragraphs)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()
    lines = generate(args.directory, args.items)
    print(f"{len(lines)} paragraphs and highlights under {args.directory}")


if __name__ == "__main__":
    main()
