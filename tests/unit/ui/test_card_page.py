"""A highlight's card names the page its words are on, in an article with pages (a PDF)."""

from __future__ import annotations

from pathlib import Path


def test_a_card_names_the_page() -> None:
    from aiplan_tui.core.model import Article, Location, Pack, PackInfo, Quote, SourceRef
    from aiplan_tui.ui.highlight_styles import Marks
    from aiplan_tui.ui.widgets.highlight_cards import card_text

    source = SourceRef(Path("plan.md"), 1)
    article = Article(
        "plan",
        "Winning the AI Race",
        ("First.", "Second.", "Exports of the stack.", "Fourth."),
        source,
        pages=(1, 1, 2, 3),
    )
    quote = Quote(
        id="q", article="plan", exact="Exports", location=Location(2, 0, 7), source=source,
        speaker="ann", direct=False,
    )  # fmt: skip
    pack = Pack(PackInfo("p", "P"), Path(), (), (), (article,), (), (quote,), ())
    assert "in: Winning the AI Race, p. 2" in card_text(quote, pack, Marks()).plain
