"""A group of a query's terms scored roughly from the postings alone, as candidates by
score, best first: what `ranking.shortlist` picks the few to score in full from. No Textual."""

from __future__ import annotations

from array import array
from collections.abc import Callable

from aiplan_tui.search.query import Term
from aiplan_tui.search.ranking import NAME_BONUS, Group

Weighted = Callable[[str], "list[tuple[float, array[int]]]"]
"""A word's documents by the weight of the field holding it."""


def tiers(
    group: Group,
    candidates: set[int],
    phrases: dict[Term, set[int]],
    named: set[int],
    weighted: Weighted,
) -> dict[float, set[int]]:
    """A group's rough score for each candidate, as candidates by score: a document scores
    its best matched word's score times the weight of the field holding it (a phrase's
    first word, where the phrase is found), times NAME_BONUS if it is `named` (holds every
    word of the name the query is, as `score_doc` will check)."""
    by_score: dict[float, set[int]] = {}
    for term, words in group:
        within = phrases.get(term, candidates)
        for word, score in words.items():
            for weight, docs in weighted(word):
                found = within.intersection(docs)
                if found:
                    by_score.setdefault(score * weight, set()).update(found)
    ordered: dict[float, set[int]] = {}
    seen: set[int] = set()
    for value in sorted(by_score, reverse=True):
        fresh = by_score[value] - seen
        if fresh:
            ordered[value] = fresh
            seen |= fresh
    return _named_first(ordered, named) if named else ordered


def _named_first(tiers: dict[float, set[int]], named: set[int]) -> dict[float, set[int]]:
    """The tiers with the `named` documents' scores times NAME_BONUS, highest first again."""
    moved: dict[float, set[int]] = {}
    for value, docs in tiers.items():
        boosted = docs & named
        if boosted:
            moved.setdefault(value * NAME_BONUS, set()).update(boosted)
            docs = docs - boosted
        if docs:
            moved.setdefault(value, set()).update(docs)
    return dict(sorted(moved.items(), reverse=True))
