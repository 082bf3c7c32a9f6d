"""An organisation the article calls by what it is, not by a name ("China's industry
ministry", "the Riverside science park"): "the ministry said" later is that one, named by the
article's own words ("industry ministry", "Riverside science park"), its owner left out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

PARAGRAPHS_BACK = 6
"""How many paragraphs back the organisation may have been described."""
_NOT_A_FUNCTION_WORD = (
    r"(?!(?:the|a|an|of|and|or|in|on|at|to|for|with|by|from|its|their|his|her|this|that)\b)"
)
"""A described organisation's lower-case words are what it is ("industry", "science"), never
the words of the sentence around it ("told the paper the park ...")."""


@lru_cache(maxsize=64)
def _described(noun: str) -> re.Pattern[str]:
    return re.compile(
        r"(?:\b[Tt]he\s+|(?<![\w’'-])[A-Z][\w-]*[’']s\s+)"
        rf"(?P<words>(?:[A-Z][\w’'-]*\s+){{0,4}}(?:{_NOT_A_FUNCTION_WORD}[a-z][\w-]*\s+){{0,2}})"
        rf"{re.escape(noun)}\b(?![’'-])"
    )


def described_before(paragraphs: Sequence[str], noun: str, paragraph: int, at: int) -> str | None:
    """The words the article last described an organisation by before `at`, ending with
    `noun` ("the ministry": "industry ministry" after "China's industry ministry"); None when
    it only ever says "the ministry"."""
    pattern = _described(noun.casefold())
    for number in range(paragraph, max(-1, paragraph - PARAGRAPHS_BACK), -1):
        if number >= len(paragraphs):
            continue
        text = paragraphs[number][:at] if number == paragraph else paragraphs[number]
        found = [m.group("words") for m in pattern.finditer(text) if m.group("words")]
        if found:
            return f"{found[-1]}{noun.casefold()}"
    return None
