"""`aiplan-tui serve` started as a user starts it, for tests that talk to it over a socket on
127.0.0.1 (never another address): a free port, its log, the token it printed, the app
processes it started, and what a session's websocket drew."""

from __future__ import annotations

import asyncio
import codecs
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pyte

ROW = re.compile(rb"\x1b\[(\d+);\d+H")
"""A cursor move to (row, column): each line of a frame the app draws starts with one."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(condition: Callable[[], object], what: str, limit: float = 30.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)  # a poll of the condition, not a guess at how long it takes


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def descendants(pid: int) -> list[int]:
    return [d for child in children(pid) for d in (child, *descendants(child))]


def alive(pid: int) -> bool:
    """Running (or stopped), neither gone nor a zombie waiting for its parent."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def environment_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().decode("utf-8", "replace")
    return dict(item.split("=", 1) for item in raw.split("\0") if "=" in item)


@dataclass
class Served:
    """A running `aiplan-tui [BEFORE] serve --port PORT [ARGS]`."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def said(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    @property
    def token(self) -> str | None:
        found = re.search(r"\?token=([\w-]+)", self.said())
        return found.group(1) if found else None

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def apps(self) -> list[int]:
        return descendants(self.process.pid)


def start_serving(home: Path, *args: str, before: tuple[str, ...] = ()) -> Served:
    """Start the server; return once it listens and has printed where (or fail with its log)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "AIPLAN_TUI_READ_ONLY"}}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "c"), XDG_STATE_HOME=str(home / "s"),
               XDG_CACHE_HOME=str(home / "k"))  # fmt: skip
    log = home / f"serve-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "aiplan_tui", *before, "serve", "--port", str(port), *args],
            stdout=out, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
    served = Served(process, port, log)

    def ready() -> bool:
        assert process.poll() is None, f"the server ended: {served.said()}"
        return "http://" in served.said()

    wait_for(ready, "the server to say where it listens")
    return served


def stop_serving(served: Served) -> None:
    apps = served.apps()
    served.process.terminate()
    try:
        served.process.wait(timeout=20)
    finally:
        for pid in apps:  # left by a server that failed its test: none should be
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        if served.process.poll() is None:
            served.process.kill()
            served.process.wait()


@dataclass
class Drawn:
    """What a session's websocket has drawn: its bytes, and the screen they make."""

    columns: int = 120
    rows: int = 40
    data: bytearray = field(default_factory=bytearray)

    def __post_init__(self) -> None:
        self.screen = pyte.Screen(self.columns, self.rows)
        self.stream = pyte.Stream(self.screen)
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def text(self) -> str:
        return "\n".join(self.screen.display)

    async def until(
        self, ws: aiohttp.ClientWebSocketResponse, done: Callable[[bytes], bool], limit: float = 60
    ) -> bytes:
        """Read frames until `done(frame)`; return that frame."""
        deadline = time.monotonic() + limit
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"timed out; drawn so far:\n{self.text()}"
            try:
                message = await ws.receive(timeout=left)
            except asyncio.TimeoutError:
                continue
            kinds = (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT)
            assert message.type in kinds, f"the websocket ended ({message.type}):\n{self.text()}"
            if message.type == aiohttp.WSMsgType.BINARY:
                self.data += message.data
                self.stream.feed(self.decoder.decode(message.data))
                if done(message.data):
                    return bytes(message.data)

    async def shows(self, ws: aiohttp.ClientWebSocketResponse, wanted: str) -> None:
        await self.until(ws, lambda _: wanted in self.text())


def rows_in(frame: bytes) -> list[int]:
    return [int(row) for row in ROW.findall(frame)]
