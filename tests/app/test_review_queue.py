"""Review as a daily queue (issue 30, item 6): why each suggestion was made, the article of
each row (a heading per article), a filter, and `A` accepting an article's suggestions that
can be (a quote needs a speaker), saying how many, undone as one step."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.screens.review_dialogs import ChoiceDialog
from conftest import ENTITIES, PackFactory, until
from reviewing import (
    FILE,
    LOPEZ,
    SUGGESTED,
    current,
    open_dialog,
    reviewing,
    said,
    screen_of,
    status,
    tables,
)

SECOND = """\
+++
title = "Talks resume"
outlet = "Example Wire"
+++

Officials met in Geneva on Monday. "We are close," an envoy said.
"""

SECOND_SUGGESTED = """\
# suggested: a place and a weekday
[[event]]
id = "e-geneva"
article = "second"
status = "suggested"
exact = "Officials met in Geneva on Monday"

# suggested: quotation marks; no speaker found
[[quote]]
id = "q-close"
article = "second"
status = "suggested"
direct = true
exact = "We are close,"
"""


def queue_pack(make_pack: PackFactory) -> Path:
    return make_pack(
        {
            FILE: SUGGESTED,
            "entities.toml": ENTITIES + LOPEZ,
            "articles/second.md": SECOND,
            "highlights/second-review.toml": SECOND_SUGGESTED,
        }
    )


def rows(app: AiplanApp) -> list[str]:
    listed = app.screen.query_one(OptionList)
    return [str(listed.get_option_at_index(n).prompt) for n in range(listed.option_count)]


def preview(app: AiplanApp) -> str:
    return str(app.screen.query_one("#review-preview", Static).render())


async def test_each_row_under_its_article_and_the_reason_in_the_detail(
    make_pack: PackFactory,
) -> None:
    async with reviewing(queue_pack(make_pack)) as (app, pilot):
        shown = rows(app)
        assert shown[0] == "Talks resume  2" and shown[3] == "Chips and money  3"
        assert current(app) == "e-geneva"
        assert "why        a place and a weekday" in preview(app)
        await pilot.press("j", "j")  # over the heading, to the next article's first
        assert current(app) == "q-restricted"
        assert "why        a remark reported in indirect speech" in preview(app)
        await pilot.press("k")
        assert current(app) == "q-close"
        assert "why        quotation marks; no speaker found" in preview(app)
        await pilot.press("G", "g")
        assert current(app) == "e-geneva"


async def test_the_filter_lists_one_article_one_kind_or_the_quotes_with_no_speaker(
    make_pack: PackFactory,
) -> None:
    async with reviewing(queue_pack(make_pack)) as (app, pilot):
        await open_dialog(pilot, "f", ChoiceDialog)
        await pilot.press("down", "enter")  # the quotes with no speaker
        await until(pilot, lambda: current(app) == "q-close", "the filter")
        assert [h.id for h in screen_of(app).items] == ["q-close"]
        assert "quotes with no speaker" in status(app) and "5 in all" in status(app)
        await open_dialog(pilot, "f", ChoiceDialog)
        await pilot.press("down", "enter")  # (from the filter now) quotes only
        await until(pilot, lambda: len(screen_of(app).items) == 2, "the quotes")
        assert rows(app)[0] == "Talks resume  1"
        await open_dialog(pilot, "f", ChoiceDialog)
        await pilot.press("end", "enter")  # the last article
        await until(pilot, lambda: len(screen_of(app).items) == 3, "the wire's article")
        assert {h.article for h in screen_of(app).items} == {"wire"}
        await open_dialog(pilot, "f", ChoiceDialog)
        await pilot.press("home", "enter")
        await until(pilot, lambda: len(screen_of(app).items) == 5, "all again")


async def test_A_accepts_what_can_be_in_the_article_and_u_undoes_it_at_once(
    make_pack: PackFactory,
) -> None:
    root = queue_pack(make_pack)
    first, second = root / FILE, root / "highlights/second-review.toml"
    before = (first.read_bytes(), second.read_bytes())
    async with reviewing(root) as (app, pilot):  # on the talks: their quote has no speaker
        await pilot.press("A")
        await until(pilot, lambda: "status" not in tables(second)["e-geneva"], "accepted")
        assert tables(second)["q-close"]["status"] == "suggested"
        assert said(app) == "Accepted 1 suggestion of Talks resume; 1 quote with no speaker left"
        assert first.read_bytes() == before[0]
        await pilot.press("G", "A")
        await until(pilot, lambda: all("status" not in t for t in tables(first).values()), "3")
        assert said(app) == "Accepted 3 suggestions of Chips and money"
        await until(pilot, lambda: status(app) == "1 of 1 suggestion", "one left")
        await pilot.press("u", "u")
        await until(pilot, lambda: (first.read_bytes(), second.read_bytes()) == before, "undone")
