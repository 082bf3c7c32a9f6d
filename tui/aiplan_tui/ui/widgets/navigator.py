"""The navigator: articles, then every quote, fact, position, event, entity and dimension."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.text import Text
from textual.binding import BindingType
from textual.widgets.tree import TreeNode

from aiplan_tui.core.formatting import fact_line
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


SECTIONS: tuple[tuple[HighlightKind, str], ...] = (
    ("quote", "Quotes"),
    ("fact", "Facts"),
    ("position", "Positions"),
    ("event", "Events"),
)


def highlight_label(highlight: Highlight, pack: Pack) -> Text:
    """One line: who said it or what the figure is, then the words."""
    if isinstance(highlight, Fact):
        return Text(clean_line(fact_line(highlight)))
    label = Text()
    if isinstance(highlight, Quote):
        speaker = pack.entity(highlight.speaker)
        label.append(clean_line(speaker.name if speaker else highlight.speaker), style="bold")
        label.append(": ")
    label.append(clean_line(highlight.exact))
    return label


class Navigator(FittedTree[Target]):
    """Everything in the pack, by kind; `enter` opens the entry where it lives."""

    BINDINGS: ClassVar[list[BindingType]] = list_keys(
        "navigator", "the navigator", "scroll_home", "scroll_end"
    )

    def __init__(self, pack: Pack, counts: Mapping[str, int], *, id: str | None = None) -> None:
        super().__init__(Text("Pack"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.pack = pack
        self._fill(counts)

    def _fill(self, counts: Mapping[str, int]) -> None:
        pack = self.pack
        articles = self.root.add(Text(f"Articles ({len(pack.articles)})"), expand=True)
        for article in pack.articles:
            label = Text()
            label.append(clean_line(article.title), style="bold")
            outlet = clean_line(article.outlet) if article.outlet else "source not given"
            label.append(f"  {outlet} · {counts.get(article.id, 0)}", style="dim")
            articles.add_leaf(label, Target("article", article.id))
        for kind, title in SECTIONS:
            items = [h for h in pack.highlights if h.kind == kind]
            section = self.root.add(Text(f"{title} ({len(items)})"))
            for highlight in items:
                section.add_leaf(
                    highlight_label(highlight, pack), Target("highlight", highlight.id)
                )
        people = self.root.add(Text(f"People & organisations ({len(pack.entities)})"))
        for entity in sorted(pack.entities, key=lambda e: e.name.lower()):
            people.add_leaf(Text(clean_line(entity.name)), Target("entity", entity.id))
        dimensions = self.root.add(Text(f"Comparison dimensions ({len(pack.dimensions)})"))
        for dimension in pack.dimensions:
            dimensions.add_leaf(
                Text(clean_line(dimension.title)), Target("dimension", dimension.id)
            )

    def node_for(self, target: Target) -> TreeNode[Target] | None:
        """The entry that opens `target`, to move the cursor there."""
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            if node.data == target:
                return node
            stack.extend(node.children)
        return None
