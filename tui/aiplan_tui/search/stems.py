"""Word forms: a folded word's English stem (Snowball, through PyStemmer), so that a query
word also finds the other forms of itself — "monopoly" finds "monopolies", "restrictions"
finds "restrict" — because they share a stem. No Textual.

A stemmer keeps state between words, so each thread has its own (searches run in several).
"""

from __future__ import annotations

from _thread import _local as thread_local  # threading.local: no threading to import
from collections.abc import Sequence

import Stemmer

LANGUAGE = "english"
_local = thread_local()


def _stemmer() -> Stemmer.Stemmer:
    found: Stemmer.Stemmer | None = getattr(_local, "stemmer", None)
    if found is None:
        # no cache: the index stems each word once, and a query only a few
        found = _local.stemmer = Stemmer.Stemmer(LANGUAGE, 0)
    return found


def stem(word: str) -> str:
    """The word's English stem: itself where English has nothing to strip ("2024", "北京")."""
    try:
        return str(_stemmer().stemWord(word))
    except UnicodeEncodeError:  # a lone surrogate, in no word of any language
        return word


def stems(words: Sequence[str]) -> list[str]:
    """Each word's stem, in one call: what building an index pays per word of the pack."""
    try:
        return [str(found) for found in _stemmer().stemWords(words)]
    except UnicodeEncodeError:
        return [stem(word) for word in words]
