"""The search index cached on disk, so a large pack is not indexed again on every start. No
Textual.

One file per pack under `paths.user_cache_dir()`, named by a hash of the pack's directory and
of the key: the index format, the package version, and the relative path, size and mtime of
every file the loader read. Any change to those gives another name, so the old file is never
read again (and is removed when the new one is written).

The file is plain data, never pickle: a magic string, a SHA-256 of the rest, a JSON header
(vocabulary, weights, filter keys, array lengths) and four little-endian integer arrays. It is
checked in full before use; anything missing, truncated, corrupt, foreign or unwritable means
the index is built as if there were no cache.
"""

from __future__ import annotations

import hashlib
import json
import sys
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aiplan_tui import __version__
from aiplan_tui.core.atomic import write_atomically
from aiplan_tui.core.fields import Field, TableAt, check_fields
from aiplan_tui.core.files import read_capped
from aiplan_tui.core.json_source import JsonLocator
from aiplan_tui.core.model import Pack
from aiplan_tui.core.problems import Problems
from aiplan_tui.pack.loader import LoadResult
from aiplan_tui.paths import user_cache_dir
from aiplan_tui.search.engine import SearchIndex
from aiplan_tui.search.index import IndexData

FORMAT = 1
"""Raise when the index's arrays or what goes into them change meaning."""
MAGIC = b"AIPLAN-TUI-INDEX\n"
SUFFIX = ".index"
MAX_CACHE_BYTES = 1 << 30
"""Far above the index of a million-highlight pack; a larger file is not ours."""
_ARRAYS = (("starts", "q"), ("flat", "i"), ("key_starts", "q"), ("key_flat", "i"))
HEADER = (
    Field("format", "count", True),
    Field("version", required=True),
    Field("doc_count", "count", True),
    Field("doc_digest", "count", True),
    Field("words", "str_list", True),
    Field("weights", "number_list", True),
    Field("keys", "str_list", True),
    Field("lengths", "count_list", True),
)
"""The JSON header, checked like any other file the app reads before the arrays are trusted."""


def load_or_build_index(
    source: LoadResult | Pack,
    files: Sequence[Path] | None = None,
    cache_dir: Path | None = None,
) -> SearchIndex:
    """The pack's index from the cache if it is there and valid for these files, else built
    and (if the cache directory can be written) saved. Never raises for the cache's sake."""
    pack = source.pack if isinstance(source, LoadResult) else source
    if files is None:
        files = source.files if isinstance(source, LoadResult) else ()
    if not files:  # a pack not read from files: nothing to key a cache by
        return SearchIndex(pack)
    path = cache_path(pack.root, files, user_cache_dir() if cache_dir is None else cache_dir)
    index = load(pack, path)
    if index is None:
        index = SearchIndex(pack)
        save(index, path)
    return index


def cache_path(root: Path, files: Sequence[Path], cache_dir: Path) -> Path:
    """The cache file for a pack in `root` whose loader read `files` (missing ones count too)."""
    base = root.absolute()
    entries = []
    for file in files:
        try:
            stat = file.stat()
            size, mtime = stat.st_size, stat.st_mtime_ns
        except OSError:
            size, mtime = -1, -1
        try:
            name = file.absolute().relative_to(base).as_posix()
        except ValueError:
            name = str(file.absolute())
        entries.append([name, size, mtime])
    key = json.dumps([FORMAT, __version__, sorted(entries)], ensure_ascii=True)
    pack_part = hashlib.sha256(str(base).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    key_part = hashlib.sha256(key.encode()).hexdigest()[:32]
    return cache_dir / f"{pack_part}-{key_part}{SUFFIX}"


# Writing ---------------------------------------------------------------------------------------


def save(index: SearchIndex, path: Path) -> bool:
    """Write the index atomically (a temporary file in the same directory, then a rename) and
    remove this pack's older cache files; False, quietly, if that cannot be done."""
    data = index.data
    arrays = [_little_endian(getattr(data, name)) for name, _ in _ARRAYS]
    header = {
        "format": FORMAT,
        "version": __version__,
        "doc_count": data.doc_count,
        "doc_digest": index.docs.fingerprint(),
        "words": list(data.words),
        "weights": list(data.weights),
        "keys": list(data.keys),
        "lengths": [len(a) for a in arrays],
    }
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    body = [len(head).to_bytes(8, "little"), head, *(a.tobytes() for a in arrays)]
    digest = hashlib.sha256()
    for part in body:
        digest.update(part)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, b"".join([MAGIC, digest.digest(), *body]), mode=0o644)
        prefix = path.name.split("-", 1)[0] + "-"
        for old in path.parent.glob(f"{prefix}*{SUFFIX}"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def _little_endian(values: array[int]) -> array[int]:
    if sys.byteorder == "little":
        return values
    swapped = array(values.typecode, values)
    swapped.byteswap()
    return swapped


# Reading ---------------------------------------------------------------------------------------


def load(pack: Pack, path: Path) -> SearchIndex | None:
    """The index cached at `path` for this pack, or None if there is none that can be trusted."""
    try:
        raw = read_capped(path, MAX_CACHE_BYTES)  # a FIFO or /dev/zero is refused, not read
    except OSError:
        return None
    try:
        data, digest = _parse(raw, path)
        index = SearchIndex(pack, data)
    except Exception:  # whatever the bytes are, the answer is to build the index
        return None
    if index.docs.fingerprint() != digest:  # the same files, yet other documents
        return None
    return index


def _parse(raw: bytes, path: Path) -> tuple[IndexData, int]:
    """The index data in a cache file's bytes, and the documents' digest; ValueError if they
    are not a complete, intact cache file of this format and version."""
    if not raw.startswith(MAGIC):
        raise ValueError("not an index cache file")
    start = len(MAGIC) + 32
    if len(raw) < start + 8 or hashlib.sha256(raw[start:]).digest() != raw[len(MAGIC) : start]:
        raise ValueError("truncated or corrupt")
    size = int.from_bytes(raw[start : start + 8], "little")
    header: Any = json.loads(raw[start + 8 : start + 8 + size].decode("utf-8"))
    problems = Problems()
    at = TableAt(path, JsonLocator(), "header")
    head, ok = check_fields(header, HEADER, at, problems, unknown=None)
    if not ok:
        raise ValueError(problems.items[0].message)
    if head["format"] != FORMAT or head["version"] != __version__:
        raise ValueError("another format or version")
    lengths = head["lengths"]
    if len(lengths) != len(_ARRAYS):
        raise ValueError("bad lengths")
    arrays = []
    offset = start + 8 + size
    for (_, typecode), length in zip(_ARRAYS, lengths, strict=True):
        values = array(typecode)
        end = offset + length * values.itemsize
        if end > len(raw):
            raise ValueError("truncated")
        values.frombytes(raw[offset:end])
        if sys.byteorder != "little":
            values.byteswap()
        arrays.append(values)
        offset = end
    if offset != len(raw):
        raise ValueError("trailing bytes")
    starts, flat, key_starts, key_flat = arrays
    data = IndexData(
        head["words"], tuple(float(w) for w in head["weights"]), starts, flat,
        head["keys"], key_starts, key_flat, head["doc_count"],
    )  # fmt: skip
    return data, head["doc_digest"]
