"""What the app starts with, gathered by the command line before any screen is drawn."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from aiplan_tui.settings.state import SavedState, StateStore
from aiplan_tui.ui.theme_catalog import ThemeCatalog

if TYPE_CHECKING:
    from aiplan_tui.compiled.head import PackHead
    from aiplan_tui.compiled.store import CompiledPack


@dataclass
class Startup:
    """Choices from the command line, the config file and the saved state, already merged."""

    theme: str | None = None
    """The theme to start in (None: the default)."""
    catalog: ThemeCatalog | None = None
    """Themes already loaded by the command line, so they are not read twice."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys, from the config's [keys], already checked."""
    notes: list[str] = field(default_factory=list)
    """Problems with the settings, each shown once as a notice."""
    lite: bool = False
    """For slow links: the 16-colour theme, no animation."""
    saved: SavedState = field(default_factory=SavedState)
    """Where the last session left off."""
    store: StateStore | None = None
    """Where to save the session; None (as in tests) saves nothing."""
    manifest: str | None = None
    """The pack's files as they were before it was loaded: the key of its compiled database.
    None (as in tests): the search index is built in memory and not kept."""
    compiled: CompiledPack | None = None
    """The compiled pack the app's pack was read from, if it was: its search index too."""
    head: PackHead | None = None
    """A large pack's head, when the app starts on it: the rest is read after the first
    frame."""
    load_from: Path | None = None
    """A large pack with no current compiled pack (it changed since it was compiled, or
    never was): loaded from these files after the first frame, which says so; until then
    the app's pack is a placeholder with nothing in it."""
    checking: bool = False
    """The head is of the pack as last compiled, its files not looked at yet: the app shows
    it marked so, and checks them after the first frame (compiled/checked.py)."""
