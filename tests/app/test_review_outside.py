"""A highlights file edited outside the app while Review is open (an editor, `git pull`):
the running app notices, reads the pack again, and Review shows the edit, its cursor kept;
Review's next edit keeps it (issue 30)."""

from __future__ import annotations

from textual.widgets import Static

from conftest import PackFactory, until
from reviewing import FILE, SUGGESTED, current, review_pack, reviewing, tables


async def test_an_edit_made_in_an_editor_is_shown_and_kept(make_pack: PackFactory) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        await pilot.press("j")
        assert current(app) == "p-investment"
        app.look_at_disk()  # (the timer's first look: the files as read)
        await until(pilot, lambda: app.disk_watch.seen is not None, "the first look")
        edited = SUGGESTED.replace(
            'side = "us"\n', 'side = "us"\nnote = "Checked against the filing, in vim."\n'
        )
        path.write_text(edited, encoding="utf-8")
        app.look_at_disk()  # what the timer does every few seconds
        preview = app.screen.query_one("#review-preview", Static)
        await until(pilot, lambda: "in vim" in str(preview.render()), "the edit shown")
        assert current(app) == "p-investment"
        await pilot.press("a")
        await until(pilot, lambda: "status" not in tables(path)["p-investment"], "accepted")
        assert tables(path)["p-investment"]["note"] == "Checked against the filing, in vim."
        assert path.read_text(encoding="utf-8") == edited.replace(
            'id = "p-investment"\narticle = "wire"\nstatus = "suggested"\n',
            'id = "p-investment"\narticle = "wire"\n',
        )
