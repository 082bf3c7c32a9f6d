"""`add URL` against servers that misbehave (issue 28): a whole fetch has one deadline, and a
trickle of bytes cannot hold it past it; every malformed, cut-short or oversized answer is a
one-line message naming the address and what to do, never a traceback; a plain-text page is
read as text and a compressed one is unpacked (no further than the size cap)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from aiplan_tui.authoring.source import SourceError, read_source
from conftest import PtyScreen, app_in_pty, app_stopped, run_cli
from fault_server import NEWS_PAGE, PLAIN, Served, fault_server


@pytest.fixture
def server() -> Iterator[Served]:
    with fault_server() as served:
        yield served


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "mine"
    assert run_cli("init", str(root)).returncode == 0
    return root


def refusal(url: str) -> str:
    """read_source's message for `url`: it must be a SourceError, nothing else."""
    with pytest.raises(SourceError) as caught:
        read_source(url)
    message = str(caught.value)
    assert url in message and "\n" not in message, message
    return message


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-head"])
def test_a_trickle_is_given_up_on_at_the_deadline(
    server: str, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A byte every 50 ms keeps every read short of a per-read timeout: the deadline is for
    the whole fetch, headers and body."""
    monkeypatch.setenv("AIPLAN_TUI_FETCH_TIMEOUT", "0.5")
    began = time.monotonic()
    message = refusal(f"{server}{path}")
    assert time.monotonic() - began < 5
    assert "no complete answer within 0.5 s" in message
    assert "AIPLAN_TUI_FETCH_TIMEOUT" in message, "says how to give it longer"


def test_add_gives_up_at_the_deadline_in_one_line(server: str, pack: Path) -> None:
    url = f"{server}/trickle-body"
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "aiplan_tui", "add", url, "--content", str(pack)],
        capture_output=True, text=True, check=False, timeout=60,
        env={**os.environ, "AIPLAN_TUI_FETCH_TIMEOUT": "1"},
    )  # fmt: skip
    assert time.monotonic() - began < 15, "a second's deadline, plus starting Python"
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert url in done.stderr and "within 1 s" in done.stderr
    assert not list((pack / "articles").iterdir()), "nothing written"


def test_ctrl_c_while_the_page_comes_cancels(server: Served, pack: Path, tmp_path: Path) -> None:
    url = f"{server}/trickle-body"
    process, master, slave = app_in_pty(
        tmp_path / "home", 100, 30, "add", url, "--content", str(pack),
        environment={"PYTHONPATH": os.pathsep.join(sys.path)},
    )  # fmt: skip
    os.close(slave)
    with app_stopped(process, master):
        assert server.requested.get(timeout=30) == "/trickle-body"  # it is fetching
        os.write(master, b"\x03")
        screen = PtyScreen(master, 100, 30)
        screen.wait_for("cancelled; nothing was written")
        assert screen.exit_status(process) == 130
        assert "Traceback" not in screen.text()
    assert not list((pack / "articles").iterdir())


def test_a_deadline_that_is_not_a_number_says_so(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIPLAN_TUI_FETCH_TIMEOUT", "soon")
    with pytest.raises(SourceError, match="AIPLAN_TUI_FETCH_TIMEOUT='soon': give seconds"):
        read_source(f"{server}/news")


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/bad-status", "not a valid HTTP answer"),
        ("/many-headers", "not a valid HTTP answer (got more than 100 headers)"),
        ("/long-header", "not a valid HTTP answer"),
        ("/closed", "closed the connection without answering"),
        ("/short", f"the answer was cut short (500 of {len(NEWS_PAGE):,} bytes)"),
        ("/chunked-short", "the answer was cut short"),
        ("/bomb", "larger than 5 MB once unpacked"),
        ("/big", "larger than 5 MB"),
        ("/bad-gzip", "its gzip data is damaged"),
        ("/brotli", "compressed as br"),
        ("/escape", "the server answered 404"),
    ],
)
def test_a_broken_answer_is_a_message_naming_the_address_and_what_to_do(
    server: str, path: str, says: str
) -> None:
    message = refusal(f"{server}{path}")
    assert says in message, message
    assert any(hint in message for hint in ("give the file", "try again")), message


def test_add_prints_no_traceback_for_a_broken_answer(server: str, pack: Path) -> None:
    for path in ("/bad-status", "/many-headers", "/long-header", "/short", "/escape"):
        done = run_cli("add", f"{server}{path}", "--content", str(pack))
        assert done.returncode == 1, (path, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
        assert "\x1b" not in done.stderr and "\x07" not in done.stderr, "server text is inert"
    assert not list((pack / "articles").iterdir()), "nothing written"


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/untyped"])
def test_a_compressed_or_untyped_page_is_read(server: str, path: str) -> None:
    read = read_source(f"{server}{path}")
    assert read.title == "Chip talks resume as Beijing and Washington trade offers"
    assert read.paragraphs[0].startswith("Negotiators from the United States")


def test_a_plain_text_page_is_read_as_a_text_file_is(server: str, tmp_path: Path) -> None:
    read = read_source(f"{server}/plain")
    (tmp_path / "same.txt").write_bytes(PLAIN)
    assert (read.title, read.paragraphs) == (
        "Chip talks resume",
        ("Negotiators met on Friday, the ministry said.", "“We are close,” said Dana Whitfield."),
    )
    assert read.paragraphs == read_source(str(tmp_path / "same.txt")).paragraphs
    assert read.url == f"{server}/plain"
