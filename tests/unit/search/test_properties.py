"""Properties the other suites state by example: the loader on any well-formed TOML, the
sanitizer, search spans and anchoring, each over generated input."""

from __future__ import annotations

import datetime as dt
import math
import re
import tempfile
from pathlib import Path
from typing import Any

import tomli
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from aiplan_tui.core.safe_text import clean, clean_line
from aiplan_tui.pack.anchors import find_all
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.search.engine import SearchIndex
from aiplan_tui.search.folding import fold_plain, words
from conftest import MINI_PACK, PACK_TOML

QUICK = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)  # fmt: skip

# A tiny TOML writer (the project only reads TOML) ------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and every control character escaped."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else toml_string(key)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    assert isinstance(value, dict)
    pairs = (f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items())
    return "{" + ", ".join(pairs) + "}"


def toml_document(tables: dict[str, list[dict[str, Any]]]) -> str:
    """`[[name]]` tables, each key on its own line."""
    lines = []
    for name, entries in tables.items():
        for entry in entries:
            lines.append(f"[[{toml_key(name)}]]")
            lines.extend(f"{toml_key(k)} = {toml_value(v)}" for k, v in entry.items())
            lines.append("")
    return "\n".join(lines)


# Pack-like TOML -----------------------------------------------------------------------------

SCALARS = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
)
PLAUSIBLE = st.sampled_from(
    [
        "q-camps", "f-us", "wire", "memo", "george-chen", "us", "china", "chips", "nope",
        "bad id", "", "the two camps are now being formed", "$9.3 billion", "China", "USD",
    ]
)  # fmt: skip
VALUES = st.one_of(
    PLAUSIBLE,
    SCALARS,
    st.lists(st.one_of(PLAUSIBLE, SCALARS), max_size=3),
    st.dictionaries(st.sampled_from(["id", "a"]), SCALARS, max_size=2),
)
KEYS = st.sampled_from(
    [
        "id", "article", "exact", "prefix", "suffix", "speaker", "direct", "metric", "value",
        "unit", "usd", "sides", "dimensions", "side", "date", "note", "tags", "name", "kind",
        "label", "title", "summary", "highlights", "dimension", "aliases", "spaeker", "x y",
    ]
)  # fmt: skip
TABLES = st.dictionaries(
    st.sampled_from(["quote", "fact", "position", "event", "entity", "cell", "side", "qoute"]),
    st.lists(st.dictionaries(KEYS, VALUES, max_size=8), min_size=1, max_size=3),
    min_size=1,
    max_size=3,
)


@QUICK
@given(
    file=st.sampled_from(
        ["highlights/gen.toml", "highlights/wire.toml", "entities.toml", "comparison.toml"]
    ),
    tables=TABLES,
)
def test_loader_on_any_well_formed_toml_reports_instead_of_raising(
    file: str, tables: dict[str, list[dict[str, Any]]]
) -> None:
    document = toml_document(tables)
    tomli.loads(document)  # the generator writes valid TOML, so the loader gets past parsing
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        for name, text in {**MINI_PACK, file: document}.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        result = load_pack(root)
        for problem in result.problems.items:
            assert problem.line >= 1 and problem.col >= 1
            assert problem.path.is_relative_to(root)
            assert "\n" not in problem.format()
    for highlight in result.pack.highlights:
        article = result.pack.article(highlight.article)
        assert article is not None
        loc = highlight.location
        assert article.paragraphs[loc.paragraph][loc.start : loc.end] == highlight.exact
    assert [a.id for a in result.pack.articles] == ["wire"]  # the article is never at risk


@QUICK
@given(front=TABLES.map(lambda t: {k: v for e in t.values() for k, v in e[0].items()}))
def test_loader_on_any_front_matter_reports_instead_of_raising(front: dict[str, Any]) -> None:
    matter = "\n".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in front.items())
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        (root / "articles").mkdir()
        (root / "pack.toml").write_text(PACK_TOML, encoding="utf-8")
        (root / "articles" / "gen.md").write_text(f"+++\n{matter}\n+++\n\nBody.\n", "utf-8")
        result = load_pack(root)
    assert all(p.line >= 1 for p in result.problems.items)
    assert len(result.pack.articles) + result.problems.skipped.get("article", 0) == 1


# The sanitizer ------------------------------------------------------------------------------

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u180e\u200b\u2060-\u2064\ufeff\ud800-\udfff]")  # fmt: skip
HOSTILE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec=None, exclude_categories=()),  # every code point, surrogates too
        st.sampled_from(list("\x1b\x9b\x07\t\r\n\x00\x7f\x85\u202e\u2066\u2069\u061c[]0;")),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(HOSTILE_TEXT)
