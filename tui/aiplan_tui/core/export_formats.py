"""What `aiplan-tui export --format F [--article ID]` gives: each format from the loaded pack,
narrowed to one article when asked. No Textual."""

from __future__ import annotations

from typing import Any

from aiplan_tui.core.annotations import annotation_collection
from aiplan_tui.core.export import pack_to_dict
from aiplan_tui.core.model import Pack
from aiplan_tui.core.reference_formats import bibtex, ris
from aiplan_tui.core.references import csl_items


def render(format_name: str, pack: Pack, article: str | None = None) -> str | Any:
    """Text (RIS, BibTeX) or JSON-ready data (json, csl-json, annotations)."""
    articles = [a for a in pack.articles if article is None or a.id == article]
    if format_name == "csl-json":
        return csl_items(articles)
    if format_name == "ris":
        return ris(csl_items(articles))
    if format_name == "bibtex":
        return bibtex(csl_items(articles))
    highlights = [h for h in pack.highlights if article is None or h.article == article]
    if format_name == "annotations":
        return annotation_collection(pack, highlights)
    data = pack_to_dict(pack)
    if article is not None:  # one article's words; the pack's sides, people and rows whole
        data["articles"] = [a for a in data["articles"] if a["id"] == article]
        data["highlights"] = [h for h in data["highlights"] if h["article"] == article]
        data["suggested"] = [h for h in data["suggested"] if h["article"] == article]
    return data
