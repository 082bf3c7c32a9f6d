"""The query's filters (`kind:`, `side:`, `speaker:`, `dim:`, `article:`, `year:`,
`status:`) as the sets of documents they admit, from the index's filter keys."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence

from aiplan_tui.search.query import Query

SUGGESTED = "status:suggested"
"""The key of suggested highlights: left out of every query that does not ask for them."""


class Filters:
    """Filter keys (sorted, as the index keeps them) and the documents under each."""

    def __init__(
        self,
        keys: Sequence[str],
        key_docs: Callable[[str], Iterable[int]],
        articles: dict[str, str],
        dimensions: dict[str, str],
    ) -> None:
        self.keys = keys
        self.key_docs = key_docs
        self.article_names = articles
        self.dimension_names = dimensions

    def sets(self, query: Query, kinds: set[str]) -> list[set[int]]:
        sets = []
        for key, value in query.filters:
            if key == "kind":
                wanted = [f"kind:{kind}" for kind in _parts(value)]
            elif key == "speaker":
                wanted = self._keys_where("speaker:", value, {}, unnamed=True)
            elif key == "dim":
                wanted = self._keys_where("dim:", value, self.dimension_names, unnamed=True)
            elif key == "article":
                wanted = self._keys_where("article:", value, self.article_names, unnamed=False)
            elif key == "status":  # accepted ones are what is not hidden (`hidden`)
                if "accepted" in _parts(value):
                    continue
                wanted = [SUGGESTED]
            else:  # side, year
                wanted = [f"{key}:{value}"]
            sets.append(self._union(wanted))
        if kinds:
            sets.append(self._union([f"kind:{kind}" for kind in kinds]))
        return sets

    def hidden(self, query: Query) -> set[int]:
        """The suggested highlights, unless every `status:` filter of the query asks for them:
        a query without one (every query but those) never finds them."""
        asked = statuses(query)
        if asked and all("suggested" in wanted for wanted in asked):
            return set()
        return set(self.key_docs(SUGGESTED))

    def _keys_where(
        self, prefix: str, value: str, names: dict[str, str], unnamed: bool
    ) -> list[str]:
        """Keys whose name (or, if `unnamed`, the key itself when it has none) holds `value`."""
        start = bisect_left(self.keys, prefix)
        found = []
        for key in self.keys[start:]:
            if not key.startswith(prefix):
                break
            name = key[len(prefix) :]
            if value in names.get(name, name if unnamed else ""):
                found.append(key)
        return found

    def _union(self, keys: list[str]) -> set[int]:
        docs: set[int] = set()
        for key in keys:
            docs.update(self.key_docs(key))
        return docs


def _parts(value: str) -> list[str]:
    return value.replace(",", "|").split("|")


def statuses(query: Query) -> list[list[str]]:
    """The values of each of the query's `status:` filters."""
    return [_parts(value) for key, value in query.filters if key == "status"]
