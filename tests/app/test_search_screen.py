"""Search in the app: type, see results, open one at its source, come back, recall, n/N."""

from __future__ import annotations

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Input, OptionList, Static

from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.screens.quotes import QuotesScreen
from aiplan_tui.ui.screens.reader import ReaderScreen
from aiplan_tui.ui.screens.search import SearchScreen
from conftest import PackFactory, make_app, until


async def wait_for_index(app: AiplanApp, pilot: Pilot[None]) -> None:
    """The index is built in a thread that starts shortly after the first frame."""
    await until(pilot, lambda: app.search.index is not None, "the search index")


async def type_query(pilot: Pilot[None], app: AiplanApp, text: str) -> None:
    """Type the text key by key; returns once the results for all of it are listed."""
    await pilot.press(*text)
    await until(pilot, lambda: listed(app) == text, f"results for {text!r}")


def listed(app: AiplanApp) -> str | None:
    screen = app.screen
    return screen.shown_query if isinstance(screen, SearchScreen) else None


def palette_prompts(app: AiplanApp) -> list[str]:
    """The command palette's options as shown."""
    from textual.command import CommandList

    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def put_query(pilot: Pilot[None], app: AiplanApp, text: str) -> None:
    """The query as if pasted into the box (for tests about what a query opens, not about
    typing it); returns once its results are listed."""
    app.screen.query_one(Input).value = text
    await until(pilot, lambda: listed(app) == text, f"results for {text!r}")


def status_line(app: AiplanApp) -> str:
    return str(app.reader.query_one("#status", Static).render())


def count(app: AiplanApp) -> str:
    return str(app.screen.query_one("#search-count", Static).render())


async def test_typing_shows_results_and_enter_opens_the_quote_at_its_source() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await type_query(pilot, app, "formidabel")
        assert count(app) == "4 results"
        results = app.screen.query_one(OptionList)
        assert "formidable" in str(results.get_option_at_index(0).prompt)
        assert "Jensen Huang · direct" in str(results.get_option_at_index(1).prompt)
        await pilot.press("down", "down", "enter")  # the second result: the quote
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader.current is not None and app.reader.current.id == "q-huang-formidable"


async def test_escape_returns_to_where_you_were() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("3", "slash")
        await type_query(pilot, app, "chips")
        await pilot.press("escape")
        assert isinstance(app.screen, QuotesScreen)


async def test_a_person_result_opens_their_listing() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("slash")
        await put_query(pilot, app, "kind:entity deepsek")
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.query_one(ContentSwitcher).current == "listing"


async def test_history_recalls_earlier_queries() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(app, pilot)
        for query in ("nvidia", "deepseek"):
            await pilot.press("slash")
            await type_query(pilot, app, query)
            await pilot.press("enter")
            await pilot.pause()
        assert app.search.history == ("nvidia", "deepseek")
        await pilot.press("slash")
        await pilot.press("up")
        box = app.screen.query_one(Input)
        assert box.value == "deepseek"
        await pilot.press("ctrl+r")
        assert box.value == "nvidia"


async def test_n_and_N_step_through_the_matches_in_the_articles() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(app, pilot)
        assert app.reader.check_action("match", (1,)) is None
        await pilot.press("slash")
        await put_query(pilot, app, "kind:paragraph nvidia")
        await pilot.press("enter")
        await pilot.pause()
        reader = app.reader
        matches = reader.navigation.matches
        total = len(matches)
        assert total >= 3
        here = sum(m.article == matches[0].article for m in matches)
        assert 1 < here < total
        counted = f"in this article, {total} in all"
        assert f"match 1 of {here} {counted}" in status_line(app)
        await pilot.press("n")
        await pilot.pause()
        assert reader.navigation.match_number == 2
        assert f"match 2 of {here} {counted}" in status_line(app)
        place = reader.navigation.matches[1]
        assert reader.article_view.paragraph == place.paragraph
        await pilot.press("N")
        assert reader.navigation.match_number == 1


async def test_the_command_palette_finds_through_the_search_engine() -> None:
    """A typo the palette's own matcher cannot place still finds DeepSeek, via the engine."""

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"deepsek")

        def found() -> bool:
            return any(p.startswith("Open entity: DeepSeek") for p in palette_prompts(app))

        await until(pilot, found, "the palette to offer DeepSeek")
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)
        prompts = palette_prompts(app)
        chosen = next(i for i, p in enumerate(prompts) if p.startswith("Open entity: DeepSeek"))
        options.highlighted = chosen
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.reader
        assert app.reader.query_one("#listing").display


async def test_a_query_typed_before_the_index_is_ready_shows_its_results_when_it_is() -> None:
    app = make_app()
    ready = load_pack(bundled_content_dir())
    app.build_search_index = lambda: None  # type: ignore[method-assign]  # held back
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await pilot.press(*"deepsek")
        await until(pilot, lambda: count(app) == "Indexing the pack…", "the indexing notice")
        from aiplan_tui.search.engine import SearchIndex
        from aiplan_tui.ui.search_session import IndexReady

        app.post_message(IndexReady(SearchIndex(ready.pack)))  # the thread finishes
        await until(pilot, lambda: count(app).split()[0].isdigit(), "the results")
        assert app.screen.query_one(OptionList).option_count > 0


