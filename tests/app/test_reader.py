"""The reader and its keys, driven through Textual's pilot: state first, then what it shows."""

from __future__ import annotations

from markdown_it import MarkdownIt
from textual.widgets import ContentSwitcher, Static

from aiplan_tui.core.model import Quote
from aiplan_tui.core.reading import ReadingOrder
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.screens.help import HelpScreen
from aiplan_tui.ui.screens.quotes import QuotesScreen
from aiplan_tui.ui.screens.reader import ReaderScreen
from aiplan_tui.ui.screens.too_small import TooSmallScreen
from aiplan_tui.ui.widgets.compare_rows import PointView
from aiplan_tui.ui.widgets.highlight_cards import HighlightCards
from aiplan_tui.ui.widgets.listing import Listing
from aiplan_tui.ui.widgets.navigator import Navigator
from conftest import make_app, until

PACK = load_pack(bundled_content_dir()).pack
QUOTES = ReadingOrder(PACK, {"quote"}).items
EVERYTHING = ReadingOrder(PACK).items


def card_texts(app: AiplanApp) -> list[str]:
    return [str(card.render()) for card in app.reader.query_one(HighlightCards).query(Static)]


async def test_next_and_previous_quote_walk_in_reading_order_across_articles() -> None:
    """The order itself is tested on the model (test_reading, test_navigation); here the keys
    walk it: from the start, across the boundary between articles, and at the end."""
    crossing = next(n for n, q in enumerate(QUOTES) if q.article != QUOTES[0].article)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(2):
            await pilot.press("]")
            seen.append(app.reader.current.id if app.reader.current else None)
        assert seen == [q.id for q in QUOTES[:2]]
        app.reader.open_highlight(QUOTES[crossing - 2].id)
        for _ in range(2):  # the last quote of one article, then the first of the next
            await pilot.press("]")
            seen.append(app.reader.current.id if app.reader.current else None)
        assert seen[2:] == [q.id for q in QUOTES[crossing - 1 : crossing + 1]]
        assert app.reader.article_view.article.id == QUOTES[crossing].article  # type: ignore[union-attr]
        app.reader.open_highlight(QUOTES[-2].id)
        await pilot.press("]")
        assert app.reader.current.id == QUOTES[-1].id  # type: ignore[union-attr]
        assert app.check_action("quote", (1,)) is None  # greyed at the end
        await pilot.press("]")
        assert app.reader.current.id == QUOTES[-1].id  # type: ignore[union-attr]
        await pilot.press("[")
        await pilot.pause()
        assert app.reader.current.id == QUOTES[-2].id  # type: ignore[union-attr]


async def test_first_quote_disables_previous_and_says_so() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("]")
        await pilot.pause()
        assert app.reader.current is not None and app.reader.current.id == QUOTES[0].id
        assert app.check_action("quote", (-1,)) is None
        assert any("first quote" in str(t.render()) for t in app.screen.query("Toast"))


async def test_any_highlight_walk_and_cards_follow_the_cursor() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        first = EVERYTHING[0]
        assert app.reader.current is not None and app.reader.current.id == first.id
        assert app.reader.article_view.paragraph == first.location.paragraph
        assert any(first.exact[:30] in text for text in card_texts(app))
        await pilot.press("}", "{")
        await pilot.pause()
        assert app.reader.current.id == first.id


async def test_paragraph_cursor_moves_with_j_k_g_G_and_clears_the_current_highlight() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        view = app.reader.article_view
        assert app.focused is view
        await pilot.press("j", "j")
        assert view.paragraph == 2
        await pilot.press("G")
        assert view.paragraph == len(view.article.paragraphs) - 1  # type: ignore[union-attr]
        await pilot.press("j")
        assert view.paragraph == len(view.article.paragraphs) - 1  # type: ignore[union-attr]
        await pilot.press("g", "k")
        assert view.paragraph == 0
        status = str(app.reader.query_one("#status", Static).render())
        assert status == f"paragraph 1/{len(view.article.paragraphs)}"  # type: ignore[union-attr]


