"""Where a highlight's (or a search result's) exact words sit in its article: a module of its
own, so that a warm search, reading its results' places from the compiled pack, makes them
without importing the rest of the model (core/model.py re-exports it; issue 34)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where a highlight's exact words sit: `paragraphs[paragraph][start:end] == exact`."""

    paragraph: int
    start: int
    end: int
