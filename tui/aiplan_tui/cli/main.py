"""The `aiplan-tui` command: the app by default, plus subcommands that use the core directly.

Each command lives in its own module, found in the table in `commands` and imported only
when it runs, so `check` or `search` never pay for the app (or Textual) and the app never
pays for them.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence

from aiplan_tui.cli.commands import APP, runner
from aiplan_tui.cli.output import prepare as prepare_output
from aiplan_tui.cli.quick_args import quick_args
from aiplan_tui.cli.status import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from aiplan_tui.core.collector import collector_paused

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    import argparse
    from pathlib import Path
    from typing import NoReturn, TextIO

    from aiplan_tui.cli.commands import Runs


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; a reader that closes the pipe early (`| head`) is not an error."""
    from aiplan_tui.cli.served import served

    if served():
        from aiplan_tui.cli.served import run_served

        return run_served(_main, argv)
    try:
        return _main(argv, at_once=argv is None)  # the process's own command line
    except KeyboardInterrupt:  # Ctrl-C in a command: whatever it writes is all or nothing
        print("aiplan-tui: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _discard_output(sys.stdout)
        return EXIT_OK
    except OSError as exc:  # a write to a full disk: said in one line, not a traceback
        if exc.errno not in UNWRITABLE:
            raise
        why = exc.strerror or str(exc)
        try:  # noqa: SIM105 (no contextlib to import) on standard error, if it can be written
            os.write(2, f"aiplan-tui: the output could not be written: {why}\n".encode())
        except OSError:
            pass
        _discard_output(sys.stdout, sys.stderr)
        return EXIT_PROBLEMS


UNWRITABLE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
"""Errors of a write the command cannot do anything about: the disk (or the quota) is full."""


def _discard_output(*streams: TextIO) -> None:
    """What is still buffered for `streams` goes nowhere: Python would fail to write it again
    as it ends."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in streams:
        try:  # noqa: SIM105 (no contextlib to import)
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError, AttributeError):  # a stream closed, or None
            pass


def _main(argv: Sequence[str] | None, at_once: bool = False) -> int:
    """Run the command; `at_once`: end the process as soon as a command of ENDS_AT_ONCE is
    done (not for a session `serve` started, whose messages `run_served` shows after)."""
    prepare_output()
    words = sys.argv[1:] if argv is None else argv
    args = quick_args(words)
    if args is None:  # anything but `search WORD...`
        from aiplan_tui.cli.parser import build_parser

        args = build_parser(words).parse_args(words)
    command = runner(args.command)
    if not command.READS_PACK:
        return command.run(args, None)
    if args.command is APP:
        return _with_pack(command, args)  # the app: a long session keeps the cyclic collector
    with collector_paused():  # a command makes a large pack's objects once, then ends
        status = _with_pack(command, args)
    if at_once and args.command in ENDS_AT_ONCE:
        end_now(status)
    return status


ENDS_AT_ONCE = frozenset({"search", "export", "quotes", "compare"})
"""Commands that only read, and write only to standard output and error: run as the whole
process (the installed command, not `main` called in-process), such a command ends as soon
as it has flushed both, without the interpreter tearing down every module and object it made
(10 ms of a search's start-up). Every file and database it opened is closed by then."""


def end_now(status: int) -> NoReturn:
    """Flush standard output and error and end the process with `status`. A flush that
    fails raises as any write does, for `main` to say why (BrokenPipeError: the reader has
    gone; a full disk); a stream the caller closed (`2>&-`: None) is passed over."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(status)


def _with_pack(command: Runs, args: argparse.Namespace) -> int:
    """The app, or a command that reads the pack (or its compiled database)."""
    from aiplan_tui.cli.context import pack_context
    from aiplan_tui.core.safe_text import clean_line
    from aiplan_tui.pack.not_found import PackNotFoundError

    context = pack_context(args)
    if context is None:
        return EXIT_USAGE
    try:
        return command.run(args, context)
    except PackNotFoundError as exc:
        print(f"aiplan-tui: {clean_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE


def _app_manifest(root: Path, args: argparse.Namespace) -> str:
    """The manifest the app opens the compiled pack with (`app.app_manifest`)."""
    from aiplan_tui.cli.app import app_manifest

    return app_manifest(root, args)
