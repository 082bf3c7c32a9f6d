"""An article's text and what its source says about it, from a text or Markdown file, a saved
web page, a PDF, an address, or standard input. Paragraphs keep their words, quotes, apostrophes and
dashes exactly; nothing the source does not give is filled in."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from aiplan_tui.authoring.charset import page_text, plain_text
from aiplan_tui.core.interruptible import read_to_end

TITLE_WORDS = 12
"""An article with no headline gets its first words as the editors' title."""
HEADLINE_MAX = 200
"""A first line longer than this is a paragraph, not a headline."""
LONGEST_ARTICLE = 1_000_000
"""The most characters of text `add` takes: a long news article has under 50,000. Suggesting
highlights takes time in step with the text: for this many, the whole `add` about 3 CPU
seconds (tests/benchmarks/suggest_speed.py; docs/performance.md)."""
LARGEST_SOURCE = 5 * 1024 * 1024
"""The most bytes read from a file or standard input (as from an address: fetch.MAX_BYTES)."""
LARGEST_PDF = 50 * 1024 * 1024
"""A PDF's pictures and fonts make it far larger than its text (as fetched: fetch.MAX_PDF_BYTES)."""
WAITING = "Paste or type the article, then Ctrl-D on a line of its own; Ctrl-C cancels"
"""What `add -` says on a terminal before it waits for the article."""


class SourceError(Exception):
    """Why the source cannot be read (a message naming it and what to do)."""


@dataclass(frozen=True)
class SourceText:
    """The article as read: its paragraphs, a title, and the source's own metadata."""

    title: str
    paragraphs: tuple[str, ...]
    title_source: Literal["article", "editors"] = "article"
    outlet: str = ""
    author: str = ""
    published: dt.date | None = None
    url: str = ""
    accessed: dt.date | None = None
    """The day the page was fetched from `url` (never for a file or standard input)."""
    pages: tuple[int, ...] = ()
    """The page each paragraph starts on, from 1, for a source with pages (a PDF); else ()."""


def from_text(text: str, markdown: bool = False) -> SourceText:
    """Paragraphs from plain text: separated by blank lines, or one per line when the text has
    no blank line (as many saved articles are). A short first paragraph with no closing
    full stop (or a Markdown `# heading`) is the headline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    blocks = re.split(r"\n[ \t]*\n", text) if re.search(r"\n[ \t]*\n", text) else text.split("\n")
    paragraphs = [" ".join(line.strip() for line in block.split("\n")).strip() for block in blocks]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise SourceError("there is no text in it")
    first = paragraphs[0]
    heading = markdown and first.startswith("#")
    if heading:
        first = first.lstrip("#").strip()
    if len(paragraphs) > 1 and (heading or _looks_like_headline(first)):
        return SourceText(first, tuple(paragraphs[1:]))
    return SourceText(_first_words(paragraphs[0]), tuple(paragraphs), title_source="editors")


def _looks_like_headline(line: str) -> bool:
    return len(line) <= HEADLINE_MAX and not line.rstrip().endswith((".", ":", ";", ","))


def _first_words(paragraph: str) -> str:
    words = paragraph.split()
    cut = " ".join(words[:TITLE_WORDS])
    return cut if len(words) <= TITLE_WORDS else f"{cut.rstrip(',;:')}…"


def from_html(html: str | bytes, url: str = "") -> SourceText:
    """The main text and metadata of a news page, without menus, banners, ads, captions or
    related links (trafilatura, imported only here). Bytes are a page that declares no
    charset: trafilatura guesses it from them (authoring/charset.py)."""
    import trafilatura

    found: Any = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False,
        include_tables=False, include_images=False, favor_precision=True,
        # the page's own date metadata only: no guess from its text or its address
        date_extraction_params={"original_date": True, "extensive_search": False},
    )  # fmt: skip
    if found is None:
        raise SourceError("no article text was found in the page")
    data = found if isinstance(found, dict) else found.as_dict()
    body = str(data.get("text") or "")
    paragraphs = tuple(p.strip() for p in body.split("\n") if p.strip())
    if not paragraphs:
        raise SourceError("no article text was found in the page")
    title = " ".join(str(data.get("title") or "").split())
    if title and len(paragraphs) > 1 and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline, repeated as the body's first line
    read = (
        SourceText(title, paragraphs)
        if title
        else SourceText(_first_words(paragraphs[0]), paragraphs, title_source="editors")
    )
    return replace(
        read,
        outlet=" ".join(str(data.get("sitename") or "").split()),
        author=" ".join(str(data.get("author") or "").split()),
        published=_date(data.get("date")),
        url=url or str(data.get("url") or ""),
    )


def _date(value: object) -> dt.date | None:
    """Only a full date the page gives: "2025-07-26"; anything else is not given."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def from_pdf(data: bytes) -> SourceText:
    """The text of a PDF's pages (authoring/pdf.py), each paragraph with its page; its title
    from the PDF's metadata, else its first paragraph when that is a headline."""
    from aiplan_tui.authoring.pdf import PdfError, read_pdf

    try:
        read = read_pdf(data)
    except PdfError as exc:
        raise SourceError(str(exc)) from exc
    paragraphs, pages = read.paragraphs, read.pages
    title = read.title
    if len(paragraphs) > 1 and (
        _same(paragraphs[0], title) or (not title and _looks_like_headline(paragraphs[0]))
    ):
        title, paragraphs, pages = paragraphs[0], paragraphs[1:], pages[1:]
    if not title:
        return SourceText(_first_words(paragraphs[0]), paragraphs, "editors", pages=pages)
    return SourceText(title, paragraphs, pages=pages)


