"""How many bytes the app writes to a real terminal: at start, and per keystroke.

Over SSH every byte the app writes crosses the network, so on a slow or distant link the cost
of a keystroke is the size of the screen update it causes. Moving a cursor one row should cost
a few hundred bytes, not a repaint of the whole screen. This script measures that end to end,
through a real pseudo-terminal, the way an SSH session would see it:

1. Starts `python -m aiplan_tui` (plus any arguments after `--`) in a pty of the given size,
   with TERM=xterm-256color, COLORTERM unset, LANG=C.UTF-8 and a temporary HOME and XDG
   directories, so nothing of the user's configuration, state or environment leaks in.
2. Waits for the first complete frame (the screen has started to be drawn, then nothing more
   for FIRST_FRAME_QUIET seconds) and records its size and how long it took.
3. Runs each scenario of SCENARIOS in order, in the same app: presses its `setup` keys (not
   counted), then its `keys` one at a time, counting the bytes written after each until the
   output has been quiet for KEY_QUIET seconds.
4. Quits with `q` and checks that the app exits, with status 0, within EXIT_TIMEOUT seconds.

That is one run; `--runs` launches the app that many times and reports, per scenario, the
median, minimum and maximum bytes per keystroke over every press of every run, plus the
median first-frame size and time. Byte counts are deterministic; times are not.

The pty does not answer the app's terminal queries (synchronized output, in-band resize), as
a minimal terminal would not; a terminal that supports synchronized output gets each update
wrapped in two more escape sequences (16 bytes).

Usage: python tests/benchmarks/pty_bytes.py [--size 80x24] [--runs 5] [--json] [-- APP_ARGS]
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict


class Scenario(TypedDict):
    setup: list[str]
    """Keys pressed first, each followed by a wait for quiet; not counted."""
    keys: list[str]
    """Keys pressed and measured one by one."""


SCENARIOS: dict[str, Scenario] = {
    # Scenarios run in this order in the same app launch, each where the previous one left
    # off: leave the app as you found it, or write `setup` for where the previous one ends.
    # Key names are those of KEY_SEQUENCES, `ctrl+<letter>`, or a single character.
    "navigator cursor move": {"setup": [], "keys": ["down", "up"] * 4},
    # In the article pane `ctrl+e` scrolls the view one line; `down` moves the paragraph
    # cursor, scrolling when the paragraph leaves the view.
    "article scroll one line": {"setup": ["tab"], "keys": ["ctrl+e"] * 6},
    "article paragraph move": {"setup": ["g"], "keys": ["down"] * 8},
    # The quotes screen: the cursor moves in the speaker tree and the preview pane follows.
    "quote list cursor move": {"setup": ["3", "down"], "keys": ["j", "k"] * 4},
    # `]` from the reader: the next quote opens, scrolled to and flashed.
    "next quote": {"setup": ["1"], "keys": ["]"] * 4},
    # Typing in the search box: the results refresh after every character.
    "search typing one character": {"setup": ["/"], "keys": list("chips")},
    # Back to the reader, so that the closing `q` quits rather than being typed.
    "close search": {"setup": [], "keys": ["escape"]},
    # Compare: `j`/`k` move a row (both sides), `n` moves to the next point in a cell.
    "compare row move": {"setup": ["2"], "keys": ["j", "k"] * 3},
    "compare next point": {"setup": [], "keys": ["n"] * 2},
}

KEY_SEQUENCES: dict[str, str] = {
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "home": "\x1b[H",
    "end": "\x1b[F",
    "pageup": "\x1b[5~",
    "pagedown": "\x1b[6~",
    "tab": "\t",
    "shift+tab": "\x1b[Z",
    "enter": "\r",
    "escape": "\x1b",
    "space": " ",
    "backspace": "\x7f",
}
"""What an xterm sends for each named key (normal cursor-key mode)."""

FIRST_FRAME_QUIET = 0.5
"""Seconds without output that end the first frame (and each setup key's update)."""
KEY_QUIET = 0.3
"""Seconds without output that end the update caused by one measured key."""
KEY_RESPONSE_TIMEOUT = 1.0
"""Seconds to wait for the first byte after a key; a key that causes no output counts 0."""
NEVER_QUIET = 5.0
"""Seconds of continuous output after one key that mean something keeps redrawing: an error."""
RUN_TIMEOUT = 60.0
"""Seconds from launch to the end of the last scenario; raise it if you add many scenarios."""
EXIT_TIMEOUT = 5.0
"""Seconds the app has to exit after `q` before it is killed."""
TAIL_BYTES = 1500
"""How much of the app's last output to show when something goes wrong."""

APP_MODULE = "aiplan_tui"
FRAME_STARTED = re.compile(rb"\x1b\[\d+;\d+H")
"""A cursor move: the screen itself is being drawn, not just terminal modes being set."""


class BenchmarkError(Exception):
    """A run could not be measured: the app exited early, hung, or failed."""


@dataclass
class RunResult:
    first_frame_bytes: int
    first_frame_seconds: float
    per_key: dict[str, list[int]] = field(default_factory=dict)
    """Scenario name -> bytes written after each measured key, in order."""
    setup: dict[str, list[int]] = field(default_factory=dict)
    """Scenario name -> bytes written after each setup key (shown with --verbose only)."""


def key_bytes(name: str) -> bytes:
    """The bytes a terminal sends for the key called `name`."""
    if name in KEY_SEQUENCES:
        return KEY_SEQUENCES[name].encode()
    match = re.fullmatch(r"ctrl\+([a-z])", name)
    if match:
        return bytes([ord(match.group(1)) - ord("a") + 1])
    if len(name) == 1:
        return name.encode()
    raise ValueError(f"unknown key name {name!r}: add it to KEY_SEQUENCES")


def printable(data: bytes) -> str:
    """Output made safe to print: escape sequences shown, not obeyed, by the user's terminal."""
    text = data.decode("utf-8", errors="replace")
    return "".join(
        char if char in "\n\t" or char.isprintable() else f"\\x{ord(char):02x}" for char in text
    )


class Terminal:
    """The app running in a pseudo-terminal, with everything it has written so far."""

    def __init__(
        self,
        columns: int,
        rows: int,
        app_args: list[str],
        home: str,
        command: list[str] | None = None,
        cache: Path | None = None,
    ) -> None:
        """`cache`: the XDG cache directory to use (default: a fresh one in `home`)."""
        env = {
            "PATH": os.environ.get("PATH", os.defpath),
            "HOME": home,
            "XDG_CONFIG_HOME": str(Path(home, ".config")),
            "XDG_STATE_HOME": str(Path(home, ".local", "state")),
            "XDG_DATA_HOME": str(Path(home, ".local", "share")),
            "XDG_CACHE_HOME": str(cache or Path(home, ".cache")),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
        }
        if "PYTHONPATH" in os.environ:  # how this interpreter finds the app, if not installed
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        self.transcript = bytearray()
        self.master, slave = os.openpty()
        try:
            # Set before the app starts, so its first frame already has the right size.
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            self.started = time.monotonic()
            self.process = subprocess.Popen(
                command or [sys.executable, "-m", APP_MODULE, *app_args],
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=env,
                cwd=home,
                start_new_session=True,
                preexec_fn=_take_controlling_terminal,
            )
        except BaseException:
            os.close(self.master)
            raise
        finally:
            os.close(slave)

    def send(self, key: str) -> None:
        os.write(self.master, key_bytes(key))

    def read_update(
        self,
        *,
        first_byte_timeout: float,
        quiet: float,
        deadline: float,
        started: re.Pattern[bytes] | None = None,
    ) -> tuple[bytes, float]:
        """What the app writes until it has been quiet for `quiet` seconds, and when it stopped.

        Returns no bytes if nothing arrives within `first_byte_timeout`. With `started`, the
        quiet only counts once the output matches it. Raises BenchmarkError if the app exits
        or `deadline` passes first.
        """
        chunks = bytearray()
        last = time.monotonic()
        wait_until = min(deadline, last + first_byte_timeout)
        while True:
            now = time.monotonic()
            begun = bool(chunks) and (started is None or started.search(chunks) is not None)
            limit = min(wait_until, now + quiet) if begun else wait_until
            ready, _, _ = select.select([self.master], [], [], max(0.0, limit - now))
            now = time.monotonic()
            if ready:
                data = self._read()
                if not data:
                    raise self.failure("the app exited early")
                chunks += data
                last = now
                wait_until = deadline
            elif begun:
                return bytes(chunks), last
            elif not chunks and wait_until <= now and wait_until < deadline:
                return b"", last  # nothing came within first_byte_timeout: the key drew nothing
            if now >= deadline:
                if not chunks:
                    raise self.failure("no output in the time allowed")
                if started is not None and started.search(chunks) is None:
                    raise self.failure("output began but the screen was never drawn")
                raise self.failure(
                    f"the output did not go quiet for {quiet:g} s in the time allowed "
                    "(something keeps redrawing, or RUN_TIMEOUT is too short)"
                )

    def _read(self) -> bytes:
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: every copy of the pty's other end is closed, the app is gone
            return b""
        self.transcript += data
        return data

    def quit(self) -> int:
        """Press `q`, drain the output until the app exits, and return its exit status."""
        self.send("q")
        deadline = time.monotonic() + EXIT_TIMEOUT
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], deadline - time.monotonic())
            if ready and not self._read():
                break
        try:
            return self.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            raise self.failure(f"the app did not exit within {EXIT_TIMEOUT:g} s of `q`") from None

    def failure(self, message: str) -> BenchmarkError:
        """An error that says what happened, with the app's exit status and last output."""
        try:
            status = self.process.wait(timeout=0.5)
            message += f" (exit status {status})"
        except subprocess.TimeoutExpired:
            message += " (still running)"
        tail = bytes(self.transcript[-TAIL_BYTES:])
        shown = printable(tail.replace(b"\r\n", b"\n"))
        return BenchmarkError(f"{message}; its last {len(tail)} bytes of output:\n{shown}")

    def close(self) -> None:
        """Kill the app if it is still running, and free the pty."""
        if self.process.poll() is None:
            self.process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=EXIT_TIMEOUT)
        os.close(self.master)


