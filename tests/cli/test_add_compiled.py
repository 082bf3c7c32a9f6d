"""`add` answers what it needs of the pack from its compiled pack's stored rows (issue 34):
not by loading the pack nor by reading every stored object, and the same as from the pack
loaded whole."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from aiplan_tui.authoring.adding import LoadedKnown, ids_taken
from aiplan_tui.compiled.current import load_and_compile, open_compiled
from aiplan_tui.compiled.known import StoredKnown
from aiplan_tui.pack.loader import load_pack
from in_process import answer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import pack_gen

BROKEN = '[[quote]]\nid = "q-in-a-broken-file"\narticle = "a000002"\nexact = "unclosed\n'
REJECTED = (
    '\n[[quote]]\nid = "q-not-in-its-article"\narticle = "a000001"\nexact = "no such words"\n'
)


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    pack_gen.generate(root, 600)
    (root / "highlights" / "broken.toml").write_text(BROKEN, encoding="utf-8")
    with (root / "highlights" / "a000001.toml").open("a", encoding="utf-8") as file:
        file.write(REJECTED)
    article = root / "articles" / "a000003.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("+++\n", '+++\nurl = "https://example.org/three"\n', 1))
    return root


def test_what_add_knows_from_stored_rows_is_what_it_knows_from_the_pack(pack: Path) -> None:
    load_and_compile(pack)
    compiled = open_compiled(pack)
    assert compiled is not None
    whole = load_pack(pack).pack
    stored, loaded = StoredKnown(compiled), LoadedKnown(whole)
    assert stored.article_ids() == loaded.article_ids()
    assert stored.entities() == loaded.entities()
    taken, theirs = ids_taken(stored, pack), ids_taken(loaded, pack)
    probes = {h.id for h in (*whole.highlights, *whole.suggested)} | {"q-none", "q-a000001"}
    probes |= {"q-in-a-broken-file", "q-not-in-its-article"}
    assert {i for i in probes if i in taken} == {i for i in probes if i in theirs}
    assert {"q-in-a-broken-file", "q-not-in-its-article", "q-a000001-0"} <= probes
    assert all(i in taken for i in ("q-in-a-broken-file", "q-not-in-its-article", "q-a000001-0"))
    assert "q-none" not in taken
    three = whole.articles[3]
    probes = [
        (three.paragraphs, ""),
        (tuple(p.upper() + "  " for p in three.paragraphs), ""),  # spaces and case aside
        (("Nothing like it.",), "https://example.org/three/"),  # the same address
        (("Nothing like it.",), "https://example.org/other"),
        ((), ""),
    ]
    for paragraphs, url in probes:
        assert stored.same_article(paragraphs, url) == loaded.same_article(paragraphs, url)
    assert stored.same_article(three.paragraphs, "") == "a000003"
    assert stored.same_article((), "https://example.org/three") == "a000003"
    compiled.close()


def test_add_reads_no_article_nor_highlight_of_a_current_compiled_pack(
    pack: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Neither the loader nor the compiled pack's whole rows: what add asks is answered by
    the stored ids, keys and people; it still refuses an article the pack has."""
    import aiplan_tui.compiled.store as store
    import aiplan_tui.pack.loader as loader

    load_and_compile(pack)

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("read the whole pack")

    monkeypatch.setattr(loader, "load_pack", refused)
    monkeypatch.setattr(store.CompiledPack, "load_result", refused)
    source = tmp_path / "again.md"
    source.write_text((pack / "articles" / "a000003.md").read_text(encoding="utf-8"))
    done = answer(capsys, "--content", str(pack), "add", str(source), "--id", "again")
    assert done.returncode == 2 and "already in the pack as articles/a000003.md" in done.stderr
    source.write_text("A brandnew article.\n\nLi Qiang said it was new.\n", encoding="utf-8")
    done = answer(capsys, "--content", str(pack), "add", str(source), "--title", "New one")
    assert done.returncode == 0, done.stderr
    assert (pack / "articles" / "new-one.md").is_file()
