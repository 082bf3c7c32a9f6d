"""A compiled pack updated a file at a time equals one built from nothing, object for object
(issue 34): a changed, added, removed or renamed file updates exactly its rows, and a reader
open during an update keeps the old pack whole."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aiplan_tui.compiled.current import compiled_path, load_and_compile, open_compiled
from aiplan_tui.compiled.manifest import pack_manifest
from aiplan_tui.compiled.store import CompiledPack
from aiplan_tui.compiled.update import update_compiled
from in_process import answer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import pack_gen

QUERIES = ["semiconductors governance", "item7", "updated", "li qiang", "kind:quote chips",
           "side:us energy", "brandnew", "article:a000002 talent", "status:accepted",
           "status:suggested"]  # fmt: skip


def picture(compiled: CompiledPack) -> dict[str, Any]:
    """Everything a reader can get from a compiled pack."""
    root = compiled.root
    result = compiled.load_result(root)
    index = compiled.search_index()
    numbers = sorted(index.postings.all_docs())  # an update may leave numbers unused
    place = {number: rank for rank, number in enumerate(numbers)}  # their order is what counts
    return {
        "pack": result.pack,
        "problems": result.problems,
        "counts": compiled.counts(),
        "docs": [index.docs[n] for n in numbers],
        "words": list(index.postings.words),
        "keys": list(index.postings.keys),
        "postings": [
            sorted((w, [place[n] for n in d]) for w, d in index.postings.weighted(n))
            for n in range(len(index.postings.words))
        ],
        "key_postings": [
            [place[n] for n in index.postings.key_docs(n)] for n in range(len(index.postings.keys))
        ],
        "meta": {k: compiled.meta(k) for k in ("articles", "per_article", "per_kind")},
        "exports": compiled.db.execute(
            "SELECT part, file, text FROM exports ORDER BY part, file"
        ).fetchall(),
        "search": {
            q: [(h.id, h.score, place[h.order], h.text) for h in index.search(q, None)]
            for q in QUERIES
        },
    }


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    pack_gen.generate(root, 600)
    return root


def incremental_equals_cold(root: Path, tmp_path: Path, change: Callable[[], None]) -> None:
    warm = tmp_path / "warm"
    load_and_compile(root, warm)
    change()
    manifest = pack_manifest(root)
    assert open_compiled(root, warm, manifest) is not None or True
    assert update_compiled(root, compiled_path(root, warm), manifest) or (
        open_compiled(root, warm, manifest) is not None
    )
    cold = tmp_path / "cold"
    load_and_compile(root, cold)
    ours, theirs = open_compiled(root, warm), open_compiled(root, cold)
    assert ours is not None and theirs is not None
    assert picture(ours) == picture(theirs)
    ours.close()
    theirs.close()


def updated_in_place(root: Path, tmp_path: Path, change: Callable[[], None]) -> None:
    """The change is one the update takes on (not a whole build), and it gives the cold
    build's pack."""
    warm = tmp_path / "warm"
    load_and_compile(root, warm)
    change()
    assert update_compiled(root, compiled_path(root, warm), pack_manifest(root))
    cold = tmp_path / "cold"
    load_and_compile(root, cold)
    ours, theirs = open_compiled(root, warm), open_compiled(root, cold)
    assert ours is not None and theirs is not None
    assert picture(ours) == picture(theirs)
    ours.close()
    theirs.close()


def test_a_word_changed_in_an_article(pack: Path, tmp_path: Path) -> None:
    article = pack / "articles" / "a000003.md"
    updated_in_place(pack, tmp_path, lambda: append(article, " Updated brandnew."))


def test_a_paragraph_added_to_an_article(pack: Path, tmp_path: Path) -> None:
    article = pack / "articles" / "a000001.md"
    updated_in_place(pack, tmp_path, lambda: append(article, "\n\nA brandnew paragraph."))


