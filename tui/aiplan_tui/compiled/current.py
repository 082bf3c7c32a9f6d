"""The compiled pack for a pack directory: the current one if there is one, else built from
a fresh load (and written for next time, where the cache directory allows). No Textual."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from aiplan_tui.compiled.manifest import pack_manifest
from aiplan_tui.compiled.stale import Stale
from aiplan_tui.compiled.store import OTHER_FILES, CompiledPack
from aiplan_tui.paths import user_cache_dir

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:  # the loader and the builder are imported when a build is needed: the app
    # starting on a current compiled pack uses neither
    from typing import TextIO

    from aiplan_tui.core.pausing import Pause
    from aiplan_tui.pack.result import LoadResult
    from aiplan_tui.search.engine import SearchIndex

if TYPE_CHECKING:
    from hashlib import sha256
else:  # Python's own SHA-256, the same digest: hashlib loads OpenSSL for it (3 ms at start)
    try:
        from _sha256 import sha256  # Python 3.10 and 3.11
    except ImportError:  # pragma: no cover - other versions
        try:
            from _sha2 import sha256  # Python 3.12 on
        except ImportError:
            from hashlib import sha256

SUFFIX = ".sqlite3"


def compiled_path(root: Path, cache_dir: Path | None = None) -> Path:
    """Where the compiled pack of the pack in `root` lives: one database per pack directory."""
    # `a/../p` is `p` (abspath: lexically, keeping links, as before)
    base = os.path.abspath(root).encode("utf-8", "surrogateescape")  # noqa: PTH100
    name = sha256(base).hexdigest()[:24] + SUFFIX
    return (user_cache_dir() if cache_dir is None else cache_dir) / name


def open_compiled(
    root: Path, cache_dir: Path | None = None, manifest: str | None = None
) -> CompiledPack | None:
    """The pack's compiled database if it is current (for `manifest`, taken now if not
    given), else None (build it then)."""
    current = pack_manifest(root) if manifest is None else manifest
    path = compiled_path(root, cache_dir)
    try:
        return CompiledPack(path, current, root)
    except Stale as stale:
        if str(stale) != OTHER_FILES:
            return None
    from aiplan_tui.compiled.update import update_compiled

    if not update_compiled(root, path, current):  # only the files the change touched
        return None
    try:
        return CompiledPack(path, current, root)
    except Stale:
        return None


def build_compiled(
    root: Path, manifest: str, cache_dir: Path | None = None, shown: bool = False
) -> CompiledPack | None:
    """Build the pack's compiled database in steps that an interruption keeps, taking up an
    interrupted build's (compiled/staged.py), and open it; None if the pack cannot be built
    so (load and compile it whole then). With its progress on standard error if `shown` and
    that is a terminal; a build taken up says so there, terminal or not."""
    import contextlib
    import sys

    from aiplan_tui.compiled.progress import build_progress
    from aiplan_tui.compiled.staged import build_staged

    path = compiled_path(root, cache_dir)
    with build_progress(root) if shown else contextlib.nullcontext() as progress:
        step = None if progress is None else progress.held
        kept = build_staged(root, path, manifest, step, _said_kept(sys.stderr))
    if kept is None:
        return None
    try:
        return CompiledPack(path, manifest, root)
    except Stale:
        return None


def _said_kept(stream: TextIO) -> Callable[[int, int], None]:
    def say(kept: int, total: int) -> None:
        print(
            f"aiplan-tui: taking up an interrupted build: {kept:,} of {total:,} files done",
            file=stream,
            flush=True,
        )

    return say


def build_and_read(root: Path, cache_dir: Path | None = None, shown: bool = False) -> LoadResult:
    """The pack as loading it gives, from its compiled database built now in steps an
    interruption keeps (`build_compiled`); where it cannot be built so, loaded and compiled
    whole (`load_and_compile`)."""
    compiled = build_compiled(root, pack_manifest(root), cache_dir, shown)
    if compiled is not None:
        try:
            return compiled.load_result(root)
        except Stale:
            pass
        finally:
            compiled.close()
    return load_and_compile(root, cache_dir, shown)[0]


def load_and_compile(
    root: Path, cache_dir: Path | None = None, shown: bool = False
) -> tuple[LoadResult, SearchIndex]:
    """Load the pack, index it and write its compiled database; the loaded pack and index
    (with its progress on standard error if `shown` and that is a terminal). The manifest is
    taken first, so a file changed during the load makes the next run build again rather
    than trust a database of the old text."""
    import contextlib

    from aiplan_tui.compiled.progress import build_progress
    from aiplan_tui.pack.loader import load_pack

    manifest = pack_manifest(root)
    with build_progress(root) if shown else contextlib.nullcontext() as progress:
        result = load_pack(root, None if progress is None else progress.reading)
        if progress is not None:
            progress.indexed(loaded_items(result))
        pause = None if progress is None else progress.indexing
        return result, compile_loaded(result, manifest, cache_dir, pause)


def loaded_items(result: LoadResult) -> int:
    """Articles and highlights (suggested ones too): what a build's progress counts."""
    pack = result.pack
    return len(pack.articles) + len(pack.highlights) + len(pack.suggested)


def compile_loaded(
    result: LoadResult,
    manifest: str,
    cache_dir: Path | None = None,
    pause: Pause | None = None,
) -> SearchIndex:
    """The index of a pack loaded already (its manifest taken before it was), written with
    the rest of the compiled pack for the next run (`pause`: see core/pausing.py)."""
    from aiplan_tui.compiled.build import compile_pack

    target = compiled_path(result.pack.root, cache_dir)
    return compile_pack(result, manifest, target, pause)


def search_index_for(
    result: LoadResult,
    manifest: str | None,
    rebuild: bool = False,
    compiled: CompiledPack | None = None,
    pause: Pause | None = None,
) -> SearchIndex:
    """The app's index: from its compiled pack (`compiled`, the one it was read from, or the
    pack's if current) unless `rebuild` (it turned out damaged), else built and compiled.
    Without a manifest, built in memory and not kept. A build calls `pause` now and then
    (core/pausing.py): the app's thread stands aside for the UI, and stops when it closes."""
    if manifest is None:
        from aiplan_tui.search.engine import SearchIndex

        return SearchIndex(result.pack, pause)
    if not rebuild:
        compiled = compiled or open_compiled(result.pack.root, manifest=manifest)
        if compiled is not None:
            try:
                return compiled.search_index()  # its connection stays open while it is used
            except Stale:
                compiled.close()
    return compile_loaded(result, manifest, pause=pause)
