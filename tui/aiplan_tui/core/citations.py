"""Citations: where words come from, saying only what is known. No Textual, no markup.

Every citation that leaves the app (a copy, `quotes --format md`, Compare's Markdown, the
footnotes of a brief) is written here, so all of them agree. A field the article does not give
is left out, as every citation style does; only the reader's header says "not given"
(`formatting.provenance`), because there it tells the reader the source is silent.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiplan_tui.core.model import Article, Highlight, Pack


@dataclass(frozen=True)
class SourceCitation:
    """One article as a citation names it: its title (its id when the pack lacks it; in
    square brackets when the pack's editors wrote it, as the references mark it), then
    what it gives of outlet, author and publication date, and its address."""

    key: str
    """The article's id: what footnotes are keyed by, one per source."""
    title: str
    given: tuple[str, ...] = ()
    """Outlet, author and date (ISO 8601), those the article gives, in that order."""
    url: str = ""

    def text(self, paragraph: int | None = None, page: int | None = None) -> str:
        """ "Title, CNBC, 2025-07-26, p. 12, ¶5, https://…": the address last, so nothing
        sticks to it when a reader makes it a link; `paragraph` is 1-based, `page` is given
        for an article with pages (a PDF)."""
        parts = [self.title, *self.given]
        if page is not None:
            parts.append(f"p. {page}")
        if paragraph is not None:
            parts.append(f"¶{paragraph}")
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)


def source_of(article: Article | None, article_id: str) -> SourceCitation:
    """The citation of an article (of its id alone when the pack does not have it)."""
    if article is None:
        return SourceCitation(article_id, article_id)
    published = article.published.isoformat() if article.published else ""
    given = tuple(part for part in (article.outlet, article.author, published) if part)
    title = f"[{article.title}]" if article.title_source == "editors" else article.title
    return SourceCitation(article.id, title, given, article.url)


def highlight_source(highlight: Highlight, pack: Pack) -> SourceCitation:
    """The citation of the article a highlight's words are in."""
    return source_of(pack.article(highlight.article), highlight.article)


def paragraph_number(highlight: Highlight) -> int:
    """Where in its article, counted from 1 as ¶ is everywhere."""
    return highlight.location.paragraph + 1


def page_number(highlight: Highlight, pack: Pack) -> int | None:
    """The page the words are on, in an article with pages (a PDF); else None."""
    article = pack.article(highlight.article)
    return None if article is None else article.page_of(highlight.location.paragraph)


def cite(highlight: Highlight, pack: Pack) -> str:
    """Where the words are, in one line: "Title, CNBC, p. 12, ¶5" (only what the article
    gives)."""
    source = highlight_source(highlight, pack)
    return source.text(paragraph_number(highlight), page_number(highlight, pack))
