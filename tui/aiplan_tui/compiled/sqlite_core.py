"""SQLite for reading a compiled pack, from the `sqlite3` module's C part: the module itself
adds only its default adapters for dates and times (and imports `datetime` for them, 2 ms of a
warm search's start: issue 34), which a reader never binds. The classes are the same ones
(`sqlite3.Error` is this `Error`), so what catches one catches the other. No Textual."""

from __future__ import annotations

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from sqlite3 import Connection, Error, connect
else:
    try:
        from _sqlite3 import Connection, Error, connect
    except ImportError:  # pragma: no cover - an interpreter without it
        from sqlite3 import Connection, Error, connect

__all__ = ["Connection", "Error", "connect"]