def test_clean_is_idempotent_and_leaves_no_control_character(text: str) -> None:
    once = clean(text)
    assert clean(once) == once
    assert UNSAFE.search(once) is None
    assert "\t" not in once  # tabs become spaces; only newlines stay in paragraphs
    line = clean_line(text)
    assert clean_line(line) == line
    assert UNSAFE.search(line) is None and "\n" not in line


@settings(max_examples=300, deadline=None)
@given(HOSTILE_TEXT)
def test_clean_removes_nothing_else(text: str) -> None:
    expected = UNSAFE.sub("", text.replace("\t", "    "))
    assert clean(text) == expected


# Search -------------------------------------------------------------------------------------

WORDS = st.text(alphabet="abcdeéßﬁİxyzΩж1", min_size=1, max_size=7)
SEPARATORS = st.sampled_from([" ", ", ", " — ", " “", "” ", "’s "])


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    parts = draw(st.lists(WORDS, min_size=1, max_size=12))
    text = parts[0]
    for part in parts[1:]:
        text += draw(SEPARATORS) + part
    return text.strip()


def write_article_pack(root: Path, body: list[str]) -> None:
    (root / "articles").mkdir(parents=True)
    (root / "pack.toml").write_text(PACK_TOML, encoding="utf-8")
    text = '+++\ntitle = "Generated"\n+++\n\n' + "\n\n".join(body) + "\n"
    (root / "articles" / "gen.md").write_text(text, encoding="utf-8")


@QUICK
@given(body=st.lists(paragraphs(), min_size=1, max_size=5), data=st.data())
def test_every_search_span_slices_its_text(body: list[str], data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as directory:
        write_article_pack(Path(directory), body)
        pack = load_pack(Path(directory)).pack
    (article,) = pack.articles
    assert list(article.paragraphs) == body
    index = SearchIndex(pack)
    number = data.draw(st.integers(0, len(body) - 1), label="paragraph")
    candidates = words(body[number])
    assume(candidates)
    word = data.draw(st.sampled_from(candidates), label="word")
    first = data.draw(st.integers(0, len(candidates) - 1), label="phrase start")
    phrase = candidates[first : first + 2]
    for query in (word, '"' + " ".join(phrase) + '"', word[:3] + "*", word + " zzzq"):
        for hit in index.search(query, limit=None):
            for start, end in hit.spans:
                assert 0 <= start < end <= len(hit.text), (query, hit)
            if hit.kind == "paragraph":
                loc = hit.location
                assert loc is not None and hit.text == article.paragraphs[loc.paragraph]
    hits = [h for h in index.search(word, limit=None) if h.kind == "paragraph"]
    assert any(h.text == body[number] for h in hits), (word, body[number])
    phrase_hits = index.search('"' + " ".join(phrase) + '"', limit=None)
    shown = [h for h in phrase_hits if h.kind == "paragraph" and h.text == body[number]]
    assert shown, phrase
    assert any(words(shown[0].text[a:b]) == phrase for a, b in shown[0].spans)
    for hit in hits:
        assert hit.spans
        if fold_plain(word) in fold_plain(hit.text):  # (else a typo away: "1sse" finds "ße")
            assert any(fold_plain(word) in fold_plain(hit.text[a:b]) for a, b in hit.spans)


# Anchoring ----------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(st.sampled_from(["the", "two", "camps", "AI", "plan", "é", "chips"]), min_size=1, max_size=14),
    others=st.lists(st.text(alphabet="the two camps AI", max_size=30), max_size=3),
    data=st.data(),
)  # fmt: skip
def test_an_exact_taken_from_a_paragraph_anchors_back_to_it(
    parts: list[str], others: list[str], data: st.DataObject
) -> None:
    paragraph = " ".join(parts)
    paragraphs = [*others, paragraph]
    first = data.draw(st.integers(0, len(parts) - 1), label="first word")
    last = data.draw(st.integers(first + 1, len(parts)), label="end word")
    exact = " ".join(parts[first:last])
    start = len(" ".join(parts[:first])) + (1 if first else 0)
    end = start + len(exact)
    assert paragraph[start:end] == exact
    chosen = (len(others), start, end)

    found = find_all(paragraphs, exact)
    for loc in found:
        assert paragraphs[loc.paragraph][loc.start : loc.end] == exact
    assert chosen in [(loc.paragraph, loc.start, loc.end) for loc in found]

    # The whole rest of its paragraph as prefix and suffix picks exactly that occurrence there
    # (another paragraph may still hold the same words around it: W3C selectors are local).
    prefix, suffix = paragraph[:start], paragraph[end:]
    around = find_all(paragraphs, exact, prefix, suffix)
    assert [(loc.start, loc.end) for loc in around if loc.paragraph == len(others)] == [
        (start, end)
    ]
    for loc in around:
        text = paragraphs[loc.paragraph]
        assert text[: loc.start].endswith(prefix) and text.startswith(suffix, loc.end)
