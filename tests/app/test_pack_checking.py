"""A large pack shown as last compiled at once, its files checked after the first frame
(issue 34): until they are, the title says so and search waits; a change found is shown in
place (the article on screen read again, or another one if it went); quitting meanwhile
leaves the compiled pack as it was or as it is brought up to date, never between."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aiplan_tui.cli.app import let_go_of_the_compiled
from aiplan_tui.compiled import checked as checked_module
from aiplan_tui.compiled import head as head_module
from aiplan_tui.compiled import update as update_module
from aiplan_tui.compiled.checked import check_files, head_as_compiled, last_compiled
from aiplan_tui.compiled.current import compiled_path, load_and_compile, open_compiled
from aiplan_tui.compiled.manifest import pack_manifest
from aiplan_tui.compiled.store import CompiledPack
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.ui import pack_checking, pack_reloading
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.pack_checking import CHECKING
from aiplan_tui.ui.startup import Startup
from aiplan_tui.ui.widgets.article_view import ArticleView
from conftest import REPO, make_app, until

sys.path.insert(0, str(REPO / "tests" / "benchmarks"))

import pack_gen  # a script beside the benchmarks, not a package

NEW_WORD = "Quokkastan"
"""A word no generated article has: added to one on disk after it was compiled."""


@pytest.fixture(autouse=True)
def small_heads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Three articles are a large pack here: the app starts on their head."""
    monkeypatch.setattr(head_module, "HEAD_FROM", 200)
    monkeypatch.setattr(checked_module, "HEAD_FROM", 200)
    monkeypatch.setattr(checked_module, "HEAD_BYTES", 0)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A pack of three articles (100 highlights each), compiled."""
    root = tmp_path / "pack"
    pack_gen.generate(root, 3 * pack_gen.PARAGRAPHS)
    load_and_compile(root)
    return root


def articles(root: Path) -> list[Path]:
    return sorted((root / "articles").glob("a*.md"))


def add_word(path: Path) -> None:
    """A word added to the article's last line, outside any highlight's words."""
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text} {NEW_WORD}.\n", encoding="utf-8")


def app_as_compiled(root: Path, opened: str | None = None) -> AiplanApp:
    """The app as the command line starts it on a large compiled pack: on the head as last
    compiled, its files not looked at."""
    compiled = last_compiled(root)
    assert compiled is not None
    started = head_as_compiled(compiled, root, opened)
    assert started is not None
    result, head = started
    startup = Startup(manifest=compiled.manifest, compiled=compiled, head=head, checking=True)
    return make_app(result, startup)


def shown_text(app: AiplanApp) -> str:
    article = app.reader.query_one(ArticleView).article
    return "" if article is None else "\n".join(article.paragraphs)


@pytest.fixture
def held_check(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The check of the files held until the event is set."""
    release = threading.Event()
    check = pack_checking.check_files

    def when_released(*args: object) -> object:
        release.wait(30)
        return check(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(pack_checking, "check_files", when_released)
    yield release
    release.set()


async def test_the_article_on_screen_changed_is_marked_then_shown_again_in_place(
    root: Path, held_check: threading.Event
) -> None:
    first = articles(root)[0]
    add_word(first)
    app = app_as_compiled(root)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.query_one(ArticleView)
        await until(pilot, lambda: view.article is not None, "the first article")
        assert NEW_WORD not in shown_text(app)  # the text as last compiled...
        assert app.session.checking and CHECKING in app.sub_title  # ...said to be so
        held_check.set()
        await until(pilot, lambda: not app.session.checking, "the check")
        await until(pilot, lambda: NEW_WORD in shown_text(app), "the new text, in place")
        assert CHECKING not in app.sub_title and view.article is not None
        assert view.article.id == first.stem and app.reader.head is not None
        assert view.highlights == load_pack(root).pack.highlights_in(first.stem)
        await until(pilot, lambda: app.search.index is not None, "the new index")
        assert app.search.index is not None
        assert [hit.doc.article for hit in app.search.index.search(NEW_WORD, 5)] == [first.stem]


async def test_a_change_elsewhere_redraws_nothing_and_shows_when_opened(root: Path) -> None:
    third = articles(root)[2]
    add_word(third)
    app = app_as_compiled(root)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.query_one(ArticleView)
        await until(pilot, lambda: view.article is not None, "the first article")
        shown, head = view.article, app.reader.head
        await until(pilot, lambda: not app.session.checking, "the check")
        assert app.reader.head is not head and app.reader.head is app.session.head
        assert view.article is shown  # the same article, not drawn again
        app.reader.open_article(third.stem)
        await until(pilot, lambda: NEW_WORD in shown_text(app), "its new text, when opened")


async def test_the_log_the_update_wrote_is_emptied_once_the_old_head_is_let_go(
    root: Path,
) -> None:
    """The update is written beside the app's reads of the old head, so its own checkpoint
    cannot empty the log; left full, every later start reads it back whole. The command
    line empties it once the app has ended (cli/app.py)."""
    add_word(articles(root)[1])
    log = Path(f"{compiled_path(root)}-wal")
    app = app_as_compiled(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: not app.session.checking, "the check")
        await until(pilot, lambda: app.search.index is not None, "the new index")
        assert log.stat().st_size > 0  # the app still reads what the update wrote there
    let_go_of_the_compiled(app)
    assert not log.exists() or log.stat().st_size == 0
    reopened = open_compiled(root, compiled_path(root).parent, pack_manifest(root))
    assert reopened is not None  # the database holds the update without its log
    reopened.close()


async def test_files_as_compiled_only_lose_the_mark(root: Path) -> None:
    app = app_as_compiled(root)
    async with app.run_test(size=(120, 40)) as pilot:
        head = app.reader.head
        await until(pilot, lambda: not app.session.checking, "the check")
        assert app.reader.head is head and CHECKING not in app.sub_title
        await until(pilot, lambda: app.search.index is not None, "the index")


async def test_the_article_on_screen_removed_gives_way_to_the_first(root: Path) -> None:
    second = articles(root)[1]
    app = app_as_compiled(root, opened=second.stem)
    second.unlink()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.reader.query_one(ArticleView)
        await until(pilot, lambda: not app.session.checking, "the check")
        await until(pilot, lambda: view.article is not None, "an article")
        assert view.article is not None and view.article.id == articles(root)[0].stem
        assert app.reader.pack.article(second.stem) is None
        assert len(app.reader.pack.articles) == 2


async def test_a_search_typed_while_checking_waits_for_the_check(
    root: Path, held_check: threading.Event
) -> None:
    from textual.widgets import Input, Static

    from aiplan_tui.ui.screens.search import SearchScreen

    add_word(articles(root)[2])
    app = app_as_compiled(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.reader.is_mounted, "the reader")
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        screen = app.screen
        screen.query_one(Input).value = NEW_WORD
        count = screen.query_one("#search-count", Static)
        await until(pilot, lambda: "Indexing" in str(count.render()), "the search waiting")
        assert app.search.index is None and not screen.hits  # no index of the old files
        held_check.set()
        await until(pilot, lambda: bool(screen.hits), "the results, once checked")
        assert {hit.doc.article for hit in screen.hits} == {articles(root)[2].stem}


async def test_quitting_while_checking_leaves_the_compiled_pack_whole(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The update is cut short (as by the process ending) after the app is gone: the
    compiled pack is the old one, whole, and the next start brings it up to date."""
    before = pack_manifest(root)
    add_word(articles(root)[0])
    entered, release = threading.Event(), threading.Event()
    apply_change = update_module.apply_change

    def cut_short(*args: object) -> None:
        apply_change(*args)  # type: ignore[arg-type]  # written, not committed...
        entered.set()
        release.wait(30)
        raise OSError("cut short")  # ...and never committed

    monkeypatch.setattr(update_module, "apply_change", cut_short)
    app = app_as_compiled(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, entered.is_set, "the update under way")
        await pilot.press("q")
        release.set()
    assert not app.is_running
    CompiledPack(compiled_path(root), before, root).close()  # the old one, current for it
    monkeypatch.setattr(update_module, "apply_change", apply_change)
    again = open_compiled(root)
    assert again is not None and again.load_result(root).pack == load_pack(root).pack
    again.close()


async def test_a_change_the_update_does_not_take_on_is_loaded_from_the_files(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pack as last compiled stays shown, still marked, while the files are loaded; then
    the whole pack is shown in place."""
    first = articles(root)[0]
    add_word(first)
    monkeypatch.setattr(update_module, "update_compiled", lambda *_args: False)
    release, reread = threading.Event(), pack_reloading._reread

    def held(*args: Any) -> Any:
        release.wait(30)
        return reread(*args)

    monkeypatch.setattr(pack_reloading, "_reread", held)
    app = app_as_compiled(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.session.reloading, "the load")
        assert CHECKING in app.sub_title and NEW_WORD not in shown_text(app)
        release.set()
        await until(pilot, lambda: app.session.whole and not app.session.reloading, "the load")
        await until(pilot, lambda: NEW_WORD in shown_text(app), "the new text, in place")
        assert CHECKING not in app.sub_title
        assert app.reader.head is None and app.reader.pack == load_pack(root).pack


def test_only_a_large_pack_compiled_by_this_version_is_shown_before_it_is_checked(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aiplan_tui.compiled import manifest as manifest_module

    add_word(articles(root)[0])  # (changed files: still the pack as last compiled)
    found = last_compiled(root)
    assert found is not None and found.manifest != pack_manifest(root)
    found.close()
    format_now = manifest_module.FORMAT
    monkeypatch.setattr(manifest_module, "FORMAT", format_now + 1)
    assert last_compiled(root) is None  # another format: looked at first, as ever
    monkeypatch.setattr(manifest_module, "FORMAT", format_now)
    monkeypatch.setattr(checked_module, "HEAD_FROM", 301)
    assert last_compiled(root) is None  # a small pack: read whole, after a look


def test_the_check_makes_only_the_briefs_that_changed(root: Path) -> None:
    """The head after a change takes each unchanged article's brief as it was made (10,000
    cost a tenth of a second), and makes the changed one anew."""
    compiled = last_compiled(root)
    assert compiled is not None
    started = head_as_compiled(compiled, root, None)
    assert started is not None
    shown = started[1]
    first, second, _ = articles(root)
    add_word(first)
    second.write_text(
        second.read_text(encoding="utf-8").replace('title = "', 'title = "Retitled '),
        encoding="utf-8",
    )
    found = check_files(shown, root, None)
    assert found.head is not None and found.compiled is not None
    old, new = shown.pack.articles, found.head.pack.articles
    assert new[2] is old[2] and new[1] is not old[1]
    assert new[1].title.startswith("Retitled ")
    fresh = head_as_compiled(found.compiled, root, None)
    assert fresh is not None and fresh[1].pack == found.head.pack
