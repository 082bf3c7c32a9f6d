"""A large pack with no current compiled pack (issue 16: after a change to one file of a
100,000-item pack the terminal stayed blank for 8 s while the whole pack was loaded): the app
shows its first frame at once, saying what it is reading, loads the files in a thread, and
then shows the reader; only the keys that quit act meanwhile."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from aiplan_tui.compiled import manifest as manifest_module
from aiplan_tui.compiled.current import compiled_path
from aiplan_tui.compiled.manifest import pack_manifest, worth_loading_aside
from aiplan_tui.core.model import Pack, PackInfo
from aiplan_tui.core.pausing import Pause
from aiplan_tui.core.problems import Problems
from aiplan_tui.pack import loader
from aiplan_tui.pack.result import LoadResult
from aiplan_tui.search.documents import Doc
from aiplan_tui.settings.state import SavedState, StateStore
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.screens.loading import LoadingScreen
from aiplan_tui.ui.screens.reader import ReaderScreen
from aiplan_tui.ui.startup import Startup
from conftest import ARTICLE, PackFactory, PtyScreen, app_in_pty, app_stopped, make_app, until


def loading_app(root: Path, store: StateStore | None = None) -> AiplanApp:
    """The app as the command line makes it for such a pack: a placeholder pack, and the
    directory to load."""
    placeholder = LoadResult(Pack(PackInfo("", root.name), root), Problems())
    saved = SavedState(screen="compare", article="wire", paragraph=1)
    startup = Startup(load_from=root, saved=saved, store=store, manifest=pack_manifest(root))
    return AiplanApp(placeholder, startup)


@pytest.fixture
def release(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the load from the files until the event is set."""
    released = threading.Event()
    load = loader.load_pack

    def when_released(root: Path, pause: Pause | None = None) -> LoadResult:
        released.wait(30)
        try:
            return load(root, pause)
        except Exception as error:
            stopped.append(type(error).__name__)
            raise

    stopped: list[str] = []
    released.stopped = stopped  # type: ignore[attr-defined]  # how the load ended, if raised

    monkeypatch.setattr(loader, "load_pack", when_released)
    return released


def shown_text(app: AiplanApp) -> str:
    return " ".join(str(widget.render()) for widget in app.screen.query(Static))


async def test_the_first_frame_says_what_is_read_and_the_reader_follows(
    make_pack: PackFactory, release: threading.Event
) -> None:
    root = make_pack({"highlights/broken.toml": "[[quote]]\nid = 3\n"})
    app = loading_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        assert f"Reading the pack in {root}" in shown_text(app)
        await pilot.press("2", "3", "slash", "ctrl+p", "question_mark")  # nothing to act on
        assert isinstance(app.screen, LoadingScreen)
        release.set()
        await until(pilot, lambda: app.shown_name() == "compare", "the last session's screen")
        await pilot.press("1")  # keys act again
        assert isinstance(app.screen, ReaderScreen)
        assert "Chips and money" in str(app.screen.query_one(".article-title", Static).render())
        assert app.reader.article_view.paragraph == 1  # where the last session left off
        assert app.sub_title == "Mini pack"
        assert any("problems" in notice.message for notice in app.notices)
        await until(pilot, lambda: app.search.index is not None, "the search index")
        await pilot.press("q")
    assert app.return_code == 0


