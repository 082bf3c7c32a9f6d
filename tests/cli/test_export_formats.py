"""`aiplan-tui export --format csl-json | ris | bibtex | annotations` (issue 32): read back by
the published CSL-JSON schema, a RIS reader (rispy) and a BibTeX parser (bibtexparser), and
the annotations' selectors found in their articles; for the bundled pack and for a pack made
with `init` and `add`."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Any

import bibtexparser
import jsonschema
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from aiplan_tui.authoring.review import ReviewError, accept
from aiplan_tui.core.model import Pack
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from conftest import PackFactory
from fault_server import fault_server
from in_process import answer

Capsys = pytest.CaptureFixture[str]
SCHEMA = json.loads(
    (Path(__file__).parents[1] / "data" / "csl" / "csl-data.json").read_text(encoding="utf-8")
)
PAGE = Path(__file__).parents[1] / "data" / "pages" / "news-page.html"
PAGE_URL = "https://ledger.example/tech/chip-talks-resume"
BUNDLED = load_pack(bundled_content_dir()).pack


def exported(capsys: Capsys, fmt: str, *more: str) -> str:
    done = answer(capsys, "export", "--format", fmt, *more)
    assert done.returncode == 0, done.stderr
    return done.stdout


def csl(capsys: Capsys, *more: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(exported(capsys, "csl-json", *more))
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    jsonschema.Draft7Validator(SCHEMA).validate(items)  # raises, naming the field, if not
    return items


def bib_entries(text: str, decode: bool = False) -> dict[str, dict[str, str]]:
    middleware = [LatexDecodingMiddleware()] if decode else []
    library = bibtexparser.parse_string(text, append_middleware=middleware)
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    return {e.key: {f.key: f.value for f in e.fields} | {"@": e.entry_type}
            for e in library.entries}  # fmt: skip


def selectors_found(annotations: dict[str, Any], pack: Pack) -> list[dict[str, Any]]:
    """Every annotation's quote selector, checked: its prefix, words and suffix stand together
    in its article's paragraph, and its words are where the pack anchors them."""
    assert annotations["@context"] == "http://www.w3.org/ns/anno.jsonld"
    items: list[dict[str, Any]] = annotations["first"]["items"]
    assert annotations["total"] == len(items)
    for item in items:
        assert item["type"] == "Annotation" and item["id"].startswith("urn:aiplan-tui:")
        highlight = pack.highlight(item["id"].rpartition(":")[2])
        assert highlight is not None
        article = pack.article(highlight.article)
        assert article is not None
        selector = item["target"]["selector"]
        assert selector["type"] == "TextQuoteSelector" and selector["exact"] == highlight.exact
        paragraph = article.paragraphs[highlight.location.paragraph]
        whole = selector["prefix"] + selector["exact"] + selector["suffix"]
        assert whole in paragraph
        assert paragraph.index(whole) + len(selector["prefix"]) == highlight.location.start
        assert len(selector["prefix"]) == min(32, highlight.location.start)
        assert len(selector["suffix"]) == min(32, len(paragraph) - highlight.location.end)
        described = item["body"][0]
        assert described["type"] == "TextualBody" and described["purpose"] == "describing"
        assert described["value"].startswith(f"kind: {highlight.kind}")
    return items


def test_the_bundled_pack_as_csl_json_is_valid_and_invents_nothing(capsys: Capsys) -> None:
    items = csl(capsys)
    assert [item["id"] for item in items] == [a.id for a in BUNDLED.articles]
    cnbc, waic = items
    assert cnbc == {
        "id": "cnbc-tech-race",
        "type": "article-newspaper",
        "title": "China releases AI action plan days after the U.S. as global tech race heats up",
        "container-title": "CNBC",
    }  # neither seed gives an author, a date or an address: none is made up
    assert waic["type"] == "article" and "container-title" not in waic
    assert waic["title"].startswith("[At WAIC") and "editors" in waic["note"]


