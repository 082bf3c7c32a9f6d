"""A change written to a large pack from Review or with `m`: the pack is loaded again in a
thread. (Issue 16: at 100,000 highlights each edit froze the app for 8 s while the pack was
loaded again on the UI thread.) Keys act meanwhile; a new change waits until the last is read,
while an edit of several writes reloads once, at its end; a screen asked for meanwhile opens
on the new pack; a failed load is said; and quitting does not wait for the load."""

from __future__ import annotations

import gc
import shutil
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from aiplan_tui.authoring import review
from aiplan_tui.compiled import manifest as manifest_module
from aiplan_tui.compiled.manifest import pack_manifest
from aiplan_tui.core.pausing import Pause
from aiplan_tui.pack import loader
from aiplan_tui.pack.result import LoadResult
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.reload_service import READING, RELOADING
from aiplan_tui.ui.screens.help import HelpScreen
from aiplan_tui.ui.screens.review import ReviewScreen
from aiplan_tui.ui.screens.review_dialogs import TextDialog
from aiplan_tui.ui.screens.search import SearchScreen
from aiplan_tui.ui.screens.speaker_dialog import SpeakerDialog
from aiplan_tui.ui.startup import Startup
from conftest import PackFactory, make_app, until
from reviewing import FILE, current, open_review, review_pack, reviewing, said, status, tables


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


async def read_again(app: AiplanApp, pilot: Pilot[None], held: Held) -> None:
    """Let the held load go on, and wait until the pack is read again."""
    held.release()
    await until(pilot, lambda: not app.reloading, "the pack read again")


