"""`aiplan-tui themes`: every theme with where it comes from, then any problem in a theme file.

Colours are checked as the app draws them, so this command loads the app's theme catalogue.
"""

from __future__ import annotations

from aiplan_tui.cli.status import EXIT_OK, EXIT_PROBLEMS
from aiplan_tui.core.problems import display_path
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.paths import bundled_themes_dir, user_themes_dir
from aiplan_tui.settings.themes import DEFAULT_THEME


def run_themes() -> int:
    from aiplan_tui.ui.themes import ThemeCatalog

    catalog = ThemeCatalog.load(bundled_themes_dir(), user_themes_dir())
    width = max((len(name) for name in catalog.names), default=0)
    for name, entry in catalog.entries.items():
        default = " (default)" if name == DEFAULT_THEME else ""
        where = clean_line(display_path(entry.path))
        print(f"{name:<{width}}  {entry.origin:<7}  {where}{default}")
    for problem in catalog.problems.items:
        print(clean_line(problem.format()))
    if not catalog.names and not catalog.problems.items:
        print("no themes found")
    return EXIT_PROBLEMS if catalog.problems.items else EXIT_OK
