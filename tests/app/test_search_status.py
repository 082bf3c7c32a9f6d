"""Suggested highlights (`add`'s, not yet reviewed) are search documents too, but only a
`status:suggested` query finds them: every other query leaves them out, as before. In the
app such a result opens in Review, its cursor on it; on the command line it says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import OptionList

from aiplan_tui.compiled.current import load_and_compile, open_compiled
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.search.engine import SearchIndex
from aiplan_tui.search.pack_docs import build_docs
from aiplan_tui.search.query import parse
from aiplan_tui.ui.screens.review import ReviewScreen
from aiplan_tui.ui.screens.search import SearchScreen
from conftest import PackFactory, make_app, run_cli, until

SUGGESTED = """\
# suggested: a remark reported in indirect speech
[[quote]]
id = "q-restricted"
article = "wire"
status = "suggested"
speaker = "george-chen"
direct = false
exact = "The U.S. restricted chip exports"

# suggested: a date-like phrase
[[event]]
id = "e-china"
article = "wire"
status = "suggested"
date = 2025-07-29
exact = "against $9.3 billion in China"
"""

QUERIES = ["restricted", "chen", "status:suggested", "status:suggested chen", "status:accepted",
           "status:accepted chen", "status:suggested,accepted chen", "status:suggested|accepted",
           "status:suggested status:accepted", "status:suggested kind:event", "billion",
           "restricted thursday", "status:suggested restricted thursday", "!chen restricted"]  # fmt: skip


@pytest.fixture
def root(make_pack: PackFactory) -> Path:
    return make_pack({"highlights/wire-suggested.toml": SUGGESTED})


def ids(index: SearchIndex, query: str) -> set[str]:
    return {hit.id for hit in index.search(query, None)}


def test_without_a_status_filter_no_query_finds_a_suggestion(
    root: Path, make_pack: PackFactory
) -> None:
    pack = load_pack(root).pack
    assert {h.id for h in pack.suggested} == {"q-restricted", "e-china"}
    index = SearchIndex(pack)
    for query in ["restricted", "chen", "billion", "kind:quote", "side:us", "us"]:
        found = ids(index, query)
        assert found and not found & {"q-restricted", "e-china"}, query
    assert "wire:1" in ids(index, "restricted")  # the paragraph holding it still is found
    assert ids(index, "status:accepted chen") == ids(index, "chen")
    assert ids(index, "kind:event") == set()


def test_status_suggested_finds_only_the_suggestions(root: Path) -> None:
    index = SearchIndex(load_pack(root).pack)
    assert ids(index, "status:suggested") == {"q-restricted", "e-china"}
    assert ids(index, "status:suggested chen") == {"q-restricted"}  # a quote by him
    assert ids(index, "status:suggested kind:event") == {"e-china"}
    assert ids(index, "status:suggested,accepted chen") == ids(index, "chen") | {"q-restricted"}
    assert ids(index, "status:suggested status:accepted") == set()  # both at once: none is
    (hit,) = index.search("status:suggested chen")
    assert hit.doc.status == "suggested" and hit.doc.who == "George Chen · paraphrase"
    assert all(hit.doc.status == "" for hit in index.search("chen"))


def test_status_accepted_is_the_default_made_explicit_and_other_values_are_text() -> None:
    assert parse("status:accepted").filters == (("status", "accepted"),)
    assert parse("status:Suggested").filters == (("status", "suggested"),)
    bogus = parse("status:bogus")
    assert bogus.filters == () and bogus.groups  # read as text, as any unknown filter is


def test_suggestions_come_after_every_other_document(root: Path, make_pack: PackFactory) -> None:
    with_them = build_docs(load_pack(root).pack)
    (root / "highlights/wire-suggested.toml").unlink()
    without = build_docs(load_pack(root).pack)
    assert with_them[: len(without)] == without
    assert [d.id for d in with_them[len(without) :]] == ["q-restricted", "e-china"]
    assert all(d.status == "suggested" for d in with_them[len(without) :])


def test_the_compiled_pack_answers_as_a_fresh_load_does(root: Path, tmp_path: Path) -> None:
    fresh = SearchIndex(load_pack(root).pack)
    load_and_compile(root, tmp_path)
    compiled = open_compiled(root, tmp_path)
    assert compiled is not None
    stored = compiled.search_index()

    def results(index: SearchIndex) -> list[object]:
        return [
            [(h.id, h.score, h.field, h.spans, h.matched, h.doc) for h in index.search(q, None)]
            for q in QUERIES
        ]

    assert results(stored) == results(fresh)
    assert ids(stored, "status:suggested") == {"q-restricted", "e-china"}
    used = sorted(stored.postings.all_docs())  # numbered in reading order, with room between
    assert [stored.docs[n] for n in used] == list(fresh.docs)


def test_the_command_line_finds_them_with_status_suggested_and_says_so(root: Path) -> None:
    for _ in ("cold", "warm"):  # the second answers from the compiled pack
        done = run_cli("search", "status:suggested", "--content", str(root), "--json")
        assert done.returncode == 0, done.stderr
        hits = json.loads(done.stdout)
        assert [(h["id"], h["status"]) for h in hits] == [
            ("q-restricted", "suggested"),
            ("e-china", "suggested"),
        ]
        plain = json.loads(run_cli("search", "chen", "--content", str(root), "--json").stdout)
        assert plain and all(h["status"] == "" for h in plain)
    assert (
        run_cli("search", "status:suggested", "kind:fact", "--content", str(root)).returncode == 1
    )


async def test_opening_a_suggestion_goes_to_review_with_the_cursor_on_it(root: Path) -> None:
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.search.index is not None, "the search index")
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        app.screen.query_one("Input").value = "status:suggested kind:event"  # type: ignore[attr-defined]
        screen = app.screen
        await until(pilot, lambda: screen.shown_query == "status:suggested kind:event", "results")
        prompt = str(screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "suggested" in prompt and "in China" in prompt
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review screen")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await until(pilot, lambda: review.current() is not None, "the list")
        current = review.current()
        assert current is not None and current.id == "e-china"  # the second, not the first
