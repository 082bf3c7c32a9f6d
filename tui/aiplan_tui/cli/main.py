"""The `aiplan-tui` command: the app by default, plus subcommands that use the core directly."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from aiplan_tui import __version__
from aiplan_tui.config import Settings, check_keys, default_config_path, load_settings
from aiplan_tui.loader import LoadResult, PackNotFoundError, load_pack
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.problems import Problems, display_path, plural

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiplan-tui",
        description="Read, search and compare coverage of the 2025 US and Chinese AI action plans.",
        epilog="Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"aiplan-tui {__version__}")
    parser.add_argument("--content", metavar="DIR", type=Path, help="content pack to open")
    parser.add_argument("--theme", metavar="NAME", help="start in this theme (see `themes`)")
    parser.add_argument(
        "--lite", action="store_true",
        help="for slow links: no animation, fewer screen updates, the 16-colour theme "
        "(also AIPLAN_TUI_LITE=1)",
    )  # fmt: skip
    parser.add_argument(
        "--config", metavar="FILE", type=Path,
        help="settings file (default: $XDG_CONFIG_HOME/aiplan-tui/config.toml)",
    )  # fmt: skip
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
    compare = commands.add_parser(
        "compare",
        help="the two sides, dimension by dimension",
        description="Print the comparison: each side's summary and quoted points per dimension, "
        "and figures both sides give. Exit status: 0 printed, 2 usage error (unknown sides).",
    )
    compare.add_argument(
        "--format", choices=["table", "md", "json"], default="table",
        help="a table for the terminal, Markdown with a citation for every point, or JSON",
    )  # fmt: skip
    compare.add_argument(
        "--sides", metavar="A,B", help="which two sides, left first (default: the pack's first two)"
    )
    compare.add_argument(
        "--content", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="pack to compare"
    )
    commands.add_parser(
        "themes",
        help="list the themes",
        description="List every theme (bundled and yours) with where it comes from, then any "
        "problems in theme files as PATH:LINE:COL. Exit status: 0 all themes valid, 1 problems.",
    )
    commands.add_parser(
        "keys",
        help="list the key binding ids",
        description="List every key binding: its id (for [keys] in config.toml), keys and what "
        "it does.",
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
    if args.command == "themes":
        return _themes()
    if args.command == "keys":
        return _keys()
    settings_problems = Problems()
    settings = load_settings(args.config or default_config_path(), settings_problems)
    if args.command is not None:  # the app shows these itself, as a notice
        for problem in settings_problems.items:
            print(problem.format(), file=sys.stderr)
    content = args.content or settings.content or bundled_content_dir()
    try:
        if args.command == "check":
            return _check(args.dir or content, strict=args.strict)
        result = load_pack(content)
    except PackNotFoundError as exc:
        print(f"aiplan-tui: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "export":
        return _export(result)
    if args.command == "search":
        return _search(result, args)
    if args.command == "compare":
        return _compare(result, args)
    if args.lite or lite_from_environment():
        prepare_lite()
    return _run_app(result, args, settings, settings_problems)


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


def _compare(result: LoadResult, args: argparse.Namespace) -> int:
    from aiplan_tui.compare_output import matrix_table, matrix_to_dict, matrix_to_markdown
    from aiplan_tui.comparison import SidesError, build_matrix, parse_sides

    pack = result.pack
    try:
        sides = parse_sides(args.sides, pack) if args.sides else None
        matrix = build_matrix(pack, sides)
    except SidesError as exc:
        print(f"aiplan-tui compare: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        json.dump(matrix_to_dict(matrix, pack), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "md":
        sys.stdout.write(matrix_to_markdown(matrix, pack))
    else:
        from rich.console import Console

        Console().print(matrix_table(matrix, pack))
    return EXIT_OK


def _run_app(
    result: LoadResult, args: argparse.Namespace, settings: Settings, problems: Problems
) -> int:
    from aiplan_tui.app import AiplanApp
    from aiplan_tui.key_catalog import binding_ids
    from aiplan_tui.paths import bundled_themes_dir, user_themes_dir
    from aiplan_tui.startup import Startup
    from aiplan_tui.state import StateStore
    from aiplan_tui.themes import LITE_THEME, ThemeCatalog

    catalog = ThemeCatalog.load(bundled_themes_dir(), user_themes_dir())
    if args.theme is not None and args.theme not in catalog.entries:
        names = ", ".join(catalog.names)
        print(f"aiplan-tui: no theme {args.theme!r}; themes: {names}", file=sys.stderr)
        return EXIT_USAGE
    if (no_terminal := _no_terminal_for_app()) is not None:
        advice = "use a terminal such as xterm-256color, or a command (aiplan-tui --help)"
        print(f"aiplan-tui: {no_terminal}; {advice}", file=sys.stderr)
        return EXIT_USAGE
    keymap = check_keys(settings, binding_ids() if settings.keys else (), problems)
    lite = args.lite or lite_from_environment()
    store = StateStore.default()
    saved, state_messages = store.load()
    startup = Startup(
        theme=args.theme or (LITE_THEME if lite else saved.theme or settings.theme),
        lite=lite,
        saved=saved,
        store=store,
        catalog=catalog,
        keymap=keymap,
        notes=[problem.format() for problem in problems.items] + state_messages,
    )
    AiplanApp(result, startup).run()
    return EXIT_OK


LITE_FPS = "20"
"""Screen updates per second at most in lite mode (Textual's default is 60)."""


def lite_from_environment() -> bool:
    return os.environ.get("AIPLAN_TUI_LITE", "").strip().lower() in ("1", "true", "yes", "on")


def prepare_lite() -> None:
    """Before Textual is imported: it reads these once, at import."""
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    os.environ["TEXTUAL_FPS"] = LITE_FPS


def _no_terminal_for_app() -> str | None:
    """Why the app cannot be drawn here (a dumb terminal, or no terminal at all), else None."""
    term = os.environ.get("TERM", "")
    if term in {"", "dumb"}:
        return f"this terminal ({f'TERM={term}' if term else 'TERM unset'}) cannot show the app"
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return "standard input and output must be a terminal to show the app"
    return None


def _themes() -> int:
    from aiplan_tui.paths import bundled_themes_dir, user_themes_dir
    from aiplan_tui.safe_text import clean_line
    from aiplan_tui.themes import DEFAULT_THEME, ThemeCatalog

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


def _keys() -> int:
    from aiplan_tui.key_catalog import all_bindings
    from aiplan_tui.screens.help import key_name

    rows = [
        (b.id or "", ",".join(key_name(k) for k in b.key.split(",")), b.tooltip or b.description)
        for _, b in all_bindings()
        if b.id
    ]
    width = max(len(row[0]) for row in rows)
    keys_width = max(len(row[1]) for row in rows)
    for binding_id, keys, what in rows:
        print(f"{binding_id:<{width}}  {keys:<{keys_width}}  {what}")
    return EXIT_OK
