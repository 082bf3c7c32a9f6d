"""Shared fixtures: small packs written to a temporary directory, valid or broken on purpose."""

from __future__ import annotations

import codecs
import fcntl
import http.server
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from subprocess import Popen
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from aiplan_tui.pack.loader import LoadResult
    from aiplan_tui.ui.app import AiplanApp
    from aiplan_tui.ui.startup import Startup

REPO = Path(__file__).resolve().parent.parent
CONSTRAINTS = REPO / ".ci" / "constraints.txt"
"""The versions every install the tests make is held to, as the README's test command is."""


def install_env(**more: str) -> dict[str, str]:
    """The environment for a pip, pipx or uv install made by a test: no venv of ours leaks in,
    and every package is taken at the version in CONSTRAINTS (a release made since cannot
    break the suite)."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env |= {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_CONSTRAINT": str(CONSTRAINTS)}
    return {**env, "UV_CONSTRAINT": str(CONSTRAINTS), **more}


SEEDS = Path(__file__).resolve().parent / "data" / "seeds"

PACK_TOML = """\
[pack]
id = "mini"
title = "Mini pack"

[[side]]
id = "us"
label = "United States"
short = "US"

[[side]]
id = "china"
label = "China"

[[dimension]]
id = "chips"
title = "Chips"

[[dimension]]
id = "investment"
title = "Investment"
"""

ARTICLE = """\
+++
title = "Chips and money"
outlet = "Example Wire"
sides = ["us", "china"]
+++

The U.S. restricted chip exports. China said the two camps are now being formed.

Private AI investment reached $109.1 billion in the U.S., against $9.3 billion in China.
"""

ENTITIES = """\
[[entity]]
id = "george-chen"
name = "George Chen"
kind = "person"
aliases = ["Chen"]
"""

CHEN_WARNING = (
    'alias "Chen" could name george-chen or chen-jining: '
    "it counts as a mention only after one of their full names"
)
"""`check`'s warning where a pack with Chen Jining gives George Chen the alias "Chen", as the
bundled pack does on purpose (its one warning): the alias finds "Chen said" after his name."""

HIGHLIGHTS = """\
[[quote]]
id = "q-camps"
article = "wire"
exact = "the two camps are now being formed"
speaker = "george-chen"
direct = true
dimensions = ["chips"]

[[fact]]
id = "f-us"
article = "wire"
exact = "$109.1 billion"
metric = "Private AI investment"
value = 109.1e9
unit = "USD"
sides = ["us"]
compare_key = "private-2024"

