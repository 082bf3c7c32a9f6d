"""Review (`4`): the suggested highlights in reading order; each key writes its change to the
pack's files, says what it wrote where, and the app shows the pack loaded again."""

from __future__ import annotations

from pathlib import Path

import tomli
from textual import events
from textual.widgets import Input, OptionList, Static

from aiplan_tui.ui.screens.review import EMPTY, ReviewScreen
from aiplan_tui.ui.screens.review_dialogs import ChoiceDialog, ManyDialog, TextDialog
from aiplan_tui.ui.screens.speaker_dialog import SpeakerDialog
from conftest import ENTITIES, PackFactory, make_app, until
from reviewing import (
    FILE,
    SUGGESTED,
    current,
    open_dialog,
    open_review,
    review_pack,
    reviewing,
    said,
    screen_of,
    status,
    tables,
)


async def test_the_suggestions_are_listed_in_reading_order_and_walked(
    make_pack: PackFactory,
) -> None:
    async with reviewing(review_pack(make_pack)) as (app, pilot):
        assert current(app) == "q-restricted"
        assert status(app) == "1 of 3 suggestions"
        listed = app.screen.query_one(OptionList)
        lines = [str(listed.get_option_at_index(n).prompt) for n in range(listed.option_count)]
        assert lines[0] == "Chips and money  3"  # the article's heading
        assert lines[1].startswith("❝ Maria Lopez") and "restricted chip exports" in lines[1]
        assert lines[2].startswith("◆ United States")
        assert lines[3].startswith("◷ 2025-07-29  in China")
        preview = str(app.screen.query_one("#review-preview", Static).render())
        assert "Chips and money" in preview and "Maria Lopez, trade analyst" in preview
        assert "paraphrase" in preview
        await pilot.press("right_square_bracket")
        assert current(app) == "p-investment" and status(app) == "2 of 3 suggestions"
        await pilot.press("j")
        assert current(app) == "e-china"
        await pilot.press("left_square_bracket", "k")
        assert current(app) == "q-restricted"
        assert app.pack.highlight("q-restricted") is None  # not shown until accepted


async def test_accept_drops_the_status_line_and_the_reader_then_has_it(
    make_pack: PackFactory,
) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        old_reader = app.reader
        await pilot.press("a")
        await until(pilot, lambda: current(app) == "p-investment", "the next suggestion")
        assert said(app) == f"Accepted q-restricted in {FILE}"
        expected = SUGGESTED.replace(
            'id = "q-restricted"\narticle = "wire"\nstatus = "suggested"\n',
            'id = "q-restricted"\narticle = "wire"\n',
        )
        assert path.read_text(encoding="utf-8") == expected
        assert app.pack.highlight("q-restricted") is not None
        assert status(app) == "1 of 2 suggestions"
        await pilot.press("1")
        await until(pilot, lambda: app.screen is app.reader, "the reader")
        # Shown in place (issue 33): the same reader, on the new pack.
        assert app.reader is old_reader and app.reader.pack is app.pack
        app.open_quote("q-restricted")
        await until(pilot, lambda: app.reader.selected_highlight() == "q-restricted", "it open")
        await pilot.press("3")
        await until(pilot, lambda: app.screen is app.quotes_screen, "the quotes")
        assert any(q.id == "q-restricted" for q in app.quotes_screen.shown)


async def test_reject_takes_the_table_and_its_comment_out_of_the_file(
    make_pack: PackFactory,
) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        await pilot.press("G", "x")
        await until(pilot, lambda: status(app) == "2 of 2 suggestions", "two left")
        text = path.read_text(encoding="utf-8")
        assert "e-china" not in text and "date-like" not in text
        assert set(tables(path)) == {"q-restricted", "p-investment"}
        assert said(app) == f"Rejected e-china: its table is gone from {FILE}"
        assert current(app) == "p-investment"


async def test_the_speaker_is_picked_from_the_pack_or_added_as_a_new_person(
    make_pack: PackFactory,
) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        await open_dialog(pilot, "s", SpeakerDialog)
        await pilot.press(*"gorge chen", "down", "enter")  # a typo: offered below a new person
        await until(pilot, lambda: tables(path)["q-restricted"]["speaker"] == "george-chen", "it")
        assert isinstance(app.screen, ReviewScreen)
        assert said(app) == f"q-restricted: speaker george-chen, in {FILE}"
        assert current(app) == "q-restricted"
        await open_dialog(pilot, "s", SpeakerDialog)
        await pilot.press(*"Ann Lee", "enter")
        await until(pilot, lambda: tables(path)["q-restricted"]["speaker"] == "ann-lee", "Ann")
        entities = tables(root / "entities.toml")
        assert entities["ann-lee"]["name"] == "Ann Lee"
        assert app.pack.entity("ann-lee") is not None
        assert (root / "entities.toml").read_text(encoding="utf-8").startswith(ENTITIES)


