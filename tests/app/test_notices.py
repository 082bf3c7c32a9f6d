"""Notices a newcomer can read: how long they stay, what `y` says it copied or why it could
not, and one theme command in the palette."""

from __future__ import annotations

from textual.command import CommandList

from aiplan_tui.core.reading import ReadingOrder
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.ui.notices import SHORTEST_SECONDS, reading_seconds
from conftest import make_app, until

PACK = load_pack(bundled_content_dir()).pack
QUOTES = ReadingOrder(PACK, {"quote"}).items


def test_a_notice_stays_as_long_as_it_takes_to_read() -> None:
    assert reading_seconds("Copied.", 1.0) == SHORTEST_SECONDS  # was gone in about a second
    long = " ".join(["word"] * 30)
    assert reading_seconds(long) > SHORTEST_SECONDS + 5
    assert reading_seconds("Copied.", 10.0) == 10.0  # a longer wish is kept


async def test_the_end_of_the_quotes_notice_stays_long_enough_to_read() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        app.reader.open_highlight(QUOTES[-2].id)
        await pilot.press("]")
        await until(pilot, lambda: app.notices, "the notice")
        assert "last quote" in app.notices[-1].message
        assert app.notices[-1].seconds >= SHORTEST_SECONDS


async def test_y_with_nothing_to_copy_says_so() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert app.reader.current is None
        await pilot.press("y")
        await until(pilot, lambda: app.notices, "a notice")
        assert app.notices[-1].message.startswith("Nothing to copy here")
        assert app.clipboard == ""


async def test_the_copy_notice_shows_the_first_words_of_what_was_copied() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("]")
        await pilot.press("y")
        await until(pilot, lambda: app.notices, "a notice")
        quote = QUOTES[0]
        assert quote.exact in app.clipboard
        notice = app.notices[-1]
        assert notice.message.startswith("Copied with its source: ")
        assert quote.exact.split()[0] in notice.message
        assert notice.seconds >= SHORTEST_SECONDS


async def test_the_palette_has_one_theme_command_and_only_our_themes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Theme" not in titles and "Quit" in titles  # Textual's own is gone, not all
        await pilot.press("ctrl+p", *"theme")

        def listed() -> list[str]:
            lists = app.screen.query(CommandList)
            if not lists or not lists.first().option_count:
                return []
            options = lists.first()
            return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]

        await until(pilot, lambda: any(p.startswith("Theme: ") for p in listed()), "themes")
        offered = {p.split("\n")[0] for p in listed() if p.startswith("Theme")}
        ours = {f"Theme: {name}" for name in app.catalog.entries}
        assert offered - {"Theme"} <= ours
        assert not any("textual" in p.lower() for p in offered)
