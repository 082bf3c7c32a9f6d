"""`aiplan-tui init`: a new content pack, empty or a copy of the bundled one, made whole in a
temporary directory and moved into place, so a failure never leaves half a pack."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from pathlib import Path

from aiplan_tui.core.atomic import fsync_directory

PACK_HEADER = """\
# The pack: its id and title, the sides it compares and the dimensions of the comparison.
# Sides and dimensions are yours to edit; every id is lower-case letters, digits and '-'.

[pack]
id = "{id}"
title = "{title}"
description = ""
"""

ENTITIES = """\
# The people, organisations, places and events your articles name, one [[entity]] each:
#
# [[entity]]
# id = "li-qiang"                 # how highlights refer to them (speaker, according_to)
# name = "Li Qiang"
# kind = "person"                 # person, organisation, place or event
# role = "Premier"
# side = "china"                  # a side's id, when they speak for one
# aliases = ["Premier Li", "Li"]  # other names the articles use
"""

COMPARISON = """\
# One [[cell]] per dimension and side that your articles support: a summary in your words
# and the highlights that back it. A side the articles say nothing about has no cell.
#
# [[cell]]
# dimension = "investment"
# side = "us"
# summary = "U.S. private AI investment reached $109.1 billion in 2024."
# highlights = ["f-us-private-2024"]
"""

FOLDERS = ("articles", "highlights")
"""Made empty: `add` fills them (an article's .md and its highlights' .toml)."""


class InitError(Exception):
    """Why the pack cannot be made where asked (a message for the user)."""


def pack_files(bundled: Path, pack_id: str) -> dict[str, str]:
    """An empty pack's files: the bundled pack's sides and dimensions, no articles yet."""
    source = (bundled / "pack.toml").read_text(encoding="utf-8")
    tables = source[source.index("[[side]]") :]
    header = PACK_HEADER.format(id=pack_id, title=pack_id.replace("-", " ").capitalize())
    return {
        "pack.toml": f"{header}\n{tables}",
        "entities.toml": ENTITIES,
        "comparison.toml": COMPARISON,
    }


def pack_id_for(directory: Path) -> str:
    """A valid pack id from the directory's name ("My Pack 2" -> "my-pack-2")."""
    words = re.findall(r"[a-z0-9]+", directory.resolve().name.lower())
    return "-".join(words) or "my-pack"


def create_pack(target: Path, bundled: Path, from_bundled: bool) -> None:
    """Make the pack at `target`, which must not exist or be an empty directory; InitError
    saying why not, and nothing left behind, when it cannot be made."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise InitError(f"{target} exists and is not a directory")
    if target.is_dir() and any(target.iterdir()):
        raise InitError(f"{target} is not empty: give a new or empty directory")
    parent = target.absolute().parent
    if not parent.is_dir():
        raise InitError(f"{parent}: no such directory")
    temp = parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.init"
    try:
        if from_bundled:
            shutil.copytree(bundled, temp, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            _write_empty(temp, pack_files(bundled, pack_id_for(target)))
        if target.is_dir():
            target.rmdir()  # empty, as checked: the finished pack takes its place
        temp.rename(target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(temp)
        raise
    fsync_directory(parent)


def _write_empty(root: Path, files: dict[str, str]) -> None:
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    for folder in FOLDERS:
        (root / folder).mkdir()
