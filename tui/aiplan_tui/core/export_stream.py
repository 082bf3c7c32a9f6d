"""Each `export` format written as it is read, from a source that gives the pack's parts in
order (the compiled pack's rows): memory stays flat however large the pack. The text is the
same, to the byte, as core/export_formats.py makes from a loaded pack. No Textual."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from aiplan_tui.core.export import ExportParts, export_data
from aiplan_tui.core.json_text import Streamed, write_json
from aiplan_tui.core.model import Article, Highlight, Pack

Write = Callable[[str], object]


class ExportSource(Protocol):
    """The pack's parts, each read when asked for; `only` narrows to one article's."""

    def names(self) -> Pack:
        """The pack's info, sides, dimensions and entities, without its articles or
        highlights: what an annotation's names and labels need."""

    def parts(self, only: str | None) -> ExportParts:
        """Everything, in order; one article's words and highlights if `only`."""

    def articles(self, only: str | None) -> Iterable[Article]: ...

    def highlights(self, only: str | None) -> Iterable[Highlight]:
        """The accepted highlights (not the suggested ones)."""

    def highlight_count(self, only: str | None) -> int:
        """How many `highlights(only)` gives."""

    def article(self, article_id: str) -> Article | None:
        """The first article of that id."""


def write_export(
    format_name: str, source: ExportSource, write: Write, ascii_only: bool, only: str | None
) -> None:
    """The format's text: JSON with a final newline, RIS and BibTeX as their records. (Each
    format's own modules are imported for it: the pack's JSON needs none of them.)"""
    if format_name == "json":
        write_json(write, export_data(source.parts(only), Streamed), ascii_only)
        write("\n")
        return
    from aiplan_tui.core.references import csl_item

    if format_name in ("ris", "bibtex"):
        from aiplan_tui.core.reference_formats import bibtex_entry, ris_record

        record = ris_record if format_name == "ris" else bibtex_entry
        separator = ""
        for article in source.articles(only):
            write(separator + record(csl_item(article)))
            separator = "\n"
        return
    if format_name == "csl-json":
        write_json(write, Streamed(map(csl_item, source.articles(only))), ascii_only)
    else:  # annotations
        from aiplan_tui.core.annotations import annotation, collection

        names = source.names()
        items = (annotation(h, names, source.article(h.article)) for h in source.highlights(only))
        made = collection(names, source.highlight_count(only), Streamed(items))
        write_json(write, made, ascii_only)
    write("\n")
