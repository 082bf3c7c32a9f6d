"""A large pack's head (issues 16, 34): the app starts on every article's title and count but
only the opened article's text and highlights, reads other articles as they are opened,
searches the compiled pack's stored index, and reads the whole pack only once something
needs it; what needs it waits for it, and says so."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from aiplan_tui.compiled import head as head_module
from aiplan_tui.compiled.current import load_and_compile, open_compiled
from aiplan_tui.compiled.head import PackHead, start_on
from aiplan_tui.compiled.store import CompiledPack
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.pack.result import LoadResult
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.app_start import INDEX_DELAY
from aiplan_tui.ui.screens.compare import CompareScreen
from aiplan_tui.ui.startup import Startup
from aiplan_tui.ui.widgets.article_view import ArticleView
from aiplan_tui.ui.widgets.navigator import Navigator, Target
from conftest import REPO, make_app, until

sys.path.insert(0, str(REPO / "tests" / "benchmarks"))

import pack_gen  # a script beside the benchmarks, not a package

ARTICLES = 3


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A pack of three articles (100 highlights each)."""
    root = tmp_path / "pack"
    pack_gen.generate(root, ARTICLES * pack_gen.PARAGRAPHS)
    return root


@pytest.fixture
def compiled(root: Path) -> CompiledPack:
    """The pack's compiled database, current."""
    load_and_compile(root)
    found = open_compiled(root)
    assert found is not None
    return found


def held(head: PackHead) -> threading.Event:
    """Hold the head's reading of the whole pack until the event returned is set."""
    release = threading.Event()
    read_whole = head.whole

    def whole_when_released(pause: Callable[[], None] | None = None) -> LoadResult:
        release.wait(30)
        return read_whole(pause)

    head.whole = whole_when_released  # type: ignore[method-assign]
    return release


def app_on(head: PackHead, compiled: CompiledPack, loaded: LoadResult) -> AiplanApp:
    """The app started on the head, as the command line starts it on a large pack."""
    startup = Startup(manifest=compiled.manifest, compiled=compiled, head=head)
    return make_app(LoadResult(head.pack, loaded.problems), startup)


def test_the_head_holds_every_article_but_only_the_opened_ones_text(
    root: Path, compiled: CompiledPack
) -> None:
    loaded = load_pack(root).pack
    first, second, third = (a.id for a in loaded.articles)
    head = PackHead(compiled, root, None)
    assert [a.title for a in head.pack.articles] == [a.title for a in loaded.articles]
    assert head.pack.article(first) == loaded.article(first)
    brief = head.pack.article(second)
    assert brief is not None and brief.title == loaded.articles[1].title and not brief.paragraphs
    assert head.pack.highlights_in(first) == loaded.highlights_in(first)
    assert not head.pack.highlights_in(second)
    assert head.per_article == {a.id: len(loaded.highlights_in(a.id)) for a in loaded.articles}
    assert sum(head.per_kind.values()) == len(loaded.highlights) == head.highlight_count

    pack = head.read(third)
    assert pack.article(third) == loaded.article(third)
    assert pack.highlights_in(third) == loaded.highlights_in(third)
    assert head.has(third) and not head.has(second)
    assert head.whole().pack == loaded


def test_the_head_opens_where_the_last_session_left_off(root: Path, compiled: CompiledPack) -> None:
    ids = [a.id for a in load_pack(root).pack.articles]
    assert PackHead(compiled, root, ids[2]).has(ids[2])
    assert not PackHead(compiled, root, ids[2]).has(ids[0])
    assert PackHead(compiled, root, "gone-since").has(ids[0])  # unknown: the first


