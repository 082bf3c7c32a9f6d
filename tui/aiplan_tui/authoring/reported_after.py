"""Reported speech before its attribution: "<words>, X said." with no quotation marks, the
words X's (authoring/reported.py finds the rest). Also where a reported clause ends before
its sentence does (ACCORDING) and the fewest words worth suggesting, which both share."""

from __future__ import annotations

import re

from aiplan_tui.authoring.participles import LEAD
from aiplan_tui.authoring.quotes import word_before
from aiplan_tui.authoring.saying import (
    ADVERB,
    CIRCUMSTANCE,
    ORG_NOUNS,
    PARENTHETICAL,
    PRONOUN,
    SAYING,
    UNNAMED_PEOPLE,
    UNNAMED_PERSON,
    unnamed_kind,
)
from aiplan_tui.authoring.speakers import Speaker, Speakers
from aiplan_tui.authoring.text import NAME, SPEAKER_NAME, UPPER, Found, trim, word_count
from aiplan_tui.core.model import EntityKind

_AUDIENCE = r"(?:forum|briefing|conference|summit|meeting|session|panel|hearing|audience)\b"
"""Whom words were told, after "told a": "told a side forum at the expo"."""
_SAYING_AFTER = rf"{SAYING}|announced|announces"
"""What follows reported words: announcing is an act ("announced a plan"), but the words
before ", the college announced" are what it announced."""
_AFTER = re.compile(
    rf",\s*(?:the\s+(?P<noun>{ORG_NOUNS})\s+{ADVERB}(?:{_SAYING_AFTER})"
    rf"|(?P<unnamed>{UNNAMED_PERSON})\s+{ADVERB}(?:{SAYING})(?:\s+[{UPPER}][\w’'-]*){{0,4}}"
    rf"|the\s+(?P<same>{UNNAMED_PEOPLE})\s+{ADVERB}(?:{SAYING})"
    rf"|(?:the\s+)?(?P<name>{SPEAKER_NAME}|\b{PRONOUN})(?:\s+of\s+the\s+{NAME}[^,“”\"«»]{{0,100}}?)?"
    rf"\s+{ADVERB}(?:{_SAYING_AFTER}|told\s+an?\s+(?:[\w-]+\s+){{0,2}}{_AUDIENCE})"
    rf"|(?:{SAYING})\s+(?P<name2>{SPEAKER_NAME}))(?P<role>,\s*[^“”\"«»]{{3,120}}?)?"
    r"(?:,\s+who\s[^“”\"«»]{0,300}?)?"
    r"(?:\s+(?:on|in|at|during|to|last|this|late|early|[MTWFS][a-z]+day)\b[^,“”\"«»]{0,60})?"
    r"(?:,\s+part\s+of\s[^“”\"«»]{0,160}?)?[.!?]?$"
)
"""The attribution after the words: "..., Haddad said." / "..., says Lena Hartmann, ..." (and
what the writer adds after it: "..., the college announced Friday, part of a push for ...")."""
ACCORDING = re.compile(
    r",?\s*\b(?:according to|per)\b"
    r"|,\s+(?:its|their)\s+\w+|,\s+an?\s+(?:move|step|sign|decision|response|answer)\b"
    r"|,\s+(?:which|while|whereas|following|as)\b|,\s+(?:[\w’'-]+\s+){1,3}reported\b"
    r"|,\s+(?:(?:a|an|one|two|three|several|some|just|only)\s+)?(?:hours?|days?|weeks?|months?)"
    r"\s+(?:before|after|ahead\s+of)\b"
)
"""Where a reported clause ends before its end: a source ("per" as a word, not the end of
"developer"), an appositive after it, or the writer's own words joined by ", which ...",
", while ...", ", as ..." or ", following ...", a source after it (", state media reported"),
or when it was said against something else (", a day before the talks")."""
_MARKS = re.compile(r"[“”\"«»]")
_SCARE = re.compile(r"[“\"«][\w’'-]+(?:\s[\w’'-]+){0,2}[”\"»]")
"""A word or three in marks inside reported words ("a fund for "AI plus" projects"): a name
or a scare quote, not a quotation the words are attributed to."""
NOT_A_ROLE = re.compile(rf"\w+ing\b|who\b|which\b|{PARENTHETICAL}|{CIRCUMSTANCE}")
"""Words between commas after a name that are no role ("speaking at the summit")."""
SHORTEST_REPORT = 4
"""A reported clause of fewer words is not worth suggesting ("Chen said.")."""


