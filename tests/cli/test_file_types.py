"""Files the app reads but did not write are read only if they are regular files, and only
up to a cap: a FIFO would block for ever, a link to /dev/zero never ends, a huge file would be
read whole before any check. Each case must also end: a check that hangs fails here."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from aiplan_tui.compiled.current import compiled_path, load_and_compile, open_compiled
from aiplan_tui.core.files import Refused, read_capped
from aiplan_tui.settings.state import StateStore
from conftest import PackFactory

T = TypeVar("T")
LIMIT_SECONDS = 20.0


def ends(call: Callable[[], T]) -> T:
    """`call()`'s result; fails (instead of hanging the suite) if it does not return."""
    box: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            box.append(call())
        except BaseException as error:  # handed to the test below
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(LIMIT_SECONDS)
    assert not thread.is_alive(), "blocked: it never returned"
    if errors:
        raise errors[0]
    return box[0]


def odd_file(kind: str, path: Path) -> None:
    """Put something that is not a regular file (or is too big) at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "directory":
        path.mkdir()
    else:  # a sparse file past any cap: instant to make, slow to read
        with path.open("wb") as file:
            file.truncate(3 * 1024**3)


KINDS = ["fifo", "dev-zero", "directory", "huge"]


@pytest.mark.parametrize("kind", KINDS)
def test_read_capped_refuses_what_is_not_a_small_regular_file(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "thing"
    odd_file(kind, path)
    with pytest.raises(Refused) as refused:
        ends(lambda: read_capped(path, 1024))
    expected = {"fifo": "FIFO", "dev-zero": "device", "directory": "directory", "huge": "limit"}
    assert expected[kind] in refused.value.reason


@pytest.mark.parametrize("kind", KINDS)
def test_a_compiled_pack_that_is_not_a_regular_file_means_building_again(
    kind: str, make_pack: PackFactory, tmp_path: Path
) -> None:
    root = make_pack()
    path = compiled_path(root, tmp_path)
    odd_file(kind, path)
    assert ends(lambda: open_compiled(root, tmp_path)) is None
    _, index = ends(lambda: load_and_compile(root, tmp_path))
    assert "q-camps" in [hit.id for hit in index.search("camps")]
    compiled = ends(lambda: open_compiled(root, tmp_path))  # written in its place
    assert compiled is not None
    assert "q-camps" in [hit.id for hit in compiled.search_index().search("camps")]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "huge"])
def test_a_state_file_that_is_not_a_regular_file_is_moved_aside(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    odd_file(kind, path)
    state, messages = ends(lambda: StateStore(path).load())
    assert state.screen == "reader"
    (message,) = messages
    assert "could not be read" in message and "moved it to" in message
    assert ("not a regular file" in message) or ("larger than" in message)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_config_that_is_not_a_regular_file_never_blocks_a_command(
    kind: str, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    odd_file(kind, config)
    done = subprocess.run(
        [sys.executable, "-m", "aiplan_tui", "--config", str(config), "check"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "config.toml:1:1: error: is a" in done.stderr and "not a regular file" in done.stderr


def test_a_missing_config_named_on_the_command_line_is_a_usage_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "aiplan_tui", "--config", str(tmp_path / "nope.toml"), "check"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip() == f"aiplan-tui: --config {tmp_path / 'nope.toml'}: no such file"
