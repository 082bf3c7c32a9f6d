"""Which people an article calls "he" and which "she", learnt from the article itself: a
sentence that mentions one person and then uses pronouns of one kind only ("Mehta said he
would meet exporters") says that person's, and so does "Mr."/"Ms." before a name. "She said"
then never stands for a person the article calls "he", however near (no list of names)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from aiplan_tui.authoring.marks import quotation_spans
from aiplan_tui.authoring.text import Spans, sentences

_HE = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself)\b")
_SHE = re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
_HONORIFIC = re.compile(r"\b(?P<title>Mr|Ms|Mrs|Miss)\.?\s+$")


def pronoun_genders(
    paragraphs: Sequence[str], mentions: Sequence[tuple[int, int, str]]
) -> dict[str, str]:
    """Each person's full name (as mentioned) with "he" or "she", when the article says."""
    found: dict[str, str] = {}
    by_paragraph: dict[int, list[tuple[int, str]]] = {}
    for number, at, name in mentions:
        by_paragraph.setdefault(number, []).append((at, name))
    for number, here in by_paragraph.items():
        paragraph = paragraphs[number]
        for at, name in here:
            title = _HONORIFIC.search(paragraph, max(0, at - 6), at)
            if title is not None:
                found.setdefault(name, "he" if title.group("title") == "Mr" else "she")
        quoted = Spans(quotation_spans(paragraph))
        here.sort()
        places = [at for at, _ in here]
        for sentence in sentences(paragraph):
            inside = here[bisect_left(places, sentence.start) : bisect_left(places, sentence.end)]
            if len({name for _, name in inside}) != 1:
                continue
            first = min(at for at, _ in inside)
            he = any(
                not quoted.holds(m.start()) for m in _HE.finditer(paragraph, first, sentence.end)
            )
            she = any(
                not quoted.holds(m.start()) for m in _SHE.finditer(paragraph, first, sentence.end)
            )
            if he != she:
                found.setdefault(inside[0][1], "he" if he else "she")
    return found
