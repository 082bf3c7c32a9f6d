"""`add` of a PDF, saved and over a loopback address (issue 31): paragraphs that read right
(running headers, footers and page numbers gone, hyphenation at line ends undone, a paragraph
cut by a page break whole, columns in order), each with its page, which search --json, a
citation, quotes, the JSON export and the W3C annotations carry (a card: tests/unit/ui/test_card_page.py); a locked, scanned or damaged PDF is
refused in one line, nothing written. The PDFs are made here (tests/pdf_maker.py)."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from aiplan_tui.pack.loader import load_pack
from in_process import answer as cli
from pdf_maker import Layout, damaged_pdf, locked_pdf, policy_pdf, scanned_pdf

Capsys = pytest.CaptureFixture[str]

PLAN = [
    [
        ["Winning the AI Race"],
        [
            "The plan removes red tape so that private industry can build and deploy",
            "AI systems faster, and it asks every agency to publish a list of the infra-",
            "structure rules that slow the building of data centres.",
        ],
        [
            "Federal procurement will favour models from third-",
            "party developers whose systems pass a third-party evaluation of their",
            "safety, and the plan commits 500 million dollars to that work in",
        ],
    ],
    [
        [
            "the next two years, with the first grants to be made before the end of",
            "the summer.",
        ],
        ["Exports of the full American AI stack will be promoted to allies and partners."],
    ],
    [["Chip export controls will be enforced with location verification."]],
]
"""Three pages: a hyphenated word, a hyphenated compound, a paragraph run on to page 2."""
READ = (
    "The plan removes red tape so that private industry can build and deploy AI systems "
    "faster, and it asks every agency to publish a list of the infrastructure rules that slow "
    "the building of data centres.",
    "Federal procurement will favour models from third-party developers whose systems pass a "
    "third-party evaluation of their safety, and the plan commits 500 million dollars to that "
    "work in the next two years, with the first grants to be made before the end of the "
    "summer.",
    "Exports of the full American AI stack will be promoted to allies and partners.",
    "Chip export controls will be enforced with location verification.",
)


@pytest.fixture
def pack(tmp_path: Path, capsys: Capsys) -> Path:
    root = tmp_path / "mine"
    assert cli(capsys, "init", str(root)).returncode == 0
    return root


def add_pdf(pack: Path, capsys: Capsys, source: str) -> str:
    """`add SOURCE`: the new article's id."""
    done = cli(capsys, "add", source, "--content", str(pack), "--id", "plan")
    assert done.returncode == 0, done.stderr
    assert "Added articles/plan.md: 4 paragraphs, title 'Winning the AI Race'" in done.stdout
    return "plan"


def test_a_pdf_reads_as_its_paragraphs_each_with_its_page(
    pack: Path, capsys: Capsys, tmp_path: Path
) -> None:
    saved = tmp_path / "plan.pdf"
    saved.write_bytes(policy_pdf(PLAN))
    add_pdf(pack, capsys, str(saved))
    article = load_pack(pack).pack.article("plan")
    assert article is not None
    assert article.title == "Winning the AI Race"
    assert article.paragraphs == READ, "no header, footer or page number; words whole"
    assert article.pages == (1, 1, 2, 3), "a paragraph run on keeps the page it starts on"
    text = (pack / "articles" / "plan.md").read_text(encoding="utf-8")
    assert "paged = true" in text and text.count("[page ") == 3


def test_two_columns_are_read_one_after_the_other(
    pack: Path, capsys: Capsys, tmp_path: Path
) -> None:
    left = [[f"Left column paragraph {n} ends here."] for n in range(1, 24)]
    right = [["The right column starts here, after the whole left column."]]
    saved = tmp_path / "columns.pdf"
    last = [["The second page has one column."]]
    pages = [[["Winning the AI Race"], *left, *right], last]
    saved.write_bytes(policy_pdf(pages, Layout(columns=2)))
    assert cli(capsys, "add", str(saved), "--content", str(pack), "--id", "c").returncode == 0
    article = load_pack(pack).pack.article("c")
    assert article is not None
    assert article.paragraphs == (*(p[0] for p in left), right[0][0], last[0][0])


