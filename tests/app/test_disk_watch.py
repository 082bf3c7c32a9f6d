"""Issue 30 (4) and 33: the running app notices the pack's files changing on disk (an editor,
`git pull`, `add` in another terminal) and shows the pack again, in place, with one short
notice; R (and the palette) read it again on demand; the app's own writes are not taken for a
change made outside it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aiplan_tui.compiled.manifest import pack_manifest
from aiplan_tui.ui.disk_watch import CHANGED, RELOADED, SHARE, WATCH_SECONDS, DiskWatch
from conftest import ARTICLE, PackFactory, PtyScreen, app_in_pty, app_stopped, make_app, until

EDITED = ARTICLE.replace("restricted chip exports", "tightened chip exports")


def test_a_first_look_is_taken_as_the_files_and_a_change_is_seen(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text("x = 1\n")
    watch = DiskWatch()
    assert not watch.changed(watch.look(tmp_path)), "the first look is what was read"
    assert not watch.changed(watch.look(tmp_path))
    (tmp_path / "a.toml").write_text("x = 22\n")
    assert watch.changed(watch.look(tmp_path))


def test_a_costly_look_is_spaced_out() -> None:
    assert DiskWatch(cost=0.001).due_in() == WATCH_SECONDS
    assert DiskWatch(cost=0.5).due_in() == 0.5 / SHARE


def notices(app: object) -> list[str]:
    return [notice.message for notice in app.notices]  # type: ignore[attr-defined]


async def test_an_edit_made_outside_is_shown_in_place(make_pack: PackFactory) -> None:
    root = make_pack()
    app = make_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        reader = app.reader
        reader.open_paragraph("wire", 1, flash=False)
        await pilot.pause()
        place = reader.saved_place()
        assert place == ("wire", 1)
        app.look_at_disk()  # (the timer's look, done now: no waiting on the clock)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert CHANGED not in notices(app), "nothing changed yet"
        (root / "articles" / "wire.md").write_text(EDITED, encoding="utf-8")
        app.look_at_disk()
        await until(pilot, lambda: CHANGED in notices(app), "the change noticed")
        assert "tightened chip exports" in app.pack.articles[0].paragraphs[0]
        assert reader.saved_place() == place, "the reader where it was"
        assert app.reader is reader and reader.pack is app.pack, "the same reader, in place"
        app.look_at_disk()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert notices(app).count(CHANGED) == 1, "one change, one reload"


async def test_r_reads_the_pack_again_and_is_not_then_taken_for_an_outside_change(
    make_pack: PackFactory,
) -> None:
    root = make_pack()
    app = make_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.look_at_disk()
        await app.workers.wait_for_complete()
        (root / "articles" / "wire.md").write_text(EDITED, encoding="utf-8")
        await pilot.press("R")
        await until(pilot, lambda: RELOADED in notices(app), "the reload said")
        assert "tightened" in app.pack.articles[0].paragraphs[0]
        assert app.disk_watch.seen == pack_manifest(root)
        app.look_at_disk()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert CHANGED not in notices(app), "what R read is what is on disk"


@pytest.mark.slow
def test_in_a_terminal_an_editor_s_save_is_shown_by_itself(
    make_pack: PackFactory, tmp_path: Path
) -> None:
    """The real timer, in a real pseudo-terminal: the app was left alone, the file was saved
    by something else, and the new words come on screen with the notice."""
    root = make_pack()
    process, master, slave = app_in_pty(tmp_path / "home", 100, 30, "--content", str(root))
    os.close(slave)
    screen = PtyScreen(master, 100, 30)
    with app_stopped(process, master):
        screen.wait_for("restricted chip exports")
        (root / "articles" / "wire.md").write_text(EDITED, encoding="utf-8")
        screen.wait_for("tightened chip exports")
        screen.wait_for("changed on disk")
        os.write(master, b"q")
        assert screen.exit_status(process) == 0


async def test_a_reload_keeps_the_highlight_under_the_cursor(make_pack: PackFactory) -> None:
    root = make_pack()
    app = make_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("]")
        await until(pilot, lambda: app.reader.current is not None, "a quote under the cursor")
        quote = app.reader.current.id  # type: ignore[union-attr]
        await pilot.press("R")
        await until(pilot, lambda: RELOADED in notices(app), "read again")
        assert app.reader.current is not None and app.reader.current.id == quote


async def test_a_file_broken_outside_is_said_not_dropped_in_silence(
    make_pack: PackFactory,
) -> None:
    root = make_pack()
    app = make_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.look_at_disk()
        await app.workers.wait_for_complete()
        path = root / "highlights" / "wire.toml"
        path.write_text(path.read_text(encoding="utf-8") + "\n[[quote\n", encoding="utf-8")
        app.look_at_disk()
        await until(pilot, lambda: CHANGED in notices(app), "the change noticed")
        assert any("The pack has problems" in n for n in notices(app)), notices(app)
