"""A change written to a large pack from Review or with `m`: the pack is loaded again in a
thread. (Issue 16: at 100,000 highlights each edit froze the app for 8 s while the pack was
loaded again on the UI thread.) Keys act meanwhile; a second change waits until the first is
read; leaving Review meanwhile is safe; and quitting does not wait for the load."""

from __future__ import annotations

import gc
import threading
import time
from pathlib import Path

import pytest

from aiplan_tui.compiled import manifest as manifest_module
from aiplan_tui.compiled.manifest import pack_manifest
from aiplan_tui.core.pausing import Pause
from aiplan_tui.pack import loader
from aiplan_tui.pack.result import LoadResult
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.reloader import READING, RELOADING
from aiplan_tui.ui.screens.review import ReviewScreen
from aiplan_tui.ui.startup import Startup
from conftest import PackFactory, make_app, until
from test_review_screen import FILE, current, open_review, review_pack, said, status


def notices(app: AiplanApp) -> list[str]:
    return [notice.message for notice in app.notices]


class Held:
    """Loads of the pack held until `release()`; how each held one ended."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.released = threading.Event()
        self.ended: list[str] = []
        load = loader.load_pack

        def held(root: Path, pause: Pause | None = None) -> LoadResult:
            self.released.wait(30)
            try:
                result = load(root, pause)
            except Exception as error:
                self.ended.append(type(error).__name__)
                raise
            self.ended.append("loaded")
            return result

        monkeypatch.setattr(loader, "load_pack", held)

    def release(self) -> None:
        self.released.set()


def large_pack_app(root: Path, monkeypatch: pytest.MonkeyPatch) -> AiplanApp:
    """The app as it starts on a pack large enough to be loaded again in a thread."""
    monkeypatch.setattr(manifest_module, "LOAD_ASIDE_FROM", 1)
    return make_app(root, Startup(manifest=pack_manifest(root)))


async def test_review_answers_keys_while_the_pack_is_read_again(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = review_pack(make_pack)
    app = large_pack_app(root, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        await until(pilot, lambda: app.search.index is not None, "the first index")
        frozen = gc.get_freeze_count()
        held = Held(monkeypatch)
        await pilot.press("a")
        assert app.reloading
        assert notices(app)[-2:] == [f"Accepted q-restricted in {FILE}", READING]  # at once
        written = (root / FILE).read_text(encoding="utf-8")
        await pilot.press("j")  # the app is not frozen: the list still moves
        assert current(app) == "p-investment"
        await pilot.press("x")  # a second change waits for the first to be read
        assert said(app) == RELOADING
        assert (root / FILE).read_text(encoding="utf-8") == written
        held.release()
        await until(pilot, lambda: not app.reloading, "the pack read again")
        assert status(app) == "1 of 2 suggestions"
        assert current(app) == "p-investment"
        assert app.pack.highlight("q-restricted") is not None
        # nothing kept out of the collector for good: the screens the reload dropped go
        assert gc.get_freeze_count() <= frozen  # (frozen objects freed meanwhile count down)
        await pilot.press("x")  # and now it is made
        await until(pilot, lambda: status(app) == "1 of 1 suggestion", "the reject")
        assert "p-investment" not in (root / FILE).read_text(encoding="utf-8")


async def test_leaving_review_while_the_pack_is_read_again(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = review_pack(make_pack)
    app = large_pack_app(root, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        held = Held(monkeypatch)
        await pilot.press("a", "1")
        await until(pilot, lambda: app.shown_name() == "reader", "the reader")
        held.release()
        await until(pilot, lambda: not app.reloading, "the pack read again")
        assert "review" not in app.made  # dropped, made again from the new pack
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "Review again")
        await until(pilot, lambda: status(app) == "1 of 2 suggestions", "the new list")


async def test_marking_waits_for_the_pack_read_again(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_pack()
    app = large_pack_app(root, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "j")
        await until(pilot, lambda: app.reader.article_view.paragraph == 1, "the 2nd paragraph")
        held = Held(monkeypatch)
        await pilot.press("m")
        assert app.reloading
        assert notices(app)[-2].startswith("Marked m-private-ai-investment-reached")
        marked = (root / "highlights" / "wire.toml").read_text(encoding="utf-8")
        await pilot.press("k", "m")  # another sentence: not until the first mark is read
        assert said(app) == RELOADING
        assert (root / "highlights" / "wire.toml").read_text(encoding="utf-8") == marked
        held.release()
        await until(pilot, lambda: not app.reloading, "the pack read again")
        assert [h.id for h in app.pack.suggested] == ["m-private-ai-investment-reached"]
        assert [h.id for h in app.reader.latest.suggested] == [h.id for h in app.pack.suggested]


async def test_quitting_does_not_wait_for_the_pack_read_again(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = review_pack(make_pack)
    app = large_pack_app(root, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        held = Held(monkeypatch)
        await pilot.press("a")
        assert app.reloading
        await pilot.press("q")
    assert app.return_code == 0
    held.release()
    end = time.monotonic() + 30
    while app.still_working and time.monotonic() < end:
        held.released.wait(0.02)
    assert held.ended == ["Closing"]  # stopped at its first pause


async def test_a_small_pack_is_read_again_at_once(make_pack: PackFactory) -> None:
    root = review_pack(make_pack)
    app = make_app(root, Startup(manifest=pack_manifest(root)))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        await pilot.press("a")
        assert not app.reloading
        assert status(app) == "1 of 2 suggestions"  # listed again before the next key
