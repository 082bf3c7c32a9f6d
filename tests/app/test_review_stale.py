"""An edit whose table changed on disk since Review showed it is refused, naming what changed,
and the pack is read again so the table shows as it is now (issue 30): never applied blindly.
A change to another table of the same file does not stand in the way."""

from __future__ import annotations

from textual.widgets import Static

from aiplan_tui.authoring.review import ReviewError, update
from aiplan_tui.authoring.review_seen import ChangedOnDisk
from aiplan_tui.pack.loader import load_pack
from conftest import PackFactory, until
from reviewing import FILE, SUGGESTED, current, review_pack, reviewing, said, tables


def preview(app: object) -> str:
    return str(app.screen.query_one("#review-preview", Static).render())  # type: ignore[attr-defined]


async def test_an_edit_to_a_table_changed_since_is_refused_and_the_change_shown(
    make_pack: PackFactory,
) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        elsewhere = SUGGESTED.replace('speaker = "maria-lopez"', 'speaker = "george-chen"')
        path.write_text(elsewhere, encoding="utf-8")  # an editor, meanwhile
        await pilot.press("a")
        await until(pilot, lambda: "changed on disk" in said(app), "the refusal")
        assert said(app) == (
            "Nothing changed: q-restricted changed on disk since Review showed it (speaker); "
            "nothing was written: look at it again"
        )
        assert app.notices[-1].severity == "error"
        assert path.read_text(encoding="utf-8") == elsewhere
        await until(pilot, lambda: "George Chen" in preview(app), "the table as it is now")
        assert current(app) == "q-restricted"
        await pilot.press("a")
        await until(pilot, lambda: "status" not in tables(path)["q-restricted"], "now accepted")
        assert tables(path)["q-restricted"]["speaker"] == "george-chen"


async def test_another_table_of_the_file_changed_is_no_reason_to_refuse(
    make_pack: PackFactory,
) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (_app, pilot):
        changed = SUGGESTED.replace("date = 2025-07-29", "date = 2025-07-30")
        path.write_text(changed + "# an editor's note\n", encoding="utf-8")
        await pilot.press("a")
        await until(pilot, lambda: "status" not in tables(path)["q-restricted"], "accepted")
        assert tables(path)["e-china"]["date"].isoformat() == "2025-07-30"
        assert path.read_text(encoding="utf-8").endswith("# an editor's note\n")


def test_the_writer_refuses_what_was_not_seen(make_pack: PackFactory) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    seen = next(h for h in load_pack(root).pack.suggested if h.id == "p-investment")
    path.write_text(SUGGESTED.replace('side = "us"', 'side = "china"'), encoding="utf-8")
    before = path.read_bytes()
    try:
        update(path, "p-investment", {"note": "x"}, seen=seen)
    except ChangedOnDisk as error:
        assert "(side)" in str(error)
    else:
        raise AssertionError("applied to a table not seen")
    assert path.read_bytes() == before
    assert issubclass(ChangedOnDisk, ReviewError)
