"""Ranking: which candidates are matched in full, and how a matched document scores.

Highest first: exact beats prefix beats fuzzy; a word found in a name or title weighs more
than one in body text (the field's weight); all words close together beat scattered ones; when
the query is a name, what holds the name beats what merely holds words starting like it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import compress
from operator import add

from aiplan_tui.search.cjk import (
    is_cjk,
    is_run,
    is_word_char,
    phrase_pattern,
    spans,
    terms,
)
from aiplan_tui.search.documents import Doc
from aiplan_tui.search.query import Term
from aiplan_tui.search.vocabulary import EXACT, FORM, Words

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from typing import NamedTuple
else:  # the same, made without importing typing
    from aiplan_tui.core.light_tuple import NamedTuple

SHORTLIST = 4
"""Documents matched in full per result asked for; the rest are ranked by postings alone."""
NEAR = 40
"""Folded characters within which all matched words count as close together."""
CLOSE_BONUS = 1.25
"""A document whose matched words all stand within NEAR characters scores this much more."""

NAME_BONUS = 2.0
"""When the whole query is a person's or organisation's name or alias (`li`, `george chen`), a
document holding that name as whole words in order scores this much more: Li Qiang, his quotes
and every passage naming him come before words that merely start with "li" ("limited")."""

Group = list[tuple[Term, Words]]
"""The terms of one query word (several when it is `a | b`), each with its matched words."""


def shortlist(
    candidates: list[int], tiers: list[dict[float, set[int]]], limit: int | None
) -> list[int]:
    """The limit * SHORTLIST candidates with the best rough scores (summed over groups),
    ties in reading order."""
    if limit is None:
        return candidates
    wanted = limit * SHORTLIST
    if len(candidates) <= wanted or not tiers:
        return candidates[:wanted]
    if len(tiers) == 1:  # walk the scores down until enough
        keep: list[int] = []
        for docs in tiers[0].values():
            keep += sorted(docs)
            if len(keep) >= wanted:
                break
        return keep[:wanted]
    totals: list[float] | None = None
    for tier in tiers:
        scores: dict[int, float] = {}
        for value in sorted(tier):
            scores.update(dict.fromkeys(tier[value], value))
        column = list(map(scores.__getitem__, candidates))
        totals = column if totals is None else list(map(add, totals, column))
    assert totals is not None
    counts = Counter(totals)
    taken, threshold = 0, 0.0
    for threshold in sorted(counts, reverse=True):
        taken += counts[threshold]
        if taken >= wanted:
            break
    chosen = compress(zip(totals, candidates, strict=True), map(threshold.__le__, totals))
    best = sorted(chosen, key=lambda item: (-item[0], item[1]))
    return [number for _, number in best[:wanted]]


class Scored(NamedTuple):
    """A matched document's score, the field to show and the folded spans matched in it, and
    the folded spans matched in each of its fields (for showing its own words besides)."""

    total: float
    shown: int
    spans: list[tuple[int, int]]
    everywhere: list[list[tuple[int, int]]]


def score_doc(
    doc: Doc, folded: list[str], groups: list[Group], name: str | None = None
) -> Scored | None:
    """Score = each group's best match over the fields (weighted), summed; shown in the field
    that holds the most of them (of those, one holding the `name` the query is, if any, then
    the one they score most in, then the first), with the folded spans matched there. None if
    no field holds any."""
    if not groups:  # filters only
        return Scored(0.0, 0, [], [[] for _ in folded])
    per_field = [field_matches(text, groups) for text in folded]
    total = 0.0
    weighted = [0.0] * len(doc.fields)
    for group in range(len(groups)):
        scores = [0.0]
        for number, (field, found) in enumerate(zip(doc.fields, per_field, strict=True)):
            match = found[group]
            if match is not None:
                scores.append(match[0] * field.weight)
                weighted[number] += scores[-1]
        total += max(scores)
    if not total:
        return None
    named = [name is not None and phrase_span(text, name) is not None for text in folded]
    shown = max(
        range(len(doc.fields)),
        key=lambda i: (sum(m is not None for m in per_field[i]), named[i], weighted[i], -i),
    )
    spans = [m[1] for m in per_field[shown] if m is not None]
    starts = [start for start, _ in spans]
    if len(starts) == len(groups) > 1 and max(starts) - min(starts) <= NEAR:
        total *= CLOSE_BONUS
    if any(named):
        total *= NAME_BONUS
    everywhere = [[m[1] for m in found if m is not None] for found in per_field]
    return Scored(total, shown, spans, everywhere)


def field_matches(text: str, groups: list[Group]) -> list[tuple[float, tuple[int, int]] | None]:
    """For each group, its best match in this text (score and folded span), or None: for each
    term the first of its best-scoring words, replaced only by a better later term."""
    present: set[str] | None = None
    found: list[tuple[float, tuple[int, int]] | None] = []
    for group in groups:
        best: tuple[float, tuple[int, int]] | None = None
        for term, matches in group:
            if term.mode == "phrase":
                worth = FORM if term.kin else EXACT
                span = phrase_span(text, term.text)
                if span and (best is None or best[0] < worth):
                    best = (worth, span)
                continue
            if present is None:
                present = set(terms(text))
            common = matches.keys() & present
            if not common:
                continue
            score = max(matches[word] for word in common)
            if best is not None and score <= best[0]:
                continue
            for word, start, end in spans(text):
                if matches.get(word) == score:
                    best = (score, (start, end))
                    break
        found.append(best)
    return found


def phrase_span(text: str, phrase: str) -> tuple[int, int] | None:
    """Where the phrase's words first stand in order, separated only by non-word characters
    and with no letter or digit of a spaced word just before or after (`cjk.phrase_pattern`:
    a CJK end may touch anything), or None."""
    pattern, position = phrase_pattern(phrase), 0
    free = is_cjk(phrase)
    while (match := pattern.search(text, position)) is not None:
        start = match.start()
        if free or not start or not is_word_char(text, start - 1):
            return match.span()
        position = start + 1
    return None


def holds_phrase(doc: Doc, phrase: str, folded: Callable[[], list[str]]) -> bool:
    """Whether any of the document's fields holds the folded phrase (`phrase_span`); a run of
    CJK characters found in a field's own text needs no folding (most of what a check costs)."""
    if is_run(phrase) and any(phrase in field.text for field in doc.fields):
        return True
    return any(phrase_span(text, phrase) for text in folded())
