"""Bytes the app writes to a real terminal per keystroke: what a slow SSH link has to carry.

Starts `python -m aiplan_tui` in a pseudo-terminal of a given size, waits for the first complete
frame, then presses keys one at a time and counts the bytes written until the screen goes quiet.
Prints medians over several launches. Run: python tests/benchmarks/pty_bytes.py [--size 80x24]
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field

KEYS = {"down": "\x1b[B", "up": "\x1b[A", "tab": "\t", "enter": "\r", "escape": "\x1b"}

SCENARIOS: dict[str, dict[str, list[str]]] = {
    "navigator cursor move": {"setup": [], "keys": ["down", "up"] * 4},
    "article scroll one paragraph": {"setup": ["tab"], "keys": ["j"] * 4 + ["k"] * 4},
    "quote list cursor move": {"setup": ["3"], "keys": ["j", "k"] * 4},
    "next quote (jump)": {"setup": [], "keys": ["]"] * 4},
}
"""Name -> keys pressed first (not counted) and keys measured one by one."""

QUIET_FIRST_FRAME = 0.8
QUIET_KEY = 0.3
TIMEOUT = 20.0


@dataclass
class Run:
    first_frame_bytes: int = 0
    first_frame_seconds: float = 0.0
    per_key: dict[str, list[int]] = field(default_factory=dict)


def read_until_quiet(fd: int, quiet: float, deadline: float) -> bytes:
    """Everything written until nothing more arrives for `quiet` seconds."""
    chunks: list[bytes] = []
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            if chunks:
                break
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


def launch(columns: int, rows: int, extra: list[str]) -> tuple[int, int]:
    home = tempfile.mkdtemp(prefix="aiplan-bench-")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": home,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": f"{home}/config",
        "XDG_STATE_HOME": f"{home}/state",
    }
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sys.executable, [sys.executable, "-m", "aiplan_tui", *extra], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    return pid, fd


def one_run(columns: int, rows: int, extra: list[str]) -> Run:
    run = Run()
    for name, scenario in SCENARIOS.items():
        pid, fd = launch(columns, rows, extra)
        try:
            start = time.monotonic()
            frame = read_until_quiet(fd, QUIET_FIRST_FRAME, start + TIMEOUT)
            if not run.first_frame_bytes:
                run.first_frame_bytes = len(frame)
                run.first_frame_seconds = time.monotonic() - start - QUIET_FIRST_FRAME
            for key in scenario["setup"]:
                os.write(fd, KEYS.get(key, key).encode())
                read_until_quiet(fd, QUIET_FIRST_FRAME, time.monotonic() + TIMEOUT)
            counts = []
            for key in scenario["keys"]:
                os.write(fd, KEYS.get(key, key).encode())
                counts.append(len(read_until_quiet(fd, QUIET_KEY, time.monotonic() + TIMEOUT)))
            run.per_key[name] = counts
            os.write(fd, b"q")
            read_until_quiet(fd, 0.5, time.monotonic() + 5)
        finally:
            stop(pid, fd)
    return run


def stop(pid: int, fd: int) -> None:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", default="80x24", help="COLUMNSxROWS")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("extra", nargs="*", help="arguments passed to the app (after --)")
    args = parser.parse_args()
    columns, rows = (int(part) for part in args.size.split("x"))
    runs = [one_run(columns, rows, args.extra) for _ in range(args.runs)]
    report: dict[str, object] = {
        "size": args.size,
        "runs": args.runs,
        "first_frame_bytes_median": statistics.median(r.first_frame_bytes for r in runs),
        "first_frame_ms_median": round(
            1000 * statistics.median(r.first_frame_seconds for r in runs)
        ),
    }
    for name in SCENARIOS:
        counts = [count for r in runs for count in r.per_key[name]]
        report[name] = {"median": statistics.median(counts), "min": min(counts), "max": max(counts)}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"terminal {args.size}, {args.runs} launches per scenario")
    print(
        f"first frame: {report['first_frame_bytes_median']} bytes, "
        f"~{report['first_frame_ms_median']} ms (median)"
    )
    print(f"{'scenario':34} {'median B/key':>12} {'min':>7} {'max':>7}")
    for name in SCENARIOS:
        figures = report[name]
        assert isinstance(figures, dict)
        print(f"{name:34} {figures['median']:>12} {figures['min']:>7} {figures['max']:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
