"""The one answer to anything wrong with a compiled pack: build it again. Only the standard
library's imports, so the app can catch it without loading the search engine before its
first frame."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


class Stale(Exception):
    """The database is not there, not whole, damaged, or not of the pack as it is now."""


@contextmanager
def damage_is_stale() -> Iterator[None]:
    """Whatever a damaged database gives instead of what was written is Stale: a rebuild."""
    try:
        yield
    except (sqlite3.Error, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise Stale(f"damaged: {exc!r}") from exc
