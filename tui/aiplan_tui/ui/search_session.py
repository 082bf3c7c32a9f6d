"""The search index and the query history, with one owner: the app, on its own thread.

The index is built in a worker thread and handed over in a message, so nothing is set from
another thread; screens read both through this object and change the history only here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from aiplan_tui.settings.state import add_to_history, normalize_history

if TYPE_CHECKING:  # the engine (and rapidfuzz) load with the index, after the first frame
    from aiplan_tui.search.engine import SearchIndex


class SearchSession:
    """What every search screen shares: the index once it is ready, and past queries."""

    def __init__(self, history: Iterable[str] = ()) -> None:
        self.index: SearchIndex | None = None
        """None until the background build (or the cache) delivers it."""
        self._history = normalize_history(history)

    @property
    def history(self) -> tuple[str, ...]:
        """Past queries, oldest first, without repeats, at most the saved number."""
        return self._history

    def remember(self, query: str) -> None:
        """Make `query` the newest entry (an empty one changes nothing)."""
        self._history = add_to_history(self._history, query)


@dataclass
class IndexReady(Message):
    """The search index is built or loaded; posted from the worker thread to the app."""

    index: SearchIndex


class IndexAgain(Message):
    """The index's compiled pack turned out damaged during a search: build it again."""
