"""The first window, driven through Textual's pilot: list articles, read one, quit."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.widgets.article_view import ParagraphView
from aiplan_tui.ui.widgets.navigator import Navigator
from conftest import ARTICLE, HIGHLIGHTS, PackFactory, make_app


def shown_title(app: AiplanApp) -> str:
    return str(app.screen.query_one(".article-title", Static).render())


async def test_lists_both_articles_and_reads_the_selected_one() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        navigator = app.reader.query_one(Navigator)
        articles = navigator.root.children[0]
        assert [str(node.label).split("  ")[0] for node in articles.children] == [
            "China releases AI action plan days after the U.S. as global tech race heats up",
            "At WAIC, China pushes for global AI governance in the wake of the U.S. action plan",
        ]
        assert navigator.has_focus
        assert shown_title(app).startswith("China releases AI action plan")
        first = app.reader.query(ParagraphView).first()
        assert str(first.render()).startswith("SHANGHAI — The tech race")
        await pilot.press("j", "enter")
        await pilot.pause()
        assert shown_title(app).startswith("At WAIC, China pushes")
        meta = str(app.screen.query_one(".article-meta", Static).render())
        assert meta == (
            "outlet: not given · author: not given · published: not given · url: not given"
            " · title by the pack's editors"
        )
        await pilot.press("q")
    assert app.return_code == 0


async def test_markup_and_escapes_in_content_are_shown_as_text(make_pack: PackFactory) -> None:
    hostile = ARTICLE.replace(
        'title = "Chips and money"',
        'title = "[bold]Loud[/] [@click=app.quit]x[/] \\u001b]0;pwned\\u0007"',
    ).replace("The U.S. restricted", "[red]The U.S.[/red] \x1b[2J restricted")
    app = make_app(make_pack({"articles/wire.md": hostile}))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown_title(app) == "[bold]Loud[/] [@click=app.quit]x[/] ]0;pwned"
        first = str(app.screen.query(ParagraphView).first().render())
        assert first.startswith("[red]The U.S.[/red]  [2J restricted")
        await pilot.click(".article-title")
        await pilot.pause()
        assert app.is_running  # the action-shaped text did nothing


async def test_problems_in_the_pack_are_announced(make_pack: PackFactory) -> None:
    broken = HIGHLIGHTS.replace("now being formed", "now bein formed")
    root = make_pack({"highlights/wire.toml": broken})
    app = make_app(root)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert len(toasts) == 1
        assert "1 error" in toasts[0]
        assert f"aiplan-tui check {root}" in toasts[0].replace("\n", "")


async def test_an_empty_pack_says_there_is_nothing_to_read(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(app.reader.query_one(Navigator).root.children[0].children) == 0
        assert "This pack has no articles" in shown_title(app)
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_long_article_makes_its_first_screenful_first_and_the_rest_just_after(
    make_pack: PackFactory,
) -> None:
    """Issue 16: a paragraph is a widget, and a hundred of them cost the first frame a third
    of a second. The first FIRST_PARAGRAPHS are made before the article is drawn, the rest
    just after; a key that goes past them before then still lands (they are made on demand)."""
    from aiplan_tui.ui.widgets import article_view
    from aiplan_tui.ui.widgets.article_view import FIRST_PARAGRAPHS, ArticleView

    count = FIRST_PARAGRAPHS * 3
    body = "\n\n".join(f"Paragraph number {n + 1} of the long one." for n in range(count))
    long = ARTICLE.split("+++\n\n")[0] + "+++\n\n" + body + "\n"
    app = make_app(make_pack({"articles/wire.md": long}))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.reader.query_one(ArticleView)
        assert view.article is not None and len(view.article.paragraphs) == count
        assert len(view.query(ParagraphView)) == count  # the rest, just after the first frame
        await view.remove_children()
        view.show(view.article, view.highlights, view.marks)
        assert len(view.query(ParagraphView)) == FIRST_PARAGRAPHS  # not yet drawn
        view.action_paragraph_edge(-1)  # G, past what is made: made now, and shown
        assert view.paragraph == count - 1
        assert len(view.query(ParagraphView)) == count
        await pilot.pause()
        last = view.query(ParagraphView).last()
        assert last.has_class("-current")
        assert str(last.render()) == f"Paragraph number {count} of the long one."
        assert view.scrollable_content_region.height > 0
        assert last.region.y > 0  # on screen, scrolled to the end
        assert count < article_view.MAX_PARAGRAPHS
