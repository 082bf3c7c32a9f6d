"""What Review lists: the suggestions that pass its filter (an article, a kind, the quotes with
no speaker yet), in reading order under a heading for each article, and why each was made.
A part the screen owns; the screen holds the list widget it fills."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.widgets.option_list import Option

from aiplan_tui.authoring.reasons import Reasons
from aiplan_tui.core.model import HIGHLIGHT_KINDS, Highlight, Pack, Quote
from aiplan_tui.core.problems import plural
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.review_view import reading_order, suggestion_line
from aiplan_tui.ui.screens.review_dialogs import Choice

ALL = "all"
NO_SPEAKER = "no-speaker"
HEADING = "\x00article:"
"""The start of a heading's option id (no highlight id can hold a NUL)."""


def has_speaker(h: Highlight, pack: Pack) -> bool:
    """A quote whose speaker is one of the pack's people (what accepting it needs)."""
    return isinstance(h, Quote) and bool(h.speaker) and pack.entity(h.speaker) is not None


def passes(key: str, h: Highlight, pack: Pack) -> bool:
    """Whether the suggestion passes the filter `key`."""
    if key == NO_SPEAKER:
        return isinstance(h, Quote) and not has_speaker(h, pack)
    if key.startswith("kind:"):
        return h.kind == key.removeprefix("kind:")
    if key.startswith("article:"):
        return h.article == key.removeprefix("article:")
    return True


class ReviewListing:
    """The suggestions shown, the filter, and the reasons (each file read once per pack)."""

    def __init__(self, pack: Pack) -> None:
        self.filter = ALL
        self.pack = pack
        self.every: list[Highlight] = []
        """Every suggestion of the pack, in reading order."""
        self.items: list[Highlight] = []
        """The ones that pass the filter."""
        self.by_id: dict[str, Highlight] = {}
        self.place: dict[str, int] = {}
        """Each listed one's place in the list, from 1."""
        self.reasons = Reasons()
        self.use(pack)

    def use(self, pack: Pack) -> None:
        self.pack = pack
        self.every = reading_order(pack)
        self.items = [h for h in self.every if passes(self.filter, h, pack)]
        self.by_id = {h.id: h for h in self.items}
        self.place = {h.id: number for number, h in enumerate(self.items, 1)}
        self.reasons = Reasons()

    def set_filter(self, key: str) -> None:
        self.filter = key
        self.use(self.pack)

    def reason(self, h: Highlight) -> str:
        return self.reasons.of(h.source.path, h.source.line)

    def options(self) -> list[Option]:
        """A heading for each article, then its suggestions."""
        options: list[Option] = []
        counts = Counter(h.article for h in self.items)
        article = None
        for h in self.items:
            if h.article != article:
                article = h.article
                options.append(
                    Option(self.heading(article, counts[article]), HEADING + article, True)
                )
            options.append(Option(suggestion_line(h, self.pack), id=h.id))
        return options

    def heading(self, article_id: str, count: int) -> Text:
        article = self.pack.article(article_id)
        title = article.title if article else article_id
        text = Text(clean_line(title), style="bold underline")
        text.append(f"  {count}", style="dim")
        text.no_wrap = True
        text.overflow = "ellipsis"
        return text

    def status(self, h: Highlight) -> str:
        """Where it is in the list: "2 of 3 suggestions", and the filter if any."""
        said = f"{self.place[h.id]} of {plural(len(self.items), 'suggestion')}"
        if self.filter != ALL:
            said += f" · {self.filter_label()} · {len(self.every)} in all (f: filter)"
        return said

    def filter_label(self) -> str:
        return next((c.label for c in self.filter_choices() if c.value == self.filter), "all")

    def filter_choices(self) -> list[Choice]:
        """All, the quotes with no speaker, each kind, each article with suggestions."""
        choices = [Choice(ALL, "all suggestions"), Choice(NO_SPEAKER, "quotes with no speaker")]
        choices += [Choice(f"kind:{kind}", f"{kind}s only") for kind in HIGHLIGHT_KINDS]
        seen: list[str] = []
        for h in self.every:
            if h.article not in seen:
                seen.append(h.article)
                article = self.pack.article(h.article)
                title = article.title if article else h.article
                choices.append(Choice(f"article:{h.article}", f"article: {title}"))
        return choices
