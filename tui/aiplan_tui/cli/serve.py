"""`aiplan-tui serve`: the app in a web browser, through textual-serve, for someone without a
terminal. Each browser tab gets an app process of its own (up to --max-sessions); the page
loads nothing from the internet; an app that cannot start shows why on the page. What the
server lets through is decided in `serve_guard`, and done in `web_server`.
"""

from __future__ import annotations

import argparse
import errno
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from aiplan_tui.cli.served import SERVED
from aiplan_tui.cli.served import served as served  # where `serve`'s callers found it
from aiplan_tui.cli.status import EXIT_OK, EXIT_USAGE
from aiplan_tui.core.safe_text import clean_line

if TYPE_CHECKING:
    import socket

    from aiplan_tui.cli.commands import Subparsers
    from aiplan_tui.cli.context import PackContext

READS_PACK = False
TEMPLATES = Path(__file__).resolve().parent / "web"


def add_parser(subparsers: Subparsers, parents: Sequence[argparse.ArgumentParser]) -> None:
    serve = subparsers.add_parser(
        "serve",
        help="the app in a web browser",
        description="Serve the app to web browsers (each tab its own session) through "
        "textual-serve. It listens on this machine only unless --host says otherwise; there "
        "every request needs the token in the address it prints. Pages of other sites are "
        "refused, as is a host name that is not this machine's. Exit status: 0 stopped, 2 "
        "usage error (a port it cannot listen on).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: "
                       "127.0.0.1, this machine only)")  # fmt: skip
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--max-sessions", type=int, default=4, metavar="N",
        help="at most N app sessions (browser tabs) at once (default: 4)",
    )  # fmt: skip
    serve.add_argument(
        "--read-only", action="store_true",
        help="the apps change no pack file: Review's edits and the reader's m are refused",
    )  # fmt: skip


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


def run(args: argparse.Namespace, context: PackContext | None = None) -> int:
    """Serve the app (with the options given before `serve`) until Ctrl-C."""
    from aiplan_tui.cli.serve_guard import Guard, authority
    from aiplan_tui.settings.read_only import READ_ONLY

    if args.port < 1 or args.port > 65535:
        print(f"aiplan-tui serve: --port must be 1 to 65535, not {args.port}", file=sys.stderr)
        return EXIT_USAGE
    if args.max_sessions < 1:
        print(f"aiplan-tui serve: --max-sessions must be 1 or more, not {args.max_sessions}",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    guard = Guard.for_host(args.host, args.port)
    try:
        sockets = listen(args.host, args.port)
    except OSError as exc:
        where = clean_line(authority(args.host.strip("[]"), args.port))
        print(f"aiplan-tui serve: cannot listen on {where}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    if guard.token is not None:
        print(
            f"aiplan-tui serve: warning: listening on {clean_line(args.host)}: anyone who can "
            "reach this address and has the token printed with it can use the app",
            file=sys.stderr,
        )
    from aiplan_tui.cli.web_server import GuardedServer

    os.environ[SERVED] = "1"  # the server hands its environment to each app process
    if args.read_only:
        os.environ[READ_ONLY] = "1"
    server = GuardedServer(app_command(args), guard, args.max_sessions, TEMPLATES)
    said = [f"at most {args.max_sessions} sessions"] + ["read-only"] * args.read_only
    print(f"aiplan-tui serve: open in a web browser ({', '.join(said)}; ctrl+c stops it):")
    for address in guard.addresses():
        print(f"    {clean_line(address)}")
    sys.stdout.flush()
    server.run(sockets)
    return EXIT_OK


def listen(host: str, port: int) -> list[socket.socket]:
    """Sockets listening on every address the host name has (both loopbacks for
    `localhost`), before anything is printed: a port in use is said alone."""
    import socket

    found = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    sockets: list[socket.socket] = []
    try:
        for family, kind, proto, _, address in dict.fromkeys(found):
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                sock.bind(address)
            except OSError as exc:  # an IPv6 `localhost` without IPv6: the other will do
                if exc.errno != errno.EADDRNOTAVAIL or family != socket.AF_INET6:
                    raise
                sockets.pop().close()
                continue
            sock.listen(128)
            sock.setblocking(False)
        if not sockets:
            raise OSError(errno.EADDRNOTAVAIL, os.strerror(errno.EADDRNOTAVAIL))
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets
