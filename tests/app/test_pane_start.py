"""The reader's layout classes given before its first mount (ui/screens/pane_start.py): the
same as its layout gives it at every width, so that it is styled once before the first frame
rather than styled, then given its classes and styled again."""

from __future__ import annotations

from typing import Any

import pytest

from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.screens.pane_start import layout_classes
from conftest import make_app


def classes_now(app: AiplanApp, width: int) -> dict[str, bool]:
    return {name: app.reader.has_class(name) for name in layout_classes(app.reader, width)}


async def test_the_classes_are_the_layouts_at_every_width() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for width in range(40, 200, 3):
            for cards in (False, True):
                app.reader.show_cards = cards
                app.reader.apply_layout(width)
                assert classes_now(app, width) == layout_classes(app.reader, width), width


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 30), (130, 40)], ids=str)
async def test_the_reader_is_styled_once_as_it_is_first_shown(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual styles a screen as it is shown; the layout's classes then restyled the whole
    reader once more."""
    app = make_app()
    styled: list[Any] = []
    update_styles = AiplanApp.update_styles

    def counted(self: AiplanApp, node: Any, animate: bool = True) -> None:
        styled.append(node)
        update_styles(self, node, animate)

    monkeypatch.setattr(AiplanApp, "update_styles", counted)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert classes_now(app, size[0]) == layout_classes(app.reader, size[0])
        assert sum(node is app.reader for node in styled) == 1