async def test_quitting_while_loading_keeps_the_last_sessions_place(
    make_pack: PackFactory, release: threading.Event, tmp_path: Path
) -> None:
    store = StateStore(tmp_path / "state.json")
    app = loading_app(make_pack(), store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        await pilot.press("q")
    release.set()
    end = time.monotonic() + 30
    while app.still_working and time.monotonic() < end:
        release.wait(0.02)
    assert release.stopped == ["Closing"]  # type: ignore[attr-defined]  # at its first pause
    saved = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    assert (saved["screen"], saved["article"], saved["paragraph"]) == ("compare", "wire", 1)


async def test_a_load_that_fails_is_said_on_the_loading_screen(
    make_pack: PackFactory, release: threading.Event
) -> None:
    root = make_pack()
    app = loading_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shutil.rmtree(root)
        release.set()
        await until(pilot, lambda: "Could not read the pack" in shown_text(app), "the failure")
        assert "no such content directory" in shown_text(app)
        assert isinstance(app.screen, LoadingScreen)
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_terminal_too_small_meanwhile_still_gets_the_reader_or_the_failure(
    make_pack: PackFactory, release: threading.Event
) -> None:
    """The too-small notice is a mode of its own: the pack arriving (or failing) under it
    must still take the loading screen's place once the terminal is big again."""
    app = loading_app(make_pack())
    async with app.run_test(size=(20, 5)) as pilot:
        await pilot.pause()
        release.set()
        await until(pilot, lambda: app.reader.pack.articles, "the load")
        assert app.loading  # the loading screen stays until it can be replaced
        await pilot.resize_terminal(100, 30)
        await until(pilot, lambda: app.shown_name() == "compare", "the last session's screen")
        assert not any(isinstance(s, LoadingScreen) for s in app.get_screen_stack("main"))
        await pilot.press("1")
        assert "Chips and money" in shown_text(app)
    root = make_pack()
    shutil.rmtree(root)
    failing = loading_app(root)
    async with failing.run_test(size=(20, 5)) as pilot:
        await pilot.pause()
        under = failing.get_screen_stack("main")[-1]
        assert isinstance(under, LoadingScreen)
        await until(pilot, lambda: under.query("#loading-failed"), "the failure, under the notice")
        await pilot.resize_terminal(100, 30)
        await until(pilot, lambda: "Could not read the pack" in shown_text(failing), "the failure")


def test_only_a_large_pack_is_loaded_after_the_first_frame(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_pack()
    manifest = pack_manifest(root)
    assert not worth_loading_aside(manifest)  # a few kilobytes: loaded before, at once
    monkeypatch.setattr(manifest_module, "LOAD_ASIDE_FROM", len(ARTICLE))
    assert worth_loading_aside(manifest)
    assert not worth_loading_aside("not a manifest")


START_WITH_A_SMALL_THRESHOLD = """
import sys
from aiplan_tui.compiled import manifest
manifest.LOAD_ASIDE_FROM = 1
from aiplan_tui.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_command_shows_the_loading_screen_then_the_pack_and_compiles_it(
    make_pack: PackFactory, tmp_path: Path
) -> None:
    """The whole path through the command line, in a terminal: a pack with no compiled pack
    is loaded after the first frame, and compiled for the next start."""
    root = make_pack()
    home = tmp_path / "home"
    home.mkdir()
    code = START_WITH_A_SMALL_THRESHOLD
    process, master, slave = app_in_pty(home, 100, 30, "--content", str(root), code=code)
    os.close(slave)
    with app_stopped(process, master):
        screen = PtyScreen(master, 100, 30)
        screen.wait_for("Chips and money")
        database = compiled_path(root, home / "cache" / "aiplan-tui")
        assert until_exists(screen, database), "the pack was not compiled for the next start"
        os.write(master, b"q")
        assert screen.exit_status(process) == 0


def until_exists(screen: PtyScreen, path: Path, limit: float = 30.0) -> bool:
    """Keep reading the app's output until `path` exists (the compile is a background
    thread's), for at most `limit` seconds."""
    end = time.monotonic() + limit
    while not path.exists():
        if time.monotonic() > end:
            return False
        screen.read(0.1)
    return True


async def test_closing_while_the_pack_is_compiled_stops_the_build_and_leaves_no_file(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch, isolated_cache: Path
) -> None:
    """asyncio joins the app's worker threads when it ends: `q` during the compile of a
    100,000-highlight pack took 15 s. The build now stops at its next pause, and takes its
    temporary file with it."""
    from aiplan_tui.core import pausing
    from aiplan_tui.search.pack_docs import PackDocs

    root = make_pack()
    monkeypatch.setattr(pausing, "PAUSE_EVERY", 1)
    reached, gate = threading.Event(), threading.Event()
    passing = PackDocs.passing

    def held(self: PackDocs) -> Iterator[Doc]:
        for number, doc in enumerate(passing(self)):
            if number == 1:
                reached.set()
                gate.wait(30)
            yield doc

    monkeypatch.setattr(PackDocs, "passing", held)
    app = make_app(root, Startup(manifest=pack_manifest(root)))
    async with app.run_test() as pilot:
        await until(pilot, reached.is_set, "the compile under way")
        await pilot.press("q")
    gate.set()
    end = time.monotonic() + 30
    while app.still_working and time.monotonic() < end:
        gate.wait(0.02)  # the thread reaching its next pause: it stops there
    assert not app.still_working
    assert app.search.index is None
    assert list((isolated_cache / "aiplan-tui").iterdir()) == []  # no database, no .tmp
