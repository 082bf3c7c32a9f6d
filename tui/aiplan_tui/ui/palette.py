"""The command palette: every action, and "go to" each article, speaker and dimension."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from aiplan_tui.model import Quote
from aiplan_tui.safe_text import clean_line

if TYPE_CHECKING:
    from aiplan_tui.app import AiplanApp


@dataclass(frozen=True)
class Command:
    name: str
    run: Callable[[], object]
    help: str


def pack_commands(app: AiplanApp) -> list[Command]:
    """Actions from the app's own bindings, then go-to commands built from the pack."""
    commands = [
        Command(binding.description, _runner(app, binding.action), binding.tooltip)
        for binding in app.palette_bindings()
    ]
    pack = app.pack
    for article in pack.articles:
        name = f"Go to article: {clean_line(article.title)}"
        commands.append(Command(name, _go(app, "article", article.id), "Open it in the reader."))
    speakers = {h.speaker for h in pack.highlights if isinstance(h, Quote)}
    for entity in pack.entities:
        what = "speaker" if entity.id in speakers else entity.kind
        name = f"Go to {what}: {clean_line(entity.name)}"
        commands.append(Command(name, _go(app, "entity", entity.id), "Their quotes and mentions."))
    for dimension in pack.dimensions:
        name = f"Go to dimension: {clean_line(dimension.title)}"
        commands.append(Command(name, _go(app, "dimension", dimension.id), "Each side's points."))
    for theme, entry in app.catalog.entries.items():
        name = f"Theme: {clean_line(theme)}"
        commands.append(Command(name, _theme(app, theme), f"Switch to this {entry.origin} theme."))
    return commands


def _theme(app: AiplanApp, name: str) -> Callable[[], object]:
    def switch() -> None:
        app.theme = name
        app.theme_chosen(name)

    return switch


def _runner(app: AiplanApp, action: str) -> Callable[[], object]:
    return lambda: app.run_action(action)


def _go(app: AiplanApp, kind: str, target: str) -> Callable[[], object]:
    return lambda: app.go_to(kind, target)


class PackCommands(Provider):
    """Commands are shown as plain text: titles from a pack are never read as markup."""

    def _commands(self) -> list[Command]:
        from aiplan_tui.app import AiplanApp

        app = self.app
        return pack_commands(app) if isinstance(app, AiplanApp) else []

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(
                    score, Content(command.name), command.run, text=command.name, help=command.help
                )

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(
                Content(command.name), command.run, text=command.name, help=command.help
            )


GOTO_KINDS = ["article", "entity", "compare", "quote", "fact", "position", "event"]
"""What the palette can open through the search engine (paragraphs are left to `/`)."""
GOTO_LIMIT = 8


class EngineGoTo(Provider):
    """ "Open …" for the search engine's best hits, so the palette finds what `/` finds, typos
    and all; the results open exactly as a chosen search result does."""

    async def search(self, query: str) -> Hits:
        from aiplan_tui.app import AiplanApp
        from aiplan_tui.screens.search import SearchChoice
        from aiplan_tui.search import snippet

        app = self.app
        if not isinstance(app, AiplanApp) or app.search_index is None or not query.strip():
            return
        index = app.search_index
        hits = await asyncio.to_thread(index.search, query, GOTO_LIMIT, GOTO_KINDS)
        best = max((hit.score for hit in hits), default=1.0) or 1.0
        for hit in hits:
            text, _ = snippet(clean_line(hit.text), hit.spans, width=60)
            name = f"Open {hit.kind}: {text}"
            choice = SearchChoice(hit, hits)
            yield Hit(
                0.5 * hit.score / best,  # below an exact command-name match
                Content(name),
                partial(app.open_hit, choice),
                text=name,
                help=f"{hit.id} · found by search",
            )
