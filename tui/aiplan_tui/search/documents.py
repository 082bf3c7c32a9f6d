"""What search looks through: every paragraph, title, highlight, entity and comparison cell
of a pack, as documents with weighted fields and the attributes filters test.

Every field a reader can see is searchable: an article's title and provenance (outlet, author,
date, dateline, address), a fact's figure as the cards show it (metric, value, period,
qualifier) and unit, an event's date, a quote's speaker, whose claim it is and our notes. A
document's first field is its own words (title, paragraph, highlight's words, name, summary),
what a result shows first whichever field matched."""

from __future__ import annotations

from collections.abc import Sequence

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from typing import NamedTuple, overload

    # the model: a warm search reads its documents whole from the compiled pack, never
    # making them from one (issue 34); `PackDocs` does, in search/pack_docs.py
    from aiplan_tui.core.location import Location
else:  # the same, made without importing typing
    from aiplan_tui.core.light_tuple import NamedTuple

TITLE, NAME, BODY, NOTE = 2.0, 3.0, 1.0, 0.5
"""Field weights: names and titles count more than body text, our notes less."""


class Field(NamedTuple):
    """One searchable text of a document, and how much a match in it counts. (Documents and
    fields are named tuples: a large pack makes hundreds of thousands of each, and a frozen
    dataclass's `__init__` sets each attribute by a separate call.)"""

    name: str
    text: str
    weight: float


class Doc(NamedTuple):
    """One searchable thing, where it lives, and what filters can ask of it."""

    kind: str
    id: str
    fields: tuple[Field, ...]
    article: str = ""
    location: Location | None = None
    sides: frozenset[str] = frozenset()
    dimensions: frozenset[str] = frozenset()
    speaker: str = ""
    """Folded names of the speaker (name, aliases, id), for `speaker:`."""
    years: frozenset[str] = frozenset()
    who: str = ""
    """Whose words or claim a highlight is, shown with it and not searched: "Li Qiang ·
    paraphrase", "according to George Chen"."""
    status: str = ""
    """A highlight's review status: "suggested" (proposed by `add`, not yet reviewed; found
    only with `status:suggested`), else ""."""
    page: int = 0
    """The page of a paragraph or highlight, from 1, in an article with pages (a PDF); else 0."""


class LazyDocs(Sequence[Doc]):
    """Documents made one by one when first asked for; a subclass says how (`_doc`)."""

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, index: int) -> Doc: ...

        @overload
        def __getitem__(self, index: slice) -> list[Doc]: ...

    def __getitem__(self, index: int | slice) -> Doc | list[Doc]:
        if isinstance(index, slice):
            return [self._doc(i) for i in range(*index.indices(len(self)))]
        return self._doc(index)

    def _doc(self, index: int) -> Doc:
        raise NotImplementedError
