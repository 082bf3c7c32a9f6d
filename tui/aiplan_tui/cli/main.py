"""The `aiplan-tui` command: the app by default, plus subcommands that use the core directly.

Each subcommand lives in its own module and is imported only when it runs, so `check` or
`search` never pay for the app (or Textual) and the app never pays for them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from aiplan_tui.cli.output import prepare as prepare_output
from aiplan_tui.cli.parser import build_parser
from aiplan_tui.cli.status import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from aiplan_tui.compiled.manifest import pack_manifest, worth_loading_aside
from aiplan_tui.core.collector import collector_paused
from aiplan_tui.core.problems import Problems
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.core.transaction import finish_interrupted
from aiplan_tui.pack.result import PackNotFoundError
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.settings.config import default_config_path, load_settings

if TYPE_CHECKING:
    from aiplan_tui.compiled.store import CompiledPack


COMPILING = (None, "search", "export")
"""The commands that read or write the compiled pack (None: the app)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; a reader that closes the pipe early (`| head`) is not an error."""
    from aiplan_tui.cli.serve import served

    if served():
        from aiplan_tui.cli.served import run_served

        return run_served(_main, argv)
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl-C in a command: whatever it writes is all or nothing
        print("aiplan-tui: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _main(argv: Sequence[str] | None) -> int:
    prepare_output()
    args = build_parser().parse_args(argv)
    if args.command == "themes":
        from aiplan_tui.cli.themes import run_themes

        return run_themes()
    if args.command == "serve":
        from aiplan_tui.cli.serve import run_serve

        return run_serve(args)
    if args.command == "completion":
        from aiplan_tui.cli.completion import run_completion

        return run_completion(args.shell)
    if args.command == "init":
        from aiplan_tui.cli.init import run_init

        return run_init(args.dir, args.from_bundled)
    if args.command == "keys":
        from aiplan_tui.cli.keys import run_keys

        return run_keys()
    if args.command is None:
        return _with_pack(args)  # the app: a long session keeps the cyclic collector
    with collector_paused():  # a command makes a large pack's objects once, then ends
        return _with_pack(args)


def _with_pack(args: argparse.Namespace) -> int:
    """The app, or a command that reads the pack (or its compiled database)."""
    if args.config is not None and not os.path.lexists(args.config):
        print(f"aiplan-tui: --config {clean_line(str(args.config))}: no such file", file=sys.stderr)
        return EXIT_USAGE
    settings_problems = Problems()
    settings = load_settings(args.config or default_config_path(), settings_problems)
    if args.command is not None:  # the app shows these itself, as a notice
        for problem in settings_problems.items:
            print(problem.format(), file=sys.stderr)
    content = args.content or settings.content or bundled_content_dir()
    finish_interrupted(args.dir if args.command == "check" and args.dir else content)
    if args.command == "search":
        from aiplan_tui.cli.search import search_options

        if search_options(args) is None:  # a usage error exits 2 before any search runs
            return EXIT_USAGE
    if args.command == "add":
        from aiplan_tui.cli.add import run_add

        return run_add(args, content)
    try:
        if args.command == "check":
            from aiplan_tui.cli.check import run_check

            if args.dry_run and not args.fix:
                print("aiplan-tui check: --dry-run goes with --fix", file=sys.stderr)
                return EXIT_USAGE
            return run_check(
                args.dir or content, strict=args.strict, fix=args.fix, dry_run=args.dry_run
            )
        # Taken before anything is read: a file changed during the load counts as changed.
        if args.command is None:
            manifest = _app_manifest(content, args)
        else:
            manifest = pack_manifest(content) if args.command in COMPILING else ""
        is_pack = content.is_dir() and not not_a_pack(content)
        if args.command in ("search", "export") and is_pack:
            from aiplan_tui.cli.warm import answer_from_compiled

            answered = answer_from_compiled(content, args, manifest)
            if answered is not None:
                return answered
        compiled = _compiled(content, manifest) if args.command is None and is_pack else None
        if compiled is not None or (
            args.command is None and is_pack and worth_loading_aside(manifest)
        ):  # the app reads the pack from its compiled pack, or loads it after its first frame
            from aiplan_tui.cli.app import run_app

            return run_app(content, args, settings, settings_problems, manifest, compiled)
        from aiplan_tui.pack.loader import load_pack

        result = load_pack(content)
    except PackNotFoundError as exc:
        print(f"aiplan-tui: {clean_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    if not_a_pack(content):
        where = clean_line(str(content))
        print(
            f"aiplan-tui: {where} is not a content pack (it has no pack.toml); "
            f"`aiplan-tui check {where}` says what a pack needs",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.command == "export":
        from aiplan_tui.cli.export import run_export
        from aiplan_tui.compiled.current import compile_loaded

        status = run_export(result)
        compile_loaded(result, manifest, with_export=True)  # for next time, after the output
        return status
    if args.command == "search":
        from aiplan_tui.cli.search import search_command
        from aiplan_tui.compiled.current import compile_loaded

        return search_command(compile_loaded(result, manifest), args)
    if args.command == "quotes":
        from aiplan_tui.cli.quotes import run_quotes

        return run_quotes(result, args)
    if args.command == "compare":
        from aiplan_tui.cli.compare import run_compare

        return run_compare(result, args)
    from aiplan_tui.cli.app import run_app

    return run_app(result, args, settings, settings_problems, manifest)


def _app_manifest(root: Path, args: argparse.Namespace) -> str:
    """The manifest the app opens the compiled pack with. A large pack is walked in a child
    process while this one imports the app's screens: on two cores, the walk of 20,000
    files no longer comes before the first frame."""
    from aiplan_tui.compiled.current import compiled_path
    from aiplan_tui.compiled.manifest import manifest_aside, worth_walking_aside

    if not worth_walking_aside(compiled_path(root)):
        return pack_manifest(root)
    taken = manifest_aside(root)
    try:
        from aiplan_tui.cli.app import import_ui

        import_ui(args)
    finally:  # the child waited for, whatever happens here
        manifest = taken()
    return manifest


def _compiled(root: Path, manifest: str) -> CompiledPack | None:
    """For the app: the pack's compiled database, if that is current (the app reads the pack
    from it, and keeps it open for the search index)."""
    from aiplan_tui.compiled.current import open_compiled

    return open_compiled(root, manifest=manifest)


def not_a_pack(root: Path) -> bool:
    """A folder with nothing of a pack: no pack.toml at all (a broken one is a pack's problem,
    which `check` and the app's notice report)."""
    return not os.path.lexists(root / "pack.toml")
