"""The shapes of an attribution around a quotation, as patterns quotes.py tries in order:
after the words (“...,” said X, the Y of Z / “...,” X said), before them (X told reporters:
“...”), someone unnamed (One broadcaster asked: “...”), and the subject of the verb whose
object the words are (X said the plan was “a gift”)."""

from __future__ import annotations

import re

from aiplan_tui.authoring.saying import (
    ADVERB,
    AGE,
    NOT_A_PLACE,
    OF_ORGANISATION,
    ORG_NOUNS,
    OWNER_ROLE,
    PARTY,
    PRONOUN,
    REPORTING,
    ROLE,
    SAYING,
    SPOKESPEOPLE,
    TITLES,
    UNNAMED_GROUP,
    UNNAMED_OUTLET,
    UNNAMED_PERSON,
    WHO_CLAUSE,
)
from aiplan_tui.authoring.text import NAME, ORG_OF, SPEAKER_NAME

_ROLE_WORD = r"(?!(?:one|another|a|an|at|in|from|with|by|on|near)\b)[a-z][\w’'-]*"
"""A word of a title before a name: not someone unnamed ("one clerk at a Hull shipping
agency told me" is the clerk, not the agency)."""
_BODIES = (
    r"(?:editorial\s+board|board|editors|newsroom|press\s+office|office|team|"
    rf"{SPOKESPEOPLE})"
)
_OWNED_BODY = rf"(?:[Tt]he\s+)?(?P<org>{NAME})[’']s\s+(?:[a-z]+\s+)?{_BODIES}\s+{ADVERB}{SAYING}"
"""An organisation's body or spokesperson: "The Coastal Ledger's editorial board wrote", the
organisation's words."""
ATTRIBUTED_AFTER = tuple(
    re.compile(pattern)
    for pattern in (
        # an organisation's body after the words: “...,” the Ledger's editorial board wrote
        rf"\s*,?\s*{_OWNED_BODY}\b",
        # someone for an organisation after the verb: “...,” said a spokesperson for Harbourline
        rf"\s*,?\s*(?:{SAYING})\s+an?\s+(?:{SPOKESPEOPLE})\s+(?:for|at|of|from)\s+(?:the\s+)?"
        rf"(?P<org>{SPEAKER_NAME})",
        # a dash, then the name, as a pull quote or a live blog signs it: “...” — Jane Roe, CEO
        rf"\s*[—–]\s*(?P<name>{SPEAKER_NAME})(?P<role>,\s*[^“”\"«»]+)?\s*$",
        # someone not named after the verb: “...,” said a senior harbour official.
        rf"\s*,?\s*(?:{SAYING})\s+(?P<unnamed>{UNNAMED_PERSON})(?=\s*[,.;!?]|\s*$|\s+(?:on|in)\b)",
        # a role with its organisation first: “...,” said White House technology czar Dale Pruitt
        rf"\s*,?\s*(?:{SAYING})\s+(?P<lrole>{NAME}\s+(?:{NOT_A_PLACE}[a-z][\w’'-]*\s+){{1,3}})"
        rf"(?P<name>{NAME})(?=\s*[,.;!?]|\s+(?:in|on|at|during|to)\b|\s*$)",
        rf"\s*,?\s*(?:{SAYING})\s+(?P<name>{SPEAKER_NAME})(?P<role>,\s*[^“”\"«»]+)?",
        # a role by its owner first: “...,” said the EU's digital chief, Marit Lund
        rf"\s*,?\s*(?:{SAYING})\s+(?:the\s+)?(?P<lead>{OWNER_ROLE}),\s*(?P<name>{SPEAKER_NAME})",
        # a lower-case role between: “...,” wrote columnist Ada Brennan
        rf"\s*,?\s*(?:{SAYING})\s+(?P<lrole>(?:{NOT_A_PLACE}[a-z][\w’'-]*\s+){{1,4}})"
        rf"(?P<name>{SPEAKER_NAME})",
        # an owner's role, then the name: "Harbourline's head of engineering, Tomas Weir, said"
        rf"\s*,?\s*(?P<lrole>(?:the\s+)?[\w-]+[’']s\s+(?:[a-z][\w’'-]*\s+){{0,6}}[a-z][\w’'-]*),"
        rf"\s*(?P<name>{SPEAKER_NAME}){AGE},\s*{ADVERB}{SAYING}\b",
        # a role alone with "the", then the name: “...,” the deputy mayor, Ada Roe, told me
        rf"\s*,?\s*(?P<lrole>the\s+(?:[a-z][\w’'-]*\s+){{0,4}}[a-z][\w’'-]*),"
        rf"\s*(?P<name>{NAME}){AGE},\s*{ADVERB}{SAYING}\b",
        rf"\s*,?\s*(?P<name>{SPEAKER_NAME}){AGE},\s*(?P<role>{ROLE}),\s*{SAYING}\b",
        rf"\s*,?\s*(?P<name>{SPEAKER_NAME}|{PRONOUN}){PARTY}\s+{ADVERB}{SAYING}\b",
        # an age alone between commas: “...,” Lindqvist, 61, said.
        rf"\s*,?\s*(?P<name>{SPEAKER_NAME}),\s*\d{{1,3}},\s*{ADVERB}{SAYING}\b",
        # someone for an organisation: "a spokesperson for the Ministry of Industry said"
        rf"\s*,?\s*an?\s+(?:{SPOKESPEOPLE})\s+(?:for|at|of|from)\s+(?:the\s+)?"
        rf"(?P<org>{SPEAKER_NAME})\s+{ADVERB}{SAYING}\b",
        # the organisation named before, by its noun: "the council said in a statement"
        rf"\s*,?\s*the\s+(?P<noun>{ORG_NOUNS})\s+{ADVERB}{SAYING}\b",
        # a title alone, for the person it was given to: "the minister added"
        rf"\s*,?\s*the\s+(?P<name>(?:[a-z][\w-]*\s+){{0,2}}(?:{TITLES}))\s+{ADVERB}{SAYING}\b",
        # a lower-case title first, after its owner or not: "the council's president and CEO
        # Jane Roe said", "the Harbour Board’s chief pilot Ann Roe said", "Port Authority
        # spokesperson Li Wen said", "the Guild of Pilots' chief executive Ann Roe said"
        rf"\s*,?\s*(?P<lrole>(?:the\s+)?(?:(?:{ORG_OF}|{NAME})\s+)?(?:{_ROLE_WORD}\s+){{1,9}})"
        rf"(?P<name>{SPEAKER_NAME})\s+{ADVERB}{SAYING}\b",
    )
)
ATTRIBUTED_BEFORE = tuple(
    re.compile(pattern)
    for pattern in (
        rf"\b[Tt]he\s+(?P<noun>{ORG_NOUNS})\s+{ADVERB}{SAYING}[^“”\"«»]{{0,30}}?[,:]?\s*"
        r"(?:that\s*)?$",
        rf"(?P<name>{SPEAKER_NAME}){AGE},\s*(?P<role>{ROLE}),\s*{SAYING}"
        r"[^“”\"«»]{0,30}?[,:]?\s*(?:that\s*)?$",
        rf"(?P<name>{SPEAKER_NAME}|{PRONOUN}){OF_ORGANISATION}\s+{ADVERB}{SAYING}"
        r"[^“”\"«»]{0,30}?[,:]?\s*(?:that\s*)?$",
        # the sentence's subject, then a participle of saying: "The rival Harbour Radio was
        # blunter, asking listeners: “...”"
        rf"^\s*(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?P<name>{SPEAKER_NAME})\s+"
        r"[^“”\"«»,.;:]{1,60}?,\s*(?:asking|saying|adding|telling|warning|writing|noting)\b"
        r"[^“”\"«»]{0,30}?[,:]?\s*$",
        # the same with someone unnamed: "A rival network went further, asking: “...”"
        rf"^\s*(?P<unnamed>{UNNAMED_PERSON}|{UNNAMED_OUTLET})\s+"
        r"[^“”\"«»,.;:]{1,60}?,\s*(?:asking|saying|adding|telling|warning|writing|noting)\b"
        r"[^“”\"«»]{0,30}?[,:]?\s*$",
        # an organisation's body before the words: The Ledger's editorial board wrote: “...”
        rf"{_OWNED_BODY}[^“”\"«»]{{0,30}}?[,:]?\s*(?:that\s*)?$",
    )
)
UNNAMED = tuple(
    (
        re.compile(
            rf"(?P<name>{phrase}){WHO_CLAUSE}"
            rf"\s+{ADVERB}(?:{SAYING}|called|described)\b[^“”\"«»]{{0,30}}[,:]?\s*$"
        ),
        # after the words: “...,” one shipping analyst said.
        re.compile(rf"\s*,?\s*(?P<name>{phrase})\s+{ADVERB}{SAYING}\b"),
    )
    for phrase in (UNNAMED_PERSON, UNNAMED_OUTLET, UNNAMED_GROUP)
)
SUBJECT = re.compile(
    rf"(?:\b[Tt]he\s+(?P<noun>{ORG_NOUNS})|(?P<unnamed>{UNNAMED_PERSON})"
    rf"|(?:(?P<lead>{OWNER_ROLE}),\s*)?(?P<name>{SPEAKER_NAME}|\b{PRONOUN}){OF_ORGANISATION})"
    rf"(?:,\s*(?P<role>{ROLE}),|(?(lead),))?\s+{ADVERB}"
    rf"(?:{REPORTING}|{SAYING}|called|calls|described|describes)\b"
)
"""A speaker and verb earlier in the sentence whose object the quotation is."""
