"""The search query language. Any input parses: what is not an operator is read as text.

words are ANDed and fuzzy · "a phrase" and 'word are exact · ^word prefix · word$ suffix ·
!word excludes · a | b is OR · filters kind: side: speaker: dim: article: year: status:

Suggested highlights (`add`'s, not yet reviewed) are left out of every query without a
`status:` filter; `status:suggested` finds only them, `status:accepted` only the rest (as
with no filter), `status:suggested,accepted` (or `|`) both. Another value is read as text.
"""

from __future__ import annotations

import re

from aiplan_tui.search.cjk import has_cjk
from aiplan_tui.search.folding import WORD, fold_plain
from aiplan_tui.search.kinds import KINDS

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from dataclasses import dataclass, field
    from typing import Literal

    Mode = Literal["fuzzy", "exact", "prefix", "suffix", "phrase"]
else:  # the same, made at no cost to import (issue 34)
    from aiplan_tui.core.light_dataclass import dataclass, field

FILTERS = ("kind", "side", "speaker", "dim", "article", "year", "status")
STATUSES = ("accepted", "suggested")
_TOKEN = re.compile(r'!?"[^"]*"|\S+')
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "about",
        "into",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "who",
        "whom",
        "whose",
        "what",
        "which",
        "when",
        "where",
        "why",
        "how",
        "long",
        "often",
        "far",
        "much",
        "many",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "than",
        "then",
        "so",
        "as",
        "any",
        "some",
        "say",
        "says",
    ]
)
"""Words a question is made of ("how much did china invest"): left out of a query that has
other words to look for, so a question finds what its other words find. 'the keeps one."""
_FILTER = re.compile(r"([a-z]+):(\S+)\Z")


@dataclass(frozen=True)
class Term:
    """One thing to look for: a folded word (or phrase) and how it must match."""

    text: str
    mode: Mode = "fuzzy"
    kin: bool = False
    """Another name of the family a query word names (search/equivalents.py), not typed: a
    match of it scores as another form of the word does, and a phrase of it asks for no
    words together as a quoted one does."""


@dataclass(frozen=True)
class Query:
    """Groups are ANDed; the terms inside a group are alternatives (OR)."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    filters: tuple[tuple[str, str], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.groups and not self.filters


@dataclass
class _Builder:
    """A query as it is read: groups (ANDed) of alternative terms, exclusions and filters."""

    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    filters: list[tuple[str, str]] = field(default_factory=list)
    joining: bool = False

    def add(self, terms: list[Term], negated: bool) -> None:
        if negated:
            self.excluded.extend(terms)
        elif self.joining and self.groups:
            self.groups[-1].extend(terms)
        else:
            self.groups.extend([term] for term in terms)
        self.joining = False


def parse(text: str) -> Query:
    """Parse a query; never raises, whatever the input."""
    builder = _Builder()
    for token in _TOKEN.findall(text):
        if token == "|":
            builder.joining = bool(builder.groups)
            continue
        negated = token.startswith("!") and len(token) > 1
        body = token[1:] if negated else token
        if not negated and (found := _filter(body)):
            builder.filters.append(found)
            builder.joining = False
            continue
        builder.add(_terms(body), negated)
    groups = builder.groups
    telling = [
        g for g in groups if not (len(g) == 1 and g[0].mode == "fuzzy" and g[0].text in STOP_WORDS)
    ]
    if telling and len(telling) < len(groups):
        groups = telling
    return Query(
        tuple(tuple(group) for group in groups),
        tuple(builder.excluded),
        tuple(builder.filters),
    )


def _filter(token: str) -> tuple[str, str] | None:
    match = _FILTER.match(token)
    if not match or match.group(1) not in FILTERS:
        return None
    key, value = match.group(1), fold_plain(match.group(2))
    if key == "kind" and not all(part in KINDS for part in re.split(r"[|,]", value)):
        return None
    if key == "status" and not all(part in STATUSES for part in re.split(r"[|,]", value)):
        return None
    return key, value


def _terms(token: str) -> list[Term]:
    """A token as terms: a quoted phrase, 'exact, ^prefix, suffix$, or plain fuzzy words. A
    word with Chinese or Japanese characters in it is a phrase of its terms (search/cjk.py):
    all of them, together, as they stand in it."""
    if len(token) >= 2 and token.startswith('"') and token.endswith('"'):
        phrase = " ".join(WORD.findall(fold_plain(token[1:-1])))
        return [Term(phrase, "phrase")] if phrase else []
    mode: Mode = "fuzzy"
    if token.startswith("'"):
        mode, token = "exact", token[1:]
    elif token.startswith("^"):
        mode, token = "prefix", token[1:]
    elif token.endswith("$") and len(token) > 1:
        mode, token = "suffix", token[:-1]
    return [
        Term(word, "phrase" if has_cjk(word) else mode) for word in WORD.findall(fold_plain(token))
    ]
