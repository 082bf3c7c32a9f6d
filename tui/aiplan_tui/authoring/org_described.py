"""An organisation the article calls by what it is, not by a name ("China's industry
ministry", "the Riverside science park"): "the ministry said" later is that one, named by the
article's own words ("industry ministry", "Riverside science park"), its owner left out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

REACH = 3000
"""How many characters back (across paragraphs) the organisation may have been described:
a bounded look, so a long paragraph's many "the ministry said" cost no more than a short's."""
_NOT_A_FUNCTION_WORD = (
    r"(?!(?:the|a|an|of|and|or|in|on|at|to|for|with|by|from|its|their|his|her|this|that)\b)"
)
"""A described organisation's lower-case words are what it is ("industry", "science"), never
the words of the sentence around it ("told the paper the park ...")."""

_WORD_GOES_ON = re.compile(r"[\w’'-]")
LONGEST_DESCRIPTION = 160
"""The most characters an owner and the words before the noun take."""


@lru_cache(maxsize=64)
def _described(noun: str) -> re.Pattern[str]:
    return re.compile(
        r"(?:\b[Tt]he\s+|(?<![\w’'-])[A-Z][\w-]*[’']s\s+)"
        rf"(?P<words>(?:[A-Z][\w’'-]*\s+){{0,4}}(?:{_NOT_A_FUNCTION_WORD}[a-z][\w-]*\s+){{0,2}})"
        rf"{re.escape(noun)}\b"
    )


def described_before(paragraphs: Sequence[str], noun: str, paragraph: int, at: int) -> str | None:
    """The words the article last described an organisation by before `at`, ending with
    `noun` ("the ministry": "industry ministry" after "China's industry ministry"); None when
    it only ever says "the ministry"."""
    pattern = _described(noun.casefold())
    left = REACH
    for number in range(min(paragraph, len(paragraphs) - 1), -1, -1):
        end = at if number == paragraph else len(paragraphs[number])
        start = max(0, end - left)
        found = _last_before(paragraphs[number], pattern, noun.casefold(), start, end)
        if found is not None:
            return f"{found}{noun.casefold()}"
        left -= end - start
        if left <= 0:
            return None
    return None


def _last_before(
    text: str, pattern: re.Pattern[str], noun: str, start: int, end: int
) -> str | None:
    """The words before the last `noun` between `start` and `end` that describe an
    organisation, looked for only where the noun is (and is a whole word: not "ministry's")."""
    hit = text.rfind(noun, start, end)
    while hit >= 0:
        if _WORD_GOES_ON.match(text, hit + len(noun)) is None:  # a whole word
            found = _described_at(
                text, pattern, hit + len(noun), max(start, hit - LONGEST_DESCRIPTION)
            )
            if found is not None:
                return found
        hit = text.rfind(noun, start, hit)
    return None


@lru_cache(maxsize=4096)
def _described_at(text: str, pattern: re.Pattern[str], stop: int, start: int) -> str | None:
    """The words of a description that ends at `stop`, looked for from `start`: asked again
    for the same place by each later "the ministry said" within REACH, so remembered."""
    for match in pattern.finditer(text, start, stop):
        if match.end() == stop and match.group("words"):
            return match.group("words")
    return None