[[fact]]
id = "f-china"
article = "wire"
exact = "$9.3 billion"
metric = "Private AI investment"
value = 9.3e9
unit = "USD"
sides = ["china"]
compare_key = "private-2024"
"""

COMPARISON = """\
[[cell]]
dimension = "investment"
side = "us"
summary = "Far more private money."
highlights = ["f-us"]
"""

MINI_PACK = {
    "pack.toml": PACK_TOML,
    "articles/wire.md": ARTICLE,
    "entities.toml": ENTITIES,
    "highlights/wire.toml": HIGHLIGHTS,
    "comparison.toml": COMPARISON,
}

PackFactory = Callable[..., Path]


def run_cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command, as `python -m aiplan_tui`, the way a user's shell starts it."""
    return subprocess.run(
        [sys.executable, "-m", "aiplan_tui", *args],
        capture_output=True, text=True, cwd=cwd, check=False, encoding="utf-8", input=stdin,
    )  # fmt: skip


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two processes for each CPU. Many tests mostly wait (on a pty, tmux, a
    subprocess, Textual's pilot sleeping until the app is idle): the slow ones used a third
    of a CPU each, the quick app tests 0.8, so one process per CPU left them idle a third of
    the time (a quiet 2-process run: about 500 CPU-seconds in 400 s). At most 8: past that,
    on a large machine, starting the processes costs more than sharing the tests saves."""
    return min(8, 2 * len(os.sched_getaffinity(0)))


@pytest.hookimpl(trylast=True)  # after pytest's own reordering by fixture, and -m's choice
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests spread through the first half of the order, in their own order, between
    quick ones: the processes take the tests in this order, so the slow ones (mostly waiting)
    run beside quick ones (mostly computing), and the run ends on quick tests in every
    process, never on one long test alone."""
    slow = [item for item in items if item.get_closest_marker("slow")]
    quick = [item for item in items if not item.get_closest_marker("slow")]
    if not slow or not quick:
        return
    spacing = len(quick) / 2 / len(slow)
    ordered: list[pytest.Item] = []
    taken = 0
    for number, item in enumerate(quick):
        while taken < len(slow) and taken * spacing <= number:
            ordered.append(slow[taken])
            taken += 1
        ordered.append(item)
    items[:] = ordered + slow[taken:]


def run_build(command: list[str], env: dict[str, str] | None = None) -> None:
    """Run one step of a shared build with its output kept, not written to the process's
    stdout and stderr: a build started ahead runs beside other tests, and what pip prints
    would land in whichever test is capturing the terminal then. Shown if the step fails."""
    done = subprocess.run(
        command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )


def shared_build(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]
) -> Path:
    """A directory `name` filled by `build` once for the whole run: under the temporary root
    that pytest-xdist's processes share, the first process to ask builds it while the others
    wait on a lock, then all of them use it (which is why they may only read it)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # this run's root; each process has its own folder in it
    target, done = root / name, root / f"{name}.done"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not done.exists():
            shutil.rmtree(target, ignore_errors=True)  # a build that failed part way
            target.mkdir()
            build(target)
            done.touch()
    return target


AHEAD: dict[str, Callable[[pytest.TempPathFactory], object]] = {}
"""Shared builds to start as the run begins, by the name of the fixture that needs them."""


def build_ahead(fixture: str, build: Callable[[pytest.TempPathFactory], object]) -> None:
    """Start `build` (a shared_build) in the background as the run begins when a chosen test
    uses `fixture`, so the tests that need it find it made, instead of several processes
    waiting on its lock at once while it is made."""
    AHEAD[fixture] = build


def _quietly(
    build: Callable[[pytest.TempPathFactory], object], factory: pytest.TempPathFactory
) -> None:
    try:
        build(factory)
    except Exception:  # not done: the fixture makes it again and reports what went wrong
        return


@pytest.fixture(scope="session", autouse=True)
def shared_builds_ahead(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """In every process, a thread for each build a chosen test needs (AHEAD): the first to
    take a build's lock makes it while the process runs other tests; the rest wait on it."""
    used = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    tmp_path_factory.getbasetemp()  # made here, not by two threads at once
    for fixture, build in AHEAD.items():
        if fixture in used:
            thread = threading.Thread(target=_quietly, args=(build, tmp_path_factory), daemon=True)
            thread.start()


def make_app(pack: Path | LoadResult | None = None, startup: Startup | None = None) -> AiplanApp:
    """The app on a pack directory or a loaded pack (the bundled pack by default), with what
    the command line would hand it (nothing saved, no state written, by default)."""
    from aiplan_tui.pack.loader import LoadResult, load_pack
    from aiplan_tui.paths import bundled_content_dir
    from aiplan_tui.ui.app import AiplanApp

    result = pack if isinstance(pack, LoadResult) else load_pack(pack or bundled_content_dir())
    return AiplanApp(result, startup)


async def until(
    pilot: Pilot[None], condition: Callable[[], object], what: str, limit: float = 15.0
) -> None:
    """Let the app run until `condition()` holds (a worker finished, a screen shown); fail
    with `what` if it does not within `limit` seconds. Waits on the condition, not the clock."""
    end = time.monotonic() + limit
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)  # a poll: hands the loop (and worker threads) a moment


@pytest.fixture(autouse=True)
def isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test writes the search index cache into the real home: XDG_CACHE_HOME is a fresh
    temporary directory (inherited by any subprocess a test starts)."""
    cache = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


@pytest.fixture
def make_pack(tmp_path: Path) -> PackFactory:
    """Write the mini pack, with files replaced (str), removed (None) or added, and return its dir."""

    def make(changes: dict[str, str | bytes | None] | None = None) -> Path:
        root = tmp_path / "pack"
        files: dict[str, str | bytes | None] = {**MINI_PACK, **(changes or {})}
        for name, content in files.items():
            if content is None:
                continue
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


@pytest.fixture(autouse=True)
def private_xdg_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads or writes the real user's config or state (the cache: isolated_cache)."""
    home = tmp_path_factory.mktemp("xdg")
    for variable in ("XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TMUX", raising=False)  # a copy never reaches the developer's tmux
    return home


