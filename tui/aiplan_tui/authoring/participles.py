"""Reported speech in a participle after an act: "X proposed a body, telling the session that
...", "Y praised the order, saying ...", "Z opened the evening by promising ...". The
sentence has no verb of saying of its own; the clause from the participle is its subject's,
and the subject is the name (or "he"/"she") the sentence opens with."""

from __future__ import annotations

import re

from aiplan_tui.authoring.saying import PRONOUN, UNNAMED_PERSON
from aiplan_tui.authoring.text import SPEAKER_NAME

LEAD = re.compile(
    r"(?:[A-Z][A-Z.' -]{2,40}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+(?:19|20)\d\d)?)?"
    r"(?:\s*\([^()]{1,40}\))?"
    r"|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,3})?)\s*(?:--|[-—–])\s+"
)
"""What opens a paragraph before its first sentence: a dateline ("GENEVA, July 31 (Wire) —",
"SHANGHAI, July 26, 2025 (Wire) --", "BRUSSELS —") or a live blog's time ("3:30 p.m. —");
never part of a reported clause nor its subject."""
PARTICIPLE = re.compile(
    r"(?:,\s+|\s+by\s+|,?\s+and\s+)(?P<verb>(?:saying|arguing|insisting|warning|cautioning|promising|"
    r"claiming|contending|stressing|predicting)\b"
    r"|telling\s+[^,.;:“”\"«»]{1,60}?\s+that\b"
    r"|(?<=\sand\s)(?:also\s+)?(?:said|says|added|warned|told\s+[^,.;:“”\"«»]{1,40}?\s+that)\b)"
    r"(?!\s+(?:nothing|little|much|anything|no\s+more|so|goodbye)\b)"
)
"""A participle of saying after a comma or "by", or a second verb of saying after "and" ("The
board delayed the vote and said it needed time"): what follows is reported speech ("saying
nothing" is no speech)."""
_NEEDS = re.compile(r"saying|arguing|insisting|warning|cautioning|promising|claiming|"
                    r"contending|stressing|predicting|telling|and\s")  # fmt: skip
_OPENING = (
    r"(?:(?:In|On|At|After|Before|During|Later|Earlier|Separately|Meanwhile|Last|This|Speaking)"
    r"\b[^,“”\"«»]{0,50},\s+)?"
)
"""A phrase of where or when before the subject: "In Geneva on Monday, ..."."""
_SUBJECT = re.compile(
    rf"{_OPENING}(?!(?:After|Before|When|While|If|As|Since|Although|Though|Because|Once|Until|"
    rf"In|On|At|During)\b)(?P<lead>(?:The|Its|Their|[A-Z][\w-]*[’']s)\s+(?:[a-z][\w’'-]*\s+){{0,3}}"
    r"[a-z][\w’'-]*,\s+)?"
    rf"(?:(?P<unnamed>{UNNAMED_PERSON})|(?:The\s+)?(?P<name>{SPEAKER_NAME}|{PRONOUN}))"
    r"(?(lead),|(?:,\s*(?:who|which)\s[^,“”\"«»]{1,80},|,\s*(?:an?|the)\s[^,“”\"«»]{1,80},)?)"
    r"\s+(?:(?:has|have|had|also|on\s+\w+|then|later|\w+ly)\s+)*(?=[a-z])"
)
"""The subject the sentence opens with (after a phrase of where or when: a name, "he" or "she",
or someone not named), a role or "who ..." after it between commas, or what it is before it
("The developer, Kelp Works, wants"), and the lower-case verb after it ("Senator Ruth Vale,
who sits on the committee, praised ...")."""


def participle_clause(text: str) -> tuple[str, int, bool] | None:
    """In a sentence without a verb of saying: the subject's words, where the reported
    clause (from its participle) starts and whether the subject is someone not named
    ("European officials on Tuesday played down ..., saying ..."); None without both."""
    if not _NEEDS.search(text):
        return None
    lead = LEAD.match(text)
    start = lead.end() if lead else 0
    subject = _SUBJECT.match(text, start)
    if subject is None:
        return None
    participle = PARTICIPLE.search(text, subject.end())
    if participle is None:
        return None
    unnamed = subject.group("unnamed")
    return unnamed or subject.group("name"), participle.start("verb"), unnamed is not None
