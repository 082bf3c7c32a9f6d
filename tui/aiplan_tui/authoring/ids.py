"""Readable ids for suggested highlights and proposed entities: `q-<speaker>-<words>`,
`f-<metric words>`, `george-chen`; letters, digits and `-` only, unique within a set."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable

from aiplan_tui.authoring.text import word_set

STOP_WORDS = word_set(
    "a an the of to in on at for by and or but with from as is are was were be been has have "
    "had its it this that these those their his her than into over about"
)
"""Words too common to make an id readable."""


def _ascii_words(text: str) -> list[str]:
    if not text.isascii():  # (ASCII text is its own NFKD form)
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _ASCII_WORD.findall(text.casefold())


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def slug_words(text: str, n: int) -> str:
    """The first `n` telling words of `text`, lower case, joined by "-" ("" when none).

    Common words are skipped unless nothing else is left: "The two camps are now being
    formed" -> "two-camps" for n=2."""
    if n <= 0:
        return ""
    words = _ascii_words(text)
    telling = [w for w in words if w not in STOP_WORDS] or words
    return "-".join(telling[:n])


class TakenIds(set[str]):
    """Ids taken so far, a set that only grows, remembering for each base the number its last
    id was given: the next id from that base is counted on from there, not from 2 again (a
    long article's thousand `f-spending` figures cost the square of their number, issue 28)."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        super().__init__(taken)
        self.counted: dict[str, int] = {}
        """For each base, a number below which every `base-N` (N >= 2) is taken."""


def unique_id(base: str, taken: Collection[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... the first one not in `taken` ("item" when empty)."""
    base = base.strip("-") or "item"
    if base not in taken:
        return base
    counted = taken.counted if isinstance(taken, TakenIds) else {}
    number = counted.get(base, 2)
    while f"{base}-{number}" in taken:
        number += 1
    counted[base] = number
    return f"{base}-{number}"


def quote_id(speaker: str, exact: str, taken: Collection[str], words: int = 3) -> str:
    """`q-<speaker's last word>-<words of the quotation>`, unique within `taken`."""
    who = speaker.rsplit("-", 1)[-1] if speaker else ""
    parts = [p for p in ("q", slug_words(who, 1), slug_words(exact, words)) if p]
    return unique_id("-".join(parts), taken)


def fact_id(metric: str, taken: Collection[str], words: int = 4) -> str:
    """`f-<metric words>`, unique within `taken`."""
    return unique_id("-".join(p for p in ("f", slug_words(metric, words)) if p), taken)


def entity_id(name: str, taken: Collection[str]) -> str:
    """Every word of the name: "George Chen" -> `george-chen`, "Maria López" ->
    `maria-lopez`, unique within `taken` ("entity" for a name with no ASCII letter)."""
    return unique_id("-".join(_ascii_words(name)[:8]) or "entity", taken)