def _own_terminal() -> None:
    """In the child: a session of its own with the pty as its controlling terminal, as a
    login shell has, so closing the terminal sends it SIGHUP; and Ctrl-C's SIGINT not
    ignored, as a terminal's foreground job has it (a CI started in the background of a
    shell without job control ignores it, and its children inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def app_in_pty(
    home: Path,
    columns: int,
    lines: int,
    *args: str,
    code: str | None = None,
    environment: dict[str, str] | None = None,
) -> tuple[Popen[bytes], int, int]:
    """`python -m aiplan_tui ARGS` (or `python -c CODE ARGS`) in a new pseudo-terminal of the
    given size, with a private HOME and XDG directories (and `environment` added): (process,
    master end, slave end); the caller closes both ends."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PYTHONPATH": os.pathsep.join(sys.path),
        **(environment or {}),
    }
    process = Popen(
        [sys.executable, *(["-c", code] if code else ["-m", "aiplan_tui"]), *args],
        stdin=slave, stdout=slave, stderr=slave, env=env, preexec_fn=_own_terminal,
    )  # fmt: skip
    return process, master, slave


class PtyScreen:
    """What an app in a pty shows: its output fed into an emulated terminal (pyte), read
    until a text is on screen. Every byte read is kept too, for byte-level checks."""

    def __init__(self, master: int, columns: int, lines: int) -> None:
        import pyte

        self.master = master
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.Stream(self.screen)
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.output = bytearray()

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def read(self, timeout: float) -> bool:
        """Read what is there within `timeout`; False once the app has closed the pty."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:  # the app has gone
            return False
        if not data:
            return False
        self.output.extend(data)
        self.stream.feed(self.decoder.decode(data))
        return True

    def wait_for(self, wanted: str, limit: float = 20.0) -> None:
        """Read output until `wanted` is on screen; fail after `limit` seconds without it."""
        end = time.monotonic() + limit
        while wanted not in self.text():
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{wanted!r} never showed:\n{self.text()}")
            if not self.read(left):
                raise AssertionError(f"the app exited before {wanted!r} showed:\n{self.text()}")

    def wait_until_gone(self, unwanted: str, limit: float = 20.0) -> None:
        """Read output until `unwanted` is no longer on screen."""
        end = time.monotonic() + limit
        while unwanted in self.text():
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{unwanted!r} never went:\n{self.text()}")
            if not self.read(left):
                raise AssertionError(f"the app exited with {unwanted!r} on screen")

    def read_to_the_end(self, limit: float = 20.0) -> None:
        """Read until the app closes the pty (it has exited)."""
        end = time.monotonic() + limit
        while (left := end - time.monotonic()) > 0:
            if not self.read(left):
                return
        raise AssertionError("the app did not exit")

    def exit_status(self, process: Popen[bytes]) -> int:
        """The app's exit status, its output read to the end first: unread, a full pty holds
        the app's last writes, and its exit with them."""
        self.read_to_the_end()
        return process.wait(timeout=20)


@contextmanager
def app_stopped(process: Popen[bytes], master: int) -> Iterator[None]:
    """However the test ends, the app is gone and the pty's master end closed."""
    try:
        yield
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)


def _subcommands() -> tuple[str, ...]:
    """Every subcommand the parser knows, so a test over all of them covers a new one too."""
    import argparse

    from aiplan_tui.cli.parser import build_parser

    actions = build_parser()._actions  # argparse lists its subcommands only here
    found = next(a for a in actions if isinstance(a, argparse._SubParsersAction))
    return tuple(found.choices)


SUBCOMMANDS = _subcommands()


NEWS_PAGE = Path(__file__).parent / "data" / "pages" / "news-page.html"
"""A saved news page: the article among menus, a cookie banner, ads, a caption, links."""


@pytest.fixture
def news_server() -> Iterator[str]:
    """A web server on loopback: /news is the saved page, /missing a 404, /image a JPEG."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/news":
                body, kind, status = (NEWS_PAGE).read_bytes(), "text/html", 200
            elif self.path == "/image":
                body, kind, status = b"\xff\xd8\xff", "image/jpeg", 200
            else:
                body, kind, status = b"gone", "text/plain", 404
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
