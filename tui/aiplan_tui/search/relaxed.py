"""When no document holds every word of a query: the documents holding the most of them, so
a question in plain words ("who met eric schmidt in shanghai") still finds its answer, each
result saying which words it lacks. Filters and excluded words still hold."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from aiplan_tui.search.cjk import has_cjk
from aiplan_tui.search.query import Term
from aiplan_tui.search.ranking import Group
from aiplan_tui.search.vocabulary import Words

RELAXED_SCORED = 2000
"""At most this many documents (those lacking fewest words) are scored in full."""


def has_phrase(groups: Iterable[Iterable[Term]]) -> bool:
    """A quoted phrase of the query as typed asks for its words together: no result lacking
    some is offered. A word with Chinese in it (a phrase of its pairs, unquoted) is one word
    of the query."""
    return any(
        term.mode == "phrase" and not (has_cjk(term.text) and " " not in term.text)
        for group in groups
        for term in group
    )


def most_words(
    groups: list[Group],
    docs_of: Callable[[Term, Words], Iterable[int]],
    admits: Callable[[int], bool],
) -> tuple[set[int], dict[int, tuple[str, ...]]]:
    """The documents holding the most of the query's words (and those holding one fewer, when
    the best hold three or more), passing every filter and holding no excluded word; with, for
    each, the words it lacks. None when a word is in no document at all: a typo, for which
    "no results; did you mean …" is the better answer. `docs_of` gives a term's documents."""
    per_group: list[set[int]] = []
    for group in groups:
        docs: set[int] = set()
        for term, words in group:
            docs.update(docs_of(term, words))
        if not docs:  # a word in no document is likely mistyped: "did you mean" helps more
            return set(), {}
        per_group.append(docs)
    counts = Counter(n for docs in per_group for n in docs if admits(n))
    if not counts:
        return set(), {}
    best = max(counts.values())
    floor = best - 1 if best >= 3 else best
    kept = {n for n, count in counts.items() if count >= floor}
    lacking = {
        n: tuple(group[0][0].text for group, docs in zip(groups, per_group, strict=True)
                 if n not in docs)
        for n in kept
    }  # fmt: skip
    return kept, lacking