def test_more_paragraphs_than_the_room_move_the_documents_after_them(
    pack: Path, tmp_path: Path
) -> None:
    article = pack / "articles" / "a000001.md"
    more = "".join(f"\n\nA brandnew paragraph {n}." for n in range(300))  # room: 256
    updated_in_place(pack, tmp_path, lambda: append(article, more))


def test_a_highlight_file_changed(pack: Path, tmp_path: Path) -> None:
    highlights = pack / "highlights" / "a000002.toml"

    def change() -> None:
        text = highlights.read_text(encoding="utf-8")
        highlights.write_text(text.replace('note = "', 'note = "updated ', 1), encoding="utf-8")

    updated_in_place(pack, tmp_path, change)


def test_a_highlight_file_removed(pack: Path, tmp_path: Path) -> None:
    updated_in_place(pack, tmp_path, (pack / "highlights" / "a000004.toml").unlink)


def test_a_highlight_file_renamed(pack: Path, tmp_path: Path) -> None:
    def change() -> None:
        (pack / "highlights" / "a000001.toml").rename(pack / "highlights" / "zz-moved.toml")

    updated_in_place(pack, tmp_path, change)


def test_an_article_and_its_highlights_added(pack: Path, tmp_path: Path) -> None:
    def change() -> None:
        shutil.copy(pack / "articles" / "a000002.md", pack / "articles" / "a000002b.md")
        text = (pack / "highlights" / "a000002.toml").read_text(encoding="utf-8")
        text = text.replace('"a000002', '"a000002b').replace("-a000002-", "-new-")
        (pack / "highlights" / "a000002b.toml").write_text(text, encoding="utf-8")

    updated_in_place(pack, tmp_path, change)


def test_an_article_removed_leaves_its_highlights_unknown(pack: Path, tmp_path: Path) -> None:
    updated_in_place(pack, tmp_path, (pack / "articles" / "a000005.md").unlink)


def test_an_article_renamed(pack: Path, tmp_path: Path) -> None:
    def change() -> None:
        (pack / "articles" / "a000000.md").rename(pack / "articles" / "b-first.md")

    updated_in_place(pack, tmp_path, change)


def test_a_person_added(pack: Path, tmp_path: Path) -> None:
    entities = pack / "entities.toml"
    added = '\n[[entity]]\nid = "new-person"\nname = "New Person"\nkind = "person"\n'
    updated_in_place(pack, tmp_path, lambda: append(entities, added))


def test_a_person_renamed_touches_their_quotations(pack: Path, tmp_path: Path) -> None:
    entities = pack / "entities.toml"

    def change() -> None:
        text = entities.read_text(encoding="utf-8")
        entities.write_text(text.replace('"Li Qiang"', '"Li Q. Brandnew"'), encoding="utf-8")

    updated_in_place(pack, tmp_path, change)


def test_a_person_removed_leaves_their_quotations_unknown(pack: Path, tmp_path: Path) -> None:
    entities = pack / "entities.toml"

    def change() -> None:
        tables = entities.read_text(encoding="utf-8").split("\n\n")
        entities.write_text("\n\n".join(t for t in tables if "jensen" not in t), "utf-8")

    updated_in_place(pack, tmp_path, change)


def test_a_change_to_the_sides_is_a_whole_build(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found so before the database is copied: the copy is what a large pack's update pays."""
    warm = tmp_path / "warm"
    load_and_compile(pack, warm)
    append(pack / "pack.toml", '\n[[side]]\nid = "eu"\nlabel = "Europe"\n')
    copies: list[object] = []
    monkeypatch.setattr(shutil, "copyfile", lambda *args: copies.append(args))
    assert not update_compiled(pack, compiled_path(pack, warm), pack_manifest(pack))
    assert copies == []
    monkeypatch.undo()
    incremental_equals_cold(pack, tmp_path / "again", lambda: None)


def test_a_reader_open_during_an_update_keeps_the_old_pack(pack: Path, tmp_path: Path) -> None:
    cache = tmp_path / "warm"
    load_and_compile(pack, cache)
    before = open_compiled(pack, cache)
    assert before is not None
    old = picture(before)
    append(pack / "articles" / "a000003.md", "\n\nA brandnew paragraph.")
    assert update_compiled(pack, compiled_path(pack, cache), pack_manifest(pack))
    assert picture(before) == old  # the same connection, after the update
    after = open_compiled(pack, cache)
    assert after is not None
    new = picture(after)
    assert new["search"]["brandnew"] and not old["search"]["brandnew"]
    before.close()
    after.close()


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + text + "\n", encoding="utf-8")


