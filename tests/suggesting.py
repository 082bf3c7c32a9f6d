"""What `authoring.suggest` proposes for a few paragraphs, read the way the shape tests ask:
each quotation with its speaker's name, and each proposed entity with its kind."""

from __future__ import annotations

import datetime as dt

from aiplan_tui.authoring.suggest import Suggestions, suggest


def run(paragraphs: list[str], published: dt.date | None = None) -> Suggestions:
    """Everything suggested for these paragraphs, with no entities known."""
    return suggest(paragraphs, (), published)


def said(paragraphs: list[str], direct: bool | None = True) -> list[tuple[str, str]]:
    """Each quotation's words with its speaker's name ("" when none); direct ones only by
    default, reported ones only with False, both with None."""
    result = suggest(paragraphs, ())
    names = {e.id: e.name for e in result.entities}
    return [
        (h.exact, names.get(str(h.fields.get("speaker", "")), ""))
        for h in result.highlights
        if h.kind == "quote" and (direct is None or h.fields["direct"] is direct)
    ]


def people(paragraphs: list[str]) -> dict[str, str]:
    """Each proposed entity's name with its kind."""
    return {e.name: e.kind for e in suggest(paragraphs, ()).entities}


def quotes(paragraphs: list[str], direct: bool | None = None) -> list[tuple[str, str]]:
    """As `said`, direct and reported ones both by default."""
    return said(paragraphs, direct)


def figures(paragraph: str) -> list[str]:
    """The words of each figure suggested in the paragraph."""
    return [h.exact for h in run([paragraph]).highlights if h.kind == "fact"]
