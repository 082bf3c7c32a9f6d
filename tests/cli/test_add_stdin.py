"""`add -` reads the article from standard input (issue 28): closed, binary or oversized
input is a one-line message saying what to do, never a traceback; on a terminal it says what
it waits for, and Ctrl-C there cancels with nothing written (exit 130, as a shell reports it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from aiplan_tui.authoring.source import LARGEST_SOURCE, WAITING, read_standard_input
from conftest import PtyScreen, app_in_pty, app_stopped, run_cli


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "mine"
    assert run_cli("init", str(root)).returncode == 0
    return root


def files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def add_stdin(pack: Path, data: bytes) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "aiplan_tui", "add", "-", "--content", str(pack)],
        input=data, capture_output=True, check=False, timeout=60,
    )  # fmt: skip
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def one_line(stderr: str) -> str:
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    return stderr


def test_closed_standard_input_says_so(pack: Path) -> None:
    before = files(pack)
    done = subprocess.run(
        ["sh", "-c", 'exec "$0" -m aiplan_tui add - --content "$1" 0<&-', sys.executable, pack],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    assert "standard input is closed: pipe the article in" in one_line(done.stderr)
    assert files(pack) == before


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Caf\xe9 talks\n".encode("latin-1")]
)
def test_binary_standard_input_names_it_and_what_to_do(pack: Path, data: bytes) -> None:
    before = files(pack)
    done = add_stdin(pack, data)
    assert done.returncode == 1
    message = one_line(done.stderr)
    assert "standard input is not UTF-8 text (byte " in message and "iconv" in message
    assert files(pack) == before


def test_oversized_or_empty_standard_input_says_so(pack: Path) -> None:
    done = add_stdin(pack, b"word " * (LARGEST_SOURCE // 5 + 1))
    assert done.returncode == 1 and "standard input is larger than 5 MB" in one_line(done.stderr)
    done = add_stdin(pack, b" \n\n ")
    assert done.returncode == 1
    assert "standard input: there is no text in it" in one_line(done.stderr)


def test_a_text_longer_than_add_takes_says_the_limit(pack: Path) -> None:
    done = add_stdin(pack, b"w" * 1_050_000 + b"\n")
    assert done.returncode == 1
    message = one_line(done.stderr)
    assert "1,050,000 characters of text, more than the 1,000,000 add takes" in message


def in_terminal(pack: Path, tmp_path: Path) -> tuple[subprocess.Popen[bytes], int, int]:
    return app_in_pty(
        tmp_path / "home", 100, 30, "add", "-", "--content", str(pack),
        environment={"PYTHONPATH": os.pathsep.join(sys.path)},
    )  # fmt: skip


def test_on_a_terminal_it_says_what_it_waits_for_and_ctrl_c_cancels(
    pack: Path, tmp_path: Path
) -> None:
    before = files(pack)
    process, master, slave = in_terminal(pack, tmp_path)
    os.close(slave)
    with app_stopped(process, master):
        screen = PtyScreen(master, 100, 30)
        screen.wait_for(WAITING)
        os.write(master, b"Half a headline\nand a line")
        screen.wait_for("and a line")  # echoed: it is reading
        os.write(master, b"\x03")
        screen.wait_for("cancelled; nothing was written")
        assert screen.exit_status(process) == 130
        assert "Traceback" not in screen.text() and "KeyboardInterrupt" not in screen.text()
    assert files(pack) == before


def test_on_a_terminal_ctrl_d_ends_the_article(pack: Path, tmp_path: Path) -> None:
    process, master, slave = in_terminal(pack, tmp_path)
    os.close(slave)
    with app_stopped(process, master):
        screen = PtyScreen(master, 100, 30)
        screen.wait_for(WAITING)
        os.write(master, b"Talks resume\n\nThe ministry said on Friday that talks resume.\n\x04")
        screen.wait_for("Added articles/talks-resume.md: 1 paragraphs")
        assert screen.exit_status(process) == 0


def _sleeping(tid: int) -> bool:
    """Whether the thread waits in the kernel (state S in /proc), as a blocked read does."""
    stat = Path(f"/proc/self/task/{tid}/stat").read_text()
    return stat.rsplit(")", 1)[1].split()[0] == "S"


def test_ctrl_c_that_lands_between_two_reads_still_cancels(monkeypatch: pytest.MonkeyPatch) -> None:
    """The race CI met: SIGINT handled while the reader is not inside read() (here: handled
    on another thread, as it is when it lands between two reads) only sets Python's flag; a
    read that then blocks must still end at once, not wait for more input."""
    master, slave = os.openpty()
    os.write(master, b"Half a headline\n")
    terminal = os.fdopen(slave, encoding="utf-8")  # closed below
    monkeypatch.setattr(sys, "stdin", terminal)
    main = threading.get_native_id()
    unblocked = threading.Event()
    rescued: list[bool] = []

    def interrupt() -> None:
        deadline = time.monotonic() + 20
        while not _sleeping(main) and time.monotonic() < deadline:
            pass  # the reader runs until it blocks in the kernel
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)  # handled on this thread
        if not unblocked.wait(20):  # the reader never woke: give it the end of input
            rescued.append(True)
            os.write(master, b"\x04")

    interrupter = threading.Thread(target=interrupt)
    ignored = signal.signal(signal.SIGINT, signal.default_int_handler)  # as a terminal's job
    interrupter.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            read_standard_input()
    finally:
        unblocked.set()
        interrupter.join()
        terminal.close()
        os.close(master)
        signal.signal(signal.SIGINT, ignored)
    assert not rescued, "the read went on after Ctrl-C until the input ended"
