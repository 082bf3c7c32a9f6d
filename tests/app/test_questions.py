"""Questions in plain words: the words a question is made of are left out of a query that has
others, and when no document holds every word, those holding the most are offered, each saying
which words it lacks. On a small fixed corpus, in the engine, the command and the app."""

from __future__ import annotations

from pathlib import Path

from aiplan_tui.pack.loader import load_pack
from aiplan_tui.search.engine import SearchIndex
from aiplan_tui.search.query import parse
from aiplan_tui.ui.screens.search import SearchScreen
from conftest import PackFactory, make_app, run_cli, until

ARTICLE = """\
+++
title = "Talks"
+++

Schmidt met Chen Jining in Shanghai on Thursday.

Negotiators met again in Stockholm.

The plan runs to 28 pages.
"""


def index(make_pack: PackFactory) -> tuple[SearchIndex, Path]:
    root = make_pack({"articles/talks.md": ARTICLE})
    return SearchIndex(load_pack(root).pack), root


def test_question_words_are_left_out_when_other_words_remain() -> None:
    assert [t.text for (t,) in parse("how much did china invest").groups] == ["china", "invest"]
    assert [t.text for (t,) in parse("who").groups] == ["who"], "alone, a word is looked for"
    assert [(t.text, t.mode) for (t,) in parse("'the plan").groups] == [
        ("the", "exact"), ("plan", "fuzzy")
    ]  # fmt: skip


def test_a_question_finds_its_answer_through_its_other_words(make_pack: PackFactory) -> None:
    search, _ = index(make_pack)
    hits = search.search("who met schmidt in shanghai")
    assert hits[0].id == "talks:1" and hits[0].missing == ()


def test_with_no_document_holding_every_word_those_holding_most_come_first(
    make_pack: PackFactory,
) -> None:
    search, _ = index(make_pack)
    hits = search.search("where did negotiators meet in stockholm on thursday")
    assert hits, "before: no results, as no paragraph holds all three"
    assert (hits[0].id, hits[0].missing) == ("talks:2", ("thursday",))
    assert all(len(h.missing) > 1 for h in hits[1:]), "those lacking more come after"
    assert not search.search('"negotiators thursday"'), "a phrase asks for its words together"
    excluding = search.search("negotiators thursday !stockholm")
    assert "talks:2" not in {h.id for h in excluding}, "exclusions still hold"
    assert not search.search("negotiators thursday kind:quote"), "filters still hold"
    assert not search.search("negotiators zanzibar"), "a word in no document: a typo, not this"


def test_the_command_says_on_stderr_what_the_results_lack(make_pack: PackFactory) -> None:
    _, root = index(make_pack)
    done = run_cli("search", "negotiators", "stockholm", "thursday", "--content", str(root))
    assert done.returncode == 0 and done.stdout.startswith("paragraph\ttalks:2\t")
    assert done.stderr == "aiplan-tui search: no result has every word; the best lack: thursday\n"


async def test_the_search_screen_says_what_the_results_lack(make_pack: PackFactory) -> None:
    _, root = index(make_pack)
    app = make_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.search.index is not None, "the index")
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"stockholm thursday")
        count = app.screen.query_one("#search-count")
        await until(pilot, lambda: "lack" in str(count.render()), "the count line")
        hits = app.screen.hits
        assert str(count.render()) == (
            f"{len(hits)} results · no result has every word; the best lack: "
            + ", ".join(hits[0].missing)
        )
