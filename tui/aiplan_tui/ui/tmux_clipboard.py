"""A copy that reaches the terminal from inside tmux.

The app copies with OSC 52 (Textual's `copy_to_clipboard`), which any terminal that allows it
puts on its clipboard, over SSH too. tmux, by default (`set-clipboard external`), ignores an
application's OSC 52. What it does honour is its own command: `tmux load-buffer -w -` makes
a paste buffer of the text and (`-w`, tmux 3.2 and later) sends it to the terminal tmux runs
in, as OSC 52, with the default settings. An older tmux refuses `-w`: then only
`set -s set-clipboard on` in ~/.tmux.conf lets the copy through, and the app says so once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping

TMUX_SETTING = "set -s set-clipboard on"
TMUX_NOTICE = (
    "tmux did not pass the copy on to your terminal. Add this line to ~/.tmux.conf, then "
    f"run `tmux source-file ~/.tmux.conf`: {TMUX_SETTING}"
)
"""Said once, the first time tmux refuses (a tmux older than 3.2, or one that cannot be run)."""
TIMEOUT = 2.0
"""How long a copy waits for tmux: it answers in milliseconds, or it is stuck."""


def in_tmux(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the app runs in a tmux pane (tmux sets TMUX there)."""
    return bool((os.environ if environ is None else environ).get("TMUX"))


def copy_through_tmux(text: str) -> bool:
    """Hand `text` to the tmux the app runs in, to keep as a buffer and send on to the
    terminal; False if tmux cannot be run or refuses."""
    tmux = shutil.which("tmux")
    if tmux is None:
        return False
    try:
        done = subprocess.run(
            [tmux, "load-buffer", "-w", "-"],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0
