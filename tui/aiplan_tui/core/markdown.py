"""Highlights as Markdown to paste into a brief: the words, who said them, and where, with pack
text escaped so it is always shown as words, never read as markup. No Textual.

`aiplan-tui quotes --format md`, `aiplan-tui compare --format md`, and the copies made on the
Quotes and Compare screens are all written here (or from these pieces)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from aiplan_tui.core import citations
from aiplan_tui.core.formatting import fact_line, quoted, speaker_line
from aiplan_tui.core.model import Fact, Highlight, Pack, Quote
from aiplan_tui.core.safe_text import clean_line

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")
"""Characters that start markup anywhere in a line (`&`: an entity such as `&lt;`)."""
_LIST_OR_UNDERLINE = re.compile(r"^([-+=])")
_NUMBERED = re.compile(r"^(\d+)([.)])")
"""What starts a list (`- `, `+ `, `1. `, `1) `) or underlines a heading (`=`) at the start of
a line: escaped, in case the text lands at one."""


def md_escape(text: str) -> str:
    """Literal text on one line: no markup, no HTML, no entities, no pipes (it may be a table
    cell), no line breaks, and nothing that would start a block if it began a line."""
    escaped = _SPECIAL.sub(r"\\\1", clean_line(text).strip())
    escaped = _LIST_OR_UNDERLINE.sub(r"\\\1", escaped)
    return _NUMBERED.sub(r"\1\\\2", escaped)


def cite(highlight: Highlight, pack: Pack) -> str:
    """The citation, escaped: "Title, Outlet, ¶5" (paragraphs counted from 1), with only what
    the article gives."""
    return md_escape(citations.cite(highlight, pack))


class Citing:
    """How a Markdown text cites: each citation in full where it is made, or (`footnotes`)
    the paragraph there with a pandoc footnote, one per source, numbered in order of first
    use and written at the end by `notes`."""

    def __init__(self, pack: Pack, footnotes: bool = False) -> None:
        self.pack = pack
        self.footnotes = footnotes
        self._numbers: dict[str, int] = {}
        self._sources: list[citations.SourceCitation] = []

    def where(self, highlight: Highlight) -> str:
        """ "Title, Outlet, ¶5", or "¶5[^1]" with footnotes ("p. 12, ¶5[^1]" for a PDF)."""
        if not self.footnotes:
            return cite(highlight, self.pack)
        source = citations.highlight_source(highlight, self.pack)
        number = self._numbers.get(source.key)
        if number is None:
            self._sources.append(source)
            number = self._numbers[source.key] = len(self._sources)
        page = citations.page_number(highlight, self.pack)
        at = "" if page is None else f"p. {page}, "
        return f"{at}¶{citations.paragraph_number(highlight)}[^{number}]"

    def notes(self) -> str:
        """The footnotes cited so far, each on its own line after a blank one ("" for none)."""
        if not self._sources:
            return ""
        lines = [
            f"[^{n}]: {_sentence(md_escape(s.text()))}" for n, s in enumerate(self._sources, 1)
        ]
        return "\n" + "\n".join(lines) + "\n"


def said(quote: Quote) -> str:
    """The words: in quotation marks if they are the speaker's own, else marked as a
    paraphrase (the reporter's words, not the speaker's)."""
    words = md_escape(quote.exact)
    return quoted(words) if quote.direct else f"{words} *(paraphrase)*"


def quote_item(quote: Quote, pack: Pack, citing: Citing | None = None) -> str:
    """One list item: the words, who said them (name and role), and the citation."""
    who = md_escape(speaker_line(pack.entity(quote.speaker), quote.speaker))
    where = (citing or Citing(pack)).where(quote)
    return f"- {said(quote)} — **{who}** ({where})"


def point_item(highlight: Highlight, pack: Pack, citing: Citing | None = None) -> str:
    """One list item for any highlight: a quote as in `quote_item`; a fact's figure as the
    app shows it ("Private AI investment: $109.1 bn (2024)"), then the article's words; any
    other highlight's words. Each with its citation."""
    citing = citing or Citing(pack)
    if isinstance(highlight, Quote):
        return quote_item(highlight, pack, citing)
    words = quoted(md_escape(highlight.exact))
    if isinstance(highlight, Fact):
        words = f"**{md_escape(fact_line(highlight))}** — {words}"
    return f"- {words} ({citing.where(highlight)})"


def quotes_markdown(quotes: Iterable[Quote], pack: Pack, footnotes: bool = False) -> str:
    """A bulleted list, a quotation an item, in the order given; empty for none. With
    `footnotes`, each source once, as a pandoc footnote after the list."""
    citing = Citing(pack, footnotes)
    out = [quote_item(quote, pack, citing) for quote in quotes]
    return "\n".join(out) + ("\n" if out else "") + citing.notes()


def _sentence(text: str) -> str:
    """A footnote ends with a full stop, unless its text already ends a sentence."""
    return text if text.endswith((".", "?", "!")) else f"{text}."
