"""Chinese in the index and in queries (issue 31): a run of CJK characters is its overlapping
pairs, for the text indexed and the query alike, and a query's run must stand whole in the
text; English words around it keep their own rules."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiplan_tui.compiled.current import load_and_compile, open_compiled
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.search.cjk import has_cjk, pairs, phrase_pattern, spans, terms
from aiplan_tui.search.engine import SearchIndex
from aiplan_tui.search.folding import WORD, fold_plain, words
from aiplan_tui.search.query import Term, parse
from conftest import PackFactory

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


def test_a_run_becomes_its_overlapping_pairs_and_a_lone_character_itself() -> None:
    assert pairs("合作组织") == ["合作", "作组", "组织"]
    assert pairs("治理") == ["治理"]
    assert pairs("中") == ["中"]
    assert words("建议成立合作组织。") == ["建议", "议成", "成立", "立合", "合作", "作组", "组织"]
    assert words("中 美") == ["中", "美"]


def test_numbers_and_english_words_next_to_chinese_are_their_own_terms() -> None:
    assert words("投入约6000亿元，AI治理") == [
        "投入", "入约", "6000", "亿元", "ai", "治理",
    ]  # fmt: skip
    assert words("二〇二五年七月") == ["二〇", "〇二", "二五", "五年", "年七", "七月"]


def test_full_width_digits_and_compatibility_ideographs_fold_first() -> None:
    assert words("６０００亿元") == ["6000", "亿元"]
    assert words("\uf900") == words("\u8c48")  # a compatibility form of 豈


def test_korean_keeps_its_spaced_words() -> None:
    assert not has_cjk(fold_plain("인공지능 계획"))
    assert len(words("인공지능 계획")) == 2


def test_each_term_has_its_place_in_the_folded_text() -> None:
    text = "ai治理：全球合作"
    assert [(word, text[a:b]) for word, a, b in spans(text)] == [
        ("ai", "ai"), ("治理", "治理"), ("全球", "全球"), ("球合", "球合"), ("合作", "合作"),
    ]  # fmt: skip


@given(st.text(alphabet=string.printable + "éüß’—", max_size=60))
def test_text_without_cjk_splits_as_before(text: str) -> None:
    folded = fold_plain(text)
    assert terms(folded) == WORD.findall(folded)
    assert [word for word, _, _ in spans(folded)] == WORD.findall(folded)


@given(st.text(alphabet=HAN, min_size=2, max_size=12), st.data())
def test_any_piece_of_a_run_has_all_its_pairs_in_the_run(run: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(run) - 2))
    end = data.draw(st.integers(start + 2, len(run)))
    assert set(terms(run[start:end])) <= set(terms(run))
    assert phrase_pattern(run[start:end]).search("前" + run + "后") is not None


def test_a_query_word_with_cjk_is_a_phrase_of_its_pairs() -> None:
    query = parse("AI 治理 6000亿元 ^gov")
    assert [term for (term,) in query.groups] == [
        Term("ai"), Term("治理", "phrase"), Term("6000亿元", "phrase"), Term("gov", "prefix"),
    ]  # fmt: skip


def test_phrase_patterns_let_cjk_touch_anything_but_keep_english_words_whole() -> None:
    assert phrase_pattern("ai治理").search("推动ai 治理") is not None
    assert phrase_pattern("6000亿元").search("约16000亿元") is not None  # the index tells
    assert phrase_pattern("ai").search("aide") is None
    assert phrase_pattern("人工智能 治理").search("人工智能治理") is not None
    assert phrase_pattern("two camps").search("two camps") is not None


PARAGRAPHS = (
    "各方建议成立一个国际合作组织，共同推进全球治理。",
    "中期目标是在五年内投入6000亿元建设算力。",
    "组织合作的方式仍有争议。",
    "AI governance needs rules, 治理需要规则。",
)


ARTICLE = '+++\ntitle = "两份计划"\noutlet = "Wire"\n+++\n\n' + "\n\n".join(PARAGRAPHS) + "\n"


@pytest.fixture
def root(make_pack: PackFactory) -> Path:
    return make_pack({"articles/plans.md": ARTICLE})


@pytest.fixture
def index(root: Path) -> SearchIndex:
    return SearchIndex(load_pack(root).pack)


def found(index: SearchIndex, query: str) -> list[tuple[str, str]]:
    """(id, highlighted characters) of each paragraph hit."""
    return [
        (hit.id, "|".join(hit.text[a:b] for a, b in hit.spans))
        for hit in index.search(query, None)
        if hit.kind == "paragraph"
    ]


def test_a_run_is_found_whole_and_in_order_only(index: SearchIndex) -> None:
    assert found(index, "合作组织") == [("plans:1", "合作组织")]
    assert found(index, "组织合作") == [("plans:3", "组织合作")]
    assert found(index, "合作") == [("plans:1", "合作"), ("plans:3", "合作")]
    assert found(index, "织合作组") == []


def test_a_lone_character_is_found_wherever_it_stands(index: SearchIndex) -> None:
    assert [hit for hit, _ in found(index, "中")] == ["plans:2"]
    assert [hit for hit, _ in found(index, "治")] == ["plans:1", "plans:4"]


def test_mixed_queries_exclusions_and_quoted_phrases(index: SearchIndex) -> None:
    assert found(index, "governance 治理") == [("plans:4", "governance|治理")]
    assert found(index, "治理 !governance") == [("plans:1", "治理")]
    assert found(index, '"推进全球治理"') == [("plans:1", "推进全球治理")]
    assert found(index, "6000亿元") == [("plans:2", "6000亿元")]


def test_a_missing_run_offers_no_correction(index: SearchIndex) -> None:
    assert index.suggest("合作协议") == []
    assert index.search("合作协议") == []


def test_the_compiled_pack_answers_as_the_fresh_index(
    root: Path, index: SearchIndex, tmp_path: Path
) -> None:
    load_and_compile(root, tmp_path)
    compiled = open_compiled(root, tmp_path)
    assert compiled is not None
    stored = compiled.search_index()
    for query in (
        "合作组织",
        "合作",
        "中",
        "治",
        "6000亿元",
        "governance 治理",
        "治理 !governance",
    ):
        ours = [(h.id, h.score, h.field, h.spans) for h in stored.search(query, None)]
        assert ours == [(h.id, h.score, h.field, h.spans) for h in index.search(query, None)]
        assert ours, query
    compiled.close()


def test_when_no_result_has_every_word_a_chinese_word_counts_as_one(index: SearchIndex) -> None:
    hits = [hit for hit in index.search("governance 合作组织", None) if hit.kind == "paragraph"]
    assert {(hit.id, hit.missing) for hit in hits} == {
        ("plans:1", ("governance",)),
        ("plans:4", ("合作组织",)),
    }
    assert index.search('governance "合作 组织"') == []  # a quoted phrase still holds
