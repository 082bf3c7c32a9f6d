"""What the commands that read a pack share, found once by `main`: the settings, their
problems and the pack's directory (PackContext), and the pack loaded the same way for each."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from aiplan_tui.core.pausing import Pause
from aiplan_tui.core.problems import Problems
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.core.transaction import finish_interrupted
from aiplan_tui.pack.result import LoadResult, PackNotFoundError
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.settings.config import Settings, default_config_path, load_settings


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


def pack_context(args: argparse.Namespace) -> PackContext | None:
    """The settings read and the pack found, with any transaction a killed writer left in it
    finished; None, having said why, for a --config that is not there."""
    if args.config is not None and not os.path.lexists(args.config):
        print(f"aiplan-tui: --config {clean_line(str(args.config))}: no such file", file=sys.stderr)
        return None
    problems = Problems()
    settings = load_settings(args.config or default_config_path(), problems)
    if args.command is not None:  # the app shows these itself, as a notice
        for problem in problems.items:
            print(problem.format(), file=sys.stderr)
    content = getattr(args, "pack", None) or args.content or settings.content
    context = PackContext(settings, problems, content or bundled_content_dir())
    finish_interrupted(context.content)
    return context


def load(context: PackContext, pause: Pause | None = None) -> LoadResult:
    """The pack read from its files (`pause`: see core/pausing.py). PackNotFoundError (a
    usage error) for a directory that is not there, or one with nothing of a pack in it."""
    from aiplan_tui.pack.loader import load_pack

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
