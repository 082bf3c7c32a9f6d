"""What the commands that read a pack share, found once by `main`: the settings, their
problems and the pack's directory (PackContext), and the pack loaded the same way for each."""

from __future__ import annotations

import os
import sys
from functools import cached_property
from pathlib import Path

from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.paths import bundled_content_dir, user_config_dir

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:  # the settings' modules are read when there is a settings file (or a
    # command asks for them), a pack's loader when it is loaded
    import argparse

    from aiplan_tui.core.pausing import Pause
    from aiplan_tui.core.problems import Problems
    from aiplan_tui.pack.result import LoadResult
    from aiplan_tui.settings.config import Settings

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, made at no cost to import (issue 34)
    from aiplan_tui.core.light_dataclass import dataclass

CONFIG_NAME = "config.toml"
"""The settings file's name in the config directory (settings/config.py's
`default_config_path`, which a test holds to this)."""
JOURNAL_NAME = ".aiplan-tui.journal"
"""What a killed writer leaves in a pack (core/transaction.py's, which a test holds to this):
only if it is there are the transactions' modules imported, to finish it."""


@dataclass(frozen=True)
class PackContext:
    """The settings, their problems and the pack a command works on."""

    settings: Settings
    settings_problems: Problems
    """What was wrong in the settings file: a command has said them on stderr; the app shows
    them itself, as a notice."""
    content: Path
    """The pack the command works on: its own DIR (`check DIR`), else --content, else the
    settings' `content`, else the bundled pack."""

    def is_pack(self) -> bool:
        """Whether the content directory holds a pack (a broken one counts)."""
        return self.content.is_dir() and not not_a_pack(self.content)


class _Unconfigured(PackContext):
    """The context when there is no settings file: the default settings and no problems,
    made only if a command asks for them (a search or an export never does: the settings'
    modules were 6 ms of their start)."""

    _config: Path

    def __init__(self, config: Path, content: Path) -> None:
        object.__setattr__(self, "content", content)
        object.__setattr__(self, "_config", config)

    @cached_property
    def settings(self) -> Settings:
        from aiplan_tui.settings.config import Settings

        return Settings(path=self._config)

    @cached_property
    def settings_problems(self) -> Problems:
        from aiplan_tui.core.problems import Problems

        return Problems()


def pack_context(args: argparse.Namespace) -> PackContext | None:
    """The settings read and the pack found, with any transaction a killed writer left in it
    finished; None, having said why, for a --config that is not there."""
    if args.config is not None and not os.path.lexists(args.config):
        print(f"aiplan-tui: --config {clean_line(str(args.config))}: no such file", file=sys.stderr)
        return None
    config = args.config or user_config_dir() / CONFIG_NAME
    content = getattr(args, "pack", None) or args.content
    if not config.exists():  # as load_settings finds it: the default settings
        context: PackContext = _Unconfigured(config, content or bundled_content_dir())
    else:
        from aiplan_tui.core.problems import Problems
        from aiplan_tui.settings.config import load_settings

        problems = Problems()
        settings = load_settings(config, problems)
        if args.command is not None:  # the app shows these itself, as a notice
            for problem in problems.items:
                print(problem.format(), file=sys.stderr)
        content = content or settings.content
        context = PackContext(settings, problems, content or bundled_content_dir())
    if (context.content / JOURNAL_NAME).exists():
        from aiplan_tui.core.transaction import finish_interrupted

        finish_interrupted(context.content)
    return context


def load(context: PackContext, pause: Pause | None = None) -> LoadResult:
    """The pack read from its files (`pause`: see core/pausing.py). PackNotFoundError (a
    usage error) for a directory that is not there, or one with nothing of a pack in it."""
    from aiplan_tui.pack.loader import load_pack
    from aiplan_tui.pack.not_found import PackNotFoundError

    result = load_pack(context.content, pause)
    if not_a_pack(context.content):
        where = context.content
        raise PackNotFoundError(
            f"{where} is not a content pack (it has no pack.toml); "
            f"`aiplan-tui check {where}` says what a pack needs"
        )
    return result


def not_a_pack(root: Path) -> bool:
    """A folder with nothing of a pack: no pack.toml at all (a broken one is a pack's problem,
    which `check` and the app's notice report)."""
    return not os.path.lexists(root / "pack.toml")