def test_the_bundled_pack_as_ris_and_bibtex_reads_back(capsys: Capsys) -> None:
    records = rispy.loads(exported(capsys, "ris"))
    assert [r["id"] for r in records] == [a.id for a in BUNDLED.articles]
    assert records[0]["type_of_reference"] == "NEWS"
    assert records[0]["secondary_title"] == "CNBC" and "authors" not in records[0]
    entries = bib_entries(exported(capsys, "bibtex"), decode=True)
    assert list(entries) == [a.id for a in BUNDLED.articles]
    assert entries["cnbc-tech-race"] == {
        "@": "article",
        "title": BUNDLED.articles[0].title,
        "journal": "CNBC",
    }
    assert entries["waic-governance"]["@"] == "misc"


def test_the_bundled_pack_as_annotations_one_per_highlight(capsys: Capsys) -> None:
    items = selectors_found(json.loads(exported(capsys, "annotations")), BUNDLED)
    assert len(items) == len(BUNDLED.highlights)
    chen = next(i for i in items if i["id"].endswith(":q-chen-two-camps"))
    assert chen["body"][0]["value"].split("\n")[:3] == [
        "kind: quote",
        "speaker: George Chen, Partner at the Asia Group and co-chair of the digital practice",
        "words: direct",
    ]
    tags = [body["value"] for body in chen["body"][1:]]
    assert tags[:2] == ["quote", "direct"] and all(
        b["purpose"] == "tagging" for b in chen["body"][1:]
    )
    # The seeds give no address: the target names the article in this pack, not a guess.
    assert chen["target"]["source"] == "urn:aiplan-tui:aiplan-2025:article:cnbc-tech-race"


def test_article_narrows_every_format_and_an_unknown_one_is_a_usage_error(
    capsys: Capsys,
) -> None:
    assert [i["id"] for i in csl(capsys, "--article", "waic-governance")] == ["waic-governance"]
    one = json.loads(exported(capsys, "annotations", "--article", "waic-governance"))
    assert one["total"] == sum(h.article == "waic-governance" for h in BUNDLED.highlights)
    whole = json.loads(exported(capsys, "json", "--article", "cnbc-tech-race"))
    assert [a["id"] for a in whole["articles"]] == ["cnbc-tech-race"]
    assert {h["article"] for h in whole["highlights"]} == {"cnbc-tech-race"}
    assert len(whole["entities"]) == len(BUNDLED.entities)
    wrong = answer(capsys, "export", "--format", "ris", "--article", "nope")
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr == (
        "aiplan-tui export: no article 'nope'; articles: cnbc-tech-race, waic-governance\n"
    )


@pytest.fixture
def added_pack(tmp_path: Path, capsys: Capsys) -> Pack:
    """A pack made as a user makes one: `init`, `add` of a saved page, its suggestions
    accepted as Review accepts them (a quotation without a speaker stays suggested)."""
    root = tmp_path / "mine"
    assert answer(capsys, "init", str(root)).returncode == 0
    done = answer(capsys, "add", str(PAGE), "--content", str(root), "--url", PAGE_URL)
    assert done.returncode == 0, done.stderr
    for highlight in load_pack(root).pack.suggested:
        with contextlib.suppress(ReviewError):
            accept(highlight.source.path, highlight.id)
    pack = load_pack(root).pack
    assert pack.highlights, "some suggestions were accepted"
    return pack


def test_a_pack_made_with_add_exports_everything_the_page_gave(
    added_pack: Pack, capsys: Capsys
) -> None:
    root = ["--content", str(added_pack.root)]
    (item,) = csl(capsys, *root)
    assert item["type"] == "article-newspaper" and item["container-title"] == "The Example Ledger"
    assert item["author"] == [{"family": "Whitfield", "given": "Dana"}]
    assert item["issued"] == {"date-parts": [[2025, 7, 30]]} and item["URL"] == PAGE_URL
    assert "accessed" not in item  # added from a saved file: never read from its address
    (record,) = rispy.loads(exported(capsys, "ris", *root))
    assert record["authors"] == ["Whitfield, Dana"] and record["urls"] == [PAGE_URL]
    assert record["year"] == "2025" and record["date"] == "2025/07/30/"
    assert record["secondary_title"] == "The Example Ledger"
    (entry,) = bib_entries(exported(capsys, "bibtex", *root)).values()
    assert entry["author"] == "Whitfield, Dana" and entry["url"] == PAGE_URL
    assert (entry["year"], entry["month"], entry["date"]) == ("2025", "7", "2025-07-30")
    items = selectors_found(json.loads(exported(capsys, "annotations", *root)), added_pack)
    assert len(items) == len(added_pack.highlights)
    assert {i["target"]["source"] for i in items} == {PAGE_URL}


