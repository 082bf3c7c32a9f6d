"""An organisation named with words before its name that are not part of it: the people who
speak for it ("Analysts at Harbour Capital", "economists from Norland Bank": the bank's
analysts speak as the bank) and where it is based ("Leeds-based Corran Robotics",
"San Francisco-headquartered Tallow Labs"). Only organisations are written so: nobody is
"based" before their name, and a person's colleagues are not that person."""

from __future__ import annotations

import re

_GROUP_AT = re.compile(
    r"(?i:analysts|economists|researchers|strategists|scientists|engineers|executives|"
    r"lawyers|traders|experts|staff|officials|managers|developers|spokespeople)"
    r"\s+(?:at|from|with|of)\s+(?:the\s+)?(?P<org>[A-Z].*)"
)
_BASED = re.compile(
    r"(?:[A-Z][\w’'.]*\s+){0,2}[A-Z][\w’'.]*-(?:based|headquartered|listed)\s+(?P<org>[A-Z].*)"
)


def organisation_behind(words: str) -> str | None:
    """The organisation's name in `words` when they are such words before it, else None."""
    for pattern in (_GROUP_AT, _BASED):
        match = pattern.fullmatch(words)
        if match is not None:
            return match.group("org")
    return None