async def test_results_that_arrive_after_escape_are_dropped() -> None:
    """CI: a search worker finished just after escape closed the screen, and its results
    crashed the app (NoMatches 'OptionList' on SearchScreen)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await type_query(pilot, app, "chips")
        await pilot.press("escape")
        await until(pilot, lambda: not screen.is_attached, "the search screen to be gone")
        screen.show_results("chips", [], False)  # what the late worker hands over
        await pilot.pause()
        assert app.is_running
        assert app.screen is app.reader


async def test_a_compiled_pack_damaged_under_the_app_means_indexing_again(
    make_pack: PackFactory,
) -> None:
    """The app searches its compiled pack as it runs; if the database is damaged meanwhile
    (another tool, a disk fault), the search that finds out says "Indexing the pack…", the
    pack is indexed again and the results come, with no traceback."""
    from aiplan_tui.compiled.current import compiled_path, load_and_compile
    from aiplan_tui.compiled.manifest import pack_manifest
    from aiplan_tui.compiled.stored_index import StoredDocs
    from aiplan_tui.ui.startup import Startup

    root = make_pack()
    load_and_compile(root)
    app = make_app(root, Startup(manifest=pack_manifest(root)))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(app, pilot)
        index = app.search.index
        assert index is not None and isinstance(index.docs, StoredDocs)  # from the database
        path = compiled_path(root)
        path.write_bytes(b"\xff" * path.stat().st_size)  # the same file, damaged in place
        await pilot.press("slash", *"camps")
        await until(pilot, lambda: "q-camps" in ids(app), "the results after indexing again")
        assert app.search.index is not None and not isinstance(app.search.index.docs, StoredDocs)


def ids(app: AiplanApp) -> list[str]:
    screen = app.screen
    return [hit.id for hit in screen.hits] if isinstance(screen, SearchScreen) else []


def prompts(app: AiplanApp) -> list[Text]:
    results = app.screen.query_one(OptionList)
    found = [results.get_option_at_index(i).prompt for i in range(results.option_count)]
    assert all(isinstance(prompt, Text) for prompt in found)
    return [prompt for prompt in found if isinstance(prompt, Text)]


def highlighted(prompt: Text) -> list[str]:
    """The words a result marks as matched."""
    return [prompt.plain[s.start : s.end] for s in prompt.spans if "reverse" in str(s.style)]


async def test_results_matched_in_another_field_show_their_own_words_and_name_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("slash")
        await put_query(pilot, app, "george chen kind:quote")
        shown = prompts(app)
        words = [prompt.plain.split("\n")[1] for prompt in shown]
        assert words[0] == "The two camps are now being formed"
        assert len(set(words)) == 3  # three quotations, told apart
        for prompt in shown:
            assert "matched in speaker · George Chen ·" in prompt.plain
            assert highlighted(prompt) == ["George", "Chen"]  # where the name is shown
        await put_query(pilot, app, "Jensen Huang formidible")
        quote, _, event = prompts(app)
        assert quote.plain.split("\n")[1] == "formidable"
        assert highlighted(quote) == ["Jensen", "Huang", "formidable"]
        assert "matched in note" in event.plain and "\nnote: " in event.plain
        await put_query(pilot, app, "private AI investment 2024")
        us, china = prompts(app)[:2]
        assert us.plain.split("\n")[1].startswith("Private AI investment: $109.1 bn (2024) — “U.S.")
        assert china.plain.split("\n")[1].startswith("Private AI investment: $9.3 bn (2024)")


async def test_the_match_count_says_what_it_counts_and_no_stale_one_stands() -> None:
    """Opening one of George Chen's three quotations (¶5, ¶6, ¶7), the reader counts the
    paragraphs holding results in this article; a later search, whether its result opens
    elsewhere or it is left with escape, replaces that count, and so does moving away."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(app, pilot)

        async def open_first(query: str) -> None:
            await pilot.press("slash")
            await put_query(pilot, app, query)
            await pilot.press("enter")
            await pilot.pause()

        await open_first("george chen kind:quote")
        assert status_line(app).endswith(" · match 1 of 3 in this article")
        await pilot.press("n")
        await pilot.pause()
        assert "· match 2 of 3 in this article" in status_line(app)
        assert "paragraph 6/" in status_line(app).split(" · match")[0]
        await open_first("investment kind:compare")  # opens on the Compare screen
        assert app.screen is app.compare_screen
        assert "match" not in status_line(app)  # that search has no match in the articles
        await pilot.press("1")
        await open_first("george chen kind:quote")
        await pilot.press("n")
        await pilot.pause()
        assert "match 2 of 3" in status_line(app)
        await pilot.press("slash")
        await put_query(pilot, app, "deepseek")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.reader
        assert "match 2 of 3" not in status_line(app)
        assert "in other articles (n to go)" in status_line(app)  # DeepSeek is in the other
        await open_first("george chen kind:quote")
        await pilot.press("down")
        await pilot.pause()
        assert "paragraph 6/" in status_line(app).split(" · match")[0]
        assert status_line(app).endswith(" · 3 matches in this article (n to go)")
