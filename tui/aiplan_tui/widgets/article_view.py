"""The text of one article: a header, then its paragraphs, all shown as plain text."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from aiplan_tui.model import Article
from aiplan_tui.safe_text import clean, clean_line


def article_meta(article: Article) -> str:
    """Outlet, dateline and date as far as the article gives them."""
    parts = [article.outlet or "source not given"]
    if article.dateline:
        parts.append(article.dateline)
    if article.published:
        parts.append(article.published.isoformat())
    if article.title_source == "editors":
        parts.append("title by the pack's editors")
    return " · ".join(clean_line(part) for part in parts)


class ArticleView(VerticalScroll):
    """Scrollable article text; content is wrapped in `Text` so it is never read as markup."""

    DEFAULT_CSS = """
    ArticleView { height: 1fr; }
    """

    def show_nothing(self, reason: str) -> None:
        """Say why there is no article to show, instead of an empty pane."""
        with self.app.batch_update():
            self.remove_children()
            self.mount(Static(Text(reason), classes="article-title"))

    def show(self, article: Article) -> None:
        """Replace what is shown with this article, scrolled to the top."""
        with self.app.batch_update():
            self.remove_children()
            self.mount(Static(Text(clean_line(article.title)), classes="article-title"))
            self.mount(Static(Text(article_meta(article)), classes="article-meta"))
            self.mount_all(
                Static(Text(clean(paragraph)), classes="paragraph")
                for paragraph in article.paragraphs
            )
        self.scroll_home(animate=False)
