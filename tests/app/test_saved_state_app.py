"""The app keeps its place, theme choice and search history across runs, and never loses them."""

from __future__ import annotations

import json
from pathlib import Path

from aiplan_tui.settings.state import SavedState, StateStore
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.startup import Startup
from conftest import make_app, until


def app_with(store: StateStore) -> AiplanApp:
    """The app as a start reads it: theme and place from the store, which it also saves to."""
    saved, notes = store.load()
    return make_app(startup=Startup(theme=saved.theme, saved=saved, store=store, notes=notes))


async def test_place_theme_and_history_are_restored_on_the_next_start(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state.json")
    app = app_with(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket", "right_square_bracket")  # the second quote
        await until(pilot, lambda: app.search.index is not None, "the search index")
        await pilot.press("slash", *"camps")

        def listed() -> bool:
            return "result" in str(app.screen.query_one("#search-count").render())

        await until(pilot, listed, "the results")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is app.reader, "the reader")
        await pilot.press("t", "end", "up", "enter")  # a theme other than the default
        await pilot.pause()
        chosen = app.theme
        article = app.reader.article_view.article
        paragraph = app.reader.article_view.paragraph
        await pilot.press("2")
        await pilot.press("q")
    assert article is not None
    data = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    assert data["screen"] == "compare" and data["theme"] == chosen
    assert data["search_history"] == ["camps"]

    again = app_with(store)
    async with again.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: again.screen is again.compare_screen, "the saved screen")
        assert again.theme == chosen
        assert again.screen is again.compare_screen
        view = again.reader.article_view
        assert view.article is not None and view.article.id == article.id
        assert view.paragraph == paragraph
        await pilot.press("slash", "up")
        await pilot.pause()
        assert again.screen.query_one("Input").value == "camps"  # type: ignore[attr-defined]


async def test_a_state_that_cannot_be_saved_gives_one_notice(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the state directory should be", encoding="utf-8")
    store = StateStore(blocker / "state.json")
    app = app_with(store)
    async with app.run_test(notifications=True) as pilot:
        await pilot.press("slash", *"chips", "escape")
        await pilot.press("slash", *"camps", "escape")
        await pilot.pause()
        notices = [n for n in app.notices if n.title == "State not saved"]
        assert len(notices) == 1
    assert blocker.read_text(encoding="utf-8").startswith("a file where")


async def test_a_corrupt_state_is_moved_aside_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"screen": "reader", "search_hist', encoding="utf-8")
    app = app_with(StateStore(path))
    async with app.run_test(notifications=True) as pilot:
        await pilot.pause()
        assert any("moved it to" in n.message for n in app.notices)
        assert app.screen is app.reader
    (aside,) = tmp_path.glob("state.json.corrupt-*")
    assert aside.read_text(encoding="utf-8").startswith('{"screen": "reader"')


async def test_a_saved_place_that_no_longer_exists_is_ignored(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state.json")
    store.save(SavedState(screen="nowhere", article="gone", paragraph=999, theme="nope"))
    app = app_with(store)
    async with app.run_test(notifications=True) as pilot:
        await pilot.pause()
        assert app.screen is app.reader
        assert app.reader.article_view.article is not None
        assert any("There is no theme 'nope'" in n.message for n in app.notices)


def compare_place(app: AiplanApp) -> tuple[str, str, int]:
    screen = app.compare_screen
    assert screen.matrix is not None
    row = screen.matrix.rows[screen.row]
    return row.dimension.id, row.cell(screen.side).side.id, screen.point


async def test_compare_reopens_on_the_row_side_and_point_it_was_left_on(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state.json")
    app = app_with(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "j", "j", "j", "l", "n")  # chips, China, point 2
        await pilot.pause()
        left_on = compare_place(app)
        assert left_on == ("chips", "china", 1)
        await pilot.press("1")
        await until(pilot, lambda: app.screen is app.reader, "the reader")
        await pilot.press("2")
        await until(pilot, lambda: app.screen is app.compare_screen, "compare")
        assert compare_place(app) == left_on
        assert "point 2/" in str(app.compare_screen.query_one("#compare-status").render())
        await pilot.press("q")
    data = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    assert data["compare"] == {"dimension": "chips", "side": "china", "point": 1}

    again = app_with(store)
    async with again.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: again.screen is again.compare_screen, "the saved screen")

        def marked() -> bool:
            point = again.compare_screen.current_point()
            return point is not None and point.selected

        await until(pilot, marked, "the cursor on a point")
        assert compare_place(again) == left_on
