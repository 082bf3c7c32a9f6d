"""Review's `u` (issue 30, item 5): several levels, byte for byte, across every file an edit
touched; refused, changing nothing, where a file changed on disk since the edit."""

from __future__ import annotations

from pathlib import Path

from aiplan_tui.ui.screens.review_dialogs import TextDialog
from aiplan_tui.ui.screens.speaker_dialog import SpeakerDialog
from conftest import PackFactory, until
from reviewing import (
    FILE,
    SUGGESTED,
    current,
    open_dialog,
    review_pack,
    reviewing,
    said,
    status,
    tables,
)


async def test_undo_walks_back_edit_by_edit_byte_for_byte(make_pack: PackFactory) -> None:
    root = review_pack(make_pack)
    path, entities = root / FILE, root / "entities.toml"
    first = (path.read_bytes(), entities.read_bytes())
    async with reviewing(root) as (app, pilot):
        await open_dialog(pilot, "s", SpeakerDialog)
        await pilot.press(*"Ann Lee, envoy", "enter")  # two files, one edit
        await until(pilot, lambda: tables(path)["q-restricted"]["speaker"] == "ann-lee", "Ann")
        second = (path.read_bytes(), entities.read_bytes())
        await open_dialog(pilot, "n", TextDialog)
        await pilot.press(*"Checked.", "enter")
        await until(pilot, lambda: tables(path)["q-restricted"].get("note"), "the note")
        third = (path.read_bytes(), entities.read_bytes())
        await pilot.press("a")
        await until(pilot, lambda: status(app) == "1 of 2 suggestions", "accepted")
        await pilot.press("u")
        await until(pilot, lambda: (path.read_bytes(), entities.read_bytes()) == third, "un-a")
        await until(pilot, lambda: status(app) == "1 of 3 suggestions", "listed again")
        assert current(app) == "q-restricted", "the cursor back on what was undone"
        assert said(app) == f"Undone: Accepted q-restricted in {FILE}"
        await pilot.press("u")
        await until(pilot, lambda: (path.read_bytes(), entities.read_bytes()) == second, "un-n")
        await pilot.press("u")
        await until(pilot, lambda: (path.read_bytes(), entities.read_bytes()) == first, "un-s")
        assert path.read_text(encoding="utf-8") == SUGGESTED
        await until(pilot, lambda: app.pack.entity("ann-lee") is None, "Ann gone again")
        await pilot.press("u")
        await until(pilot, lambda: said(app) == "Nothing to undo", "the end of the history")
        assert current(app) == "q-restricted"


async def test_undo_is_refused_where_a_file_changed_since(make_pack: PackFactory) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    path.chmod(0o664)
    async with reviewing(root) as (app, pilot):
        await pilot.press("a")
        await until(pilot, lambda: status(app) == "1 of 2 suggestions", "accepted")
        edited = path.read_text(encoding="utf-8") + "# an editor's line\n"
        path.write_text(edited, encoding="utf-8")
        await pilot.press("u")
        await until(pilot, lambda: said(app).startswith("Not undone"), "the refusal")
        assert "changed on disk" in said(app) and FILE in said(app)
        assert path.read_text(encoding="utf-8") == edited
        assert path.stat().st_mode & 0o777 == 0o664


async def test_an_edit_and_its_undo_keep_the_files_mode_and_links(make_pack: PackFactory) -> None:
    """Item 7: a group-writable file linked from highlights/ stays so through Review's writes."""
    root = review_pack(make_pack)
    link = root / FILE
    real = root / "shared" / "wire-review.toml"
    real.parent.mkdir()
    link.rename(real)
    link.symlink_to(Path("..") / "shared" / "wire-review.toml")
    real.chmod(0o664)
    async with reviewing(root) as (app, pilot):
        await pilot.press("a")
        await until(pilot, lambda: status(app) == "1 of 2 suggestions", "accepted")
        assert link.is_symlink() and "q-restricted" in tables(real)
        assert "status" not in tables(real)["q-restricted"]
        assert real.stat().st_mode & 0o777 == 0o664
        await pilot.press("u")
        await until(pilot, lambda: real.read_text(encoding="utf-8") == SUGGESTED, "undone")
        assert link.is_symlink() and real.stat().st_mode & 0o777 == 0o664


def test_undo_removes_a_file_the_edit_made(make_pack: PackFactory) -> None:
    from aiplan_tui.authoring.review import new_entity
    from aiplan_tui.authoring.review_history import History

    root = make_pack({"entities.toml": None})
    people = root / "entities.toml"
    history = History()
    with history.recording("Added Ann Lee"):
        new_entity(people, "ann-lee", "Ann Lee", role="envoy")
    history.close()
    assert "ann-lee" in tables(people)
    step = history.undo()
    assert step is not None and step.label == "Added Ann Lee"
    assert not people.exists()
    assert history.undo() is None
