"""`aiplan-tui serve`: the app in a web browser, through textual-serve, for someone without a
terminal. Each browser tab gets an app process of its own; the page loads nothing from the
internet; an app that cannot start shows why on the page.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from aiplan_tui.cli.status import EXIT_OK, EXIT_USAGE
from aiplan_tui.core.safe_text import clean_line

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
SERVED = "AIPLAN_TUI_SERVED"
"""Set for the app processes the server starts: a failure before the app runs is shown on
the page (see `served`)."""
TEMPLATES = Path(__file__).resolve().parent / "web"


def app_command(args: argparse.Namespace) -> str:
    """The command line each browser session runs: this Python, this package, the options
    given before `serve`."""
    argv = [sys.executable, "-m", "aiplan_tui"]
    if args.content is not None:
        argv += ["--content", str(Path(args.content).absolute())]
    if args.theme is not None:
        argv += ["--theme", args.theme]
    if args.config is not None:
        argv += ["--config", str(Path(args.config).absolute())]
    if args.lite:
        argv.append("--lite")
    return shlex.join(argv)


def run_serve(args: argparse.Namespace) -> int:
    if args.port < 1 or args.port > 65535:
        print(f"aiplan-tui serve: --port must be 1 to 65535, not {args.port}", file=sys.stderr)
        return EXIT_USAGE
    if args.host not in LOOPBACK:
        print(
            f"aiplan-tui serve: warning: listening on {clean_line(args.host)}: anyone who can "
            "reach this address can use the app; there is no authentication",
            file=sys.stderr,
        )
    from textual_serve.server import Server

    os.environ[SERVED] = "1"  # the server hands its environment to each app process
    server = Server(
        app_command(args), host=args.host, port=args.port, title="aiplan-tui",
        templates_path=TEMPLATES,
    )  # fmt: skip
    try:
        server.serve()
    except OSError as exc:
        where = clean_line(f"{args.host}:{args.port}")
        print(f"aiplan-tui serve: cannot listen on {where}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def served() -> bool:
    """Whether this process is an app session started by `serve` (drawn by the browser)."""
    return bool(os.environ.get(SERVED)) and "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")
