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
    """Make the pack at `target`, which must not exist or be an empty directory we may write;
    InitError saying why not, and nothing left behind, when it cannot be made.

    A new directory is made whole beside its place and renamed into it. An existing empty one
    (`init .` among them) is filled where it is, keeping its owner and mode: the pack is made
    in a hidden folder inside it and its entries moved up, pack.toml last, so an interrupted
    init never leaves something that reads as a pack."""
    target = Path(os.path.abspath(target))  # noqa: PTH100 (`.` and `a/..` have no name)
    _check_target(target, bundled)
    if target.is_dir():
        _fill(target, bundled, from_bundled)
        return
    parent = target.parent
    temp = parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.init"
    try:
        _make(temp, target, bundled, from_bundled)
        temp.rename(target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(temp)
        raise
    fsync_directory(parent)


def _check_target(target: Path, bundled: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise InitError(f"{target} exists and is not a directory")
    if target.resolve().is_relative_to(bundled.resolve()):
        raise InitError(f"{target} is inside the bundled pack: give a directory of your own")
    if target.is_dir() and any(target.iterdir()):
        raise InitError(f"{target} is not empty: give a new or empty directory")
    where = target if target.is_dir() else target.parent
    if not where.is_dir():
        raise InitError(f"{where}: no such directory")
    if not os.access(where, os.W_OK | os.X_OK):
        raise InitError(f"{where} is not writable: give a directory you can write")


def _fill(target: Path, bundled: Path, from_bundled: bool) -> None:
    """Make the pack inside the empty directory `target`, moving its entries up at the end."""
    temp = target / f".aiplan-tui-init.{os.getpid()}.{secrets.token_hex(4)}"
    moved: list[Path] = []
    try:
        _make(temp, target, bundled, from_bundled)
        names = sorted((p.name for p in temp.iterdir()), key=lambda name: name == "pack.toml")
        for name in names:  # pack.toml last: until it is there, this is not a pack
            (temp / name).rename(target / name)
            moved.append(target / name)
        temp.rmdir()
    except BaseException:
        for path in (*moved, temp):
            with contextlib.suppress(OSError):
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        raise
    fsync_directory(target)


def _make(temp: Path, target: Path, bundled: Path, from_bundled: bool) -> None:
    if from_bundled:
        shutil.copytree(bundled, temp, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        _write_empty(temp, pack_files(bundled, pack_id_for(target)))


def _write_empty(root: Path, files: dict[str, str]) -> None:
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    for folder in FOLDERS:
        (root / folder).mkdir()
