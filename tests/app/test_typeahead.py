"""Keys that wait for a screen change are replayed in the order they were typed, whatever
arrives meanwhile."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Input

from aiplan_tui.ui.typeahead import TypeAheadApp
from conftest import until


class HeldUntilToldApp(TypeAheadApp):
    """One box; a hold lasts until the test releases it (not until a screen is ready)."""

    def compose(self) -> ComposeResult:
        yield Input()

    def _release_when_ready(self, tries: int) -> None:
        pass


def type_keys(app: TypeAheadApp, text: str) -> None:
    for character in text:
        app.post_message(events.Key(character, character))


async def test_a_key_on_its_way_when_the_hold_ends_waits_behind_the_held_keys() -> None:
    """CI typed `3` `f` `chen` in tmux and the quotes filter stayed empty: the held keys were
    replayed at the end of the queue, behind keys that arrived while they were held, so
    `chen` reached the list before `f` moved the focus (in-process it read "hen" or "n")."""
    app = HeldUntilToldApp()
    async with app.run_test() as pilot:
        box = app.query_one(Input)
        await until(pilot, lambda: app.focused is box, "the box focused")
        app.hold_keys()
        type_keys(app, "ch")
        await pilot.pause()
        assert box.value == ""  # held
        type_keys(app, "en")  # on its way as the hold ends
        app.release_keys()
        await until(pilot, lambda: box.value == "chen", f"the box to read chen: {box.value!r}")
        type_keys(app, "!")
        await until(pilot, lambda: box.value == "chen!", f"a later key typed: {box.value!r}")


async def test_keys_wait_again_when_a_replayed_key_starts_another_hold() -> None:
    app = HeldUntilToldApp()
    async with app.run_test() as pilot:
        box = app.query_one(Input)
        await until(pilot, lambda: app.focused is box, "the box focused")
        app.hold_keys()
        type_keys(app, "ab")
        await pilot.pause()
        app.release_keys()
        app.hold_keys()  # before the replay: every key waits for this one too
        type_keys(app, "c")
        await pilot.pause()
        assert box.value == ""
        app.release_keys()
        await until(pilot, lambda: box.value == "abc", f"the box to read abc: {box.value!r}")
