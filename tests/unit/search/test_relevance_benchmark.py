"""The judged query set is well formed and the relevance benchmark computes its metrics right.

The engine's scores on the set are a benchmark (`tests/benchmarks/relevance.py`), not asserted
here: the set is not something to tune against one query at a time (issue 17)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.search.pack_docs import build_docs
from conftest import REPO

sys.path.insert(0, str(REPO / "tests" / "benchmarks"))

import relevance  # a script beside the benchmarks, not a package


def test_the_judged_set_has_at_least_40_queries_of_every_kind() -> None:
    judged = relevance.load_judged()
    assert len(judged) >= 40
    assert {j.kind for j in judged} == set(relevance.KINDS)
    assert len({j.query for j in judged}) == len(judged), "a query is judged twice"


def test_every_expected_id_is_a_search_document_of_the_bundled_pack() -> None:
    result = load_pack(bundled_content_dir())
    assert not [p for p in result.problems.items if p.severity == "error"]
    ids = {doc.id for doc in build_docs(result.pack)}
    unknown = [(j.query, e) for j in relevance.load_judged() for e in j.expect if e not in ids]
    assert not unknown


def test_a_malformed_entry_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "judged.toml"
    bad.write_text('[[query]]\nquery = "li"\nkind = "guess"\nexpect = ["li-qiang"]\nwhy = "x"\n')
    with pytest.raises(ValueError, match="unknown kind"):
        relevance.load_judged(bad)
    bad.write_text('[[query]]\nquery = "li"\nkind = "name"\nexpect = []\nwhy = "x"\n')
    with pytest.raises(ValueError, match="expect"):
        relevance.load_judged(bad)


def test_recall_at_5_counts_any_expected_id_in_the_top_5() -> None:
    ranked = ["a", "b", "c", "d", "e", "f"]
    assert relevance.recall_at(ranked, ["e"]) == 1.0
    assert relevance.recall_at(ranked, ["f"]) == 0.0  # sixth: outside the top 5
    assert relevance.recall_at(ranked, ["x", "c"]) == 1.0
    assert relevance.recall_at([], ["a"]) == 0.0
    # `all`: the share of the expected ids in the top 5
    assert relevance.recall_at(ranked, ["a", "f"], every=True) == 0.5
    assert relevance.recall_at(ranked, ["a", "b"], every=True) == 1.0


def test_reciprocal_rank_is_that_of_the_first_expected_id_found_within_10() -> None:
    ranked = [str(n) for n in range(1, 13)]
    assert relevance.reciprocal_rank(ranked, ["1"]) == 1.0
    assert relevance.reciprocal_rank(ranked, ["4", "2"]) == 0.5  # "2" comes first
    assert relevance.reciprocal_rank(ranked, ["10"]) == 0.1
    assert relevance.reciprocal_rank(ranked, ["11"]) == 0.0  # beyond the 10 looked at
    assert relevance.reciprocal_rank(ranked, ["x"]) == 0.0


def test_scores_average_over_queries() -> None:
    judged = [
        relevance.Judged("q1", "name", ("a", "b"), "why"),  # b at rank 2, a (best) at 3
        relevance.Judged("q2", "typo", ("z",), "why"),  # not found
        relevance.Judged("q3", "figure", ("c", "d"), "why", all=True),  # c first, d at 6
    ]
    ranked = [["x", "b", "a"], ["x", "y"], ["c", "1", "2", "3", "4", "d"]]
    scores = relevance.score(judged, ranked)
    assert scores.recall == pytest.approx((1 + 0 + 0.5) / 3)
    assert scores.mrr == pytest.approx((1 / 2 + 0 + 1) / 3)
    assert scores.mrr_best == pytest.approx((1 / 3 + 0 + 1) / 3)
    assert scores.count == 3


def test_baselines_get_the_plain_words_of_a_query() -> None:
    assert relevance.plain_words("speaker:li governance") == ["li", "governance"]
    assert relevance.plain_words('"two camps"') == ["two", "camps"]
    assert relevance.plain_words("chips !nvidia") == ["chips"]
    assert relevance.plain_words("'nvidia ^monopol ment$ a | b") == [
        "nvidia",
        "monopol",
        "ment",
        "a",
        "b",
    ]
    assert relevance.plain_words("$109.1 billion") == ["$109.1", "billion"]
    assert relevance.plain_words("nokind:x") == ["nokind:x"]  # not a filter: a word
