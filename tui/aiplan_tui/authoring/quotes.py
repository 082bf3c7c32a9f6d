"""Direct quotations: words in quotation marks (marks.py finds them) with the speaker the
attribution around them names, in this order: the quotation's own sentence (after it, before
it, or the subject of the verb the quotation is the object of: `Liberty Channel said the plan
was "a gift"`), then a quotation beside it in the paragraph, then the person named last.
`per ...` and `according to ...` name a source, never a speaker.

Scare quotes (one or two words: “woke”) and titles in marks ("Preventing Woke AI in the
Federal Government") are not quotations unless someone is said to have said them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from aiplan_tui.authoring.attributions import ATTRIBUTED_AFTER, ATTRIBUTED_BEFORE, SUBJECT, UNNAMED
from aiplan_tui.authoring.marks import inner, opens_with_mark, quotation_spans
from aiplan_tui.authoring.quote_context import (
    documents_words,
    is_title,
    open_ended,
    subject_after,
    titled,
)
from aiplan_tui.authoring.saying import (
    CIRCUMSTANCE,
    INTRODUCING,
    NAME_THEN_ROLE,
    PARENTHETICAL,
    PRONOUN,
    REPORTING_WORD,
    SAYING,
    unnamed_kind,
)
from aiplan_tui.authoring.speakers import Speaker, Speakers
from aiplan_tui.authoring.text import (
    NAME,
    SPEAKER_NAME,
    Found,
    sentence_at,
    split_title,
    trim,
    word_count,
)

SHORTEST_QUOTATION = 4
"""Fewer words than this in quotation marks are a term or scare quote ("open-source and
open-weight"), unless someone is said to say them."""
LONGEST_QUOTATION = 3000

_INTRODUCED = re.compile(INTRODUCING)
_ATTRIBUTION_ONLY = re.compile(
    rf"\s*,?\s*(?:[^\s.!?“”\"«»;]+\s+){{0,8}}?{SAYING}\b[^“”\"«».!?]{{0,40}}[.!?,]?\s*"
)
"""Nothing but an attribution between two quotations: “...,” Liang said. “...”"""
_FOLLOWED = re.compile(rf"\s*(?P<comma>,)?\s*(?:[^\s.!?“”\"«»;]+\s+){{0,8}}?{SAYING}\b")
"""An attribution follows in the quotation's sentence ("the minister added")."""
_NAMED = re.compile(rf"(?P<name>{SPEAKER_NAME}|\b{PRONOUN})\b")
_SAYS = re.compile(rf"\b{SAYING}\s*$")
_CALLED_IT = re.compile(r"\b(?:called|calls|described|describes)\s+(?:[\w’'-]+\s+){1,4}(?:as\s+)?$")
"""The words are what the subject called something: "called the plan “a betrayal”"."""
"""The subject's verb is one of saying ("said it “firmly opposes”"), not of announcing."""
_SAID = re.compile(SAYING)
_CALLED = re.compile("called|calls|described|describes")
_SAYING_PARTICIPLE = re.compile("asking|saying|adding|telling|warning|writing|noting")
BEFORE_NEEDS = (0, 0, 0, 1, 1, 0)
"""What each of ATTRIBUTED_BEFORE needs somewhere in the words before a quotation: a verb of
saying (0: `_SAID` finds it) or a participle of one (1: `_SAYING_PARTICIPLE`); each of
UNNAMED's patterns before the words needs what `_SAID` or `_CALLED` finds, SUBJECT what
those or saying.REPORTING_WORD find. A pattern is searched for only where that is (a
quotation's words before it rarely hold one: the searches were most of what attributing
cost, issue 28)."""


def _said_or_called(before: str) -> bool:
    return _SAID.search(before) is not None or _CALLED.search(before) is not None


_TERM = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|so-called)|\w[’']s)\s*$")


def direct_quotations(paragraphs: Sequence[str], speakers: Speakers, number: int) -> list[Found]:
    """The quotations of one paragraph, resolving speakers in reading order."""
    paragraph = paragraphs[number]
    following = paragraphs[number + 1] if number + 1 < len(paragraphs) else ""
    found: list[Found] = []
    previous: Speaker | None = None
    spans = quotation_spans(paragraph, continued=opens_with_mark(following))
    first_word = len(paragraph) - len(paragraph.lstrip())  # (once: a long paragraph's quotes)
    for index, marks in enumerate(spans):
        start, end = inner(paragraph, marks)
        start, end = trim(paragraph, start, end, " ,;:")
        if start >= end or end - start > LONGEST_QUOTATION:
            continue
        words = word_count(paragraph[start:end])
        opening = sentence_at(paragraph, marks.start)
        closing = sentence_at(paragraph, marks.end - 1)
        before = paragraph[opening.start : marks.start]
        after = paragraph[marks.end : max(closing.end, marks.end)]
        introduced = _INTRODUCED.search(before) is not None
        followed = _FOLLOWED.match(after)
        # an attribution after the words ends them: “...,” the minister added / “...”, X said
        inside = paragraph[marks.start + 1 : marks.end].rstrip(' ”"»›“’')
        ended = inside[-1:] in (",", ".", "?", "!")
        follows = followed is not None and (ended or followed.group("comma") is not None)
        verb = _said_or_called(before) or REPORTING_WORD.search(before) is not None
        subject = _last(SUBJECT, before) if verb else None
        termed = _TERM.search(before) is not None  # "China's “AI plus” plan": a name
        says = subject is not None and (
            _SAYS.search(subject.group()) is not None
            or _CALLED_IT.search(before, subject.start()) is not None
        )
        said = introduced or follows or (says and not termed)
        # the second part of a split quotation: “...,” said X, “...”
        said = said or (
            previous is not None and index > 0 and spans[index - 1].start >= opening.start
        )
        # “...,” Liang said. “Fabs are not.”: the words go on after their attribution
        said = said or (
            previous is not None
            and index > 0
            and _ATTRIBUTION_ONLY.fullmatch(paragraph, spans[index - 1].end, marks.start)
            is not None
        )
        if words < SHORTEST_QUOTATION and not said:
            continue
        if (not said and is_title(paragraph[start:end])) or titled(before):
            continue
        speakers.here = (number, marks.start)
        speaker, how = _attribute(before, after, subject, speakers)
        if speaker is None and open_ended(inside, after):
            speaker, how = subject_after(after, speakers), "named right after the words"
        if speaker is None and documents_words(before):
            continue  # "The order directs agencies to buy models that are “...”": nobody's
        scare = words < SHORTEST_QUOTATION and not (introduced or follows)
        if speaker is None and previous is None and scare:
            continue  # a term in marks after a subject that names nobody: a scare quote
        if speaker is None and previous is not None:
            speaker = previous
            how = "no attribution of its own; the paragraph's previous quotation's speaker"
        elif speaker is None and index + 1 < len(spans) and not before.strip():
            nxt = spans[index + 1]
            closing = sentence_at(paragraph, nxt.end - 1)
            later = paragraph[nxt.end : max(closing.end, nxt.end)]
            speaker, how = _attribute("", later, None, speakers)
            how = f"the next quotation's attribution, {how}"
        if speaker is None and marks.start <= first_word and speakers.last_person:
            speaker = speakers.last_person  # a paragraph that opens with a quotation
            how = "no attribution found; the last speaker goes on"
        if speaker is None and not (follows or introduced or subject is not None):
            # no attribution in its sentence at all: the person named last (one that names
            # nobody found, "the agency said", is left for the editor to fill in)
            speaker = speakers.pronoun()
            how = "no attribution found; the person named last"
        previous = speaker or previous
        fields: dict[str, object] = {"speaker": speaker.id if speaker else "", "direct": True}
        why = f"quotation marks, {how}" + (f" ({speaker.how})" if speaker else "")
        found.append(Found("quote", number, start, end, fields, why))
    speakers.here = None
    return found


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def _attribute(
    before: str, after: str, subject: re.Match[str] | None, speakers: Speakers
) -> tuple[Speaker | None, str]:
    """The speaker the words around a quotation name, and the words that did it."""
    for pattern in ATTRIBUTED_AFTER:
        match = pattern.match(after)
        if match and (speaker := _speaker(match, speakers)) is not None:
            return speaker, f"followed by {_quoted(match.group())}"
    named_before = _said_or_called(before)
    for pattern, following in UNNAMED:
        match = (pattern.search(before) if named_before else None) or following.match(after)
        if match:
            speaker = speakers.unnamed(match.group("name"), unnamed_kind(match.group("name")))
            return speaker, f"after {_quoted(match.group())}"
    heard = (_SAID.search(before) is not None, _SAYING_PARTICIPLE.search(before) is not None)
    for pattern, needs in zip(ATTRIBUTED_BEFORE, BEFORE_NEEDS, strict=True):
        if not heard[needs]:
            continue  # no verb the pattern needs: it cannot match
        match = pattern.search(before)
        if match and (speaker := _speaker(match, speakers)) is not None:
            return speaker, f"after {_quoted(match.group())}"
    if subject is not None and (speaker := _speaker(subject, speakers)) is not None:
        return speaker, f"after {_quoted(subject.group())}"
    verb = _INTRODUCED.search(before)  # "X both praised and described as “formidable”"
    if verb is not None:
        for match in reversed(list(_NAMED.finditer(before[: verb.start()]))):
            if (speaker := _speaker(match, speakers)) is not None:
                return speaker, f"after {_quoted(before[match.start() :])}"
    return None, "no attribution found"


_NOT_A_ROLE = re.compile(rf"\w+ing\b|who\b|which\b|adding\b|{PARENTHETICAL}|{CIRCUMSTANCE}")
_LAST_WORD = re.compile(r"([\w-]+)\W*$")


def _speaker(match: re.Match[str], speakers: Speakers) -> Speaker | None:
    groups = match.groupdict()
    if groups.get("unnamed"):  # "A port official said ... “...”": an unnamed speaker
        words = groups["unnamed"]
        return speakers.unnamed(words, unnamed_kind(words))
    if groups.get("org"):  # "a spokesperson for Harbourline Freight said"
        return speakers.resolve(groups["org"], kind="organisation")
    if groups.get("noun"):
        named = speakers.organisation_called(groups["noun"])
        return speakers.resolve(named, kind="organisation") if named else None
    role = _ROLE_ENDS.split((groups.get("role") or "").strip(" ,.;"), maxsplit=1)[0]
    opened = NAME_THEN_ROLE.fullmatch(role) if groups.get("name") else None
    if opened is not None:  # "In Geneva, Ken Mori, the director, said": Mori
        return speakers.resolve(opened.group("name"), opened.group("role"))
    if _NOT_A_ROLE.match(role):  # "said Chen, adding that ..."
        role = ""
    if _POSSESSIVE_END.search(match.group("name") or ""):
        return None  # "said the EU's digital chief, ...": the owner is not the speaker
    if groups.get("lead"):
        role = groups["lead"]
    if groups.get("lrole"):
        role = f"{groups['lrole'].strip()} {split_title(match.group('name'))[1]}".strip()
    name = match.group("name")
    rest = _OF_REST.match(match.string, match.end("name"))
    if rest is not None and speakers.people.person_named(name + rest.group()) is not None:
        name += rest.group()  # "Minister Delegate" for Digital Affairs Claire Monteil
    return speakers.resolve(name, role, word_before(match.string, match.start("name")))


_ROLE_ENDS = re.compile(r",\s+(?:in|on|at|during|according|when|after|before|while)\b")
"""Where a role after a name ends: "a Democrat from Texas, in a statement"."""
_POSSESSIVE_END = re.compile(r"[’']s$")
_OF_REST = re.compile(rf"\s+(?:of|for)\s+(?:the\s+)?{NAME}")
"""A title's "of"/"for" part, with the name after it."""


def word_before(text: str, index: int) -> str:
    """The word just before `index` in `text` ("" when none)."""
    found = _LAST_WORD.search(text[:index])
    return found.group(1) if found else ""


def _quoted(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.")
    return repr(text if len(text) <= 60 else text[:57] + "...")