def reported_before(
    text: str, offset: int, paragraph: str, speakers: Speakers, number: int
) -> Found | None:
    """ "<words>, X said." with no quotation marks: the words are X's, reported."""
    if _MARKS.search(text) and _MARKS.search(_SCARE.sub(" ", text)):
        return None
    lead = LEAD.match(text)  # a dateline or a live blog's time opens the paragraph
    if lead is not None:
        offset, text = offset + lead.end(), text[lead.end() :]
    match = _AFTER.search(text)
    if match is None:
        return None
    name: str | None = match.group("name") or match.group("name2") or match.group("unnamed")
    speakers.here = (number, offset + match.start())
    if match.group("noun"):  # "..., the company says.": the company named before
        name = speakers.organisation_called(match.group("noun")) or ""
    role = (match.group("role") or "").strip(" ,.")
    if NOT_A_ROLE.match(role):
        role = ""
    clause = text[: match.start()]
    if clause.rstrip(" ,").endswith(("”", '"', "»")):
        speakers.here = None
        return None  # "... “historic,” said X": the quotation's attribution
    according = ACCORDING.search(clause)
    if according:
        clause = clause[: according.start()]
    start, end = trim(paragraph, offset, offset + len(clause))
    if word_count(paragraph[start:end]) < SHORTEST_REPORT:
        speakers.here = None
        return None
    if match.group("same"):  # "..., the official said.": the one not named before
        someone = speakers.people.unnamed_before(number, offset + match.start())
        name = someone if someone and match.group("same") in someone.split() else None
    if match.group("unnamed") or match.group("same"):  # "..., two officials said."
        speaker: Speaker | None = speakers.unnamed(name, unnamed_kind(name)) if name else None
    else:
        kind: EntityKind | None = "organisation" if match.group("noun") else None
        before = word_before(text, match.start())
        speaker = speakers.resolve(name, role, before, kind) if name else None
    speakers.here = None
    if speaker is None:
        return None
    fields: dict[str, object] = {"speaker": speaker.id, "direct": False}
    why = f"reported speech: the words before {match.group().strip(' ,.')!r} ({speaker.how})"
    return Found("quote", number, start, end, fields, why)


_PRONOUN_CLAUSE = re.compile(
    rf",\s+(?:(?:though|although|but|and|while)\s+{PRONOUN}|who)\s+{ADVERB}(?P<verb>{SAYING})\s"
)
"""The same speaker again after the attribution: "..., said Ann Roe, its director, though she
cautioned that ..." or "..., says Ann Roe, a lawyer, who estimates that ...": hers too."""


def pronoun_after(
    text: str, offset: int, paragraph: str, number: int, before: Found
) -> Found | None:
    """The clause a pronoun reports after "<words>, X said, ...", X's (as `before` found)."""
    match = _PRONOUN_CLAUSE.search(text)
    if match is None:
        return None
    clause = text[match.start("verb") :]
    according = ACCORDING.search(clause)
    if according:
        clause = clause[: according.start()]
    start, end = trim(
        paragraph, offset + match.start("verb"), offset + match.start("verb") + len(clause)
    )
    if start < before.end or word_count(paragraph[start:end]) < SHORTEST_REPORT:
        return None
    fields: dict[str, object] = {"speaker": before.fields["speaker"], "direct": False}
    return Found(
        "quote",
        number,
        start,
        end,
        fields,
        f"reported speech: {match.group().strip(' ,')!r} after the attribution",
    )
