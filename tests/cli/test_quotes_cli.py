"""`aiplan-tui quotes`: every quotation in reading order with speaker, role, direct or
a paraphrase, article and paragraph, as a table, Markdown, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest
from markdown_it import MarkdownIt

from aiplan_tui.cli.main import main
from aiplan_tui.core.model import Quote
from aiplan_tui.core.reading import ReadingOrder
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir

PACK = load_pack(bundled_content_dir()).pack
QUOTES = [q for q in ReadingOrder(PACK, {"quote"}).items if isinstance(q, Quote)]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["quotes", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_lists_every_quotation_in_reading_order(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--format", "json")
    rows = json.loads(out)
    assert status == 0 and [r["id"] for r in rows] == [q.id for q in QUOTES]
    first = rows[0]
    quote = QUOTES[0]
    assert first["text"] == quote.exact and first["paragraph"] == quote.location.paragraph + 1
    assert first["kind"] == ("direct" if quote.direct else "paraphrase")
    assert first["speaker"]["id"] == quote.speaker and first["speaker"]["name"]


def test_csv_is_one_header_and_a_row_per_quotation(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--format", "csv")
    assert status == 0 and "\r\n" in out
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["id", "speaker", "role", "kind", "article", "title", "outlet", "author",
                       "published", "url", "paragraph", "text"]  # fmt: skip
    assert [row[0] for row in rows[1:]] == [q.id for q in QUOTES]
    assert all(row[11] == q.exact for row, q in zip(rows[1:], QUOTES, strict=True))
    cnbc = next(row for row in rows[1:] if row[4] == "cnbc-tech-race")
    assert cnbc[6:10] == ["CNBC", "", "", ""]  # never invented


def test_markdown_is_a_list_with_a_citation_for_each(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--format", "md", "--speaker", "chen")
    tokens = MarkdownIt().parse(out)
    items = [t for t in tokens if t.type == "list_item_open"]
    chen = [q for q in QUOTES if q.speaker == "george-chen"]
    assert status == 0 and len(items) == len(chen) == 3
    html = MarkdownIt().render(out)
    assert html.count("<strong>George Chen") == 3 and "¶5" in html
    assert "“The two camps are now being formed”" in html
    assert "<em>(paraphrase)</em>" in html  # the paraphrase is not put in quotation marks


def test_a_speaker_is_found_by_name_alias_or_id_allowing_a_typo(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("George Chen", "george-chen", "goerge chen"):
        status, out, _ = run(capsys, "--format", "json", "--speaker", name)
        assert status == 0 and {r["speaker"]["id"] for r in json.loads(out)} == {"george-chen"}


def test_direct_only_and_one_article(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--format", "json", "--direct")
    assert status == 0 and [r["id"] for r in json.loads(out)] == [q.id for q in QUOTES if q.direct]
    status, out, _ = run(capsys, "--format", "json", "--article", "waic-governance")
    assert all(r["article"]["id"] == "waic-governance" for r in json.loads(out))


def test_exit_status_none_found_and_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = run(capsys, "--article", "waic-governance", "--direct")
    assert status == (0 if any(q.direct and q.article == "waic-governance" for q in QUOTES) else 1)
    status, _, err = run(capsys, "--speaker", "zzqx")
    assert status == 2 and "no speaker matches 'zzqx'; close names:" in err
    status, _, err = run(capsys, "--article", "nope")
    assert status == 2 and "cnbc-tech-race" in err