HOSTILE = """\
+++
title = "Chips & {braces}: 50% of $5_bn ~ ^ \\\\ \\u001b[31m"
outlet = "Wire #1"
author = "Reuters Staff; Ana Ruiz de la Vega and Li Wei"
url = "https://example.com/a b{c}"
sides = ["us", "china"]
+++

The U.S. restricted chip exports. China said the two camps are now being formed.

Private AI investment reached $109.1 billion in the U.S., against $9.3 billion in China.
"""


def test_text_that_means_something_to_latex_or_ris_stays_text(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    root = ["--content", str(make_pack({"articles/wire.md": HOSTILE}))]
    (item,) = csl(capsys, *root)
    title = "Chips & {braces}: 50% of $5_bn ~ ^ \\ [31m"
    assert item["title"] == title  # the escape's ESC is dropped, the rest is text
    assert item["author"] == [
        {"literal": "Reuters Staff"},  # a newsroom's byline, not a Mr Staff
        {"literal": "Ana Ruiz de la Vega"},
        {"family": "Wei", "given": "Li"},
    ]
    (entry,) = bib_entries(exported(capsys, "bibtex", *root), decode=True).values()
    # (pylatexenc reads LaTeX's \textasciicircum as the modifier letter ˆ: LaTeX prints ^)
    assert entry["title"].replace("ˆ", "^") == title and entry["journal"] == "Wire #1"
    raw = next(iter(bib_entries(exported(capsys, "bibtex", *root)).values()))
    assert raw["url"] == "https://example.com/a%20b%7Bc%7D"
    assert raw["author"] == "{Reuters Staff} and {Ana Ruiz de la Vega} and Wei, Li"
    (record,) = rispy.loads(exported(capsys, "ris", *root))
    assert record["title"] == title and len(record["authors"]) == 3


def test_a_page_read_from_its_address_is_cited_with_the_day_it_was_read(
    tmp_path: Path, capsys: Capsys
) -> None:
    """`add URL` records `accessed` (the day it fetched the page); a reference gives it as
    CSL's accessed, RIS's Y2 and BibTeX's urldate. A file or a pasted text has none."""
    root = tmp_path / "mine"
    assert answer(capsys, "init", str(root)).returncode == 0
    with fault_server() as server:
        before = dt.date.today()
        done = answer(capsys, "add", f"{server}/news", "--content", str(root))
        days = {before, dt.date.today()}  # (one, unless midnight passed meanwhile)
    assert done.returncode == 0, done.stderr
    front = next((root / "articles").glob("*.md")).read_text(encoding="utf-8")
    (today,) = [day for day in days if f"\naccessed = {day.isoformat()}\n" in front]
    content = ["--content", str(root)]
    (item,) = csl(capsys, *content)
    assert item["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
    assert item["URL"] == f"{server}/news"
    (record,) = rispy.loads(exported(capsys, "ris", *content))
    assert record["access_date"] == today.strftime("%Y/%m/%d/")
    (entry,) = bib_entries(exported(capsys, "bibtex", *content)).values()
    assert entry["urldate"] == today.isoformat()


def test_accessed_must_be_a_date(make_pack: PackFactory, capsys: Capsys) -> None:
    bad = HOSTILE.replace('url = "https', 'accessed = "yesterday"\nurl = "https')
    done = answer(capsys, "check", str(make_pack({"articles/wire.md": bad})))
    assert done.returncode != 0 and "accessed" in done.stdout + done.stderr
