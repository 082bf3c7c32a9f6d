"""Shared fixtures: small packs written to a temporary directory, valid or broken on purpose."""

from __future__ import annotations

import fcntl
import os
import struct
import sys
import termios
from collections.abc import Callable
from pathlib import Path
from subprocess import Popen

import pytest

REPO = Path(__file__).resolve().parent.parent
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
    return home


def app_in_pty(
    home: Path, columns: int, lines: int, *args: str, code: str | None = None
) -> tuple[Popen[bytes], int, int]:
    """`python -m aiplan_tui ARGS` (or `python -c CODE ARGS`) in a new pseudo-terminal of the
    given size, with a private HOME and XDG directories: (process, master end, slave end);
    the caller closes both ends."""
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
    }
    process = Popen(
        [sys.executable, *(["-c", code] if code else ["-m", "aiplan_tui"]), *args],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
    )  # fmt: skip
    return process, master, slave
