"""Every key binding in one catalogue: the app's own, and each screen's, for help, `aiplan-tui
keys` and the `[keys]` remapping, so all three always agree with what the app does.

The screens are imported when the catalogue is first asked for, not at start-up."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from aiplan_tui.ui.bindings import APP_BINDINGS


def binding_groups() -> list[tuple[str, list[BindingType]]]:
    """Every binding, by the screen it works on, plus the keys widgets handle themselves.
    The screens are imported here, not at the top: the app needs only APP_BINDINGS to start."""
    from aiplan_tui.ui.screens.compare import CompareScreen
    from aiplan_tui.ui.screens.help import HelpScreen
    from aiplan_tui.ui.screens.quotes import QuoteList, QuotesScreen
    from aiplan_tui.ui.screens.reader import ReaderScreen
    from aiplan_tui.ui.screens.review import ReviewList, ReviewScreen
    from aiplan_tui.ui.screens.review_dialogs import CANCEL, ManyDialog, Ticks
    from aiplan_tui.ui.screens.search import SearchScreen
    from aiplan_tui.ui.screens.side_picker import SidePicker
    from aiplan_tui.ui.screens.speaker_dialog import SpeakerDialog
    from aiplan_tui.ui.screens.theme_picker import ThemePicker
    from aiplan_tui.ui.screens.words_dialog import WordsDialog
    from aiplan_tui.ui.widgets.article_view import ArticleView
    from aiplan_tui.ui.widgets.listing import Listing
    from aiplan_tui.ui.widgets.navigator import Navigator
    from aiplan_tui.ui.widgets.query_input import QueryInput

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
                *QueryInput.BINDINGS,
                Binding("enter", "", "Open the quote in the reader"),
            ],
        ),
        (
            "Review",
            [
                *ReviewScreen.BINDINGS,
                *ReviewList.BINDINGS,
                *[b for b in SpeakerDialog.BINDINGS if b is not CANCEL],
                *[b for b in ManyDialog.BINDINGS if b is not CANCEL],
                *Ticks.BINDINGS,
                *[b for b in WordsDialog.BINDINGS if b is not CANCEL],
                CANCEL,
                Binding("enter", "", "In a Review dialog: take the entry or keep the text"),
            ],
        ),
        (
            "Search",
            [
                *SearchScreen.BINDINGS,
                Binding("up", "", "In an empty box: the last query"),
                *QueryInput.BINDINGS,
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


def help_sections(keymap: dict[str, str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key by screen, read from the bindings themselves, with the user's remapping."""
    from aiplan_tui.ui.screens.help import key_rows

    return [(title, key_rows(bindings, keymap)) for title, bindings in binding_groups()]
