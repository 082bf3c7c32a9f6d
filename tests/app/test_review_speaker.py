"""Review's speaker box (issue 30, item 2): typed text that names no one exactly is a new
person, `Name, role` is split into the two; the pack's people are offered, never imposed."""

from __future__ import annotations

from textual.widgets import OptionList

from aiplan_tui.ui.screens.speaker_dialog import SpeakerDialog
from conftest import ENTITIES, PackFactory, until
from reviewing import (
    FILE,
    LOPEZ,
    SUGGESTED,
    current,
    open_dialog,
    review_pack,
    reviewing,
    said,
    tables,
)


def listed(app: object) -> list[str]:
    options = app.screen.query_one(OptionList)  # type: ignore[attr-defined]
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_enter_on_a_name_no_one_has_makes_that_person_with_the_role(
    make_pack: PackFactory,
) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        await open_dialog(pilot, "s", SpeakerDialog)
        await pilot.press(*"Li Qiang, Premier")
        shown = listed(app)
        assert shown[0].startswith("New person: Li Qiang"), shown
        assert "Premier" in shown[0]
        await pilot.press("enter")
        await until(pilot, lambda: tables(path)["q-restricted"]["speaker"] == "li-qiang", "Li")
        person = tables(root / "entities.toml")["li-qiang"]
        assert person["name"] == "Li Qiang" and person["role"] == "Premier"
        assert said(app) == f"q-restricted: speaker li-qiang, in {FILE}"


async def test_the_pack_people_are_offered_below_and_taken_by_moving_to_them(
    make_pack: PackFactory,
) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        await open_dialog(pilot, "s", SpeakerDialog)
        await pilot.press(*"gorge chen")  # a typo: offered, not imposed
        shown = listed(app)
        assert shown[0].startswith("New person: gorge chen")
        assert shown[1].startswith("George Chen")
        await pilot.press("down", "enter")
        await until(pilot, lambda: tables(path)["q-restricted"]["speaker"] == "george-chen", "him")
        await open_dialog(pilot, "s", SpeakerDialog)
        await pilot.press(*"maria lopez, analyst", "enter")  # her name exactly: her
        await until(pilot, lambda: tables(path)["q-restricted"]["speaker"] == "maria-lopez", "her")
        await open_dialog(pilot, "s", SpeakerDialog)
        await pilot.press(*"Chen", "enter")  # an alias exactly: him
        await until(pilot, lambda: tables(path)["q-restricted"]["speaker"] == "george-chen", "him")
        assert "li-qiang" not in (root / "entities.toml").read_text(encoding="utf-8")


async def test_a_on_a_quote_with_no_speaker_asks_who_said_it(make_pack: PackFactory) -> None:
    """Issue 29: a quote `add` found no speaker for is still a suggestion; accepting it asks
    who said it (a quote is accepted with its speaker), and `a` again accepts it."""
    nobody = SUGGESTED.replace('speaker = "maria-lopez"\n', "")
    root = make_pack({FILE: nobody, "entities.toml": ENTITIES + LOPEZ})
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        await open_dialog(pilot, "a", SpeakerDialog)
        assert tables(path)["q-restricted"]["status"] == "suggested", "nothing accepted yet"
        await pilot.press(*"Maria Lopez", "enter")
        await until(
            pilot, lambda: tables(path)["q-restricted"].get("speaker") == "maria-lopez", "her"
        )
        await until(
            pilot, lambda: current(app) == "q-restricted", "the quote still under the cursor"
        )
        await pilot.press("a")
        await until(
            pilot, lambda: tables(path)["q-restricted"].get("status") != "suggested", "accepted"
        )
