"""The role an article gives a person where it first names them, besides a title before the
name (people.py): words between commas after the name ("Zhou Meiling, the head of research
at ...", "Aminata Sarr, Senegal's trade envoy,", "Lu Min, chief economist at Jade Bank,",
"Ana Ruiz, who directs the Port Lab,"), or an owner's title between commas before it ("the
county's planning director, Gina Alvarez, said")."""

from __future__ import annotations

import re

from aiplan_tui.authoring.text import TITLE_WORDS

_TITLES = "|".join(sorted((re.escape(w) for w in TITLE_WORDS if w[-1] != "."), key=len)[::-1])
_WORDS = r"[^,;“”\"«»]{3,80}?"
APPOSITIVE = re.compile(
    rf",\s*(?P<role>(?:the|a|an|its|their)\s{_WORDS}"
    rf"|[A-Z]?[\w-]+[’']s\s{_WORDS}"
    r"|who\s+(?:directs|runs|leads|heads|chairs|founded|co-founded|manages|oversees|"
    rf"represents|teaches|advises)\s{_WORDS}"
    rf"|(?:[a-z][\w-]*\s+){{0,2}}(?:{_TITLES})\s+(?:at|of|for|with|in)\s{_WORDS})(?=[,.;]|$)"
)
"""A role between commas after a name: an article's or an owner's ("Senegal's ..."), a
"who directs ..." clause, or a lower-case title with where it is held ("chief strategist at
Jinhai Securities")."""
OWNER_BEFORE = re.compile(
    rf"(?P<role>(?:\b[Tt]he\s+)?\b[\w-]+[’']s\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{_TITLES})"
    rf"|\b(?:an?|the)\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{_TITLES}|[a-z]{{3,}}(?:er|or|ist|ian))),\s+$"
)
"""An owner's title between commas right before a name: "Corvane's chief financial
officer, " Marisol Quintero; or what someone is, with an article ("I put it to a former
regulator, " Sam Frost)."""
