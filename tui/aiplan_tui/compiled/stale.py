"""The one answer to anything wrong with a compiled pack: build it again. Only the standard
library's imports, so the app can catch it without loading the search engine before its
first frame."""

from __future__ import annotations

from aiplan_tui.compiled import sqlite_core


class Stale(Exception):
    """The database is not there, not whole, damaged, or not of the pack as it is now."""


class damage_is_stale:
    """Whatever a damaged database gives instead of what was written is Stale: a rebuild.
    (A class rather than a `contextlib.contextmanager`: a warm search imports no contextlib.)"""

    def __enter__(self) -> None:
        pass

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: object) -> None:  # fmt: skip
        if isinstance(exc, DAMAGE):
            raise Stale(f"damaged: {exc!r}") from exc


DAMAGE = (sqlite_core.Error, ValueError, TypeError, KeyError, IndexError, AttributeError)
"""What reading a damaged database raises."""