async def test_enter_on_a_navigator_quote_opens_it_and_flashes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.reader.article_view.flash_seconds = 60  # no race with a slow machine
        navigator = app.reader.query_one(Navigator)
        target = QUOTES[3]
        node = navigator.node_for(navigator_target("highlight", target.id))
        assert node is not None
        node.parent.expand()  # type: ignore[union-attr]
        await pilot.pause()
        navigator.move_cursor(node)
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.current is not None and app.reader.current.id == target.id
        view = app.reader.article_view
        paragraph = view.paragraph_view(target.location.paragraph)
        assert paragraph is not None and paragraph.has_class("-flash")


async def test_a_persons_listing_says_which_quotes_are_their_own_words() -> None:
    """All nine of Li Qiang's "quotes" are the reporter's paraphrases: his listing says so of
    each, and George Chen's direct quotes stand in quotation marks."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for person, name in (("li-qiang", "Li Qiang"), ("george-chen", "George Chen")):
            app.reader.show_entity(person)
            await pilot.pause()
            listing = app.reader.query_one(Listing)
            count = listing.option_count
            prompts = [str(listing.get_option_at_index(i).prompt) for i in range(count)]
            theirs = [q for q in QUOTES if isinstance(q, Quote) and q.speaker == person]
            first = prompts.index(f"Quotes ({len(theirs)})") + 1
            for quote, prompt in zip(theirs, prompts[first : first + len(theirs)], strict=True):
                said = f"“{quote.exact}”" if quote.direct else quote.exact
                kind = "" if quote.direct else " (paraphrase)"
                assert prompt == f"{name}{kind}: {said}"
        assert not any(q.direct for q in QUOTES if isinstance(q, Quote) and q.speaker == "li-qiang")


async def test_compare_shows_whose_reading_a_position_is() -> None:
    """ "China clearly wants to stick to the multilateral approach" is George Chen's reading,
    not China's statement: its point on Compare says so."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.compare_screen
        points = {view.highlight.id: str(view.render()) for view in screen.query(PointView)}
        assert points["p-china-multilateral"].endswith("— according to George Chen")
        assert points["p-us-export-restrictions"].endswith("— according to Li Qiang")
        assert "according to" not in points["p-us-restrict-access"]


def navigator_target(kind: str, target_id: str):  # type: ignore[no-untyped-def]
    from aiplan_tui.ui.widgets.navigator import Target

    return Target(kind, target_id)  # type: ignore[arg-type]


async def test_a_person_shows_their_quotes_and_every_mention() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.reader.show_entity("george-chen")
        await pilot.pause()
        assert app.reader.query_one(ContentSwitcher).current == "listing"
        listing = app.reader.query_one(Listing)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        chen_quotes = [q for q in QUOTES if getattr(q, "speaker", "") == "george-chen"]
        assert f"Quotes ({len(chen_quotes)})" in prompts
        assert any(p.startswith("Mentions of George Chen, Chen (") for p in prompts)
        await pilot.press("enter")  # the first entry: his first quote
        await pilot.pause()
        assert app.reader.current is not None and app.reader.current.id == chen_quotes[0].id
        assert app.reader.query_one(ContentSwitcher).current == "article"


