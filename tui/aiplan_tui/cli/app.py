"""Opening the app (no command given): the pack found, settings, saved state and themes
gathered, then the screen taken over.

Textual is imported only here, and only once the terminal is known to be able to show it.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from aiplan_tui.cli.status import EXIT_OK, EXIT_USAGE
from aiplan_tui.core.model import Pack, PackInfo
from aiplan_tui.core.problems import Problems
from aiplan_tui.pack.result import LoadResult
from aiplan_tui.settings.config import Settings, check_keys
from aiplan_tui.settings.state import StateStore
from aiplan_tui.settings.themes import LITE_THEME

if TYPE_CHECKING:
    from aiplan_tui.cli.context import PackContext
    from aiplan_tui.compiled.store import CompiledPack
    from aiplan_tui.ui.app import AiplanApp

READS_PACK = True

LITE_FPS = "20"
"""Screen updates per second at most in lite mode (Textual's default is 60)."""


def run(args: argparse.Namespace, context: PackContext) -> int:
    """The app on the pack: read from its compiled pack if that is current (the app keeps it
    open for the search index), or loaded after the first frame if the pack is large; else
    loaded here."""
    from aiplan_tui.cli.context import load
    from aiplan_tui.compiled.checked import last_compiled
    from aiplan_tui.compiled.current import open_compiled
    from aiplan_tui.compiled.manifest import worth_loading_aside

    content, settings, problems = context.content, context.settings, context.settings_problems
    last = last_compiled(content) if context.is_pack() else None
    if last is not None:  # shown as last compiled, its files checked after the first frame
        return run_app(content, args, settings, problems, last.manifest, last, checking=True)
    # Taken before anything is read: a file changed during the load counts as changed.
    manifest = app_manifest(content, args)
    is_pack = context.is_pack()
    compiled = open_compiled(content, manifest=manifest) if is_pack else None
    if compiled is not None or (is_pack and worth_loading_aside(manifest)):
        return run_app(content, args, settings, problems, manifest, compiled)
    return run_app(load(context), args, settings, problems, manifest)


def app_manifest(root: Path, args: argparse.Namespace) -> str:
    """The manifest the app opens the compiled pack with. A large pack is walked in a child
    process while this one imports the app's screens: on two cores, the walk of 20,000
    files no longer comes before the first frame."""
    from aiplan_tui.compiled.current import compiled_path
    from aiplan_tui.compiled.manifest import manifest_aside, pack_manifest, worth_walking_aside

    if not worth_walking_aside(compiled_path(root)):
        return pack_manifest(root)
    taken = manifest_aside(root)
    try:
        import_ui(args)
    finally:  # the child waited for, whatever happens here
        manifest = taken()
    return manifest


def run_app(
    result: LoadResult | Path,
    args: argparse.Namespace,
    settings: Settings,
    problems: Problems,
    manifest: str | None = None,
    compiled: CompiledPack | None = None,
    checking: bool = False,
) -> int:
    """Run the app on the loaded pack, or on the pack in a directory: read from its compiled
    pack (a large one's head first, where the last session left off, the rest after the first
    frame), or, with none, loaded from its files after the first frame. Its search index
    comes from the compiled pack (or is compiled, keyed by `manifest`, taken before the
    load). `checking`: the compiled pack is the one last compiled, its files not looked at
    yet (the app checks them after its first frame)."""
    lite = args.lite or lite_from_environment()
    if lite:
        prepare_lite()
    from aiplan_tui.paths import bundled_themes_dir, user_themes_dir
    from aiplan_tui.ui.app import AiplanApp
    from aiplan_tui.ui.key_catalogue import binding_ids
    from aiplan_tui.ui.startup import Startup
    from aiplan_tui.ui.theme_catalog import ThemeCatalog

    catalog = ThemeCatalog.load(bundled_themes_dir(), user_themes_dir())
    if args.theme is not None and args.theme not in catalog.entries:
        names = ", ".join(catalog.names)
        print(f"aiplan-tui: no theme {args.theme!r}; themes: {names}", file=sys.stderr)
        return EXIT_USAGE
    if (no_terminal := no_terminal_for_app()) is not None:
        advice = "use a terminal such as xterm-256color, or a command (aiplan-tui --help)"
        # Said where a person will see it: on the terminal, if standard error is not one.
        seen = sys.stdout if sys.stdout.isatty() and not sys.stderr.isatty() else sys.stderr
        print(f"aiplan-tui: {no_terminal}; {advice}", file=seen)
        return EXIT_USAGE
    keymap = check_keys(settings, binding_ids() if settings.keys else (), problems)
    store = StateStore.default()
    saved, state_messages = store.load()
    head = load_from = None
    if isinstance(result, Path) and checking and compiled is not None:
        from aiplan_tui.compiled.checked import head_as_compiled
        from aiplan_tui.compiled.manifest import pack_manifest

        started = head_as_compiled(compiled, result, saved.article)
        if started is None:  # damaged: its files loaded after the first frame, as with none
            compiled, checking, manifest = None, False, pack_manifest(result)
        else:
            result, head = started
    if isinstance(result, Path):
        if compiled is None:  # loaded after the first frame
            load_from, result = (
                result,
                LoadResult(Pack(PackInfo("", result.name), result), Problems()),
            )
        else:
            from aiplan_tui.compiled.head import start_on

            result, head = start_on(compiled, result, saved.article)
    startup = Startup(
        theme=args.theme or (LITE_THEME if lite else saved.theme or settings.theme),
        lite=lite,
        saved=saved,
        store=store,
        catalog=catalog,
        keymap=keymap,
        notes=[problem.format() for problem in problems.items] + state_messages,
        manifest=manifest,
        compiled=compiled,
        head=head,
        load_from=load_from,
        checking=checking,
    )
    app = AiplanApp(result, startup)
    from aiplan_tui.cli.served import app_starting

    app_starting()
    app.run()
    status = app.return_code or EXIT_OK  # 1 after a crash, 128 + N after signal N
    if status == 128 + signal.SIGHUP:
        let_go_of_the_terminal()
    if app.still_working:
        end_without_waiting(status)
    let_go_of_the_compiled(app)
    return status


def let_go_of_the_compiled(app: AiplanApp) -> None:
    """Close the app's compiled pack and, if the app brought it up to date (its files changed
    since it was compiled), empty the log the update left: the app's reads of it kept that
    log from being emptied while it ran, and a later start would read it back whole (65 MB at
    a million items). Left as it is while another process reads it."""
    compiled = app.session.compiled
    if compiled is None:
        return
    compiled.close()
    from aiplan_tui.compiled.wal import checkpoint, wal_empty

    if not wal_empty(compiled.path):  # (one stat: nothing to do after an unchanged start)
        checkpoint(compiled.path)


def import_ui(args: argparse.Namespace) -> None:
    """Import the app's screens now (lite mode's settings made first: Textual reads them
    when it is imported), while a child process walks a large pack."""
    if args.lite or lite_from_environment():
        prepare_lite()
    import aiplan_tui.ui.app  # noqa: F401


def end_without_waiting(status: int) -> None:
    """The app is closed, the terminal given back and the state saved, but a thread of its
    is still reading or compiling the pack: end now rather than wait for it (Python joins
    such threads at exit: `q` on a large pack waited seconds for a read nobody would see).
    A build cut short leaves only a temporary file, which a later build sweeps away."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    logging.shutdown()
    os._exit(status)


def let_go_of_the_terminal() -> None:
    """The terminal has hung up: point standard output and error at /dev/null, so the
    interpreter's last flush cannot fail (it would turn the exit status into 120)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def lite_from_environment() -> bool:
    return os.environ.get("AIPLAN_TUI_LITE", "").strip().lower() in ("1", "true", "yes", "on")


def prepare_lite() -> None:
    """Before Textual is imported: it reads these once, at import."""
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    os.environ["TEXTUAL_FPS"] = LITE_FPS


def no_terminal_for_app() -> str | None:
    """Why the app cannot be drawn here (a dumb terminal, or no terminal at all), else None."""
    from aiplan_tui.cli.served import served

    if served():  # a browser draws it (aiplan-tui serve), through Textual's web driver
        return None
    term = os.environ.get("TERM", "")
    if term in {"", "dumb"}:
        return f"this terminal ({f'TERM={term}' if term else 'TERM unset'}) cannot show the app"
    if not sys.stdin.isatty():
        return "standard input must be a terminal to show the app"
    if not sys.stderr.isatty():  # Textual draws on standard error
        return "the app draws on standard error, which is not a terminal here (redirected?)"
    return None
