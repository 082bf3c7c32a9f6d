"""Drive a real terminal: a private tmux server, its one pane, and what the pane shows.

Every wait polls the pane until a condition holds, with a generous deadline: the test machine is
shared and slow at times, so nothing here sleeps a fixed time and hopes.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

TMUX = shutil.which("tmux") or "/usr/bin/tmux"
SSHD = "/usr/sbin/sshd"
REQUIRED_ENV = "AIPLAN_TUI_E2E_REQUIRED"
"""Set by .ci/run, which installs tmux and sshd: a missing tool is then a failure, not a skip."""

STARTUP_TIMEOUT = 90.0
STEP_TIMEOUT = 45.0
POLL = 0.1

PROMPT = "e2e$ "
EXIT_LINE = re.compile(r"^EXIT:(\d+)$", re.MULTILINE)

_names = itertools.count()


def need(tool: str, path: str) -> None:
    """Skip when a tool is missing here, unless CI says every e2e test must run."""
    if Path(path).exists():
        return
    if os.environ.get(REQUIRED_ENV):
        pytest.fail(f"{tool} is required ({REQUIRED_ENV} is set) but {path} does not exist")
    pytest.skip(f"{tool} is not installed ({path} missing)")


def shell_command(env: Mapping[str, str]) -> str:
    """An interactive bash with exactly this environment and no startup files."""
    assignments = " ".join(shlex.quote(f"{key}={value}") for key, value in env.items())
    return f"env -i {assignments} bash --norc --noprofile"


class Tmux:
    """One tmux server on its own socket, with one session of one pane.

    The server never reads the user's ~/.tmux.conf (only `config`) and is killed by `close`.
    """

    def __init__(self, tmp: Path, config: Sequence[str] = ()) -> None:
        self.name = f"aiplan-e2e-{os.getpid()}-{next(_names)}"
        self.config = tmp / "tmux.conf"
        self.config.write_text("".join(f"{line}\n" for line in config), encoding="utf-8")
        self.target = "e2e"
        self.started = False

    def tmux(self, *args: str, check: bool = True) -> str:
        env = {**os.environ, "LANG": "C.UTF-8"}
        env.pop("TMUX", None)  # never talk to a tmux we may be running inside
        done = subprocess.run(
            [TMUX, "-u", "-L", self.name, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            check=False,
            timeout=60,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def start(self, command: str, width: int = 80, height: int = 24) -> None:
        self.tmux(
            "new-session", "-d", "-s", self.target, "-x", str(width), "-y", str(height), command
        )
        self.started = True

    def close(self) -> None:
        if self.started:
            self.tmux("kill-server", check=False)
            self.started = False

    # -- input

    def send(self, *keys: str) -> None:
        """Keys by tmux name: "Escape", "Enter", "q", "]"."""
        self.tmux("send-keys", "-t", self.target, *keys)

    def type(self, text: str) -> None:
        """Literal text, character by character, as typed."""
        self.tmux("send-keys", "-t", self.target, "-l", text)

    def run(self, command: str) -> None:
        """Type a command line into the shell and press enter."""
        self.type(command)
        self.send("Enter")

    # -- output

    def capture(self, joined: bool = False) -> str:
        """What the pane shows now, one line per row, trailing blanks trimmed.

        `joined`: a line the terminal wrapped comes back as one line.
        """
        return self.tmux("capture-pane", "-p", *(["-J"] if joined else []), "-t", self.target)

    def show(self, fmt: str) -> str:
        """A tmux format evaluated for the pane, such as "#{alternate_on}"."""
        return self.tmux("display-message", "-p", "-t", self.target, fmt).strip()

    def wait_until(
        self, check: Callable[[str], bool], what: str, timeout: float = STEP_TIMEOUT
    ) -> str:
        """Poll the pane until `check(screen)` holds; return that screen, or fail showing it."""
        deadline = time.monotonic() + timeout
        screen = ""
        while True:
            screen = self.capture()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waited {timeout:.0f} s for {what}; the pane shows:\n{screen}"
                )
            time.sleep(POLL)

    def wait_for(self, text: str, timeout: float = STEP_TIMEOUT) -> str:
        return self.wait_until(lambda screen: text in screen, repr(text), timeout)

    def wait_gone(self, text: str, timeout: float = STEP_TIMEOUT) -> str:
        return self.wait_until(lambda screen: text not in screen, f"{text!r} to go", timeout)

    def wait_for_all(self, *texts: str, timeout: float = STEP_TIMEOUT) -> str:
        return self.wait_until(
            lambda screen: all(text in screen for text in texts), repr(texts), timeout
        )

    def wait_for_prompt(self, timeout: float = STEP_TIMEOUT) -> str:
        """Wait until the shell's prompt is the last line shown, with nothing typed after it."""
        return self.wait_until(
            lambda screen: last_line(screen) == PROMPT.rstrip(), "the shell prompt", timeout
        )

    def wait_for_exit_status(self, timeout: float = STEP_TIMEOUT) -> int:
        """The status printed by `...; echo "EXIT:$?"` once the prompt is back after it."""
        screen = self.wait_until(
            lambda screen: (
                EXIT_LINE.search(screen) is not None and last_line(screen) == PROMPT.rstrip()
            ),
            "EXIT:<status> and the prompt",
            timeout,
        )
        found = EXIT_LINE.search(screen)
        assert found is not None
        return int(found.group(1))

    # -- the window

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", self.target, "-x", str(width), "-y", str(height))
        self.wait_until(
            lambda _: self.show("#{pane_width}x#{pane_height}") == f"{width}x{height}",
            f"the pane to be {width}x{height}",
        )


def pane_environment(bin_dir: Path, home: Path) -> dict[str, str]:
    """A clean environment for a pane's shell: `bin_dir` first on PATH, private HOME and XDG."""
    return {
        "HOME": str(home),
        "PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin",
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PS1": PROMPT,
        "HISTFILE": "/dev/null",
    }


def last_line(screen: str) -> str:
    lines = [line for line in screen.splitlines() if line.strip()]
    return lines[-1].rstrip() if lines else ""


TERMINAL_STATE = {
    "alternate_on": "0",  # back on the main screen
    "cursor_flag": "1",  # the cursor is shown
    "mouse_any_flag": "0",  # no mouse reporting of any kind
    "mouse_standard_flag": "0",
    "mouse_button_flag": "0",
    "mouse_all_flag": "0",
    "mouse_sgr_flag": "0",
    "mouse_utf8_flag": "0",
    "keypad_flag": "0",
    "insert_flag": "0",
}


def terminal_state(tmux: Tmux) -> dict[str, str]:
    """The pane's modes that an app must put back as it found them."""
    values = tmux.show(" ".join(f"#{{{name}}}" for name in TERMINAL_STATE)).split()
    return dict(zip(TERMINAL_STATE, values, strict=True))


@dataclass(frozen=True)
class Sshd:
    """A running sshd on 127.0.0.1 that lets the current user in with `key`."""

    port: int
    key: Path
    user: str
    log: Path

    def command(self, remote: str) -> str:
        """An ssh command line running `remote` on this server with a terminal."""
        options = [
            "-F", "/dev/null", "-tt", "-i", str(self.key), "-p", str(self.port),
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR",
        ]  # fmt: skip
        return shlex.join(["ssh", *options, f"{self.user}@127.0.0.1", remote])
