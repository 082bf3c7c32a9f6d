"""The one place untrusted pack text is cleaned before it reaches the terminal."""

from __future__ import annotations

import re

_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = "\u180e\u200b\u2060-\u2064\ufeff"
"""Zero-width characters with no part in writing any script: they can hide or split words
and terminals disagree on their width. Joiners (U+200C, U+200D) stay: scripts and emoji
sequences need them."""
_UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI_CONTROLS + _INVISIBLE + "\ud800-\udfff]"
"""What `clean` drops: every such character is one `str.isprintable` refuses (a control, a
format character, a surrogate), so text that is all printable is clean already, and the
pattern is compiled only when text that is not comes (issue 34: most never does)."""


def clean(text: str) -> str:
    """Drop control characters, so escape sequences lose their ESC and stay inert text."""
    if text.isprintable():  # no control, format or surrogate character; no tab
        return text
    return re.sub(_UNSAFE, "", text.replace("\t", "    "))


def clean_line(text: str) -> str:
    """As `clean`, with line breaks as spaces: for titles, list rows and other single lines."""
    return clean(text.replace("\r", " ").replace("\n", " "))


def shorten(text: str, width: int = 60) -> str:
    """One clean line of at most `width` characters, "…" marking a cut: for echoing what a
    user typed (or a file said) back in a message."""
    line = clean_line(text)
    return line if len(line) <= width else line[: width - 1] + "…"
