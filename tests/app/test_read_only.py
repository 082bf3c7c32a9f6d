"""A read-only session (`serve --read-only` sets AIPLAN_TUI_READ_ONLY=1 for its apps): every
Review edit and the reader's `m` refuse with a notice, no dialog opens, and no file of the
pack changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiplan_tui.settings.read_only import READ_ONLY, REFUSED, read_only
from aiplan_tui.ui.screens.review import ReviewScreen
from conftest import PackFactory, make_app
from reviewing import review_pack, reviewing, said
from test_marking_reader import in_article


def files_of(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}


@pytest.fixture
def read_only_session(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(READ_ONLY, "1")


def test_only_a_yes_makes_a_session_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    for value, expected in (("1", True), ("yes", True), ("", False), ("0", False)):
        monkeypatch.setenv(READ_ONLY, value)
        assert read_only() is expected
    monkeypatch.delenv(READ_ONLY)
    assert read_only() is False


@pytest.mark.usefixtures("read_only_session")
async def test_every_review_edit_is_refused(make_pack: PackFactory) -> None:
    root = review_pack(make_pack)
    before = files_of(root)
    async with reviewing(root) as (app, pilot):
        for key in ("a", "x", "n", "s", "K", "S", "D", "c", "d", "w", "p", "M", "A", "u"):
            last = app.notices[-1] if app.notices else None
            await pilot.press(key)
            await pilot.pause()
            assert app.notices[-1] is not last and said(app) == REFUSED, key
            assert isinstance(app.screen, ReviewScreen), key  # no dialog opened
    assert files_of(root) == before


@pytest.mark.usefixtures("read_only_session")
async def test_m_in_the_reader_is_refused(make_pack: PackFactory) -> None:
    root = make_pack()
    before = files_of(root)
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await in_article(pilot)
        await pilot.press("j", "m")
        await pilot.pause()
        assert said(app) == REFUSED
    assert files_of(root) == before
