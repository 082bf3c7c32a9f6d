"""Word forms (issue 17): a plain query word also finds the other forms of itself, the words
with the same English stem, ranked below exact and prefix matches and above typos; `'word`
stays exact. On a small fixed corpus, fresh and from the compiled pack, and on the command."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from aiplan_tui.cli import main as cli_main
from aiplan_tui.compiled.current import compiled_path, load_and_compile, open_compiled
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.search.engine import SearchIndex
from aiplan_tui.search.stems import stem, stems
from aiplan_tui.search.vocabulary import EXACT, FORM, FUZZY_SCALE, PREFIX
from conftest import PackFactory
from in_process import answer

FORMS = """\
+++
title = "Word forms"
outlet = "Forms Wire"
+++

Li warned that monopolies could leave AI innovation to a handful of players.

He cautioned that monopolistic practices could hurt innovation.

Chinese state funds invest in startups.

Investments by venture firms rose sharply.

Export restrictions tightened again.

The policy was announced on Monday.

Policymakers met in Shanghai.

Both policies changed within a year.

The polcy memo was sent twice.
"""

QUERIES = ["monopoly", "monopol", "invest", "investments", "restrict", "restrictions",
           "policy", "'policy", "^policy", "policies !shanghai", "polcy"]  # fmt: skip

BUNDLED_QUERIES = ["monopoly", "li qiang monopoly", "restrictions", "investments", "chip"]


@pytest.fixture
def root(make_pack: PackFactory) -> Path:
    return make_pack({"articles/forms.md": FORMS})


@pytest.fixture
def index(root: Path) -> SearchIndex:
    return SearchIndex(load_pack(root).pack)


def matched(index: SearchIndex, query: str) -> list[tuple[str, list[str]]]:
    """Each hit's id and the words its spans cover, best first."""
    return [
        (hit.id, [hit.text[a:b] for a, b in hit.spans]) for hit in index.search(query, limit=None)
    ]


def test_the_stemmer_gives_one_stem_to_the_forms_of_a_word() -> None:
    assert stem("monopoly") == stem("monopolies") != stem("monopolistic")
    assert stem("invest") == stem("investment") == stem("investments") == stem("investing")
    assert stem("restrict") == stem("restrictions") == stem("restricted")
    assert stems(["2024", "北京", "chips"]) == ["2024", "北京", "chip"]
    assert stem("\udcff") == "\udcff"  # what surrogateescape makes of a stray byte


def test_monopoly_finds_monopolies_but_not_the_other_word_monopolistic(
    index: SearchIndex,
) -> None:
    assert matched(index, "monopoly") == [("forms:1", ["monopolies"])]
    assert {hit for hit, _ in matched(index, "monopol")} == {"forms:1", "forms:2"}
    assert matched(index, "monopolies")[0] == ("forms:1", ["monopolies"])


def test_invest_and_investments_find_each_other(index: SearchIndex) -> None:
    found = dict(matched(index, "invest"))
    assert found["forms:3"] == ["invest"] and found["forms:4"] == ["Investments"]
    assert found["wire:2"] == ["investment"]
    back = dict(matched(index, "investments"))
    assert back["forms:3"] == ["invest"] and back["wire:2"] == ["investment"]


def test_restrict_and_restrictions_find_each_other(index: SearchIndex) -> None:
    assert {"forms:5", "wire:1"} <= {hit for hit, _ in matched(index, "restrict")}
    back = dict(matched(index, "restrictions"))
    assert back["forms:5"] == ["restrictions"] and back["wire:1"] == ["restricted"]


def test_exact_then_prefix_then_form_then_typo(index: SearchIndex) -> None:
    assert FUZZY_SCALE < FORM < PREFIX < EXACT
    hits = index.search("policy", limit=None)
    assert [(h.id, [h.text[a:b] for a, b in h.spans]) for h in hits] == [
        ("forms:6", ["policy"]),
        ("forms:7", ["Policymakers"]),
        ("forms:8", ["policies"]),
        ("forms:9", ["polcy"]),
    ]
    assert hits[0].score > hits[1].score > hits[2].score > hits[3].score


def test_quoted_and_prefix_words_take_no_other_forms(index: SearchIndex) -> None:
    assert [hit for hit, _ in matched(index, "'policy")] == ["forms:6"]
    assert [hit for hit, _ in matched(index, "^policy")] == ["forms:6", "forms:7"]
    assert matched(index, "'monopoly") == []
    assert matched(index, "'restrictions") == [("forms:5", ["restrictions"])]


def test_a_word_of_the_pack_in_another_form_is_no_miss(index: SearchIndex) -> None:
    assert index.suggest("monopoly") == []


@pytest.mark.parametrize("which", ["forms", "bundled"])
def test_the_compiled_pack_finds_the_same_forms(which: str, root: Path, tmp_path: Path) -> None:
    pack_root = root if which == "forms" else bundled_content_dir()
    queries = QUERIES if which == "forms" else BUNDLED_QUERIES
    fresh = SearchIndex(load_pack(pack_root).pack)
    load_and_compile(pack_root, tmp_path)
    compiled = open_compiled(pack_root, tmp_path)
    assert compiled is not None
    warm = compiled.search_index()
    for query in queries:
        ours = [(h.id, h.score, h.field, h.text, h.spans) for h in warm.search(query, None)]
        assert ours == [
            (h.id, h.score, h.field, h.text, h.spans) for h in fresh.search(query, None)
        ]
        assert ours, query
    compiled.close()


@pytest.mark.parametrize("blob", [b"\x01", b"\xff\xff\xff\x7f", b"\xff\xff\xff\xff"])
def test_a_damaged_stem_row_means_a_rebuild_not_a_wrong_answer(
    root: Path, blob: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    """A row whose words are no word numbers (a torn length, past the vocabulary, negative)."""
    argv = ["--content", str(root), "search", "restrictions"]
    assert cli_main.main(argv) == 0
    expected = capsys.readouterr().out
    assert "wire:1" in expected  # by its other form, "restricted"
    with sqlite3.connect(compiled_path(root)) as db:
        db.execute("UPDATE stems SET words = ?", (blob,))
    db.close()
    assert open_compiled(root) is not None  # still current: the damage shows only in use
    assert cli_main.main(argv) == 0
    assert capsys.readouterr().out == expected


def test_the_command_finds_li_qiangs_monopoly_highlight(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for _ in ("cold", "warm"):  # the second answers from the compiled pack
        done = answer(capsys, "search", "monopoly")
        assert done.returncode == 0, done.stderr
        assert "q-li-monopoly" in [line.split("\t")[1] for line in done.stdout.splitlines()]
    assert "q-li-monopoly" in answer(capsys, "search", "li", "qiang", "monopoly").stdout
