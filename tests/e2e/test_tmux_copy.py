"""`y` inside tmux reaches the terminal tmux runs in (issue 32), with tmux's default settings
(`set-clipboard external`: tmux ignores an application's own OSC 52). The outer terminal is a
pty this test reads: a tmux client attached to the app's session writes into it, and the copy
must arrive there as an OSC 52 sequence holding the citation."""

from __future__ import annotations

import base64
import fcntl
import os
import pty
import re
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from aiplan_tui.core.formatting import citation
from aiplan_tui.core.reading import ReadingOrder
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from e2e.terminal import STEP_TIMEOUT, TMUX, Tmux
from e2e.tour import launch, quit_and_check_restored, start_shell

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

PACK = load_pack(bundled_content_dir()).pack
FIRST_QUOTE = ReadingOrder(PACK, {"quote"}).items[0]
"""What `]` goes to from the reader's start, and `y` then copies."""
OSC_52 = re.compile(rb"\x1b\]52;[a-z0-9]*;([A-Za-z0-9+/=]+)(?:\x07|\x1b\\)")


class OuterTerminal:
    """A tmux client in a pty whose every byte is kept: the terminal tmux draws into."""

    def __init__(self, server: Tmux) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8"}
        env.pop("TMUX", None)
        self.client = subprocess.Popen(
            [TMUX, "-u", "-L", server.name, "-f", str(server.config), "attach", "-t",
             server.target],
            stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
        )  # fmt: skip
        os.close(slave)
        self.received = bytearray()
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self.lock:
                self.received += chunk

    def clipboard(self) -> list[str]:
        """Every text the terminal was asked to put on its clipboard, in order."""
        with self.lock:
            found = OSC_52.findall(bytes(self.received))
        return [base64.b64decode(text).decode("utf-8") for text in found]

    def wait_for_clipboard(self, timeout: float = STEP_TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while not self.clipboard():
            if time.monotonic() > deadline:
                raise AssertionError("the outer terminal received no OSC 52 sequence")
            time.sleep(0.05)
        return self.clipboard()[-1]

    def close(self) -> None:
        self.client.terminate()
        self.client.wait(timeout=10)
        os.close(self.master)
        self.reader.join(timeout=10)


@dataclass
class Attached:
    tmux: Tmux
    terminal: OuterTerminal
    before: dict[str, str]
    """The pane's modes before the app ran."""


@pytest.fixture
def attached(tmux: Tmux, pane_env: dict[str, str]) -> Iterator[Attached]:
    """tmux as it comes (no configuration), a shell in its pane, and a client attached in a
    terminal this test reads."""
    before = start_shell(tmux, pane_env)
    terminal = OuterTerminal(tmux)
    tmux.wait_until(lambda _: tmux.show("#{session_attached}") == "1", "the client attached")
    yield Attached(tmux, terminal, before)
    terminal.close()


def test_y_in_tmux_reaches_the_outer_terminal_with_the_default_settings(
    attached: Attached,
) -> None:
    tmux, terminal = attached.tmux, attached.terminal
    assert tmux.tmux("show-options", "-s", "-v", "set-clipboard").strip() == "external"
    before = terminal.clipboard()
    # The pane's shell was started with `env -i`: give the app the TMUX a pane has.
    socket, pid, session = tmux.show("#{socket_path} #{pid} #{session_id}").split()
    tmux.run(f"export TMUX={socket},{pid},{session.lstrip('$')}")
    tmux.wait_for_prompt()
    launch(tmux)
    tmux.send("]", "y")  # the first quote, copied
    tmux.wait_for("Copied with its source:")
    copied = terminal.wait_for_clipboard()
    assert before == [] and copied == citation(FIRST_QUOTE, PACK)
    assert tmux.tmux("show-buffer") == copied  # tmux keeps it too: prefix ] pastes it
    quit_and_check_restored(tmux, attached.before)
