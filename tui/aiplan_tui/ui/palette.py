"""The command palette: every action, and "go to" each article, speaker and dimension."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from aiplan_tui.core.model import Pack, Quote
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.bindings import APP_BINDINGS
from aiplan_tui.ui.screens.shown import OnlyWhileSeen

if TYPE_CHECKING:
    from aiplan_tui.ui.screens.search import SearchChoice
    from aiplan_tui.ui.search_session import SearchSession
    from aiplan_tui.ui.theme_catalog import ThemeCatalog


@runtime_checkable
class PaletteHost(Protocol):
    """What the palette needs of the app: the pack, its themes and searches, and the ways to
    go somewhere. The app has all of these; the palette never imports the app."""

    @property
    def pack(self) -> Pack: ...

    catalog: ThemeCatalog
    search: SearchSession

    def run_action(self, action: str) -> Awaitable[bool]: ...

    def go_to(self, kind: str, target_id: str) -> None: ...

    def choose_theme(self, name: str) -> None: ...

    def open_hit(self, choice: SearchChoice | None) -> None: ...


@dataclass(frozen=True)
class Command:
    name: str
    run: Callable[[], object]
    help: str


def pack_commands(app: PaletteHost) -> list[Command]:
    """Actions from the app's own bindings, then go-to commands built from the pack."""
    commands = [
        Command(binding.description, _runner(app, binding.action), binding.tooltip)
        for binding in APP_BINDINGS
        if isinstance(binding, Binding) and binding.id != "quit-ctrl-c"
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


def _theme(app: PaletteHost, name: str) -> Callable[[], object]:
    return lambda: app.choose_theme(name)


def _runner(app: PaletteHost, action: str) -> Callable[[], object]:
    return lambda: app.run_action(action)


def _go(app: PaletteHost, kind: str, target: str) -> Callable[[], object]:
    return lambda: app.go_to(kind, target)


class Palette(OnlyWhileSeen, CommandPalette):
    """Textual's command palette, with its list keys greyed out while the list is empty or
    has no height: paging through it then raised KeyError (found by the fuzzer). Squeezed
    under the too-small notice its list raised KeyError too, so it lays itself out only
    while seen, as every screen of the app does."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "command_list":
            listed = self.query(CommandList)
            if not listed or listed.first().option_count == 0 or listed.first().size.height == 0:
                return False
        return super().check_action(action, parameters)


class PackCommands(Provider):
    """Commands are shown as plain text: titles from a pack are never read as markup."""

    def _commands(self) -> list[Command]:
        app = self.app
        return pack_commands(app) if isinstance(app, PaletteHost) else []

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
        from aiplan_tui.search.hits import shown, snippet
        from aiplan_tui.ui.screens.search import SearchChoice

        app = self.app
        if not isinstance(app, PaletteHost) or app.search.index is None or not query.strip():
            return
        index = app.search.index
        hits = await asyncio.to_thread(index.search, query, GOTO_LIMIT, GOTO_KINDS)
        best = max((hit.score for hit in hits), default=1.0) or 1.0
        for hit in hits:
            own, spans = shown(hit).own.cleaned()  # its own words, whichever field matched
            text, _ = snippet(own, tuple(spans), width=60)
            name = f"Open {hit.kind}: {text}"
            choice = SearchChoice(hit, hits)
            yield Hit(
                0.5 * hit.score / best,  # below an exact command-name match
                Content(name),
                partial(app.open_hit, choice),
                text=name,
                help=f"{hit.id} · found by search",
            )
