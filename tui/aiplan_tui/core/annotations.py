"""A pack's highlights as W3C Web Annotations (JSON-LD), for Hypothesis and the annotation
tools that read the Web Annotation Data Model. No Textual.

A highlight's anchor already is a TextQuoteSelector: its exact words, with about 32 characters
of its paragraph before and after them as `prefix` and `suffix`, so another tool can place it
in the page. The body says what the pack says of it: kind, speaker, direct or paraphrase, whose
claim, sides and note, in one text, and as tags. The target's `source` is the article's address
when it gives a safe http(s) one; otherwise an identifier of the article in this pack. In an
article with pages (a PDF) the selector is the page, as a PDF fragment (`page=12`, RFC 3778),
refined by the words on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiplan_tui.core.formatting import claimant_name, quote_kind, side_labels, speaker_line
from aiplan_tui.core.links import web_url
from aiplan_tui.core.model import Article, Highlight, Pack, Quote

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
PDF_FRAGMENT = "http://tools.ietf.org/rfc/rfc3778"
"""What a FragmentSelector's `page=N` conforms to: the PDF media type's fragments."""
CONTEXT_CHARACTERS = 32
"""How much of the paragraph the selector's prefix and suffix hold, as annotation tools do."""


def annotation_collection(pack: Pack, highlights: Sequence[Highlight]) -> dict[str, Any]:
    """An AnnotationCollection whose one page holds an annotation per highlight."""
    items = [
        annotation(highlight, pack, pack.article(highlight.article)) for highlight in highlights
    ]
    return collection(pack, len(items), items)


def collection(pack: Pack, total: int, items: object) -> dict[str, Any]:
    """The collection of `total` annotations, `items` (a list, or items written as they are
    made: core/json_text.Streamed)."""
    return {
        "@context": CONTEXT,
        "id": pack_iri(pack),
        "type": "AnnotationCollection",
        "label": pack.info.title,
        "total": total,
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def annotation(highlight: Highlight, pack: Pack, article: Article | None) -> dict[str, Any]:
    """One highlight as an Annotation: a description and tags as its body, and its words
    selected in its `article` (the pack's article of that id, if any) as its target."""
    return {
        "id": f"{pack_iri(pack)}:highlight:{highlight.id}",
        "type": "Annotation",
        "motivation": "highlighting",
        "generator": {"type": "Software", "name": "aiplan-tui"},
        "body": bodies(highlight, pack),
        "target": target(highlight, pack, article),
    }


def pack_iri(pack: Pack) -> str:
    """An identifier for the pack where nothing better is known (a URN, never a guess)."""
    return f"urn:aiplan-tui:{pack.info.id}"


def target(highlight: Highlight, pack: Pack, article: Article | None) -> dict[str, Any]:
    url = web_url(article.url) if article is not None else None
    paragraph = article.paragraphs[highlight.location.paragraph] if article is not None else ""
    start, end = highlight.location.start, highlight.location.end
    selector: dict[str, Any] = {
        "type": "TextQuoteSelector",
        "exact": highlight.exact,
        "prefix": paragraph[max(0, start - CONTEXT_CHARACTERS) : start],
        "suffix": paragraph[end : end + CONTEXT_CHARACTERS],
    }
    page = article.page_of(highlight.location.paragraph) if article is not None else None
    if page is not None:
        selector = {
            "type": "FragmentSelector", "conformsTo": PDF_FRAGMENT, "value": f"page={page}",
            "refinedBy": selector,
        }  # fmt: skip
    return {
        "source": url or f"{pack_iri(pack)}:article:{highlight.article}",
        "selector": selector,
    }


def description(highlight: Highlight, pack: Pack) -> list[str]:
    """What the pack says of the highlight, a line a fact, only those it has."""
    lines = [f"kind: {highlight.kind}"]
    if isinstance(highlight, Quote):
        lines.append(f"speaker: {speaker_line(pack.entity(highlight.speaker), highlight.speaker)}")
        lines.append(f"words: {quote_kind(highlight)}")
    claimant = claimant_name(highlight, pack)
    if claimant:
        lines.append(f"according to: {claimant}")
    sides = side_labels(highlight, pack)
    if sides:
        lines.append(f"sides: {sides}")
    if highlight.note:
        lines.append(f"note: {' '.join(highlight.note.split())}")
    return lines


def bodies(highlight: Highlight, pack: Pack) -> list[dict[str, Any]]:
    """The description as a TextualBody, then a tagging body for the kind, for direct or
    paraphrase, and for each side."""
    described = {
        "type": "TextualBody",
        "purpose": "describing",
        "format": "text/plain",
        "value": "\n".join(description(highlight, pack)),
    }
    tags: list[str] = [highlight.kind]
    if isinstance(highlight, Quote):
        tags.append(quote_kind(highlight))
    tags += [label for label in side_labels(highlight, pack).split(" · ") if label]
    tagging = [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in tags]
    return [described, *tagging]
