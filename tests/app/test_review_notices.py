"""Review's words to the user never cover what is being edited (issue 30, item 6): said on
Review's own status line, not in notices over the detail pane or a dialog; without colour
(`NO_COLOR`) a ticked box and an unticked one read differently."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.screens.review_dialogs import ManyDialog, Ticks
from conftest import PackFactory, until
from reviewing import open_dialog, review_pack, reviewing, said, status


def boxes(ticks: Ticks) -> list[str]:
    return [ticks.render_line(y).text[:4] for y in range(ticks.option_count)]


@pytest.mark.parametrize("no_color", [True, False])
async def test_ticked_and_unticked_boxes_differ_without_colour(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    async with reviewing(review_pack(make_pack)) as (app, pilot):
        await open_dialog(pilot, "D", ManyDialog)
        await pilot.press("space")
        ticks = app.screen.query_one(Ticks)
        if no_color:
            assert boxes(ticks) == ["[x] ", "[ ] "]
        else:  # with colour, Textual's own button, its colours telling them apart
            assert all(box.startswith("▐X▌") for box in boxes(ticks))


def covered(app: AiplanApp) -> list[str]:
    """The notices drawn over Review's detail pane."""
    pane = app.screen.query_one("#review-preview-pane").region
    return [
        str(toast.render()) for toast in app.screen.query("Toast") if toast.region.overlaps(pane)
    ]


async def test_reviews_words_are_on_its_status_line_not_over_the_detail(
    make_pack: PackFactory,
) -> None:
    async with reviewing(review_pack(make_pack), notifications=True) as (app, pilot):
        await pilot.press("a")
        await until(pilot, lambda: status(app) == "1 of 2 suggestions", "accepted")
        await pilot.press("n", "escape", "x")  # a second and third edit in a row
        await until(pilot, lambda: status(app) == "1 of 1 suggestion", "rejected")
        await pilot.pause()
        assert said(app).startswith("Rejected p-investment")
        assert said(app) in str(app.screen.query_one("#review-said", Static).render())
        assert not covered(app)
        app.notify("The pack's files changed on disk: it is shown again.")  # the app's own
        await until(pilot, lambda: app.screen.query("Toast"), "the notice")
        await pilot.pause()
        assert not covered(app)


async def test_the_apps_notices_stay_off_a_review_dialog(make_pack: PackFactory) -> None:
    """A notice of the app's own (the pack changed on disk) while the person box is open."""
    from textual.containers import Vertical

    from aiplan_tui.ui.screens.person_dialog import PersonDialog

    async with reviewing(review_pack(make_pack), size=(80, 24), notifications=True) as (app, pilot):
        await open_dialog(pilot, "p", PersonDialog)
        app.notify("The pack's files changed on disk: it is shown again.")
        await until(pilot, lambda: app.screen.query("Toast"), "the notice")
        await pilot.pause()
        box = app.screen.query_one(Vertical).region
        assert not [t for t in app.screen.query("Toast") if t.region.overlaps(box)]
