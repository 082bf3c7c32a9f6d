"""When an article given to `add` is one the pack has already: the same address, or the
same words (spaces and case aside). Kept as keys so a compiled pack can answer it without
reading every article's text. No Textual."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence


def same_words(paragraphs: Sequence[str]) -> str:
    """The article's words, spaces and case aside ("" for none)."""
    return " ".join(" ".join(paragraphs).split()).casefold()


def words_key(paragraphs: Sequence[str]) -> str:
    """A digest of `same_words` ("" for an article without words)."""
    words = same_words(paragraphs)
    if not words:
        return ""
    return hashlib.sha256(words.encode("utf-8", "surrogatepass")).hexdigest()


def url_key(url: str) -> str:
    """The address as compared ("" for none)."""
    return url.strip().rstrip("/")