ADDED = """\
The ministry said on Tuesday that chip exports would rise this year, as factories added
capacity and brandnew alliances formed around compute standards.

"We will keep working with every partner," Li Qiang told reporters in Beijing.
"""


def test_add_leaves_the_compiled_pack_current(
    pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`add` reads the pack from its compiled pack and updates that with what it wrote: the
    next command is warm, and its answers are a cold build's."""
    load_and_compile(pack)
    source = tmp_path / "new.txt"
    source.write_text(ADDED, encoding="utf-8")
    argv = ["--content", str(pack), "add", str(source), "--id", "new-one", "--title", "New"]
    done = answer(capsys, *argv)
    assert done.returncode == 0, done.stderr
    ours = CompiledPack(compiled_path(pack), pack_manifest(pack), pack)  # current: no Stale
    load_and_compile(pack, tmp_path / "cold")
    theirs = open_compiled(pack, tmp_path / "cold")
    assert theirs is not None
    assert picture(ours) == picture(theirs)
    assert picture(ours)["search"]["brandnew"]
    ours.close()
    theirs.close()


def test_an_update_cut_short_leaves_the_old_database_and_no_file(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import aiplan_tui.compiled.update as update

    cache = tmp_path / "warm"
    load_and_compile(pack, cache)
    old_manifest = pack_manifest(pack)
    append(pack / "articles" / "a000003.md", " Updated brandnew.")
    real = update.apply_change

    def cut_short(*args: Any) -> None:
        real(*args)
        raise KeyboardInterrupt  # after every write, before the commit

    monkeypatch.setattr(update, "apply_change", cut_short)
    with pytest.raises(KeyboardInterrupt):
        update.update_compiled(pack, compiled_path(pack, cache), pack_manifest(pack))
    assert files_beside(compiled_path(pack, cache)) == []
    CompiledPack(compiled_path(pack, cache), old_manifest, pack).close()  # the old one, whole


def test_a_damaged_database_is_built_again_not_updated(
    pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load_and_compile(pack)
    with sqlite3.connect(compiled_path(pack)) as db:
        db.execute("UPDATE segments SET rejected = 'not json' WHERE phase = 2")
        db.execute("UPDATE units SET count = 'x'")
    db.close()
    append(pack / "articles" / "a000003.md", " Updated brandnew.")
    assert not update_compiled(pack, compiled_path(pack), pack_manifest(pack))
    assert files_beside(compiled_path(pack)) == []
    done = answer(capsys, "--content", str(pack), "search", "brandnew")
    assert done.returncode == 0 and "a000003" in done.stdout


def bases(database: Path) -> dict[tuple[int, str], int]:
    with sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT section, file, base FROM units").fetchall()
    db.close()
    return {(int(section), str(file)): int(base) for section, file, base in rows}


def test_articles_and_paragraphs_added_move_no_document(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build leaves room after every few units' documents (here after each): articles
    added there and a paragraph added take it, and no other document moves."""
    import aiplan_tui.compiled.spaced as spaced

    monkeypatch.setattr(spaced, "ROOM_EVERY", 1)
    cache = tmp_path / "warm"
    load_and_compile(pack, cache)
    database = compiled_path(pack, cache)
    built = bases(database)
    text = (pack / "articles" / "a000003.md").read_text(encoding="utf-8")
    (pack / "articles" / "a000003b.md").write_text(text + "\nA brandnew one.\n")
    assert update_compiled(pack, database, pack_manifest(pack))
    before = bases(database)
    assert before.items() >= built.items()
    (pack / "articles" / "a000003c.md").write_text(text + "\nA brandnewer one.\n")
    append(pack / "articles" / "a000002.md", "\n\nA paragraph more.")
    assert update_compiled(pack, database, pack_manifest(pack))
    after = bases(database)
    assert after.items() >= before.items()
    assert len(after) == len(before) + 1
    load_and_compile(pack, tmp_path / "cold")
    ours, theirs = open_compiled(pack, cache), open_compiled(pack, tmp_path / "cold")
    assert ours is not None and theirs is not None
    assert picture(ours) == picture(theirs)
    assert ours.search_index().search("brandnewer")
    ours.close()
    theirs.close()


def files_beside(database: Path) -> list[str]:
    """What is in the database's folder but it and its log and log index."""
    ours = {database.name + extra for extra in ("", "-wal", "-shm")}
    return sorted(p.name for p in database.parent.iterdir() if p.name not in ours)


def test_an_update_is_made_in_place(pack: Path, tmp_path: Path) -> None:
    """The database is written where it is (no copy), and its log is emptied after."""
    cache = tmp_path / "warm"
    load_and_compile(pack, cache)
    database = compiled_path(pack, cache)
    inode = database.stat().st_ino
    append(pack / "articles" / "a000003.md", " Updated brandnew.")
    assert update_compiled(pack, database, pack_manifest(pack))
    assert database.stat().st_ino == inode
    assert files_beside(database) == []
    wal = Path(f"{database}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    compiled = open_compiled(pack, cache)
    assert compiled is not None and picture(compiled)["search"]["brandnew"]
    compiled.close()


KILLED = """
import os, sys
from pathlib import Path
import aiplan_tui.compiled.update as update
from aiplan_tui.compiled.manifest import pack_manifest
real = update.apply_change
def killed(*args):
    real(*args)
    os._exit(9)  # every row written, the transaction not committed
update.apply_change = killed
update.update_compiled(Path(sys.argv[1]), Path(sys.argv[2]), pack_manifest(Path(sys.argv[1])))
"""


def test_an_update_killed_leaves_the_old_pack_and_the_next_one_updates_it(
    pack: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "warm"
    load_and_compile(pack, cache)
    database = compiled_path(pack, cache)
    old_manifest = pack_manifest(pack)
    before = open_compiled(pack, cache)
    assert before is not None
    old = picture(before)
    before.close()
    append(pack / "articles" / "a000003.md", " Updated brandnew.")
    done = subprocess.run(
        [sys.executable, "-c", KILLED, str(pack), str(database)], check=False, timeout=120
    )
    assert done.returncode == 9
    again = CompiledPack(database, old_manifest, pack)  # the old one, whole
    assert picture(again) == old
    again.close()
    assert update_compiled(pack, database, pack_manifest(pack))
    after = open_compiled(pack, cache)
    assert after is not None and picture(after)["search"]["brandnew"]
    after.close()


def test_a_build_is_not_renamed_over_a_log_being_read(pack: Path, tmp_path: Path) -> None:
    """A whole build is not renamed over a database whose log a reader still reads (the
    new database would be read with the old one's pages): it is written in place, in one
    transaction, and that reader keeps the old pack."""
    cache = tmp_path / "warm"
    load_and_compile(pack, cache)
    database = compiled_path(pack, cache)
    append(pack / "articles" / "a000003.md", " Updated brandnew.")
    assert update_compiled(pack, database, pack_manifest(pack))
    reader = open_compiled(pack, cache)  # reads the database as updated
    assert reader is not None
    seen = picture(reader)
    append(pack / "articles" / "a000004.md", " Updated brandnewer.")
    assert update_compiled(pack, database, pack_manifest(pack))  # into the log: reader pins it
    (pack / "pack.toml").write_text(
        (pack / "pack.toml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    inode = database.stat().st_ino
    load_and_compile(pack, cache)  # a whole build: not renamed over the log being read
    assert database.stat().st_ino == inode and files_beside(database) == []
    assert picture(reader) == seen
    now = open_compiled(pack, cache)
    assert now is not None and now.search_index().search("brandnewer")
    load_and_compile(pack, tmp_path / "cold")
    cold = open_compiled(pack, tmp_path / "cold")
    assert cold is not None and picture(now) == picture(cold)
    for compiled in (reader, now, cold):
        compiled.close()


def test_the_index_a_build_returns_answers_as_the_stored_one(pack: Path, tmp_path: Path) -> None:
    """The build's own index (documents numbered with room between units) gives what the
    stored one gives, number for number, and what a load gives, in the same order."""
    from aiplan_tui.pack.loader import load_pack
    from aiplan_tui.search.engine import SearchIndex

    _, built = load_and_compile(pack, tmp_path / "cache")
    compiled = open_compiled(pack, tmp_path / "cache")
    assert compiled is not None
    stored, fresh = compiled.search_index(), SearchIndex(load_pack(pack).pack)
    assert built.postings.all_docs() == stored.postings.all_docs()
    for query in QUERIES:
        ours = [(h.id, h.score, h.order, h.doc) for h in built.search(query, None)]
        assert ours == [(h.id, h.score, h.order, h.doc) for h in stored.search(query, None)]
        assert [(h.id, h.score) for h in fresh.search(query, None)] == [i[:2] for i in ours]
    assert built.search("status:accepted") and built.search("status:suggested", None) == []
    compiled.close()


def test_a_word_changed_reads_only_the_postings_that_change(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The article's other words (the common ones hold megabytes of postings in a large
    pack) keep the same documents: their stored rows are not even read."""
    import aiplan_tui.compiled.repost as repost

    cache = tmp_path / "warm"
    load_and_compile(pack, cache)
    read: list[int] = []
    real = repost.int_array

    def counted(blob: bytes) -> Any:
        read.append(len(blob))
        return real(blob)

    monkeypatch.setattr(repost, "int_array", counted)
    append(pack / "articles" / "a000003.md", " Brandnew.")
    assert update_compiled(pack, compiled_path(pack, cache), pack_manifest(pack))
    assert len(read) <= 4  # "brandnew" has no row yet; the paragraph's key rows at most
    monkeypatch.undo()
    incremental_equals_cold(pack, tmp_path / "again", lambda: None)


@pytest.mark.parametrize("change", ["word", "paragraph", "article", "removed", "highlights"])
def test_postings_in_many_chunks_are_updated_as_a_cold_build_has_them(
    change: str, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word's postings are stored in chunks of document numbers (compiled/chunks.py); with
    chunks of 32 numbers every change crosses several (and, with no room in so small a pack,
    moves the documents after it), and the update still equals a build."""
    import aiplan_tui.compiled.chunks as chunks

    monkeypatch.setattr(chunks, "CHUNK_BITS", 5)
    article = pack / "articles" / "a000003.md"
    changes: dict[str, Callable[[], None]] = {
        "word": lambda: append(article, " Brandnew."),
        "paragraph": lambda: append(article, "\n\nA brandnew paragraph of chips."),
        "article": lambda: (pack / "articles" / "a000003b.md").write_text(
            article.read_text(encoding="utf-8") + "\nBrandnew.\n", encoding="utf-8"
        ),
        "removed": lambda: (pack / "highlights" / "a000004.toml").unlink(),
        "highlights": lambda: append(
            pack / "highlights" / "a000001.toml",
            '\n[[quote]]\nid = "q-new"\narticle = "a000001"\n'
            f'exact = "{first_words(pack / "highlights" / "a000001.toml")}"\n',
        ),
    }
    updated_in_place(pack, tmp_path, changes[change])


def first_words(highlights: Path) -> str:
    """The first highlight's exact words (a second highlight of the same words is valid)."""
    for line in highlights.read_text(encoding="utf-8").splitlines():
        if line.startswith("exact = "):
            return line.split('"')[1]
    raise AssertionError("no highlight")