@asynccontextmanager
async def in_review(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[AiplanApp, Pilot[None], Held]]:
    """The app on the pack at `root` as a large one, in Review, its loads held from now."""
    app = large_pack_app(root, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        yield app, pilot, Held(monkeypatch)


async def test_review_answers_keys_while_the_pack_is_read_again(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = review_pack(make_pack)
    async with in_review(root, monkeypatch) as (app, pilot, held):
        await until(pilot, lambda: app.search.index is not None, "the first index")
        frozen = gc.get_freeze_count()
        await pilot.press("a")
        assert app.reloading
        assert notices(app)[-2:] == [f"Accepted q-restricted in {FILE}", READING]  # at once
        written = (root / FILE).read_text(encoding="utf-8")
        await pilot.press("j")  # the app is not frozen: the list still moves
        assert current(app) == "p-investment"
        await pilot.press("x")  # a second change waits for the first to be read
        assert said(app) == RELOADING
        assert (root / FILE).read_text(encoding="utf-8") == written
        await read_again(app, pilot, held)
        assert status(app) == "1 of 2 suggestions"
        assert current(app) == "p-investment"
        assert app.pack.highlight("q-restricted") is not None
        # nothing kept out of the collector for good: the screens the reload dropped go
        assert gc.get_freeze_count() <= frozen  # (frozen objects freed meanwhile count down)
        await pilot.press("x")  # and now it is made
        await until(pilot, lambda: status(app) == "1 of 1 suggestion", "the reject")
        assert "p-investment" not in (root / FILE).read_text(encoding="utf-8")


async def test_a_screen_asked_for_meanwhile_opens_on_the_new_pack(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = review_pack(make_pack)
    async with in_review(root, monkeypatch) as (app, pilot, held):
        await pilot.press("a", "1")
        assert said(app) == "The reader opens once the pack is read again."
        assert isinstance(app.screen, ReviewScreen)
        held.release()
        await until(pilot, lambda: app.screen is app.reader, "the reader, once read")
        assert app.reader.pack is app.pack  # made from the new pack, not kept from the old
        assert app.pack.highlight("q-restricted") is not None
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "Review again")
        await until(pilot, lambda: status(app) == "1 of 2 suggestions", "the new list")


async def test_a_new_person_as_speaker_is_added_and_set_with_one_reload(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two writes (the person, then the speaker) make one edit: the second is not refused
    for the reload the first would have started."""
    root = review_pack(make_pack)
    async with in_review(root, monkeypatch) as (app, pilot, held):
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, SpeakerDialog), "the speaker dialog")
        await pilot.press(*"Ann Lee", "enter")
        await until(pilot, lambda: app.reloading, "the reload")
        assert tables(root / FILE)["q-restricted"]["speaker"] == "ann-lee"
        assert tables(root / "entities.toml")["ann-lee"]["name"] == "Ann Lee"
        assert RELOADING not in notices(app)
        await read_again(app, pilot, held)
        assert held.ended == ["loaded"]  # once, for both
        assert app.pack.entity("ann-lee") is not None


async def test_compare_cells_wait_for_the_pack_read_again(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = review_pack(make_pack)
    comparison = root / "comparison.toml"
    async with in_review(root, monkeypatch) as (app, pilot, held):
        before = comparison.read_text(encoding="utf-8")
        await pilot.press("x")  # the quote rejected: the pack is read again
        assert app.reloading
        for key in ("c", "n", "D"):  # nothing written, no dialog opened meanwhile
            await pilot.press(key)
            assert said(app) == RELOADING and isinstance(app.screen, ReviewScreen)
        assert comparison.read_text(encoding="utf-8") == before
        await read_again(app, pilot, held)


async def test_a_reload_that_fails_says_so_and_keeps_the_pack(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = review_pack(make_pack)
    async with in_review(root, monkeypatch) as (app, pilot, held):
        old = app.pack
        await pilot.press("a")
        shutil.rmtree(root)
        held.release()
        await until(pilot, lambda: not app.reloading, "the reload's end")
        notice = app.notices[-1]
        assert notice.title == "Pack not reloaded" and "no such content directory" in notice.message
        assert app.pack is old and isinstance(app.screen, ReviewScreen)


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
        await read_again(app, pilot, held)
        assert [h.id for h in app.pack.suggested] == ["m-private-ai-investment-reached"]
        assert [h.id for h in app.reader.pack.suggested] == [h.id for h in app.pack.suggested]


async def test_review_asked_for_after_m_lists_the_mark(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`m` says "review it with 4": pressed before the pack is read again, Review opens
    once it is, listing the mark (not made from the pack before it)."""
    root = make_pack()
    app = large_pack_app(root, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "j")
        await until(pilot, lambda: app.reader.article_view.paragraph == 1, "the 2nd paragraph")
        held = Held(monkeypatch)
        await pilot.press("m", "4")
        assert said(app) == "Review opens once the pack is read again."
        held.release()
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "Review")
        await until(pilot, lambda: current(app) is not None, "a suggestion")
        assert current(app) == "m-private-ai-investment-reached"


async def test_quitting_does_not_wait_for_the_pack_read_again(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = review_pack(make_pack)
    async with in_review(root, monkeypatch) as (app, pilot, held):
        await pilot.press("a")
        assert app.reloading
        await pilot.press("q")
    assert app.return_code == 0
    assert app.still_working  # the app ended without waiting for the load
    held.release()
    end = time.monotonic() + 30
    while app.still_working and time.monotonic() < end:
        held.released.wait(0.02)
    assert held.ended == ["Closing"]  # stopped at its first pause


async def test_a_small_pack_is_read_again_at_once(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = review_pack(make_pack)
    async with reviewing(root, startup=Startup(manifest=pack_manifest(root))) as (app, pilot):
        threads: list[threading.Thread] = []
        load = loader.load_pack

        def noted(root: Path, pause: Pause | None = None) -> LoadResult:
            threads.append(threading.current_thread())
            return load(root, pause)

        monkeypatch.setattr(loader, "load_pack", noted)
        await pilot.press("a")
        assert threads == [threading.main_thread()] and not app.reloading
        assert status(app) == "1 of 2 suggestions"  # listed again before the next key


async def test_a_dialog_opened_meanwhile_is_not_replaced_by_the_screen_asked_for(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = review_pack(make_pack)
    async with in_review(root, monkeypatch) as (app, pilot, held):
        await pilot.press("a", "1", "question_mark")  # the reader asked for, then help opened
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        await read_again(app, pilot, held)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)  # still there: the later wish wins
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "Review, under it")
        assert status(app) == "1 of 2 suggestions"  # and it shows the new pack


async def test_a_go_to_meanwhile_opens_in_the_reader_of_the_new_pack(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = review_pack(make_pack)
    async with in_review(root, monkeypatch) as (app, pilot, held):
        await pilot.press("a")
        app.go_to("highlight", "f-us")  # as the palette's go-to does
        assert said(app) == "The reader opens once the pack is read again."
        held.release()
        await until(pilot, lambda: app.screen is app.reader, "the reader")
        await until(pilot, lambda: app.reader.selected_highlight() == "f-us", "the highlight")
        assert app.reader.pack is app.pack


TWO_BY_TWO = """\
[[event]]
id = "e-two"
article = "wire"
status = "suggested"
exact = "in China"
sides = ["us", "china"]
dimensions = ["chips", "investment"]
"""


async def test_a_long_edit_reloads_once_at_its_end_even_after_a_failed_step(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`c` on a suggestion of two dimensions and two sides asks for the summaries of the
    cells Compare lacks, one after another; one failing must not start the reload while the
    rest are still being written."""
    root = make_pack({"highlights/wire-review.toml": TWO_BY_TWO})
    app = large_pack_app(root, monkeypatch)
    made = review.new_cell

    def failing_first(*args: Any) -> None:
        monkeypatch.setattr(review, "new_cell", made)
        raise review.ReviewError("the file changed under Review")

    monkeypatch.setattr(review, "new_cell", failing_first)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(app, pilot)
        held = Held(monkeypatch)
        await pilot.press("c")
        for summary in ("one", "two", "three"):
            await until(pilot, lambda: isinstance(app.screen, TextDialog), f"asked: {summary}")
            assert not app.reloading
            await pilot.press(*summary, "enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "Review")
        assert app.reloading  # once, now, for all of it
        await read_again(app, pilot, held)
        summaries = {cell.summary for cell in app.pack.comparison}
        assert {"two", "three"} <= summaries and "one" not in summaries
        assert held.ended == ["loaded"]


async def test_search_typed_ahead_while_the_pack_is_read_again_gets_its_text(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`/` opens at once (its results wait on their own): deferred, the query's `q` quit."""
    root = review_pack(make_pack)
    async with in_review(root, monkeypatch) as (app, pilot, held):
        await pilot.press("a", "slash", *"quantum")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen), "the search")
        assert app.screen.query_one(Input).value == "quantum"
        assert app.is_running
        await read_again(app, pilot, held)


async def test_under_the_too_small_notice_a_dialog_still_is_not_replaced(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = review_pack(make_pack)
    async with in_review(root, monkeypatch) as (app, pilot, held):
        await pilot.press("a", "1", "question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        await pilot.resize_terminal(30, 8)
        await read_again(app, pilot, held)
        await pilot.resize_terminal(100, 30)
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help, still")
        assert notices(app)[-1].startswith("The pack is read again. What waited for it")