async def test_dimensions_sides_note_and_kind(make_pack: PackFactory) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        await open_dialog(pilot, "D", ManyDialog)
        await pilot.press("space", "enter")  # chips ticked
        await until(pilot, lambda: tables(path)["q-restricted"].get("dimensions"), "dimensions")
        assert tables(path)["q-restricted"]["dimensions"] == ["chips"]
        await open_dialog(pilot, "S", ManyDialog)
        await pilot.press("down", "space", "enter")  # China ticked
        await until(pilot, lambda: tables(path)["q-restricted"].get("sides"), "sides")
        assert tables(path)["q-restricted"]["sides"] == ["china"]
        await open_dialog(pilot, "n", TextDialog)
        await pilot.press(*"Check who said it.", "enter")
        await until(pilot, lambda: tables(path)["q-restricted"].get("note"), "the note")
        assert tables(path)["q-restricted"]["note"] == "Check who said it."
        await open_dialog(pilot, "n", TextDialog)
        assert app.screen.query_one(Input).value == "Check who said it."  # prefilled
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "back")
        assert "# suggested: a remark" in path.read_text(encoding="utf-8")  # comments stay
        await pilot.press("G")
        await open_dialog(pilot, "K", ChoiceDialog)
        assert "Review cannot invent" in str(app.screen.query_one(".dialog-note", Static).render())
        await pilot.press("down", "enter")  # quote, (fact: not offered), position
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "whose position")
        await pilot.press("down", "enter")  # China
        await until(pilot, lambda: tables(path)["e-china"]["kind"] == "position", "a position")
        changed = tables(path)["e-china"]
        assert changed["side"] == "china" and "date" not in changed


async def test_into_an_existing_cell_and_a_new_one_with_the_summary_typed(
    make_pack: PackFactory,
) -> None:
    root = review_pack(make_pack)
    comparison = root / "comparison.toml"
    async with reviewing(root) as (app, pilot):
        await pilot.press("right_square_bracket")  # the U.S. position
        await pilot.press("c")
        await until(pilot, lambda: "D, S" in said(app), "what to set first")
        await open_dialog(pilot, "D", ManyDialog)
        await pilot.press("space", "down", "space", "enter")  # chips and investment
        await until(pilot, lambda: len(screen_of(app).items[1].dimensions) == 2, "two dims")
        await open_dialog(pilot, "c", TextDialog)  # chips/us: no such cell yet
        cells = tomli.loads(comparison.read_text(encoding="utf-8"))["cell"]
        assert cells[0]["highlights"] == ["f-us", "p-investment"]
        await pilot.press(*"Restricts exports.", "enter")
        await until(pilot, lambda: "New cell" in said(app), "the new cell")
        cells = tomli.loads(comparison.read_text(encoding="utf-8"))["cell"]
        assert cells[1] == {
            "dimension": "chips",
            "side": "us",
            "summary": "Restricts exports.",
            "highlights": ["p-investment"],
        }
        assert said(app) == "New cell chips/us with p-investment in comparison.toml"
        assert any("investment/us" in n.message for n in app.notices)


async def test_a_file_gone_or_unwritable_gives_a_notice_and_changes_nothing(
    make_pack: PackFactory,
) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        path.unlink()
        await pilot.press("a")
        await until(pilot, lambda: "Nothing changed" in said(app), "the notice")
        assert app.notices[-1].severity == "error"
        assert not path.exists()
        assert isinstance(app.screen, ReviewScreen) and app.is_running
        path.write_text(SUGGESTED, encoding="utf-8")
        await pilot.press("right_square_bracket")
        await open_dialog(pilot, "n", TextDialog)
        path.write_text("not [ toml", encoding="utf-8")  # changed under Review's feet
        await pilot.press(*"x", "enter")
        await until(pilot, lambda: said(app).startswith("Nothing changed"), "the second notice")
        assert path.read_text(encoding="utf-8") == "not [ toml"
        assert isinstance(app.screen, ReviewScreen) and app.is_running


async def test_with_nothing_suggested_it_says_how_to_add_an_article(
    make_pack: PackFactory,
) -> None:
    app = make_app(make_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review screen")
        await pilot.pause()
        assert str(app.screen.query_one("#review-preview", Static).render()) == EMPTY
        await pilot.press("a", "x", "s", "c")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and not app.notices


async def test_after_a_change_the_compiled_pack_and_the_saved_state_follow(
    make_pack: PackFactory, tmp_path: Path
) -> None:
    """The reload takes the new files' manifest, so the index compiled for them is current
    at the next start; the state saved after it still names the reader's article."""
    from aiplan_tui.compiled.current import open_compiled
    from aiplan_tui.compiled.manifest import pack_manifest
    from aiplan_tui.settings.state import StateStore
    from aiplan_tui.ui.startup import Startup

    root = review_pack(make_pack)
    store = StateStore(tmp_path / "state.json")
    app = make_app(root, Startup(manifest=pack_manifest(root), store=store))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.search.index is not None, "the first index")
        await open_review(app, pilot)
        await pilot.press("a")
        await until(pilot, lambda: app.pack.highlight("q-restricted") is not None, "accepted")
        assert app.session.manifest == pack_manifest(root)
        await until(pilot, lambda: open_compiled(root) is not None, "the pack compiled again")
        compiled = open_compiled(root)
        assert compiled is not None
        assert compiled.load_result(root).pack.highlight("q-restricted") is not None
        compiled.close()
        await pilot.press("q")
    saved, _ = store.load()
    assert saved.article == "wire" and saved.screen == "reader"


async def test_keys_typed_together_in_the_ticks_keep_what_they_meant(
    make_pack: PackFactory,
) -> None:
    """`down space enter` sent at once (tmux, a slow link): the enter kept the ticks before
    the cursor had moved and the tick was made, and the down then moved the Review list."""
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        first = current(app)
        await open_dialog(pilot, "D", ManyDialog)
        for key in ("down", "space", "enter"):  # queued together, as a terminal delivers them
            app.post_message(events.Key(key, " " if key == "space" else None))
        await until(pilot, lambda: tables(path)["q-restricted"].get("dimensions"), "dimensions")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the dialog closed")
        assert tables(path)["q-restricted"]["dimensions"] == [app.pack.dimensions[1].id]
        assert current(app) == first, "the Review list did not move"