async def test_a_persons_mentions_leave_out_a_namesake() -> None:
    """George Chen's alias "Chen" is also Chen Jining's surname: the paragraph naming Chen
    Jining is not among George Chen's mentions; "Chen said", after his full name, is."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.reader.show_entity("george-chen")
        await pilot.pause()
        listing = app.reader.query_one(Listing)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        heading = prompts.index("Mentions of George Chen, Chen (2)")
        mentions = prompts[heading + 1 :]
        assert len(mentions) == 2, mentions
        assert "said George Chen, partner" in mentions[0]
        assert "AI,” Chen said." in mentions[1]
        assert not any("Jining" in line for line in prompts)


async def test_quotes_screen_filters_previews_and_opens_in_the_reader() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, QuotesScreen)
        await pilot.press("f", *"formidable")
        screen = app.quotes_screen
        await until(
            pilot, lambda: screen.selected_quote() == "q-huang-formidable", "the filtered quotes"
        )
        preview = str(screen.query_one("#quote-preview", Static).render())
        assert "formidable" in preview and "Jensen Huang" in preview
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader.current is not None and app.reader.current.id == "q-huang-formidable"


async def test_d_shows_direct_quotations_only_and_d_again_every_quote() -> None:
    """16 of the 19 "quotes" are the reporter's paraphrases; `d` leaves them out."""
    from aiplan_tui.core.model import Quote
    from aiplan_tui.ui.screens.quotes import QuoteList

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, QuotesScreen), "the quotes")
        screen = app.quotes_screen
        tree = screen.query_one(QuoteList)

        def listed() -> list[str]:
            return [
                leaf.data for group in tree.root.children for leaf in group.children if leaf.data
            ]

        quotes = [h for h in app.pack.highlights if isinstance(h, Quote)]
        direct = {q.id for q in quotes if q.direct}
        assert len(listed()) == len(quotes) and 0 < len(direct) < len(quotes)
        await pilot.press("d")
        await until(pilot, lambda: set(listed()) == direct, "direct quotations only")
        count = str(screen.query_one("#quote-count", Static).render())
        assert f"{len(direct)} of {len(quotes)} quotes" in count and "direct only" in count
        await pilot.press("f", *"chen")  # the filter narrows within them
        await until(
            pilot, lambda: set(listed()) == {q for q in direct if "chen" in q}, "Chen's direct"
        )
        await pilot.press("escape", "d")
        await until(pilot, lambda: len(listed()) == sum("chen" in q.speaker for q in quotes),
                    "every Chen quote again")  # fmt: skip


async def test_copy_puts_the_quote_and_its_citation_on_the_clipboard() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.check_action("copy", ()) is None
        await pilot.press("]", "y")
        await pilot.pause()
        assert QUOTES[0].exact in app.clipboard
        assert "Source: " in app.clipboard


