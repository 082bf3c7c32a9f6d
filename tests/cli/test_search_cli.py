"""`aiplan-tui search` as an analyst types it: unquoted words, mistakes told plainly, one
paragraph numbering for people and an index for scripts."""

from __future__ import annotations

import json

import pytest

from aiplan_tui.search.kinds import KINDS
from in_process import answer as run

Capsys = pytest.CaptureFixture[str]

EMPTY = (
    "aiplan-tui search: the query is empty; give words to look for, "
    "e.g. aiplan-tui search two camps\n"
)


def test_the_words_are_one_query_without_quotes(capsys: Capsys) -> None:
    unquoted = run(capsys, "search", "li", "monopolies")
    assert unquoted.returncode == 0, unquoted.stderr
    assert unquoted.stdout == run(capsys, "search", "li monopolies").stdout
    assert "q-li-monopoly" in unquoted.stdout
    assert run(capsys, "search", "--kind", "quote", "li", "monopolies").stdout.startswith("quote\t")


def test_an_unknown_kind_is_a_usage_error_that_lists_the_kinds(capsys: Capsys) -> None:
    done = run(capsys, "search", "camps", "--kind", "bogus")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        "aiplan-tui search: unknown kind 'bogus'; kinds: quote, fact, position, event, "
        "paragraph, entity, compare, article\n"
    )
    assert all(kind in done.stderr for kind in KINDS)
    assert run(capsys, "search", "camps", "--kind", "quote,bogus").returncode == 2


@pytest.mark.parametrize("words", [[""], ["   "], [" ", "\t"]])
def test_an_empty_query_is_a_usage_error_that_says_so(words: list[str], capsys: Capsys) -> None:
    done = run(capsys, "search", *words)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", EMPTY)


def test_people_count_paragraphs_from_1_and_json_also_gives_the_index(capsys: Capsys) -> None:
    hits = json.loads(run(capsys, "search", "two camps", "--kind", "quote", "--json").stdout)
    quote = next(hit for hit in hits if hit["id"] == "q-chen-two-camps")
    assert quote["location"]["paragraph"] == 4  # paragraphs[4] of the article, as in export
    assert quote["location"]["number"] == 5  # ¶5, as shown
    export = json.loads(run(capsys, "export").stdout)
    article = next(a for a in export["articles"] if a["id"] == quote["article"])
    where = quote["location"]
    paragraph = article["paragraphs"][where["paragraph"]]
    assert paragraph[where["start"] : where["end"]] == quote["text"]
    piped = run(capsys, "search", "two camps", "--kind", "quote").stdout.splitlines()
    row = next(line.split("\t") for line in piped if line.split("\t")[1] == "q-chen-two-camps")
    assert row[4] == "5"


def test_no_results_say_so_on_stderr_with_a_word_from_the_pack(capsys: Capsys) -> None:
    for _ in ("cold", "warm"):  # the second answers from the compiled pack
        done = run(capsys, "search", "monopoyl")
        assert (done.returncode, done.stdout) == (1, "")
        assert done.stderr == (
            "aiplan-tui search: no results for 'monopoyl'; did you mean monopolies?\n"
        )
    as_json = run(capsys, "search", "li", "monopoyl", "--json")
    assert (as_json.returncode, json.loads(as_json.stdout)) == (1, [])
    assert as_json.stderr.endswith("did you mean monopolies?\n")
    nothing_close = run(capsys, "search", "zzzzqqqq")
    assert (nothing_close.returncode, nothing_close.stdout) == (1, "")
    assert nothing_close.stderr == "aiplan-tui search: no results for 'zzzzqqqq'\n"


def test_a_result_matched_in_another_field_still_shows_its_own_words(capsys: Capsys) -> None:
    """Matched in the speaker, George Chen's three quotations are told apart by their words:
    piped, the `field` and `shown` columns follow `who`; in JSON, `shown` and `shown_spans`."""
    piped = run(capsys, "search", "george", "chen", "--kind", "quote").stdout.splitlines()
    rows = [line.split("\t") for line in piped]
    assert [(row[5], row[7]) for row in rows] == [("George Chen", "speaker")] * 3
    assert rows[0][8] == "The two camps are now being formed"
    assert len({row[8] for row in rows}) == 3
    figures = json.loads(run(capsys, "search", "private AI investment 2024", "--json").stdout)
    assert [(hit["id"], hit["field"]) for hit in figures[:2]] == [
        ("f-us-private-2024", "figure"),
        ("f-china-private-2024", "figure"),
    ]
    china = figures[1]
    assert china["shown"] == "Private AI investment: $9.3 bn (2024) — “China’s $9.3 billion”"
    assert [china["shown"][a:b] for a, b in china["shown_spans"]] == [
        "Private", "AI", "investment", "2024",
    ]  # fmt: skip
