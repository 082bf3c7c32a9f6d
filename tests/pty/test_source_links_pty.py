"""The app in a real terminal (issue 32): the article's address leaves as an OSC 8 link, and `e`
suspends the app, runs $EDITOR on the highlight's file at its line (`+LINE FILE`), then shows
what the editor changed."""

from __future__ import annotations

import json
import os
import sys
import termios
import time
from pathlib import Path

import pytest

from conftest import ARTICLE, PackFactory, PtyScreen, app_in_pty, app_stopped

pytestmark = pytest.mark.slow

URL = "https://example.com/wire?id=1"
NEW_QUOTE = """
[[quote]]
id = "q-restricted"
article = "wire"
exact = "The U.S. restricted chip exports"
speaker = "george-chen"
direct = false
"""


def editor(tmp_path: Path) -> Path:
    """An editor that notes how it was started and adds a quotation to the file it is given."""
    script = tmp_path / "editor"
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{tmp_path}/editor-args"\n'
        f"cat >> \"$2\" <<'EOF'\n{NEW_QUOTE}EOF\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def test_the_link_and_e_in_a_real_terminal(make_pack: PackFactory, tmp_path: Path) -> None:
    article = ARTICLE.replace(
        'outlet = "Example Wire"\n', f'outlet = "Example Wire"\nurl = {json.dumps(URL)}\n'
    )
    root = make_pack({"articles/wire.md": article})
    highlights = root / "highlights" / "wire.toml"
    process, master, slave = app_in_pty(
        tmp_path / "home", 120, 36, "--content", str(root),
        environment={"EDITOR": str(editor(tmp_path))},
    )  # fmt: skip
    os.close(slave)
    with app_stopped(process, master):
        screen = PtyScreen(master, 120, 36)
        screen.wait_for("Quotes (1)")
        screen.wait_for(URL)
        opening = b"\x1b]8;id="
        assert opening in screen.output and URL.encode() in screen.output
        link = screen.output[screen.output.index(opening) :]
        assert link.split(b"\x1b\\", 1)[0].endswith(URL.encode())  # the link is the address
        os.write(master, b"]")
        screen.wait_for("“the two camps are now being formed”")
        os.write(master, b"e")
        screen.wait_for("Quotes (2)")  # the editor's change, read again on its return
        args = (tmp_path / "editor-args").read_text(encoding="utf-8").splitlines()
        assert args == ["+1", str(highlights)]
        os.write(master, b"q")
        assert screen.exit_status(process) == 0
        assert "Traceback" not in screen.text()


def test_an_editor_that_cannot_be_started_leaves_the_app_running(
    make_pack: PackFactory, tmp_path: Path
) -> None:
    """A mistyped $EDITOR: the app says so and comes back, rather than staying suspended (a
    blank screen that echoes the keys) until it is killed."""
    missing = tmp_path / "no-such-editor"
    process, master, slave = app_in_pty(
        tmp_path / "home", 120, 36, "--content", str(make_pack()),
        environment={"EDITOR": str(missing), "VISUAL": ""},
    )  # fmt: skip
    os.close(slave)
    with app_stopped(process, master):
        screen = PtyScreen(master, 120, 36)
        screen.wait_for("Quotes (1)")
        os.write(master, b"]")
        screen.wait_for("“the two camps are now being formed”")
        os.write(master, b"e")
        screen.wait_for("Could not start")
        os.write(master, b"3")  # the app reads keys again, and draws
        screen.wait_for("Filter by speaker")
        os.write(master, b"q")
        assert screen.exit_status(process) == 0


def handed_over(master: int) -> None:
    """Wait until the terminal is in the editor's hands, cooked again (ctrl+c a signal): the
    editor may print before the app's terminal modes are all put back."""
    deadline = time.monotonic() + 10
    while not termios.tcgetattr(master)[3] & termios.ISIG:
        assert time.monotonic() < deadline, "the terminal was never handed to the editor"


WAITING_EDITOR = """
import time
try:
    print("EDITING", flush=True)
    time.sleep(30)
except KeyboardInterrupt:
    raise SystemExit(130)
"""
"""An editor that leaves the terminal as it finds it (as `code -w` does) and waits. One process
that says EDITING only once ctrl+c reaches it (Python raises KeyboardInterrupt for a SIGINT left
at its default, and keeps one ignored or blocked from reaching it): a shell script running
`sleep` would not do, as a ctrl+c while the shell starts `sleep` is the shell's alone, and it
waits for `sleep` to end before it acts on it."""


def test_ctrl_c_in_the_editor_does_not_end_the_app(make_pack: PackFactory, tmp_path: Path) -> None:
    """ctrl+c while the editor runs is the editor's: the app waiting for it carries on, as git
    does for its editor."""
    script = tmp_path / "editor"
    script.write_text(f"#!{sys.executable}\n{WAITING_EDITOR}", encoding="utf-8")
    script.chmod(0o755)
    process, master, slave = app_in_pty(
        tmp_path / "home", 120, 36, "--content", str(make_pack()),
        environment={"EDITOR": "editor", "PATH": f"{tmp_path}:{os.environ['PATH']}"},
    )  # fmt: skip
    os.close(slave)
    with app_stopped(process, master):
        screen = PtyScreen(master, 120, 36)
        screen.wait_for("Quotes (1)")
        os.write(master, b"]")
        screen.wait_for("“the two camps are now being formed”")
        os.write(master, b"e")
        screen.wait_for("EDITING")
        handed_over(master)
        os.write(master, b"\x03")  # the terminal is the editor's: ctrl+c is SIGINT
        screen.wait_for("editor exited with status 130")  # ended by the ctrl+c, the app not
        os.write(master, b"3")
        screen.wait_for("Filter by speaker")
        os.write(master, b"q")
        assert screen.exit_status(process) == 0
