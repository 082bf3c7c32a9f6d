"""What a figure's fields say besides its words: its value as a number, the period its
sentence gives ("In 2024", "between 2013 and 2023") and a first draft of what it measures,
for the figure rules (figures.py)."""

from __future__ import annotations

import re
from contextlib import suppress
from functools import lru_cache

from aiplan_tui.authoring.figure_patterns import SCALES, SMALL, TENS
from aiplan_tui.authoring.text import Span, word_set


def value_of(text: str) -> float | None:
    """A number in figures ("1,200") or words ("twenty-one", "a dozen"), else None."""
    if text[:1].isdigit():  # most: no words to look up
        with suppress(ValueError):
            return float(text.replace(",", ""))
    text = text.strip().casefold().removeprefix("a ").strip()
    if text in SMALL:
        return float(SMALL[text])
    if text in TENS:
        return float(TENS[text])
    if "-" in text:
        tens, _, small = text.partition("-")
        if tens in TENS and small in SMALL:
            return float(TENS[tens] + SMALL[small])
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def scaled(text: str, scale: str | None) -> float | None:
    """The number times its magnitude ("340", "bn" -> 340e9)."""
    value = value_of(text)
    if value is None:
        return None
    return value * SCALES.get((scale or "").strip().casefold(), 1.0)


def plain(value: float) -> str:
    """84e9 -> "84 billion", 1500 -> "1500"."""
    for name, size in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= size:
            return f"{value / size:g} {name}"
    return f"{value:g}"


def yearlike(text: str) -> bool:
    return len(text) == 4 and text[:2] in ("19", "20")


def plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


_BETWEEN = re.compile(
    r"\b(?:[Bb]etween|[Ff]rom)\s+((?:19|20)\d\d)\s+(?:and|to|-|–)\s+((?:19|20)\d\d)\b"
)
_IN_YEAR = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Ff]or|[Tt]hroughout)\s+(?:fiscal\s+)?((?:19|20)\d\d)\b"
)
_YEAR = re.compile(r"(19|20)\d\d")


def period(paragraph: str, sentence: Span) -> str:
    """The period the figure's sentence gives: "In 2024" -> "2024", "between 2013 and 2023"
    -> "2013–2023"."""
    return _sentence_period(paragraph[sentence.start : sentence.end])


@lru_cache(maxsize=64)
def _sentence_period(text: str) -> str:
    """The period a sentence gives (its figures ask one after another): none without a
    year in it."""
    if _YEAR.search(text) is None:
        return ""
    span = _BETWEEN.search(text)
    if span:
        return f"{span.group(1)}–{span.group(2)}"
    single = _IN_YEAR.search(text)
    return single.group(1) if single else ""


METRIC_FILLER = word_set(
    """a an the of to at for by in on with from reached injected an astonishing mere about
    approximately around roughly nearly almost over more than some and is was were valued
    valuing its their his her"""
)


def metric(paragraph: str, start: int, end: int, sentence: Span) -> str:
    """A first draft of what the figure at [start, end) measures: the words of its clause
    (in `sentence`) before it."""
    clause_start = max(
        sentence.start,
        paragraph.rfind(",", sentence.start, start) + 1,
        paragraph.rfind(";", sentence.start, start) + 1,
        paragraph.rfind(":", sentence.start, start) + 1,
        paragraph.rfind("(", sentence.start, start) + 1,
    )
    words = paragraph[clause_start:start].split()
    while words and words[-1].casefold().strip("’'") in METRIC_FILLER:
        words.pop()
    while words and (words[0].casefold() in METRIC_FILLER or _YEAR.fullmatch(words[0])):
        words.pop(0)
    text = " ".join(words[-8:]).strip(" ,;:")
    return text or paragraph[start:end]
