"""The search index cache: a hit gives the same results as a fresh build, any change to the
pack's files invalidates it, and a bad or unwritable cache quietly falls back to building."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aiplan_tui.pack.loader import LoadResult, load_pack
from aiplan_tui.paths import bundled_content_dir, user_cache_dir
from aiplan_tui.search import cache as index_cache
from aiplan_tui.search.cache import cache_path, load_or_build_index
from aiplan_tui.search.documents import PackDocs
from aiplan_tui.search.engine import SearchIndex
from conftest import PackFactory

QUERIES = ["chen", "billion", "bilion", '"two camps"', "^invest", "ment$", "chips !nvidia",
           "kind:fact side:us", "private | camps", "year:2025", ""]  # fmt: skip


def results(index: SearchIndex) -> list[object]:
    return [
        [(h.id, h.kind, h.score, h.field, h.spans) for h in index.search(query, limit=None)]
        for query in QUERIES
    ]


def cache_file(result: LoadResult, cache: Path) -> Path:
    return cache_path(result.pack.root, result.files, cache)


@pytest.fixture
def loaded(make_pack: PackFactory) -> LoadResult:
    return load_pack(make_pack())


def test_cache_lives_under_xdg_cache_home(isolated_cache: Path) -> None:
    assert user_cache_dir() == isolated_cache / "aiplan-tui"


def test_loader_lists_the_files_it_read(loaded: LoadResult) -> None:
    names = {path.relative_to(loaded.pack.root).as_posix() for path in loaded.files}
    assert {"pack.toml", "articles/wire.md", "highlights/wire.toml", "entities.toml"} <= names


def test_a_cache_hit_gives_the_same_results(loaded: LoadResult, tmp_path: Path) -> None:
    fresh = SearchIndex(loaded.pack)
    first = load_or_build_index(loaded, cache_dir=tmp_path)
    assert cache_file(loaded, tmp_path).is_file()
    cached = index_cache.load(loaded.pack, cache_file(loaded, tmp_path))
    assert cached is not None
    assert results(cached) == results(first) == results(fresh)
    assert cached.data == fresh.data


def test_the_bundled_pack_round_trips(tmp_path: Path) -> None:
    result = load_pack(bundled_content_dir())
    load_or_build_index(result, cache_dir=tmp_path)
    cached = index_cache.load(result.pack, cache_file(result, tmp_path))
    assert cached is not None
    assert cached.data == SearchIndex(result.pack).data
    assert [h.id for h in cached.search("deepsek")] == [
        h.id for h in SearchIndex(result.pack).search("deepsek")
    ]


def test_the_default_cache_dir_is_used(loaded: LoadResult, isolated_cache: Path) -> None:
    load_or_build_index(loaded)
    assert list((isolated_cache / "aiplan-tui").glob("*.index"))


@pytest.mark.parametrize("name", ["pack.toml", "articles/wire.md", "highlights/wire.toml"])
def test_touching_any_file_invalidates(make_pack: PackFactory, tmp_path: Path, name: str) -> None:
    root = make_pack()
    before = load_pack(root)
    load_or_build_index(before, cache_dir=tmp_path)
    old = cache_file(before, tmp_path)
    stat = (root / name).stat()
    os.utime(root / name, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    after = load_pack(root)
    assert cache_file(after, tmp_path) != old
    load_or_build_index(after, cache_dir=tmp_path)
    assert cache_file(after, tmp_path).is_file()
    assert not old.exists()  # the stale file is cleared away


def test_changed_content_is_searched_not_the_stale_cache(
    make_pack: PackFactory, tmp_path: Path
) -> None:
    root = make_pack()
    load_or_build_index(load_pack(root), cache_dir=tmp_path)
    article = (root / "articles" / "wire.md").read_text(encoding="utf-8")
    (root / "articles" / "wire.md").write_text(article + "\nA zebracorn appears.\n", "utf-8")
    index = load_or_build_index(load_pack(root), cache_dir=tmp_path)
    assert [h.id for h in index.search("zebracorn")] == ["wire:3"]


def test_adding_or_removing_a_file_invalidates(make_pack: PackFactory, tmp_path: Path) -> None:
    root = make_pack()
    key = cache_file(load_pack(root), tmp_path)
    (root / "articles" / "other.md").write_text(
        '+++\ntitle = "Other"\n+++\n\nMore text.\n', encoding="utf-8"
    )
    assert cache_file(load_pack(root), tmp_path) != key
    (root / "comparison.toml").unlink()
    assert cache_file(load_pack(root), tmp_path) not in {key}


def corruptions(raw: bytes) -> list[bytes]:
    middle = len(raw) // 2
    flipped = raw[:middle] + bytes([raw[middle] ^ 0xFF]) + raw[middle + 1 :]
    return [b"", raw[:10], raw[: len(raw) - 7], flipped, b"garbage" * 100, raw + b"x",
            b"\x80\x04\x95 pickle-like"]  # fmt: skip


def test_a_corrupt_cache_falls_back_and_is_replaced(loaded: LoadResult, tmp_path: Path) -> None:
    expected = results(SearchIndex(loaded.pack))
    load_or_build_index(loaded, cache_dir=tmp_path)
    path = cache_file(loaded, tmp_path)
    good = path.read_bytes()
    for bad in corruptions(good):
        path.write_bytes(bad)
        assert index_cache.load(loaded.pack, path) is None
        assert results(load_or_build_index(loaded, cache_dir=tmp_path)) == expected
        assert path.read_bytes() == good  # rebuilt and written again


def test_a_well_formed_but_wrong_cache_is_refused(loaded: LoadResult, tmp_path: Path) -> None:
    """Bytes with a valid checksum but nonsense inside (another version, numbers out of range,
    documents of another pack) are refused too, never used or raised."""
    index = SearchIndex(loaded.pack)
    path = tmp_path / "x.index"
    data = index.data
    variants = [
        data.__class__(**{**data.__dict__, "doc_count": data.doc_count + 1}),
        data.__class__(**{**data.__dict__, "words": tuple(reversed(data.words))}),
        data.__class__(**{**data.__dict__, "flat": data.flat[:-1]}),
    ]
    for variant in variants:
        object.__setattr__(index, "data", variant)
        assert index_cache.save(index, path)
        assert index_cache.load(loaded.pack, path) is None
    monkey_version = index_cache.__version__
    try:
        object.__setattr__(index, "data", data)
        index_cache.__version__ = "0.0.0-other"  # type: ignore[attr-defined]
        assert index_cache.save(index, path)
    finally:
        index_cache.__version__ = monkey_version  # type: ignore[attr-defined]
    assert index_cache.load(loaded.pack, path) is None
    other = load_pack(bundled_content_dir()).pack
    assert index_cache.save(SearchIndex(other), path)
    assert index_cache.load(loaded.pack, path) is None


def test_an_unwritable_cache_dir_still_searches(loaded: LoadResult, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("", encoding="utf-8")
    index = load_or_build_index(loaded, cache_dir=blocker / "cache")
    assert index.search("chen")
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o500)
    try:
        assert load_or_build_index(loaded, cache_dir=read_only).search("chen")
        if os.access(read_only, os.W_OK):  # root ignores the mode
            return
        assert not list(read_only.iterdir())
    finally:
        read_only.chmod(0o700)


def test_a_pack_without_files_is_not_cached(loaded: LoadResult, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert load_or_build_index(loaded.pack, cache_dir=cache).search("chen")
    assert not cache.exists()


def test_documents_made_on_demand_equal_those_made_in_order() -> None:
    pack = load_pack(bundled_content_dir()).pack
    in_order = list(PackDocs(pack))
    on_demand = PackDocs(pack)
    backwards = [on_demand[number] for number in reversed(range(len(on_demand)))]
    assert backwards[::-1] == in_order
    assert on_demand[-1] == in_order[-1] and on_demand[2:5] == in_order[2:5]
