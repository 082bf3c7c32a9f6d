"""The navigator: articles, then every quote, fact, position, event, entity and dimension."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from aiplan_tui.core.formatting import claimant_name, fact_line, quoted
from aiplan_tui.core.model import Fact, Highlight, HighlightKind, Pack, Quote
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.bindings import list_keys
from aiplan_tui.ui.widgets.fitted_tree import FittedTree

TargetKind = Literal["article", "highlight", "entity", "dimension"]


@dataclass(frozen=True)
class Target:
    """What a navigator entry opens."""

    kind: TargetKind
    id: str


ARTICLE_GROUP = 100
"""Articles listed at once; a pack with more lists them in groups of this many, each filled
when first opened."""

SECTIONS: tuple[tuple[HighlightKind, str], ...] = (
    ("quote", "Quotes"),
    ("fact", "Facts"),
    ("position", "Positions"),
    ("event", "Events"),
)


def highlight_label(highlight: Highlight, pack: Pack) -> Text:
    """One line: who said it or what the figure is, then the words."""
    if isinstance(highlight, Fact):
        label = Text(clean_line(fact_line(highlight)))
    elif isinstance(highlight, Quote):
        speaker = pack.entity(highlight.speaker)
        label = Text(clean_line(speaker.name if speaker else highlight.speaker), style="bold")
        words = clean_line(highlight.exact)
        if highlight.direct:
            label.append(f": {quoted(words)}")
        else:
            label.append(" (paraphrase)", style="dim")
            label.append(f": {words}")
    else:
        label = Text(clean_line(highlight.exact))
    claimant = claimant_name(highlight, pack)
    if claimant:
        label.append(f" — according to {clean_line(claimant)}", style="dim")
    return label


class Navigator(FittedTree[Target]):
    """Everything in the pack, by kind; `enter` opens the entry where it lives."""

    BINDINGS: ClassVar[list[BindingType]] = list_keys(
        "navigator", "the navigator", "scroll_home", "scroll_end"
    )

    class WholeWanted(Message):
        """A highlight section was opened before the whole pack is read: it is wanted now
        (its entries come once it is read: `use_pack`)."""

    def __init__(
        self,
        pack: Pack,
        counts: Mapping[str, int],
        sizes: Mapping[str, int] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        """`counts`: each article's highlights; `sizes`: each kind's, for a pack whose
        highlights are not all read yet (None: counted here). Until `use_pack` gives the
        whole pack, the highlight sections wait for it."""
        super().__init__(Text("Pack"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.pack = pack
        self.whole = sizes is None
        """Whether `pack` has every highlight (else the highlight sections wait)."""
        self._fill(counts, sizes)

    def rebuild(
        self, pack: Pack, counts: Mapping[str, int], sizes: Mapping[str, int] | None = None
    ) -> None:
        """Another pack (read again after a change): every entry made anew from it (`sizes`:
        as on a head, see __init__)."""
        self.clear()
        self.pack, self.whole = pack, sizes is None
        self._fill(counts, sizes)

    def use_pack(self, pack: Pack) -> None:
        """The whole pack, after a start on its head: the highlight sections opened meanwhile
        get their entries."""
        self.pack, self.whole = pack, True
        for kind, _ in SECTIONS:
            node = self._sections[kind]
            if node.id not in self._pending:  # opened while waiting: the note replaced
                node.remove_children()
                self._pending[node.id] = kind
                if node.is_expanded:
                    self.filled(kind)

    def _fill(self, counts: Mapping[str, int], sizes: Mapping[str, int] | None) -> None:
        """Articles now; the entries of every other section when it is first opened, so a
        pack of a million highlights does not build a million lines before the first frame."""
        pack = self.pack
        self._pending: dict[int, str] = {}
        """Sections (by node id) whose entries are not made yet, and which they are."""
        self._sections: dict[str, TreeNode[Target]] = {}
        self._counts = counts
        self._article_numbers = {a.id: n for n, a in enumerate(pack.articles)}
        total = len(pack.articles)
        articles = self.root.add(Text(f"Articles ({total:,})"), expand=True)
        if total <= ARTICLE_GROUP:
            for label, target in self._article_entries(0, total):
                articles.add_leaf(label, target)
        else:  # groups, each filled when opened: 10,000 lines cost a second to start
            for start in range(0, total, ARTICLE_GROUP):
                end = min(start + ARTICLE_GROUP, total)
                node = articles.add(Text(f"{start + 1:,}–{end:,}"))
                self._pending[node.id] = f"articles:{start}"
                self._sections[f"articles:{start}"] = node
        sized = Counter(h.kind for h in pack.highlights) if sizes is None else Counter(sizes)
        for kind, title in SECTIONS:
            self._section(kind, f"{title} ({sized[kind]:,})", sized[kind])
        self._section("entity", f"People & organisations ({len(pack.entities)})", 1)
        self._section("dimension", f"Comparison dimensions ({len(pack.dimensions)})", 1)

    def _section(self, kind: str, title: str, size: int) -> None:
        node = self.root.add(Text(title), allow_expand=size > 0)
        self._pending[node.id] = kind
        self._sections[kind] = node

    def _article_entries(self, start: int, end: int) -> list[tuple[Text, Target | None]]:
        """The lines of the articles from `start` to `end` (pack order)."""
        found: list[tuple[Text, Target | None]] = []
        for article in self.pack.articles[start:end]:
            label = Text()
            label.append(clean_line(article.title), style="bold")
            outlet = clean_line(article.outlet) if article.outlet else "source not given"
            label.append(f"  {outlet} · {self._counts.get(article.id, 0):,}", style="dim")
            found.append((label, Target("article", article.id)))
        return found

    def _entries(self, kind: str) -> list[tuple[Text, Target | None]]:
        pack = self.pack
        if kind.startswith("articles:"):
            start = int(kind.partition(":")[2])
            return self._article_entries(start, start + ARTICLE_GROUP)
        if not self.whole and kind not in ("entity", "dimension"):
            return [(Text("Reading the pack… (its entries come when it is read)"), None)]
        if kind == "entity":
            people = sorted(pack.entities, key=lambda e: e.name.lower())
            return [(Text(clean_line(e.name)), Target("entity", e.id)) for e in people]
        if kind == "dimension":
            return [(Text(clean_line(d.title)), Target("dimension", d.id)) for d in pack.dimensions]
        return [
            (highlight_label(h, pack), Target("highlight", h.id))
            for h in pack.highlights
            if h.kind == kind
        ]

    def filled(self, kind: str) -> TreeNode[Target] | None:
        """The section for `kind`, its entries made if they were not yet."""
        node = self._sections.get(kind)
        if node is not None and self._pending.pop(node.id, None) is not None:
            for label, target in self._entries(kind):
                node.add_leaf(label, target)
        return node

    def _on_tree_node_expanded(self, event: Tree.NodeExpanded[Target]) -> None:
        kind = self._pending.get(event.node.id)
        if kind is not None:
            self.filled(kind)
        if not self.whole and event.node in (self._sections.get(k) for k, _ in SECTIONS):
            self.post_message(self.WholeWanted())

    def node_for(self, target: Target) -> TreeNode[Target] | None:
        """The entry that opens `target`, to move the cursor there (its section filled)."""
        if target.kind == "highlight":
            highlight = self.pack.highlight(target.id)
            section = self.filled(highlight.kind) if highlight else None
        elif target.kind == "article":
            section = self.root.children[0] if self.root.children else None
            number = self._article_numbers.get(target.id)
            if len(self.pack.articles) > ARTICLE_GROUP and number is not None:
                section = self.filled(f"articles:{number - number % ARTICLE_GROUP}")
                if section is not None:
                    section.expand()
        else:
            section = self.filled(target.kind)
        if section is None:
            return None
        return next((node for node in section.children if node.data == target), None)

    def go_to(self, target: Target) -> None:
        """Put the cursor on the entry that opens `target` (its section filled and opened)."""
        node = self.node_for(target)
        if node is None:
            return
        self.move_cursor(node, animate=False)
        if self.cursor_node is not node:  # its group was just opened: now laid out
            self.move_cursor(node, animate=False)