def test_only_a_large_pack_starts_on_its_head(
    root: Path, compiled: CompiledPack, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, head = start_on(compiled, root, None)
    assert head is None and result.pack == load_pack(root).pack  # 300 < HEAD_FROM
    monkeypatch.setattr(head_module, "HEAD_FROM", 300)
    result, head = start_on(compiled, root, None)
    assert head is not None and len(result.pack.highlights) == pack_gen.PARAGRAPHS


async def test_the_app_on_a_head_waits_for_the_whole_pack_where_it_must(
    root: Path, compiled: CompiledPack
) -> None:
    loaded = load_pack(root)
    head = PackHead(compiled, root, None)
    first, second, _ = (a.id for a in loaded.pack.articles)
    release = held(head)
    app = app_on(head, compiled, loaded)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.query_one(ArticleView)
        await until(pilot, lambda: view.article is not None, "the first article")
        assert view.article is not None and view.article.id == first
        assert view.highlights == loaded.pack.highlights_in(first)
        navigator = app.reader.query_one(Navigator)
        assert f"Quotes ({len([h for h in loaded.pack.highlights if h.kind == 'quote'])})" in {
            str(node.label) for node in navigator.root.children
        }

        # Another article, opened before the whole pack is read, comes with its highlights.
        app.reader.open_target(Target("article", second))
        await pilot.pause()
        assert view.article is not None and view.article.id == second
        assert view.highlights == loaded.pack.highlights_in(second)

        # Compare needs the whole pack: it waits, and says so.
        await pilot.press("2")
        assert not isinstance(app.screen, CompareScreen)
        assert "Reading the pack" in app.notices[-1].message
        release.set()
        await until(pilot, lambda: isinstance(app.screen, CompareScreen), "Compare, once read")
        assert app.reader.pack == loaded.pack
        assert app.reader.head is None


async def test_a_reader_that_only_reads_never_reads_the_whole_pack(
    root: Path, compiled: CompiledPack
) -> None:
    """At idle and while articles are opened, only the articles opened are read (memory
    flat in the pack's size); opening a highlight section of the navigator asks for the
    whole pack, and its entries come once it is read."""
    loaded = load_pack(root)
    head = PackHead(compiled, root, None)
    asked: list[bool] = []
    release = held(head)
    waiting = head.whole

    def counted(pause: Callable[[], None] | None = None) -> LoadResult:
        asked.append(True)
        return waiting(pause)

    head.whole = counted  # type: ignore[method-assign]
    second = loaded.pack.articles[1].id
    app = app_on(head, compiled, loaded)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.query_one(ArticleView)
        await until(pilot, lambda: view.article is not None, "the first article")
        await pilot.pause(INDEX_DELAY * 3)  # past the moment the whole was once read at
        app.reader.open_target(Target("article", second))
        await pilot.pause()
        assert view.article is not None and view.article.id == second
        assert not asked and not app.workers and app.reader.head is not None

        navigator = app.reader.query_one(Navigator)
        quotes = next(n for n in navigator.root.children if str(n.label).startswith("Quotes"))
        quotes.expand()
        await until(pilot, lambda: bool(asked), "the whole pack asked for")
        assert "Reading the pack" in app.notices[-1].message
        release.set()
        count = len([h for h in loaded.pack.highlights if h.kind == "quote"])
        await until(pilot, lambda: len(quotes.children) == count, "the quotes, once read")
        assert app.reader.head is None and asked == [True]


async def test_search_on_a_head_uses_the_stored_index_and_reads_only_the_result(
    root: Path, compiled: CompiledPack
) -> None:
    """`/` on a head opens at once on the compiled pack's index; a result in an article not
    read yet opens there, its article read from the database, and the whole pack is never
    read."""
    from textual.widgets import Input

    from aiplan_tui.ui.screens.search import SearchScreen

    loaded = load_pack(root)
    ids = [a.id for a in loaded.pack.articles]
    target = loaded.pack.highlights_in(ids[2])[7]
    query = target.exact  # (each article has its own `item7`: the words around it too)
    head = PackHead(compiled, root, None)
    asked: list[bool] = []
    head.whole = lambda pause=None: asked.append(True) or loaded  # type: ignore[method-assign]
    app = app_on(head, compiled, loaded)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.query_one(ArticleView)
        await until(pilot, lambda: app.search.index is not None, "the stored index")
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        app.screen.query_one(Input).value = query
        screen = app.screen
        await until(pilot, lambda: screen.shown_query == query, "the results")
        screen.open(next(n for n, hit in enumerate(screen.hits) if hit.id == target.id))
        shown = ids[2]
        await until(pilot, lambda: view.article is not None and view.article.id == shown, "it")
        assert view.highlights == loaded.pack.highlights_in(ids[2])
        assert target.location.paragraph == app.reader.cursor().paragraph
        assert not asked and app.reader.head is not None


async def test_walking_past_the_articles_read_waits_for_the_whole_pack(
    root: Path, compiled: CompiledPack
) -> None:
    loaded = load_pack(root)
    head = PackHead(compiled, root, None)
    ids = [a.id for a in loaded.pack.articles]
    last_quote = [h for h in loaded.pack.highlights_in(ids[0]) if h.kind == "quote"][-1]
    release = held(head)
    app = app_on(head, compiled, loaded)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.query_one(ArticleView)
        await until(pilot, lambda: view.article is not None, "the first article")
        app.reader.open_highlight(last_quote.id)
        await pilot.pause()
        await pilot.press("]")  # the next quote is in the second article, not read yet
        assert view.article is not None and view.article.id == ids[0]
        assert "Reading the pack" in app.notices[-1].message
        release.set()
        await until(pilot, lambda: view.article is not None and view.article.id == ids[1], "]")
        assert app.reader.current is not None and app.reader.current.kind == "quote"


async def test_closing_stops_the_reading_of_the_whole_pack(
    root: Path, compiled: CompiledPack
) -> None:
    """`q` while the rest is read: the reading thread stops at its next pause, not later."""
    loaded = load_pack(root)
    head = PackHead(compiled, root, None)
    stopped = threading.Event()

    def never_done(pause: Callable[[], None] | None = None) -> object:
        assert pause is not None
        try:
            for _ in range(30_000):  # about 30 s of pauses, unless stopped
                pause()
        except Exception:
            stopped.set()
            raise
        raise AssertionError("the reading was not stopped")

    head.whole = never_done  # type: ignore[method-assign]
    app = app_on(head, compiled, loaded)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.query_one(ArticleView)
        await until(pilot, lambda: view.article is not None, "the first article")
        await pilot.press("2")  # Compare waits for the whole pack: its reading starts
        await until(pilot, lambda: bool(app.workers), "the reading to start")
        await pilot.press("q")
    assert stopped.wait(5)


async def test_a_failed_read_is_said_and_what_waited_goes_on(
    root: Path, compiled: CompiledPack
) -> None:
    loaded = load_pack(root)
    head = PackHead(compiled, root, None)
    release = threading.Event()

    def fails(pause: Callable[[], None] | None = None) -> object:
        release.wait(30)
        raise RuntimeError("the disk went away")

    head.whole = fails  # type: ignore[method-assign]
    app = app_on(head, compiled, loaded)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.query_one(ArticleView)
        await until(pilot, lambda: view.article is not None, "the first article")
        await pilot.press("2")
        release.set()
        await until(pilot, lambda: isinstance(app.screen, CompareScreen), "Compare, after all")
        said = [n for n in app.notices if n.title == "Pack not read"]
        assert said and "the disk went away" in said[0].message


async def test_on_a_head_a_walk_never_skips_an_article_not_read_and_y_copies(
    root: Path, compiled: CompiledPack
) -> None:
    """With the first and third articles read, `[` from the third's first quote waits for
    the whole pack (the second lies between), rather than landing in the first; `y` copies
    a highlight of an article opened on the head."""
    loaded = load_pack(root)
    ids = [a.id for a in loaded.pack.articles]
    head = PackHead(compiled, root, None)
    release = held(head)
    app = app_on(head, compiled, loaded)
    first_quote = next(h for h in loaded.pack.highlights_in(ids[2]) if h.kind == "quote")
    last_before = [h for h in loaded.pack.highlights_in(ids[1]) if h.kind == "quote"][-1]
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.query_one(ArticleView)
        await until(pilot, lambda: view.article is not None, "the first article")
        app.reader.open_target(Target("article", ids[2]))
        await pilot.pause()
        app.reader.open_highlight(first_quote.id)
        await pilot.pause()
        await pilot.press("y")
        assert app.notices[-1].message.startswith("Copied with its source")
        await pilot.press("[")
        assert view.article is not None and view.article.id == ids[2]  # not into the first
        assert "Reading the pack" in app.notices[-1].message
        release.set()
        await until(pilot, lambda: app.reader.current == last_before, "[ into the second")
        assert "(reading the pack" not in str(app.reader.query_one("#status").render())
