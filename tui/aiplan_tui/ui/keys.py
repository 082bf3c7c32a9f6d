"""Every key binding in one catalogue: the app's own, and each screen's, for help, `aiplan-tui
keys` and the `[keys]` remapping, so all three always agree with what the app does."""

from __future__ import annotations

from textual.binding import Binding, BindingType

APP_BINDINGS: list[BindingType] = [
    Binding("1", "show_reader", "Reader", id="reader", tooltip="The articles with highlights."),
    Binding(
        "2",
        "show_compare",
        "Compare",
        id="compare",
        tooltip="The two sides, dimension by dimension.",
    ),
    Binding("3", "show_quotes", "Quotes", id="quotes", tooltip="Every quote, by speaker."),
    Binding("slash", "search", "Search", id="search", tooltip="Search everything."),
    Binding("question_mark", "help", "Help", id="help", tooltip="List every key."),
    Binding("t", "pick_theme", "Theme", id="theme", tooltip="Pick a theme, previewed live."),
    Binding(
        "right_square_bracket",
        "quote(1)",
        "Next quote",
        id="next-quote",
        tooltip="The next quote in reading order, across articles.",
    ),
    Binding(
        "left_square_bracket",
        "quote(-1)",
        "Prev quote",
        id="previous-quote",
        tooltip="The previous quote in reading order.",
    ),
    Binding(
        "right_curly_bracket",
        "highlight(1)",
        "Next highlight",
        show=False,
        id="next-highlight",
        tooltip="The next highlight of any kind.",
    ),
    Binding(
        "left_curly_bracket",
        "highlight(-1)",
        "Prev highlight",
        show=False,
        id="previous-highlight",
        tooltip="The previous highlight of any kind.",
    ),
    Binding("y", "copy", "Copy", id="copy", tooltip="Copy the highlight with its citation."),
    Binding(
        "ctrl+l",
        "redraw",
        "Redraw",
        show=False,
        priority=True,  # dialogs too: a garbled screen can happen under any of them
        id="redraw",
        tooltip="Draw the whole screen again, if it looks garbled.",
    ),
    Binding("q", "quit", "Quit", id="quit", tooltip="Leave aiplan-tui."),
    Binding(
        "ctrl+c",
        "quit",
        "Quit",
        show=False,
        priority=True,
        id="quit-ctrl-c",
        tooltip="Leave aiplan-tui.",
    ),
]
"""The keys that work on every screen."""


def binding_groups() -> list[tuple[str, list[BindingType]]]:
    """Every binding, by the screen it works on, plus the keys widgets handle themselves.
    The screens are imported here, not at the top: the app needs only APP_BINDINGS to start."""
    from aiplan_tui.screens.compare import CompareScreen, SidePicker
    from aiplan_tui.screens.help import HelpScreen
    from aiplan_tui.screens.quotes import QuoteList, QuotesScreen
    from aiplan_tui.screens.reader import ReaderScreen
    from aiplan_tui.screens.search import SearchScreen
    from aiplan_tui.screens.theme_picker import ThemePicker
    from aiplan_tui.widgets.article_view import ArticleView
    from aiplan_tui.widgets.listing import Listing
    from aiplan_tui.widgets.navigator import Navigator

    return [
        ("Everywhere", [*APP_BINDINGS, Binding("ctrl+p", "", "Command palette")]),
        (
            "Reader",
            [
                *ReaderScreen.BINDINGS,
                *Navigator.BINDINGS,
                *ArticleView.BINDINGS,
                *Listing.BINDINGS,
                Binding("enter", "", "Open the entry under the cursor"),
            ],
        ),
        ("Compare", [*CompareScreen.BINDINGS, *SidePicker.BINDINGS]),
        (
            "Quotes",
            [
                *QuotesScreen.BINDINGS,
                *QuoteList.BINDINGS,
                Binding("enter", "", "Open the quote in the reader"),
            ],
        ),
        (
            "Search",
            [
                *SearchScreen.BINDINGS,
                Binding("up", "", "In an empty box: the last query"),
                Binding("down", "", "From the box to the results"),
                Binding("enter", "", "Open the result where it lives"),
            ],
        ),
        ("Theme picker", [*ThemePicker.BINDINGS, Binding("enter", "", "Keep the theme")]),
        ("Help", list(HelpScreen.BINDINGS)),
    ]


def all_bindings() -> list[tuple[str, Binding]]:
    """(screen, binding) for every binding, in help order."""
    return [
        (title, binding)
        for title, bindings in binding_groups()
        for binding in bindings
        if isinstance(binding, Binding)
    ]


def binding_ids() -> set[str]:
    """The ids `[keys]` in config.toml may remap."""
    return {binding.id for _, binding in all_bindings() if binding.id}
