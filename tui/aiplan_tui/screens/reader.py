"""The first window: the pack's articles on the left, the chosen article's text on the right."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from aiplan_tui.model import Article, Pack
from aiplan_tui.safe_text import clean_line
from aiplan_tui.widgets.article_view import ArticleView


def article_option(article: Article, highlight_count: int) -> Option:
    """Title, then outlet (or "source not given") and highlight count on a second line."""
    prompt = Text(clean_line(article.title), style="bold")
    outlet = clean_line(article.outlet) if article.outlet else "source not given"
    noun = "highlight" if highlight_count == 1 else "highlights"
    prompt.append(f"\n{outlet} · {highlight_count} {noun}", style="dim")
    return Option(prompt, id=article.id)


class ReaderScreen(Screen[None]):
    """Pick an article on the left, read it on the right."""

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            options: list[Option | None] = []
            for article in self.pack.articles:
                if options:
                    options.append(None)  # a separator keeps two-line entries apart
                options.append(article_option(article, len(self.pack.highlights_in(article.id))))
            yield OptionList(*options, id="articles")
            yield ArticleView(id="article")
        yield Footer()

    def on_mount(self) -> None:
        articles = self.query_one("#articles", OptionList)
        if self.pack.articles:
            articles.highlighted = 0
        else:
            self.query_one(ArticleView).show_nothing(
                f"This pack has no articles. Add Markdown files to {self.pack.root / 'articles'}."
            )
        articles.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        article = self.pack.article(event.option_id or "")
        if article is not None:
            self.query_one(ArticleView).show(article)
