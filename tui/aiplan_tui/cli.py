"""The `aiplan-tui` command: the app by default, plus subcommands that use the core directly."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from aiplan_tui import __version__
from aiplan_tui.loader import LoadResult, PackNotFoundError, load_pack
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.problems import display_path, plural

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiplan-tui",
        description="Read, search and compare coverage of the 2025 US and Chinese AI action plans.",
        epilog="Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"aiplan-tui {__version__}")
    parser.add_argument("--content", metavar="DIR", type=Path, help="content pack to open")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate a content pack",
        description="Validate a content pack and print every problem as PATH:LINE:COL: "
        "error|warning: MESSAGE. Exit status: 0 valid, 1 problems found, 2 usage error.",
    )
    check.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="pack (default: bundled)")
    check.add_argument("--strict", action="store_true", help="treat warnings as problems too")

    export = commands.add_parser(
        "export",
        help="print the whole loaded pack",
        description="Print the loaded pack (only what is valid) for other tools.",
    )
    export.add_argument("--format", choices=["json"], default="json", help="output format")
    export.add_argument(
        "--content", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="pack to read"
    )
    search = commands.add_parser(
        "search",
        help="search the pack",
        description="Search everything in a pack with the app's query language. Exit status: "
        "0 with results, 1 with none, 2 usage error. Output: a table in a terminal, "
        "tab-separated lines when piped (kind, id, score, article, paragraph, text), or JSON.",
    )
    search.add_argument("query", help='e.g. deepsek, "two camps", ^invest, !nvidia, kind:quote')
    search.add_argument(
        "--kind", action="append", default=[], metavar="K",
        help="only these kinds (quote, fact, position, event, paragraph, entity, compare, "
        "article); repeat or separate with commas",
    )  # fmt: skip
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument(
        "--content", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="pack to search"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; a reader that closes the pipe early (`| head`) is not an error."""
    try:
        return _main(argv)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args.dir or args.content or bundled_content_dir(), strict=args.strict)
        result = load_pack(args.content or bundled_content_dir())
    except PackNotFoundError as exc:
        print(f"aiplan-tui: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "export":
        return _export(result)
    if args.command == "search":
        return _search(result, args)
    return _run_app(result)


def _check(root: Path, strict: bool) -> int:
    result = load_pack(root)
    problems = result.problems
    for problem in problems.items:
        print(problem.format())
    pack = result.pack
    counts = ", ".join(
        [
            plural(len(pack.articles), "article"),
            plural(len(pack.highlights), "highlight"),
            plural(len(pack.entities), "entity"),
            plural(len(pack.comparison), "comparison cell"),
        ]
    )
    print(f"{display_path(root)}: {problems.summary()} ({counts} loaded)")
    failed = problems.errors or (strict and problems.warnings)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _export(result: LoadResult) -> int:
    from aiplan_tui.export import pack_to_dict

    for problem in result.problems.errors:
        print(problem.format(), file=sys.stderr)
    json.dump(pack_to_dict(result.pack), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _search(result: LoadResult, args: argparse.Namespace) -> int:
    from aiplan_tui.query import KINDS
    from aiplan_tui.search_cli import run_search

    kinds = [kind for value in args.kind for kind in value.split(",") if kind]
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown or args.limit < 1:
        problem = f"unknown kind {unknown[0]!r}" if unknown else "--limit must be at least 1"
        print(f"aiplan-tui search: {problem}", file=sys.stderr)
        return EXIT_USAGE
    return run_search(result.pack, args.query, kinds, args.limit, args.json, result.files)


def _run_app(result: LoadResult) -> int:
    from aiplan_tui.app import AiplanApp

    AiplanApp(result).run()
    return EXIT_OK
