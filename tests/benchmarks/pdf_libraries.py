"""pypdf and pdfminer.six on the same PDFs: CPU seconds to take out every page's text, and how
well the words come out (issue 31; docs/authoring.md#pdf). Prints one row per library and file.

    pip install pypdf  # not a dependency of the app: only this comparison reads with it
    python tests/benchmarks/pdf_libraries.py A.pdf B.pdf ... [--runs 3]

With no ground truth to hand, each library is judged against the other's vocabulary: a word
of one that is two words of the other run together ("theuse") is a *merged* word; two
neighbouring words of one that the other writes as one ("intelli gence") a *split* word. Line
ends in a hyphen count how much dehyphenation has to do; the page's number alone on a line,
how much the running furniture shows. *Blocks* counts the runs of text a library sets apart
(pypdf: runs between blank lines; pdfminer.six: its text boxes): what paragraphs can be made
from without reading the page's geometry again."""

from __future__ import annotations

import argparse
import itertools
import re
import resource
import statistics
from collections.abc import Callable
from pathlib import Path

WORD = re.compile(r"[A-Za-z]+")


def by_pypdf(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def by_pdfminer(path: Path) -> list[str]:
    """Each page's text boxes, a blank line after each (as pdfminer's own extract_text)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    return [
        "".join(box.get_text() + "\n" for box in page if isinstance(box, LTTextContainer))
        for page in extract_pages(path)
    ]


def blocks(pages: list[str]) -> int:
    return sum(1 for page in pages for block in re.split(r"\n[ \t]*\n", page) if block.strip())


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(read: Callable[[Path], list[str]], path: Path, runs: int) -> tuple[float, list[str]]:
    times, pages = [], []
    for _ in range(runs):
        start = cpu()
        pages = read(path)
        times.append(cpu() - start)
    return statistics.median(times), pages


def words(pages: list[str]) -> list[str]:
    return [w.lower() for page in pages for w in WORD.findall(page.replace("-\n", ""))]


def merged(mine: list[str], theirs: set[str]) -> int:
    """Words of mine that the other library gives as two words."""
    count = 0
    for word in set(mine) - theirs:
        if len(word) >= 6 and any(
            word[:i] in theirs and word[i:] in theirs for i in range(2, len(word) - 1)
        ):
            count += 1
    return count


def split(mine: list[str], theirs: set[str]) -> int:
    """Neighbouring words of mine that the other library gives as one word."""
    mine_set = set(mine)
    pairs = {a + b for a, b in itertools.pairwise(mine)}
    return sum(
        1 for joined in pairs if joined in theirs and joined not in mine_set and len(joined) >= 6
    )


def furniture(pages: list[str]) -> tuple[int, int]:
    """(lines ending in a hyphen after a letter, pages whose number stands alone on a line)."""
    hyphens = sum(len(re.findall(r"[a-z]-\s*\n\s*[a-z]", page)) for page in pages)
    numbered = sum(
        1 for number, page in enumerate(pages, start=1) if re.search(rf"(?m)^\s*{number}\s*$", page)
    )
    return hyphens, numbered


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pdfs", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(
        "file | pages | library | CPU s (median) | words | blocks | merged | split | hyphen ends"
        " | page numbers"
    )
    for path in args.pdfs:
        results = {}
        for name, read in (("pypdf", by_pypdf), ("pdfminer.six", by_pdfminer)):
            results[name] = timed(read, path, args.runs)
        vocab = {name: set(words(pages)) for name, (_, pages) in results.items()}
        for name, (seconds, pages) in results.items():
            other = vocab["pdfminer.six" if name == "pypdf" else "pypdf"]
            mine = words(pages)
            hyphens, numbered = furniture(pages)
            print(
                f"{path.name} | {len(pages)} | {name} | {seconds:.2f} | {len(mine)} | "
                f"{blocks(pages)} | "
                f"{merged(mine, other)} | {split(mine, other)} | {hyphens} | {numbered}"
            )


if __name__ == "__main__":
    main()