def _take_controlling_terminal() -> None:
    """In the child, after setsid(): make the pty its controlling terminal, as login shells do."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def one_run(columns: int, rows: int, app_args: list[str]) -> RunResult:
    """Launch the app once, measure the first frame and every scenario, then quit it."""
    with tempfile.TemporaryDirectory(prefix="aiplan-pty-bytes-") as home:
        terminal = Terminal(columns, rows, app_args, home)
        try:
            deadline = terminal.started + RUN_TIMEOUT
            frame, finished = terminal.read_update(
                first_byte_timeout=RUN_TIMEOUT,
                quiet=FIRST_FRAME_QUIET,
                deadline=deadline,
                started=FRAME_STARTED,
            )
            result = RunResult(len(frame), finished - terminal.started)
            for name, scenario in SCENARIOS.items():
                result.setup[name] = []
                for key in scenario["setup"]:
                    terminal.send(key)
                    update, _ = terminal.read_update(
                        first_byte_timeout=KEY_RESPONSE_TIMEOUT,
                        quiet=FIRST_FRAME_QUIET,
                        deadline=min(deadline, time.monotonic() + NEVER_QUIET),
                    )
                    result.setup[name].append(len(update))
                counts: list[int] = []
                for key in scenario["keys"]:
                    terminal.send(key)
                    update, _ = terminal.read_update(
                        first_byte_timeout=KEY_RESPONSE_TIMEOUT,
                        quiet=KEY_QUIET,
                        deadline=min(deadline, time.monotonic() + NEVER_QUIET),
                    )
                    counts.append(len(update))
                result.per_key[name] = counts
            status = terminal.quit()
            if status != 0:
                raise terminal.failure(f"the app exited with status {status} after `q`")
            return result
        finally:
            terminal.close()


def summarise(results: list[RunResult], size: str) -> dict[str, object]:
    """The figures reported: medians over runs, and per scenario over every measured press."""
    scenarios: dict[str, dict[str, float | int]] = {}
    for name in SCENARIOS:
        counts = [count for result in results for count in result.per_key[name]]
        scenarios[name] = {
            "median_bytes_per_key": tidy(statistics.median(counts)),
            "min_bytes": min(counts),
            "max_bytes": max(counts),
            "keys_per_run": len(SCENARIOS[name]["keys"]),
            "runs": len(results),
        }
    return {
        "size": size,
        "runs": len(results),
        "first_frame_bytes_median": tidy(statistics.median(r.first_frame_bytes for r in results)),
        "first_frame_ms_median": round(
            1000 * statistics.median(r.first_frame_seconds for r in results)
        ),
        "scenarios": scenarios,
    }


def tidy(value: float) -> float:
    """A median as an int when it is whole (the median of an even count is a float)."""
    return int(value) if float(value).is_integer() else round(value, 1)


def print_table(report: dict[str, object]) -> None:
    scenarios = report["scenarios"]
    assert isinstance(scenarios, dict)
    width = max(len("scenario"), *(len(name) for name in scenarios))
    print(f"terminal {report['size']}, {report['runs']} launch(es)")
    print(
        f"first frame: {report['first_frame_bytes_median']} bytes, "
        f"{report['first_frame_ms_median']} ms to draw (medians)"
    )
    print()
    print(f"{'scenario':<{width}}  {'median B/key':>12}  {'min':>7}  {'max':>7}  {'runs':>4}")
    for name, figures in scenarios.items():
        print(
            f"{name:<{width}}  {figures['median_bytes_per_key']:>12}  "
            f"{figures['min_bytes']:>7}  {figures['max_bytes']:>7}  {figures['runs']:>4}"
        )


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d+)x(\d+)", text)
    if not match or not int(match.group(1)) or not int(match.group(2)):
        raise argparse.ArgumentTypeError(f"expected COLUMNSxROWS such as 80x24, not {text!r}")
    return int(match.group(1)), int(match.group(2))


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    ours, app_args = arguments, []
    if "--" in arguments:  # split by hand: argparse's handling of `--` varies across versions
        split = arguments.index("--")
        ours, app_args = arguments[:split], arguments[split + 1 :]
    parser = argparse.ArgumentParser(
        description="Bytes the app writes to a pseudo-terminal at start and per keystroke.",
        usage="%(prog)s [--size COLUMNSxROWS] [--runs N] [--json] [--verbose] [-- APP_ARGS...]",
    )
    parser.add_argument("--size", type=parse_size, default=(80, 24), help="default: 80x24")
    parser.add_argument("--runs", type=positive, default=5, help="app launches (default: 5)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--verbose", action="store_true", help="also print every run's counts on stderr"
    )
    args = parser.parse_args(ours)
    for scenario in SCENARIOS.values():  # a typo in a key name fails now, not mid-run
        for key in [*scenario["setup"], *scenario["keys"]]:
            try:
                key_bytes(key)
            except ValueError as error:
                parser.error(str(error))
    columns, rows = args.size
    results: list[RunResult] = []
    for number in range(1, args.runs + 1):
        try:
            result = one_run(columns, rows, app_args)
        except (BenchmarkError, OSError, subprocess.SubprocessError) as error:
            print(f"pty_bytes: run {number} failed: {error}", file=sys.stderr)
            return 1
        results.append(result)
        if args.verbose:
            print(
                f"run {number}: first frame {result.first_frame_bytes} B in "
                f"{1000 * result.first_frame_seconds:.0f} ms; setup {result.setup}; "
                f"measured {result.per_key}",
                file=sys.stderr,
            )
    report = summarise(results, f"{columns}x{rows}")
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
