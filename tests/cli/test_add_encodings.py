"""`add` of a page in a legacy encoding (issue 31): the page's bytes are read as a browser
reads them (a BOM, then the server's charset, then UTF-8 if the bytes are valid UTF-8, then
the page's own `<meta>`, then a guess from the bytes), saved to a file or fetched from a
loopback server alike; a text file that is not UTF-8 is refused with a message saying what to
do, never read as mojibake; a Chinese headline gives a readable id (its pinyin), never a bare
year."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from aiplan_tui.pack.loader import load_pack
from in_process import answer as cli

Capsys = pytest.CaptureFixture[str]

SIMPLIFIED = (
    "2025年人工智能行动计划在上海发布",
    "七月下旬，在上海举行的一次大会上，主办方公布了一份关于人工智能治理的行动计划，"
    "呼吁各国在安全、标准和人才培养方面加强合作。",
    "计划提出，发展中国家应当平等参与规则制定，并建议成立新的合作组织，协调各方的研究项目。",
)
TRADITIONAL = (
    "2025年人工智慧行動計畫在上海發布",
    "七月下旬，在上海舉行的一次大會上，主辦方公布了一份關於人工智慧治理的行動計畫，"
    "呼籲各國在安全、標準和人才培養方面加強合作。",
    "計畫提出，發展中國家應當平等參與規則制定，並建議成立新的合作組織，協調各方的研究項目。",
)
WESTERN = (
    "Café owners in Nantes weigh July’s two AI plans",
    "On a warm evening in July, the owners of a café near the river said the two plans “read "
    "like maps of different countries” — one drawn in Washington, one in Shanghai.",
    "Neither plan, they added, says much about the small firms that will follow both; the "
    "chamber’s économiste agreed, over a crème brûlée.",
)
PAGES = {
    "gbk": SIMPLIFIED,
    "gb18030": SIMPLIFIED,
    "big5": TRADITIONAL,
    "windows-1252": WESTERN,
}


def page(words: tuple[str, ...], meta: str = "") -> str:
    """A news page: the headline in <title> and <h1>, two paragraphs in <article>."""
    title, *paragraphs = words
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article></body></html>"
    )


def charset_meta(label: str) -> str:
    return f'<meta charset="{label}">'


def http_equiv_meta(label: str) -> str:
    return f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'


class Pages(http.server.ThreadingHTTPServer):
    """Each path's Content-Type and bytes, served on 127.0.0.1."""

    served: dict[str, tuple[str, bytes]]