def test_search_json_a_citation_a_card_and_the_export_carry_the_page(
    pack: Path, capsys: Capsys, tmp_path: Path
) -> None:
    saved = tmp_path / "plan.pdf"
    saved.write_bytes(policy_pdf(PLAN))
    add_pdf(pack, capsys, str(saved))
    found = json.loads(cli(capsys, "search", "allies", "--json", "--content", str(pack)).stdout)
    assert [(hit["id"], hit["location"]["page"]) for hit in found] == [("plan:3", 2)]
    (pack / "entities.toml").write_text(
        '[[entity]]\nid = "ann"\nname = "Ann Lee"\nkind = "person"\n', encoding="utf-8"
    )
    (pack / "highlights" / "plan.toml").write_text(
        '[[quote]]\nid = "q-allies"\narticle = "plan"\nspeaker = "ann"\ndirect = false\n'
        'exact = "Exports of the full American AI stack"\n',
        encoding="utf-8",
    )
    cited = cli(capsys, "quotes", "--format", "md", "--content", str(pack))
    assert cited.returncode == 0, cited.stderr
    assert "Winning the AI Race, p. 2, ¶3" in cited.stdout
    listed = json.loads(cli(capsys, "quotes", "--format", "json", "--content", str(pack)).stdout)
    assert [(q["paragraph"], q["page"]) for q in listed] == [(3, 2)]
    exported = json.loads(cli(capsys, "export", "--content", str(pack)).stdout)
    (article,) = exported["articles"]
    assert article["pages"] == [1, 1, 2, 3]
    annotations = cli(capsys, "export", "--format", "annotations", "--content", str(pack))
    (annotation,) = json.loads(annotations.stdout)["first"]["items"]
    selector = annotation["target"]["selector"]
    assert (selector["type"], selector["value"]) == ("FragmentSelector", "page=2")
    assert selector["refinedBy"]["exact"] == "Exports of the full American AI stack"


class Served(http.server.ThreadingHTTPServer):
    """One PDF at /plan.pdf on 127.0.0.1, under the Content-Type given."""

    kind: str
    body: bytes


class Handler(http.server.BaseHTTPRequestHandler):
    server: Served

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", self.server.kind)
        self.send_header("Content-Length", str(len(self.server.body)))
        self.end_headers()
        self.wfile.write(self.server.body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads the pack, not the server's log."""


@pytest.fixture
def server() -> Iterator[Served]:
    served = Served(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=served.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        served.shutdown()
        served.server_close()


@pytest.mark.parametrize("kind", ["application/pdf", "application/octet-stream"])
def test_a_pdf_address_is_read_as_a_saved_pdf(
    pack: Path, capsys: Capsys, server: Served, kind: str
) -> None:
    server.kind, server.body = kind, policy_pdf(PLAN)
    url = f"http://127.0.0.1:{server.server_address[1]}/plan.pdf"
    add_pdf(pack, capsys, url)
    article = load_pack(pack).pack.article("plan")
    assert article is not None
    assert (article.paragraphs, article.pages, article.url) == (READ, (1, 1, 2, 3), url)


@pytest.mark.parametrize(
    ("made", "said"),
    [
        (locked_pdf, "locked with a password: open it with the password"),
        (scanned_pdf, "none of its 2 pages has text to take"),
        (damaged_pdf, "not a PDF that can be read"),
        (lambda: policy_pdf([[], []]), "nothing but running headers, footers and page numbers"),
    ],
)
def test_a_pdf_without_text_to_take_is_refused_in_one_line(
    pack: Path, capsys: Capsys, tmp_path: Path, made: object, said: str
) -> None:
    assert callable(made)
    saved = tmp_path / "plan.pdf"
    saved.write_bytes(made())
    done = cli(capsys, "add", str(saved), "--content", str(pack))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert str(saved) in done.stderr and said in done.stderr
    assert not list((pack / "articles").iterdir()), "nothing written"


def test_a_pdfs_own_text_that_looks_like_a_page_mark_is_kept_as_text(
    pack: Path, capsys: Capsys, tmp_path: Path
) -> None:
    own = ["[page 7] of the annex lists the measures.", "[page 9]"]
    pages = [[["Winning the AI Race"], ["The plan opens here."], [own[0]], [own[1]]]]
    saved = tmp_path / "marks.pdf"
    saved.write_bytes(policy_pdf([*pages, [["Second page text."]]]))
    assert cli(capsys, "add", str(saved), "--content", str(pack), "--id", "m").returncode == 0
    article = load_pack(pack).pack.article("m")
    assert article is not None
    assert article.paragraphs == ("The plan opens here.", *own, "Second page text.")
    assert article.pages == (1, 1, 1, 2)


def test_numbered_headings_at_the_tops_of_a_few_pages_are_text_not_running_headers(
    pack: Path, capsys: Capsys, tmp_path: Path
) -> None:
    headings = ["Recommendation 3", "Recommendation 4", "Chapter 5", "Chapter 6"]
    body = "The body of page {} says what the heading announces."
    pages = [[[heading], [body.format(n)]] for n, heading in enumerate(headings, start=1)]
    saved = tmp_path / "headings.pdf"
    saved.write_bytes(policy_pdf(pages, Layout(top=26.0)))  # in the top tenth of A4
    assert cli(capsys, "add", str(saved), "--content", str(pack), "--id", "h").returncode == 0
    article = load_pack(pack).pack.article("h")
    assert article is not None
    paragraphs = tuple(p for n, h in enumerate(headings, start=1) for p in (h, body.format(n)))
    assert article.paragraphs[-len(paragraphs) + 1 :] == paragraphs[1:], "the header is gone"
    assert set(headings[1:]) <= set(article.paragraphs)