def copied_items(markdown: str) -> list[str]:
    """The words of each item of the Markdown list copied, in order."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    items: list[str] = []
    for token in tokens:
        if token.type == "list_item_open":
            items.append("")
        elif token.type == "inline" and token.children and items:
            items[-1] += "".join(c.content for c in token.children if c.type == "text")
    return items


async def test_big_y_copies_the_quotes_shown_filtered_and_direct_only_in_order() -> None:
    from aiplan_tui.core.model import Quote
    from aiplan_tui.ui.screens.quotes import QuoteList

    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, QuotesScreen), "the quotes")
        screen = app.quotes_screen
        tree = screen.query_one(QuoteList)

        def listed() -> list[Quote]:
            ids = [leaf.data for group in tree.root.children for leaf in group.children]
            return [q for q in (app.pack.highlight(i) for i in ids if i) if isinstance(q, Quote)]

        await until(pilot, lambda: listed(), "the list")
        await pilot.press("f", *"the", "enter")
        await until(pilot, lambda: 2 < len(listed()) < len(QUOTES), "the filtered list")
        shown = listed()
        await pilot.press("Y")
        await until(pilot, lambda: app.clipboard, "the copy")
        items = copied_items(app.clipboard)
        assert len(items) == len(shown)
        for item, quote in zip(items, shown, strict=True):  # in the order shown
            assert quote.exact in item and "¶" in item
            assert item.startswith("“") == quote.direct
        assert app.notices[-1].message == f"Copied {len(shown)} quotes as Markdown"

        await pilot.press("d")  # direct quotations only, the filter still applied
        await until(pilot, lambda: listed() != shown, "direct only")
        direct = listed()
        assert direct == [q for q in shown if q.direct] and len(direct) > 1
        await pilot.press("Y")
        await until(pilot, lambda: len(copied_items(app.clipboard)) == len(direct), "the copy")
        items = copied_items(app.clipboard)
        assert all(q.exact in item for item, q in zip(items, direct, strict=True))
        assert "(paraphrase)" not in app.clipboard
        assert app.notices[-1].message == f"Copied {len(direct)} quotes as Markdown"

        await pilot.press("f", *"zzqx", "enter")
        await until(pilot, lambda: not listed(), "an empty list")
        before = app.clipboard
        await pilot.press("Y")
        await until(pilot, lambda: "Nothing" in app.notices[-1].message, "a notice")
        assert app.notices[-1].message == "Nothing to copy: no quote matches the filter."
        assert app.clipboard == before
        await pilot.press("y")  # one quote, as ever: there is none under the cursor
        await until(pilot, lambda: "highlight" in app.notices[-1].message, "a notice")
        assert app.notices[-1].message.startswith("Nothing to copy here")


async def test_help_lists_keys_from_the_bindings() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = dict(app.screen.sections)
        assert ("]", "The next quote in reading order, across articles.") in sections["Everywhere"]
        assert ("h", "Show or hide the highlights pane (below 120 columns).") in sections["Reader"]
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_layout_follows_the_terminal_width_and_too_small_recovers() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        cards = app.reader.query_one(HighlightCards)
        assert cards.display
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not cards.display
        await pilot.press("h")
        await pilot.pause()
        assert cards.display
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        navigator = app.reader.query_one(Navigator)
        assert navigator.display and not app.reader.query_one("#center").display
        await pilot.press("tab")
        await pilot.pause()
        assert not navigator.display and app.reader.query_one("#center").display
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.focused is app.reader.article_view


def palette_offers(app: AiplanApp, command: str) -> bool:
    """Whether the command palette's highlighted option is `command`."""
    from textual.command import CommandList

    options = app.screen.query(CommandList)
    if not options or options.first().highlighted is None:
        return False
    listed = options.first()
    return str(listed.get_option_at_index(listed.highlighted or 0).prompt).startswith(command)


async def test_command_palette_goes_to_a_dimension_and_escape_returns_to_the_article() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"dimension: chips")
        await until(pilot, lambda: palette_offers(app, "Go to dimension: Chips"), "the palette")
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.query_one(ContentSwitcher).current == "listing"
        listing = app.reader.query_one(Listing)
        assert str(listing.get_option_at_index(0).prompt) == "Chips and export controls"
        await pilot.press("escape")
        await pilot.pause()
        assert app.reader.query_one(ContentSwitcher).current == "article"


async def test_pane_keys_screen_keys_and_quitting() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.focused is app.reader.query_one(Navigator)
        await pilot.press("tab", "tab")
        assert app.focused is app.reader.query_one(HighlightCards)
        await pilot.press("shift+tab")
        assert app.focused is app.reader.article_view
        await pilot.press("3")
        assert isinstance(app.screen, QuotesScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("3", "1")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("ctrl+c")
    assert app.return_code == 0


async def test_clicking_a_paragraph_moves_the_cursor_there() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.reader.article_view
        target = view.paragraph_view(2)
        assert target is not None
        await pilot.click(target)
        await pilot.pause()
        assert view.paragraph == 2
        assert app.focused is view


async def test_ctrl_e_and_ctrl_y_scroll_one_line_and_leave_the_paragraph_cursor() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab")  # to the article pane
        view = app.reader.article_view
        assert view.has_focus and view.scroll_y == 0
        await pilot.press("ctrl+e", "ctrl+e")
        await pilot.pause()
        assert view.scroll_y == 2 and view.paragraph == 0
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert view.scroll_y == 1 and view.paragraph == 0
