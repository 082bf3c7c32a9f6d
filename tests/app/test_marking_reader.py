"""`m` in the reader: the sentence under the cursor becomes a suggested highlight, written to
the article's highlights file, and Review (`4`) lists it at once."""

from __future__ import annotations

import tomli
from textual.pilot import Pilot

from aiplan_tui.core.reading import Place
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.screens.review import ReviewScreen
from conftest import PackFactory, make_app, until
from reviewing import said

P1 = "Private AI investment reached $109.1 billion in the U.S., against $9.3 billion in China."


def events_in(app: AiplanApp) -> dict[str, dict[str, object]]:
    text = (app.pack.root / "highlights" / "wire.toml").read_text(encoding="utf-8")
    return {t["id"]: t for t in tomli.loads(text).get("event", [])}


async def in_article(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("tab")
    await until(pilot, lambda: pilot.app.focused is pilot.app.reader.article_view, "the article")


async def test_m_marks_the_paragraphs_first_sentence_and_review_lists_it(
    make_pack: PackFactory,
) -> None:
    app = make_app(make_pack())
    async with app.run_test(size=(120, 40)) as pilot:
        await in_article(pilot)
        await pilot.press("j")
        assert app.reader.article_view.paragraph == 1
        await pilot.press("m")
        made = "m-private-ai-investment-reached"
        assert said(app) == f"Marked {made} in highlights/wire.toml: review it with 4"
        assert events_in(app)[made]["exact"] == P1
        assert events_in(app)[made]["status"] == "suggested"
        assert [h.id for h in app.pack.suggested] == [made]  # loaded again
        await pilot.press("m")  # the same words again: refused, nothing written
        assert "already the highlight" in said(app)
        assert list(events_in(app)) == [made]
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review screen")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await until(pilot, lambda: screen.current() is not None, "a suggestion")
        current = screen.current()
        assert current is not None and current.id == made


async def test_m_on_a_highlight_marks_the_sentence_holding_it(make_pack: PackFactory) -> None:
    app = make_app(make_pack())
    async with app.run_test(size=(120, 40)) as pilot:
        await in_article(pilot)
        await pilot.press("right_curly_bracket")  # the first highlight: q-camps
        assert app.reader.current is not None and app.reader.current.id == "q-camps"
        await pilot.press("m")
        made = "m-china-said-two-camps"
        assert said(app).startswith(f"Marked {made} ")
        assert events_in(app)[made]["exact"] == "China said the two camps are now being formed."


async def test_m_marks_the_sentence_holding_the_search_match(make_pack: PackFactory) -> None:
    app = make_app(make_pack())
    async with app.run_test(size=(120, 40)) as pilot:
        await in_article(pilot)
        app.reader.matches.set([Place(0, 0, 40)], [])  # a match in "China said ..."
        await pilot.press("m")
        assert events_in(app)["m-china-said-two-camps"]["status"] == "suggested"


async def test_m_is_greyed_out_on_a_listing(make_pack: PackFactory) -> None:
    app = make_app(make_pack())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.reader.check_action("mark", ()) is True
        app.reader.show_entity("george-chen")
        await pilot.pause()
        assert app.reader.check_action("mark", ()) is None


async def test_m_leaves_the_bundled_pack_alone() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await in_article(pilot)
        highlights = app.pack.root / "highlights"
        before = {p.name: p.read_bytes() for p in highlights.iterdir()}
        await pilot.press("m")
        assert "bundled pack is not for marking" in said(app)
        assert {p.name: p.read_bytes() for p in highlights.iterdir()} == before