class Handler(http.server.BaseHTTPRequestHandler):
    server: Pages

    def do_GET(self) -> None:
        kind, body = self.server.served[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads the pack, not the server's log."""


@pytest.fixture
def server() -> Iterator[Pages]:
    pages = Pages(("127.0.0.1", 0), Handler)
    pages.served = {}
    thread = threading.Thread(target=pages.serve_forever, daemon=True)
    thread.start()
    try:
        yield pages
    finally:
        pages.shutdown()
        pages.server_close()
        thread.join()


def serve(server: Pages, path: str, kind: str, body: bytes) -> str:
    server.served[path] = (kind, body)
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


@pytest.fixture
def pack(tmp_path: Path, capsys: Capsys) -> Path:
    root = tmp_path / "mine"
    assert cli(capsys, "init", str(root)).returncode == 0
    return root


def added(pack: Path, capsys: Capsys, source: str) -> tuple[str, str, list[str]]:
    """`add SOURCE` into the pack: the new article's id, and its title and paragraphs as read
    back from the article file written."""
    before = {p.stem for p in (pack / "articles").glob("*.md")}
    done = cli(capsys, "add", source, "--content", str(pack))
    assert done.returncode == 0, done.stderr
    (made,) = {p.stem for p in (pack / "articles").glob("*.md")} - before
    text = (pack / "articles" / f"{made}.md").read_text(encoding="utf-8")
    article = load_pack(pack).pack.article(made)
    assert article is not None
    assert all(p in text for p in article.paragraphs), "the file holds the words read"
    return made, article.title, list(article.paragraphs)


@pytest.mark.parametrize("label", list(PAGES))
@pytest.mark.parametrize("declared", [charset_meta, http_equiv_meta])
def test_a_saved_page_is_read_in_the_charset_its_meta_gives(
    pack: Path, capsys: Capsys, tmp_path: Path, label: str, declared: Callable[[str], str]
) -> None:
    words = PAGES[label]
    saved = tmp_path / "saved.html"
    saved.write_bytes(page(words, declared(label)).encode(label))
    _, title, paragraphs = added(pack, capsys, str(saved))
    assert (title, paragraphs) == (words[0], list(words[1:]))


@pytest.mark.parametrize("label", list(PAGES))
def test_a_fetched_page_is_read_in_the_charset_its_meta_gives(
    pack: Path, capsys: Capsys, server: Pages, label: str
) -> None:
    words = PAGES[label]
    url = serve(server, "/news", "text/html", page(words, charset_meta(label)).encode(label))
    _, title, paragraphs = added(pack, capsys, url)
    assert (title, paragraphs) == (words[0], list(words[1:]))


def test_the_servers_charset_wins_over_the_pages_meta(
    pack: Path, capsys: Capsys, server: Pages
) -> None:
    """As in a browser: the page says Latin-1 (wrongly), the server says GBK (rightly)."""
    body = page(SIMPLIFIED, charset_meta("iso-8859-1")).encode("gbk")
    url = serve(server, "/news", "text/html; charset=GBK", body)
    _, title, paragraphs = added(pack, capsys, url)
    assert (title, paragraphs) == (SIMPLIFIED[0], list(SIMPLIFIED[1:]))


def test_a_servers_charset_the_bytes_break_is_not_believed(
    pack: Path, capsys: Capsys, server: Pages
) -> None:
    """A server that calls every page UTF-8 sends a GBK page that says so in its <meta>."""
    body = page(SIMPLIFIED, http_equiv_meta("gb2312")).encode("gbk")
    url = serve(server, "/news", "text/html; charset=utf-8", body)
    _, title, paragraphs = added(pack, capsys, url)
    assert (title, paragraphs) == (SIMPLIFIED[0], list(SIMPLIFIED[1:]))


def test_a_page_resaved_as_utf8_is_read_as_utf8_whatever_its_meta_still_says(
    pack: Path, capsys: Capsys, tmp_path: Path
) -> None:
    """Valid UTF-8 with Chinese in it is not GBK text: the <meta> is left over."""
    saved = tmp_path / "saved.html"
    saved.write_bytes(page(SIMPLIFIED, charset_meta("gb2312")).encode("utf-8"))
    _, title, paragraphs = added(pack, capsys, str(saved))
    assert (title, paragraphs) == (SIMPLIFIED[0], list(SIMPLIFIED[1:]))


@pytest.mark.parametrize("label", ["gbk", "big5"])
def test_a_page_that_declares_nothing_is_read_from_its_bytes(
    pack: Path, capsys: Capsys, tmp_path: Path, label: str
) -> None:
    words = PAGES[label]
    saved = tmp_path / "saved.htm"
    saved.write_bytes(page(words).encode(label))
    _, title, paragraphs = added(pack, capsys, str(saved))
    assert (title, paragraphs) == (words[0], list(words[1:]))


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_text_file_not_in_utf8_is_refused_saying_what_to_do(
    pack: Path, capsys: Capsys, tmp_path: Path, suffix: str
) -> None:
    text = tmp_path / f"plan{suffix}"
    text.write_bytes("\n\n".join(SIMPLIFIED).encode("gbk"))
    done = cli(capsys, "add", str(text), "--content", str(pack))
    assert done.returncode == 1
    assert str(text) in done.stderr and "not UTF-8" in done.stderr, done.stderr
    assert "iconv" in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert not list((pack / "articles").iterdir()), "nothing written"


def test_a_text_file_with_a_utf16_bom_is_read(pack: Path, capsys: Capsys, tmp_path: Path) -> None:
    """As Windows Notepad saves "Unicode" text."""
    text = tmp_path / "plan.txt"
    text.write_bytes("\n\n".join(SIMPLIFIED).encode("utf-16"))
    _, title, paragraphs = added(pack, capsys, str(text))
    assert (title, paragraphs) == (SIMPLIFIED[0], list(SIMPLIFIED[1:]))


def test_a_plain_text_page_is_read_in_its_charset_or_refused(
    pack: Path, capsys: Capsys, server: Pages
) -> None:
    body = "\n\n".join(SIMPLIFIED).encode("gbk")
    given = serve(server, "/given", "text/plain; charset=gbk", body)
    _, title, paragraphs = added(pack, capsys, given)
    assert (title, paragraphs) == (SIMPLIFIED[0], list(SIMPLIFIED[1:]))
    unsaid = serve(server, "/unsaid", "text/plain", body)
    done = cli(capsys, "add", unsaid, "--content", str(pack))
    assert done.returncode == 1, "never read as mojibake"
    assert unsaid in done.stderr and "not UTF-8" in done.stderr, done.stderr


def test_a_chinese_headline_gives_readable_ids(
    pack: Path, capsys: Capsys, tmp_path: Path, server: Pages
) -> None:
    """Two articles under the same headline: the pinyin of its words, then the same with -2;
    a fetched one reads the same way."""
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("\n\n".join(SIMPLIFIED), encoding="utf-8")
    second.write_text(
        "\n\n".join((SIMPLIFIED[0], "另一篇报道的正文，内容不同。")), encoding="utf-8"
    )
    made = [added(pack, capsys, str(path))[0] for path in (first, second)]
    base = "2025-nian-ren-gong-zhi-neng-xing-dong-ji-hua-zai"
    assert made == [base, f"{base}-2"]
    url = serve(
        server, "/news", "text/html", page(TRADITIONAL, charset_meta("big5")).encode("big5")
    )
    assert added(pack, capsys, url)[0] == "2025-nian-ren-gong-zhi-hui-xing-dong-ji-hua-zai"
