"""Who says something where, besides the people an article names, each found only when a
rule first asks (most articles never ask, and a long text's every paragraph costs): someone
not named who says something ("A port official told me ..."), for "he" after them, and a
name that says something ("Kelpworks said ..."), for "the company said" after it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from aiplan_tui.authoring.marks import opens_with_mark, quotation_spans
from aiplan_tui.authoring.match_starts import capitals, tried_at
from aiplan_tui.authoring.saying import ADVERB, REPORTING, SAYING, UNNAMED_PERSON, WHO_CLAUSE
from aiplan_tui.authoring.text import SPEAKER_NAME, Spans

_NAME_SAYS = re.compile(
    rf"(?P<name>{SPEAKER_NAME})(?:,\s*(?:an?|the)\s[^,“”\"«»]{{1,80}},)?\s+{ADVERB}"
    rf"(?:{SAYING}|{REPORTING})\b"
)
"""A name, perhaps with what it is between commas ("Fjordline, the ferry operator, said"),
that says something. Tried at capitals only, where a name starts (at every character: most of
the time a long text's organisations that say something took, issue 28)."""
_UNNAMED_SAYS = re.compile(
    rf"(?P<who>{UNNAMED_PERSON}){WHO_CLAUSE}\s+{ADVERB}(?:{SAYING}|{REPORTING}|called|described)\b"
    rf"|\b(?:asked|interviewed|spoke\s+(?:to|with)|reached)\s+(?P<asked>{UNNAMED_PERSON})"
    r"(?=\s+(?:how|why|what|whether|if|about|when|where|who)\b|\s*[,.;:])"
)
"""Someone not named who says something, or whom the writer asks ("When I asked a port
official how ..., she laughed"): "she" after it is them."""


class Sayers:
    """The article's paragraphs, asked who says something in them (outside quotations)."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self._paragraphs = paragraphs
        self._unnamed: dict[int, list[tuple[int, str]]] = {}
        self._spans: dict[int, Spans] = {}
        self._capitals: dict[int, list[int]] = {}

    def quoted(self, number: int) -> Spans:
        """Where paragraph `number`'s quotations are (found once for the article's passes)."""
        spans = self._spans.get(number)
        if spans is None:
            paragraphs = self._paragraphs
            following = paragraphs[number + 1] if number + 1 < len(paragraphs) else ""
            spans = Spans(quotation_spans(paragraphs[number], opens_with_mark(following)))
            self._spans[number] = spans
        return spans

    def capitals(self, number: int) -> list[int]:
        """Where paragraph `number`'s capital letters are (found once, as `quoted`)."""
        found = self._capitals.get(number)
        if found is None:
            found = self._capitals[number] = capitals(self._paragraphs[number])
        return found

    def unnamed(self, number: int) -> list[tuple[int, str]]:
        """Where someone not named says something in paragraph `number`, with the words."""
        found = self._unnamed.get(number)
        if found is None:
            paragraph, quoted = self._paragraphs[number], self.quoted(number)
            found = [
                (match.start(), match.group("who") or match.group("asked"))
                for match in _UNNAMED_SAYS.finditer(paragraph)
                if not quoted.holds(match.start())
            ]
            self._unnamed[number] = found
        return found

    def names(self) -> list[tuple[int, int, str]]:
        """Each name that says something: (paragraph, where, the words as written)."""
        found: list[tuple[int, int, str]] = []
        for number, paragraph in enumerate(self._paragraphs):
            quoted = self.quoted(number)
            found += [
                (number, match.start(), match.group("name"))
                for match in tried_at(_NAME_SAYS, paragraph, self.capitals(number))
                if not quoted.holds(match.start())
            ]
        return found
