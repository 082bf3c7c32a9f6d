"""`aiplan-tui init DIR`: a new content pack to fill with your own articles."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from aiplan_tui.cli.status import EXIT_OK, EXIT_USAGE
from aiplan_tui.core.safe_text import clean_line

if TYPE_CHECKING:
    from aiplan_tui.cli.commands import Subparsers
    from aiplan_tui.cli.context import PackContext

READS_PACK = False


def add_parser(subparsers: Subparsers, parents: Sequence[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser(
        "init",
        help="make a new content pack for your own articles",
        description="Make a content pack in DIR (new or empty): pack.toml with the two sides "
        "and seven dimensions of the bundled pack, empty entities.toml and comparison.toml, "
        "and the articles/ and highlights/ folders, each file saying what goes in it. Exit "
        "status: 0 made, 2 DIR is not empty or cannot be written.",
    )
    init.add_argument("dir", type=Path, metavar="DIR", help="where to make it")
    init.add_argument(
        "--from-bundled", action="store_true", help="start from a copy of the bundled pack"
    )


def run(args: argparse.Namespace, context: PackContext | None = None) -> int:
    return run_init(args.dir, args.from_bundled)


def run_init(target: Path, from_bundled: bool) -> int:
    from aiplan_tui.authoring.new_pack import InitError, create_pack
    from aiplan_tui.authoring.writing import toml_value
    from aiplan_tui.paths import bundled_content_dir
    from aiplan_tui.settings.config import default_config_path

    try:
        create_pack(target, bundled_content_dir(), from_bundled)
    except (InitError, OSError) as exc:
        print(f"aiplan-tui init: {clean_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    where = clean_line(shlex.quote(str(target)))  # commands to paste into a shell
    made = "a copy of the bundled pack" if from_bundled else "a new pack"
    absolute = clean_line(toml_value(str(target.absolute())))
    print(f"Created {made} in {clean_line(str(target))}.")
    print(f"  Add an article:   aiplan-tui add ARTICLE.txt --content {where}")
    print(f"  Check it:         aiplan-tui check {where}")
    print(f"  Open it:          aiplan-tui --content {where}")
    print(f"To open it by default, put this line in {clean_line(str(default_config_path()))}:")
    print(f"  content = {absolute}")
    return EXIT_OK
