"""`o` and `e`: back to where the words come from. `o` opens the current article's address in
a browser (the user's, under `serve`); `e` opens the pack file behind the current highlight at
its line in $EDITOR, the app suspended meanwhile, then reads the pack again.

Neither trusts the pack: an address is opened only if it is a plain http(s) URL
(core/links.py), and the editor is given the file as one argument, never through a shell.
"""

from __future__ import annotations

import os
import shlex
import signal
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from textual.app import SuspendNotSupported
from textual.notifications import SeverityLevel
from textual.screen import Screen

from aiplan_tui.core.links import web_url
from aiplan_tui.core.model import Article, Highlight, Pack
from aiplan_tui.core.safe_text import clean_line, shorten
from aiplan_tui.paths import is_bundled_pack
from aiplan_tui.settings.read_only import REFUSED, read_only
from aiplan_tui.ui.roles import Pointing


class SourceHost(Protocol):
    """What `o` and `e` ask of the app."""

    @property
    def pack(self) -> Pack: ...

    @property
    def is_web(self) -> bool: ...

    @property
    def screen(self) -> Screen[object]: ...

    def selected_highlight(self) -> str | None: ...

    def reader_place(self) -> tuple[str | None, int]: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def open_url(self, url: str, *, new_tab: bool = True) -> None: ...

    def copy_to_clipboard(self, text: str) -> None: ...

    def suspend(self) -> AbstractContextManager[None]: ...

    def reload_pack(self, then: Callable[[Pack], object]) -> bool: ...


def current_highlight(app: SourceHost) -> Highlight | None:
    """The highlight under the shown screen's cursor (a suggestion, on Review), else the one
    `y` would copy: the shown screen's selection, else the reader's."""
    screen, pack = app.screen, app.pack
    if isinstance(screen, Pointing):
        return screen.pointed_highlight()
    selected = app.selected_highlight()
    return pack.highlight(selected) if selected else None


def current_article(app: SourceHost) -> Article | None:
    """The current highlight's article, else the one the reader shows."""
    highlight = current_highlight(app)
    article_id = highlight.article if highlight is not None else app.reader_place()[0]
    return app.pack.article(article_id) if article_id else None


def open_source(app: SourceHost) -> None:
    """`o`: the current article's address in a browser; where there is none to start (over
    SSH, say), the address is copied instead, and the notice says so."""
    article = current_article(app)
    if article is None:
        app.notify("No article here to open: move onto one first.", timeout=3)
        return
    url = web_url(article.url)
    if url is None:
        why = "gives no address" if not article.url.strip() else "has no http(s) address"
        app.notify(f"'{shorten(article.title, 40)}' {why} to open.", timeout=4, markup=False)
        return
    if app.is_web:  # under serve: a tab in the user's own browser
        app.open_url(url)
        app.notify(f"Opened in your browser: {shorten(url, 60)}", markup=False)
    elif open_in_background(url):
        app.notify(f"Opened in the browser: {shorten(url, 60)}", markup=False)
    else:
        app.copy_to_clipboard(url)
        app.notify(
            f"No browser to open here, so the address is copied: {shorten(url, 60)}",
            timeout=6,
            markup=False,
        )


def open_in_background(url: str) -> bool:
    """Open `url` with a browser that runs beside the app (a desktop's, `open`, `xdg-open`);
    never one that would take over this terminal (lynx, w3m, a $BROWSER command)."""
    import webbrowser  # here: a few milliseconds the app's start does without

    if os.name == "posix" and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or _is_macos()
    ):
        return False
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    if type(browser) is webbrowser.GenericBrowser:  # runs in the foreground, in this terminal
        return False
    try:
        return bool(browser.open(url, new=2))
    except OSError:
        return False


def _is_macos() -> bool:
    return os.uname().sysname == "Darwin"


def editor_command() -> list[str] | None:
    """$VISUAL or $EDITOR, split as a shell splits words ("code -w"; one with an unclosed
    quotation mark at its spaces), or None."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "")
        try:
            words = shlex.split(value, posix=True)
        except ValueError:
            words = value.split()
        if words:
            return words
    return None


GOTO_COLON = {"code": ["-g"], "code-insiders": ["-g"], "codium": ["-g"], "subl": [], "zed": []}
"""Editors that take FILE:LINE (after these words) rather than the +LINE FILE of vi, Emacs,
nano, micro, helix and most others."""


def editor_arguments(editor: list[str], path: str, line: int) -> list[str]:
    """The command that opens `path` at `line` in `editor`."""
    flags = GOTO_COLON.get(Path(editor[0]).name)
    if flags is None:
        return [*editor, f"+{line}", path]
    return [*editor, *flags, f"{path}:{line}"]


def edit_source(app: SourceHost) -> None:
    """`e`: the current highlight's file at its line in the editor, then the pack read again
    (changes made there show at once)."""
    highlight = current_highlight(app)
    if highlight is None:
        app.notify("Nothing to edit here: move onto a highlight first (] or }).", timeout=3)
        return
    path, line = highlight.source.path, highlight.source.line
    where = f"{clean_line(str(path))}:{line}"
    refusal = _edit_refusal(app, path)
    if refusal:
        app.notify(f"{refusal} The highlight is at {where}.", timeout=6, markup=False)
        return
    editor = editor_command()
    if editor is None:
        app.notify(f"Set $EDITOR (say, export EDITOR=nano) to edit from here. The highlight is "
                   f"at {where}.", timeout=6, markup=False)  # fmt: skip
        return
    try:
        with app.suspend():  # an error must not leave it (Textual resumes only on a clean exit)
            done = _run_editor(editor_arguments(editor, str(path), line))
    except SuspendNotSupported:
        app.notify(f"This terminal cannot be handed to an editor. The highlight is at {where}.",
                   timeout=6, markup=False)  # fmt: skip
        return
    if isinstance(done, OSError):
        app.notify(f"Could not start {editor[0]}: {done.strerror}", severity="error",
                   markup=False)  # fmt: skip
        return
    if done != 0:
        app.notify(f"{editor[0]} exited with status {done}.", severity="warning", markup=False)
    app.reload_pack(lambda _pack: None)


def _run_editor(command: list[str]) -> int | OSError:
    """The editor's exit status once it ends (minus a signal's number when one ended it), or
    why it could not start (a mistyped $EDITOR). ctrl+c meanwhile is the editor's: the app
    ignores it from before the editor starts (as git does), and the editor is started with
    it back to its default (posix_spawn's setsigdef: no window where ctrl+c ends the app)."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        try:
            pid = os.posix_spawnp(command[0], command, os.environ, setsigdef=(signal.SIGINT,))
        except OSError as error:
            return error
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status)
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)


def _edit_refusal(app: SourceHost, path: Path) -> str:
    """Why the file cannot be edited from here ("" when it can)."""
    if read_only():
        return REFUSED
    if is_bundled_pack(app.pack.root):
        return (
            "The bundled pack is not for editing: `aiplan-tui init DIR --from-bundled` makes "
            "one of yours."
        )
    if app.is_web:
        return "Editing needs the app in a terminal, not a browser."
    return ""
