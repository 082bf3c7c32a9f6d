"""Quotations: words in quotation marks with the speaker the attribution around them names,
and reported speech ("Li emphasized ...", "He cautioned that ...") as indirect quotations.

Scare quotes (one or two words inside a sentence: “woke”, “AI plus”) are not quotations
unless a verb of saying introduces them ("described as “formidable”")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from aiplan_tui.authoring.speakers import Speaker, Speakers
from aiplan_tui.authoring.text import (
    NAME,
    Found,
    Span,
    Spans,
    sentence_at,
    sentences,
    trim,
    word_count,
)

SHORTEST_QUOTATION = 3
"""Fewer words than this in quotation marks are a term or scare quote, unless introduced."""
SHORTEST_REPORT = 4
"""A reported clause of fewer words is not worth suggesting ("Chen said.")."""
LONGEST_QUOTATION = 3000

SAYING = (
    r"(?:said|says|added|adds|told\s+\w+|wrote|writes|noted|notes|explained|argued|asked|"
    r"stated|continued|warned|cautioned|reported|insisted|claimed|recalled|remarked|declared|"
    r"replied|responded|commented|tweeted|posted)"
)
"""Verbs that attribute words in quotation marks."""
REPORTING = (
    r"(?:said|says|emphasi[sz]ed|emphasi[sz]es|noted|notes|cautioned|warned|stressed|argued|"
    r"added|announced|explained|highlighted|remarked|urged|advocated|referenced|echoed|"
    r"mentioned|insisted|claimed|suggested|pledged|acknowledged|observed|predicted|"
    r"articulated|stated|contended|maintained|underscored|reiterated|told\s+\w+)"
)
"""Verbs that report what someone said without their words."""
INTRODUCING = (
    rf"(?<![\w-])(?:{SAYING}|described\s+(?:\w+\s+)?as|called|calling|termed|labell?ed|branded)"
    r"\s*(?:it|them|him|her|this|that)?\s*(?:as)?[,:]?\s*$"
)
"""What may stand right before a one- or two-word quotation that is a quotation."""
PRONOUN = r"(?:[Hh]e|[Ss]he)"
QUOTE_PAIRS = (re.compile(r"“([^“”]*)”"), re.compile(r'"([^"]*)"'))

# Compiled once, here: a pattern made anew in each call costs its making and a look in re's
# cache, which a long text's many speakers' names crowd (issue 28).
_INTRODUCED = re.compile(INTRODUCING)
_FOLLOWED = re.compile(rf"\s*,?\s*(?:{SAYING}\b|(?:{NAME}|{PRONOUN})\s+{SAYING}\b)")
_ATTRIBUTED_AFTER = tuple(
    re.compile(pattern)
    for pattern in (
        rf"\s*,?\s*({SAYING})\s+(?P<name>{NAME})(?P<role>,\s*[^“”\"]+)?",
        rf"\s*,?\s*(?P<name>{NAME}),\s*(?P<role>[^,“”\"]{{3,80}}?),\s*{SAYING}\b",
        rf"\s*,?\s*(?P<name>{NAME}|{PRONOUN})\s+(?:also\s+)?{SAYING}\b",
        # a lower-case title first: "ministry spokesperson He Yadong told reporters"
        rf"\s*,?\s*(?P<role>(?:[a-z][\w-]*\s+){{1,4}})(?P<name>{NAME})\s+{SAYING}\b",
    )
)
_ATTRIBUTED_BEFORE = tuple(
    re.compile(pattern)
    for pattern in (
        rf"(?P<name>{NAME}),\s*(?P<role>[^,“”\"]{{3,80}}?),\s*{SAYING}[,:]?\s*(?:that\s*)?$",
        rf"(?P<name>{NAME}|{PRONOUN})\s+(?:also\s+)?{SAYING}[,:]?\s*(?:that\s*)?$",
    )
)
_NAMED = re.compile(rf"(?P<name>{NAME}|\b{PRONOUN})\b")
_ACCORDING_TO = re.compile(rf"according to (?P<name>{NAME})")
_NOT_A_ROLE = re.compile(r"\w+ing\b|who\b|which\b|adding\b")
_LAST_WORD = re.compile(r"([\w-]+)\W*$")
_REPORTED = re.compile(
    rf"(?:(?P<name>{NAME}),\s*(?P<role>[^,“”\"]{{3,80}}?),\s*"
    rf"|(?P<name2>{NAME}),\s*(?=(?:also\s+)?{REPORTING}\b)"
    rf"|(?P<who>{NAME}),\s*who\s+"
    rf"|(?P<name3>{NAME}|\b{PRONOUN})\s+)"
    rf"(?:also\s+)?(?P<verb>{REPORTING})\b"
)
_AND_REPORTED = re.compile(rf"\s+and\s+(?:also\s+)?(?P<verb>{REPORTING})\b")
_THAT = re.compile(r"\s*that\b")
_ACCORDING = re.compile(r",\s*according to\b")
_LEAD = re.compile(
    r"\s*(?:(?:in|on|at|during|to)\s[^,.;“”\"]{0,50}?\s)?that\b\s*"
    r"|\s*(?:on|for)\b\s*|\s*[,:]\s*"
)


def quotation_spans(paragraph: str) -> list[Span]:
    """Where each pair of quotation marks is (the marks included); an unbalanced mark opens
    nothing."""
    found = [
        Span(m.start(), m.end()) for pattern in QUOTE_PAIRS for m in pattern.finditer(paragraph)
    ]
    return sorted(found, key=lambda s: s.start)


def direct_quotations(paragraphs: Sequence[str], speakers: Speakers, number: int) -> list[Found]:
    """The quotations of one paragraph, resolving speakers in reading order."""
    paragraph = paragraphs[number]
    found: list[Found] = []
    previous: Speaker | None = None
    for marks in quotation_spans(paragraph):
        start, end = trim(paragraph, marks.start + 1, marks.end - 1, " ,;:")
        if start >= end or end - start > LONGEST_QUOTATION:
            continue
        words = word_count(paragraph[start:end])
        opening = sentence_at(paragraph, marks.start)
        closing = sentence_at(paragraph, marks.end - 1)
        before = paragraph[opening.start : marks.start]
        after = paragraph[marks.end : max(closing.end, marks.end)]
        introduced = _INTRODUCED.search(before) is not None
        follows = _FOLLOWED.match(after)
        if words < SHORTEST_QUOTATION and not introduced and not (follows and not before.strip()):
            continue
        speaker, how = _attribute(paragraph, before, after, opening, speakers)
        if speaker is None and previous is not None:
            speaker = previous
            how = "no attribution of its own; the paragraph's previous quotation's speaker"
        elif speaker is None and paragraph[:start].strip(' “"') == "":
            speaker = speakers.pronoun()
            how = "the paragraph is a quotation; the last named speaker"
        previous = speaker or previous
        fields: dict[str, object] = {"speaker": speaker.id if speaker else "", "direct": True}
        why = f"quotation marks, {how}" + (f" ({speaker.how})" if speaker else "")
        found.append(Found("quote", number, start, end, fields, why))
    return found


def _attribute(
    paragraph: str, before: str, after: str, sentence: Span, speakers: Speakers
) -> tuple[Speaker | None, str]:
    """The speaker the words around a quotation name, and the words that did it."""
    for pattern in _ATTRIBUTED_AFTER:
        match = pattern.match(after)
        if match and (speaker := _speaker(match, speakers)) is not None:
            return speaker, f"followed by {_quoted(match.group())}"
    for pattern in _ATTRIBUTED_BEFORE:
        match = pattern.search(before)
        if match and (speaker := _speaker(match, speakers)) is not None:
            return speaker, f"after {_quoted(match.group())}"
    verb = _INTRODUCED.search(before)
    if verb is not None:
        names = list(_NAMED.finditer(before[: verb.start()]))
        for match in reversed(names):
            if (speaker := _speaker(match, speakers)) is not None:
                return speaker, f"after {_quoted(before[match.start() :])}"
    sentence_text = paragraph[sentence.start : sentence.end]
    according = _ACCORDING_TO.search(sentence_text)
    if according and (speaker := _speaker(according, speakers)) is not None:
        return speaker, f"with {_quoted(according.group())}"
    return None, "no attribution found"


def _speaker(match: re.Match[str], speakers: Speakers) -> Speaker | None:
    role = (match.groupdict().get("role") or "").strip(" ,.;")
    if _NOT_A_ROLE.match(role):  # "said Chen, adding that ..."
        role = ""
    return speakers.resolve(
        match.group("name"), role, word_before(match.string, match.start("name"))
    )


def word_before(text: str, index: int) -> str:
    """The word just before `index` in `text` ("" when none)."""
    found = _LAST_WORD.search(text[:index])
    return found.group(1) if found else ""


def _quoted(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.")
    return repr(text if len(text) <= 60 else text[:57] + "...")


def reported_speech(
    paragraphs: Sequence[str], speakers: Speakers, number: int, taken: Sequence[Span]
) -> list[Found]:
    """Reported speech in one paragraph: the clause after a verb of saying whose subject is a
    name, "he"/"she" or "X, who"; a following "and said ..." has the same speaker."""
    paragraph = paragraphs[number]
    found: list[Found] = []
    quoted = Spans(taken)
    for sentence in sentences(paragraph):
        text = paragraph[sentence.start : sentence.end]
        first = None
        for match in _REPORTED.finditer(text):
            if not quoted.holds(sentence.start + match.start("verb")):
                first = match
                break
        if first is None:
            continue
        name = first.group("name") or first.group("name2") or first.group("who")
        name = name or first.group("name3")
        group = next(g for g in ("name", "name2", "who", "name3") if first.group(g))
        speaker = speakers.resolve(
            name, (first.group("role") or "").strip(), word_before(text, first.start(group))
        )
        if speaker is None:
            continue
        verbs = [(first.group("verb"), first.end())]
        for more in _AND_REPORTED.finditer(text):
            if more.start() > first.end():
                verbs.append((more.group("verb"), more.end()))
        ends = [m.start() for m in _AND_REPORTED.finditer(text)]
        for index, (verb, at) in enumerate(verbs):
            later = bisect_right(ends, at)  # the next "and said" after this verb's
            stop = ends[later] if later < len(ends) else len(text)
            clause = text[at:stop]
            if verb == "announced" and not _THAT.match(clause):
                continue  # announcing a plan is an act, announcing that ... is speech
            according = _ACCORDING.search(clause)
            if according:
                stop = at + according.start()
                clause = text[at:stop]
            lead = _LEAD.match(clause)  # "said in a blog post that ...": after "that"
            skip = lead.end() if lead else 0
            start, end = trim(paragraph, sentence.start + at + skip, sentence.start + stop)
            if word_count(paragraph[start:end]) < SHORTEST_REPORT:
                continue
            if quoted.meets(start, end):
                continue  # the words are a direct quotation's
            verb_text = " ".join(verb.split())
            why = (
                f"reported speech: {_quoted(name)} {verb_text} ... ({speaker.how})"
                if index == 0
                else f"reported speech: 'and {verb_text}' after {_quoted(name)} ({speaker.how})"
            )
            fields: dict[str, object] = {"speaker": speaker.id, "direct": False}
            found.append(Found("quote", number, start, end, fields, why))
    return found
