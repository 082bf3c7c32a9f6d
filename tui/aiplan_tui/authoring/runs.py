"""Capitalised runs of words (possible names) in a paragraph, each cut where a sentence ends
inside it: the text's NAME pattern lets a word end with a full stop ("U.S.", "Dr."), so
"the General Services Administration. She said" would be one run, and a name that ends a
sentence would keep the stop ("Amélie Desrosiers.")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from aiplan_tui.authoring.text import ABBREVIATIONS, HONORIFICS, MONTH_ABBREVIATIONS, NAME

_RUN = re.compile(NAME)
_TOKEN = re.compile(r"\S+")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


@dataclass(frozen=True)
class Run:
    """A run of capitalised words: `paragraph[start:end]`, read as a match is."""

    text: str
    at: int

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at + len(self.text)

    def group(self) -> str:
        return self.text


def capitalised_runs(paragraph: str) -> Iterator[Run]:
    """Each capitalised run, cut after a word whose full stop ends a sentence (one that is
    not an abbreviation's or initials': "Sen. Ruth Calloway", "U.S. Trade Representative")."""
    for match in _RUN.finditer(paragraph):
        start = match.start()
        for token in _TOKEN.finditer(match.group()):
            word = token.group()
            if word.endswith(".") and not _kept(word):
                end = match.start() + token.end() - 1
                if end > start:
                    yield Run(paragraph[start:end], start)
                start = match.start() + token.end()
                while start < match.end() and paragraph[start].isspace():
                    start += 1
        if start < match.end():
            yield Run(paragraph[start : match.end()], start)


def _kept(word: str) -> bool:
    """Whether a word's full stop belongs to it: an abbreviation, a title or initials."""
    bare = word.rstrip(".").casefold()
    kept = bare in ABBREVIATIONS and bare not in MONTH_ABBREVIATIONS  # "Aug." ends "in Aug."
    return kept or word.casefold() in HONORIFICS or bool(_INITIALS.fullmatch(word))