def _same(one: str, other: str) -> bool:
    return bool(other) and one.casefold().split() == other.casefold().split()


def read_source(source: str, stdin_text: str | None = None) -> SourceText:
    """SOURCE as `add` takes it: `-`, an http(s) address, or a .txt, .md, .html, .pdf file; refused
    when its text is longer than LONGEST_ARTICLE."""
    read = _read(source, stdin_text)
    length = sum(len(p) for p in read.paragraphs)
    if length > LONGEST_ARTICLE:
        where = "standard input" if source == "-" else source
        raise SourceError(
            f"{where}: {length:,} characters of text, more than the {LONGEST_ARTICLE:,} add "
            "takes (an article is far shorter): give just the article"
        )
    return read


def _read(source: str, stdin_text: str | None) -> SourceText:
    if source == "-":
        return _named("standard input", lambda: from_text(stdin_text or ""))
    if re.match(r"https?://", source, re.IGNORECASE):
        from aiplan_tui.authoring.fetch import FetchError, fetch_page

        try:
            page = fetch_page(source)
        except FetchError as exc:
            raise SourceError(str(exc)) from exc
        if page.pdf:
            read = replace(_named(source, lambda: from_pdf(page.data)), url=source)
        elif not page.html:
            try:
                text = plain_text(page.data, page.charset)
            except UnicodeDecodeError as exc:
                raise SourceError(_not_utf8(source, exc, fetched=True)) from exc
            read = replace(_named(source, lambda: from_text(text)), url=source)
        else:
            html = page_text(page.data, page.charset)
            read = _named(source, lambda: from_html(html, url=source))
        return replace(read, accessed=dt.date.today())  # the day it was read, for citations
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".md", ".html", ".htm", ".pdf"):
        raise SourceError(
            f"{source}: give a .txt, .md, .html or .pdf file, an http(s):// address, or - for "
            "standard input"
        )
    if not path.is_file():
        raise SourceError(f"{source}: no such file")
    largest = LARGEST_PDF if suffix == ".pdf" else LARGEST_SOURCE
    try:
        with path.open("rb") as file:
            data = file.read(largest + 1)
    except OSError as exc:
        raise SourceError(f"{source}: cannot read it ({exc.strerror or exc})") from exc
    if len(data) > largest:
        raise SourceError(f"{source}: {_too_large(largest)}")
    if suffix == ".pdf":
        return _named(source, lambda: from_pdf(data))
    if suffix in (".html", ".htm"):
        return _named(source, lambda: from_html(page_text(data)))
    try:
        text = plain_text(data)
    except UnicodeDecodeError as exc:
        raise SourceError(_not_utf8(source, exc)) from exc
    return _named(source, lambda: from_text(text, markdown=suffix == ".md"))


def _not_utf8(source: str, exc: UnicodeDecodeError, fetched: bool = False) -> str:
    """Why a text in another encoding is refused, and how to convert it (a guess at a
    short text's encoding can be wrong, and a wrong one is mojibake)."""
    name = "page.txt" if fetched else Path(source).name
    command = f"iconv -f GB18030 -t UTF-8 {shlex.quote(name)} > utf8-{shlex.quote(name)}"
    save = f"save it as {name}, " if fetched else ""
    return (
        f"{source}: not UTF-8 text (byte {exc.start}), and nothing says its encoding: {save}"
        f"convert it to UTF-8 and give that (for Chinese in GBK: {command})"
    )


def _named(where: str, read: Callable[[], SourceText]) -> SourceText:
    """What `read` makes of the text; its SourceError names where the text came from."""
    try:
        return read()
    except SourceError as exc:
        raise SourceError(f"{where}: {exc}") from exc


def _too_large(largest: int = LARGEST_SOURCE) -> str:
    return (
        f"larger than {largest // (1024 * 1024)} MB (an article is far shorter): "
        "give just the article"
    )


def read_standard_input() -> str:
    """The article from standard input for `add -`: on a terminal, after saying what is
    awaited (on standard error); a SourceError saying what to do when standard input is
    closed, unreadable, too large or not UTF-8 text. Ctrl-C stays a KeyboardInterrupt."""
    stream = sys.stdin
    pipe_it = "pipe the article in (aiplan-tui add - < article.txt) or give its file"
    if stream is None:
        raise SourceError(f"standard input is closed: {pipe_it}")
    try:
        if stream.isatty():
            print(WAITING, file=sys.stderr, flush=True)
            data = read_to_end(stream.fileno(), LARGEST_SOURCE)  # Ctrl-C ends it at any time
        else:
            data = stream.buffer.read(LARGEST_SOURCE + 1)
    except (OSError, ValueError) as exc:  # ValueError: a closed stream
        why = getattr(exc, "strerror", None) or exc
        raise SourceError(f"standard input cannot be read ({why}): {pipe_it}") from exc
    if len(data) > LARGEST_SOURCE:
        raise SourceError(f"standard input is {_too_large()}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"standard input is not UTF-8 text (byte {exc.start}): convert it to UTF-8 "
            "(iconv -t UTF-8) or save the article as a UTF-8 .txt file and give that"
        ) from exc
