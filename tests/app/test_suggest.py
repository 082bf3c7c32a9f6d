"""No dead ends: a search that finds nothing offers the pack's closest word, only a close one
that is in the pack, and from the compiled pack as from a fresh index."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiplan_tui.compiled.current import load_and_compile, open_compiled
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.search.engine import SearchIndex
from aiplan_tui.search.hits import no_results
from conftest import make_app
from test_search_screen import count, put_query, type_query, wait_for_index


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(load_pack(bundled_content_dir()).pack)


def test_a_word_in_no_document_is_offered_the_closest_in_the_pack(index: SearchIndex) -> None:
    assert not index.search("monopoyl")
    assert index.suggest("monopoyl") == [("monopoyl", "monopolies")]
    assert index.suggest("li monopoyl") == [("monopoyl", "monopolies")]  # li is in the pack
    assert index.suggest("nvda") == [("nvda", "nvidia")]
    assert index.suggest('"two campz"') == [("campz", "camp")]  # a phrase's missing word
    assert index.suggest("^monopoyl kind:quote") == [("monopoyl", "monopolies")]


def test_only_close_words_of_the_pack_are_offered(index: SearchIndex) -> None:
    assert index.suggest("zzzzqqqq") == []  # nothing close: nothing offered
    assert index.suggest("xqz") == []  # too short to tell a typo from another word
    assert index.suggest('trump "monopolies"') == []  # every word is there: nothing to fix
    assert index.suggest("monopoyl | li") == []  # the other side of the | is in the pack
    assert index.suggest("monopoyl nvda") == [("monopoyl", "monopolies"), ("nvda", "nvidia")]
    assert index.suggest("monopoly") == []  # it finds "monopolies", another form of it
    for query in ["monopoyl", "nvda", "monopoyl nvda", '"two campz"', "'monopoly"]:
        assert index.suggest(query), query
        for typed, offered in index.suggest(query):
            assert offered in index.vocabulary.ids, (query, offered)
            assert typed not in index.vocabulary.ids
            assert offered != typed
            assert index.search(offered)


def test_the_message_names_the_query_and_the_offer() -> None:
    assert no_results("monopoyl", [("monopoyl", "monopolies")]) == (
        "no results for 'monopoyl'; did you mean monopolies?"
    )
    assert no_results("zzzz", []) == "no results for 'zzzz'"
    assert no_results("monopoyl chipz", [("monopoyl", "monopolies"), ("chipz", "chips")]) == (
        "no results for 'monopoyl chipz'; did you mean monopolies (for monopoyl) "
        "and chips (for chipz)?"
    )
    assert len(no_results("x" * 10_000, [])) < 100  # a huge query is not echoed whole


def test_the_compiled_pack_offers_the_same(index: SearchIndex, tmp_path: Path) -> None:
    root = bundled_content_dir()
    load_and_compile(root, tmp_path)
    compiled = open_compiled(root, tmp_path)
    assert compiled is not None
    try:
        stored = compiled.search_index()
        for query in ["monopoyl", "li monopoyl", "nvda", "zzzzqqqq", '"two campz"']:
            assert stored.suggest(query) == index.suggest(query), query
    finally:
        compiled.close()


async def test_the_app_says_none_and_offers_a_word() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("slash")
        await type_query(pilot, app, "monopoyl")
        assert count(app) == "No results for 'monopoyl'; did you mean monopolies?"
        await put_query(pilot, app, "zzzzqqqq [b]")
        assert count(app) == "No results for 'zzzzqqqq [b]'"  # typed text is not markup
        await put_query(pilot, app, "monopolies")
        assert count(app) == "3 results"
