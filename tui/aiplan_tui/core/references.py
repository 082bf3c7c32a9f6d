"""A pack's articles as references: one CSL-JSON item per article, saying only what the article
gives (Zotero, pandoc and Zettlr read CSL-JSON; RIS and BibTeX are written from these items in
`reference_formats`). No Textual.

Nothing is invented: an article without an outlet has no `container-title`, one without a date
no `issued`, one whose address is not http(s) no `URL`, one not read from its address (a file,
a pasted text) no `accessed`. A title the pack's editors wrote (the source has none) is in
square brackets, as citation styles mark a supplied title, with a note saying so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from aiplan_tui.core.model import Article
from aiplan_tui.core.safe_text import clean_line

_WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)
"""The only addresses a reference gives: a reference manager or citeproc makes the URL a link,
so a `javascript:` or `file:` address in an untrusted pack is left out, not passed on."""
EDITORS_TITLE = "Title supplied by the pack's editors: the source has no headline."

CslItem = dict[str, Any]
"""One CSL-JSON item: `id`, `type`, `title` and what else the article gives."""

_SEVERAL = re.compile(r"\s*(?:;|&|\band\b)\s*")
"""Between two authors of a byline: "A. Writer and B. Reporter", "A; B", "A & B"."""
_NAME_WORD = re.compile(r"[A-ZÀ-ÞĀ-Ž][\w.'’-]*\Z")
"""A word of a plain personal name: capitalised (initials and hyphens allowed)."""
_NEWSROOM_WORDS = frozenset(
    {"agency", "board", "bureau", "correspondents", "desk", "editorial", "editors", "news"}
    | {"newsroom", "press", "reporters", "service", "staff", "team", "wire", "writers"}
)
"""Words that make a byline a newsroom's ("Reuters Staff", "Associated Press"), not a person's."""


def article_type(article: Article) -> str:
    """A news article when an outlet publishes it; otherwise CSL's generic article."""
    return "article-newspaper" if article.outlet else "article"


def csl_item(article: Article) -> CslItem:
    """The article's CSL-JSON item, its fields in CSL's names."""
    item: CslItem = {
        "id": article.id,
        "type": article_type(article),
        "title": clean_line(article.title),
    }
    if article.title_source == "editors":
        item["title"] = f"[{item['title']}]"
        item["note"] = EDITORS_TITLE
    if article.outlet:
        item["container-title"] = clean_line(article.outlet)
    if article.author:
        item["author"] = names(article.author)
    if article.published:
        item["issued"] = _date(article.published)
    url = clean_line(article.url).strip()
    if _WEB_ADDRESS.match(url):
        item["URL"] = url
    if article.accessed:
        item["accessed"] = _date(article.accessed)
    return item


def _date(day: dt.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_items(articles: Sequence[Article]) -> list[CslItem]:
    return [csl_item(article) for article in articles]


def names(byline: str) -> list[dict[str, str]]:
    """Each author of a byline as CSL names it: "Family, Given" and a plain "Given Family"
    (two or three capitalised words, none a newsroom's such as "Staff" or "Press") split into
    the two, anything else kept whole as a `literal` (an agency, a desk, a name whose parts
    cannot be told apart safely)."""
    found = []
    for part in _SEVERAL.split(clean_line(byline)):
        name = " ".join(part.split()).strip(" ,")
        if name:
            found.append(_name(name))
    return found


def _name(name: str) -> dict[str, str]:
    if name.count(",") == 1:
        family, given = (piece.strip() for piece in name.split(","))
        if family and given:
            return {"family": family, "given": given}
    words = name.split(" ")
    personal = not any(word.lower() in _NEWSROOM_WORDS for word in words)
    if personal and 2 <= len(words) <= 3 and all(_NAME_WORD.match(word) for word in words):
        return {"family": words[-1], "given": " ".join(words[:-1])}
    return {"literal": name}


def name_text(name: dict[str, str]) -> str:
    """A CSL name as reference files write one: "Family, Given", or the literal name."""
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {name['given']}"
