"""Broken content files, one table: each case writes one file of a two-article pack and says what
must happen. Every case goes through the public interface twice, `load_pack` and the `check`
command, and nothing may raise. A fault is a problem naming the file and its line, and the
rest of the pack still loads; a case that is fine by design (BOM, CRLF, a link inside the pack)
loads cleanly."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from aiplan_tui.cli.main import main
from aiplan_tui.core.model import Fact
from aiplan_tui.core.toml_source import MAX_FILE_BYTES
from aiplan_tui.pack.loader import LoadResult, load_pack
from conftest import ARTICLE, HIGHLIGHTS, MINI_PACK, PACK_TOML

MEMO = """\
+++
title = "Memo"
+++

The memo set out a plan in three steps.

Nothing else happened that week.
"""

MEMO_HIGHLIGHTS = """\
[[event]]
id = "e-plan"
article = "memo"
exact = "a plan in three steps"
"""

BASE = {**MINI_PACK, "articles/memo.md": MEMO, "highlights/memo.toml": MEMO_HIGHLIGHTS}
"""The mini pack plus a second article, "memo", with no sides, entities or dimensions: whatever
breaks on the "wire" side (even pack.toml), memo and its highlight must still load."""

WIRE = ("wire", "q-camps", "f-us", "f-china")
MEMO_IDS = ("memo", "e-plan")
EVERYTHING = WIRE + MEMO_IDS


@dataclass(frozen=True)
class Link:
    """Write a symbolic link to `target` (relative to the directory holding the pack)."""

    target: str


EMPTY_DIRECTORY = "(the whole pack)"

Check = Callable[[LoadResult], None]


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    content: bytes | Link | None
    expected: str
    """What must happen, in words."""
    problem: str | None
    """The start of the one problem this fault causes (`file:line:col: severity: message`,
    the file relative to the pack), or None when the file is fine by design."""
    loads: tuple[str, ...] = EVERYTHING
    """Article and highlight ids that must still be in the pack."""
    extra: Check | None = field(default=None, compare=False)


def fact_value(highlight_id: str, value: float) -> Check:
    def check(result: LoadResult) -> None:
        fact = result.pack.highlight(highlight_id)
        assert isinstance(fact, Fact)
        assert fact.value == value and type(fact.value) is type(value)

    return check


def paragraphs_of(article_id: str, expected: tuple[str, ...]) -> Check:
    def check(result: LoadResult) -> None:
        article = result.pack.article(article_id)
        assert article is not None and article.paragraphs == expected

    return check


def titled(article_id: str, title: str) -> Check:
    def check(result: LoadResult) -> None:
        article = result.pack.article(article_id)
        assert article is not None and article.title == title

    return check


def fact_file(value: str) -> bytes:
    """A highlights file whose one fact, on memo, has `value = VALUE` on line 7."""
    return (
        '[[fact]]\nid = "f-memo"\narticle = "memo"\nexact = "three steps"\n'
        f'metric = "Steps"\nunit = "steps"\nvalue = {value}\n'
    ).encode()


def deep_array(depth: int) -> str:
    return "[" * depth + "]" * depth


CRLF = "\r\n"
DEEP_TABLE = "{a=" * 10_000 + "1" + "}" * 10_000

CASES = [
    # --- encodings -------------------------------------------------------------------------
    Case(
        "latin-1 bytes",
        "articles/memo.md",
        MEMO.replace('"Memo"', '"Mémo"').encode("latin-1"),
        "not UTF-8: an error at the first bad byte (line 2, column 11); memo is left out "
        "and its highlight skipped without a second message",
        "articles/memo.md:2:11: error: file is not valid UTF-8; save it as UTF-8",
        loads=WIRE,
    ),
    Case(
        "UTF-16 with BOM",
        "highlights/wire.toml",
        HIGHLIGHTS.encode("utf-16"),
        "UTF-16 is named as such at 1:1; that file's highlights are left out",
        "highlights/wire.toml:1:1: error: file is UTF-16; save it as UTF-8",
        loads=("wire", *MEMO_IDS),
    ),
    Case(
        "UTF-8 BOM on an article",
        "articles/memo.md",
        b"\xef\xbb\xbf" + MEMO.encode(),
        "accepted: the BOM is dropped, the front matter still opens on line 1",
        None,
        extra=titled("memo", "Memo"),
    ),
    Case(
        "UTF-8 BOM on a TOML file",
        "highlights/wire.toml",
        b"\xef\xbb\xbf" + HIGHLIGHTS.encode(),
        "accepted: the BOM is dropped before parsing",
        None,
    ),
    Case(
        "CRLF line ends in an article",
        "articles/wire.md",
        ARTICLE.replace("\n", CRLF).encode(),
        "accepted: no carriage return reaches a paragraph; anchors still match",
        None,
        extra=paragraphs_of(
            "wire",
            (
                "The U.S. restricted chip exports. China said the two camps are now being formed.",
                "Private AI investment reached $109.1 billion in the U.S., against $9.3 billion "
                "in China.",
            ),
        ),
    ),
    Case(
        "CRLF line ends in TOML",
        "pack.toml",
        PACK_TOML.replace("\n", CRLF).encode(),
        "accepted",
        None,
    ),
    # --- article front matter --------------------------------------------------------------
    Case(
        "unterminated +++ front matter",
        "articles/memo.md",
        MEMO.replace("+++\n\nThe memo", "\nThe memo").encode(),
        "an error at the opening line; memo is left out, wire loads",
        'articles/memo.md:1:1: error: the front matter is never closed: add a "+++" line',
        loads=WIRE,
    ),
    Case(
        "+++ line inside the body",
        "articles/memo.md",
        (MEMO + "\n+++\n\nA last word.\n").encode(),
        'accepted by design: after the front matter, "+++" is an ordinary paragraph',
        None,
        extra=paragraphs_of(
            "memo",
            (
                "The memo set out a plan in three steps.",
                "Nothing else happened that week.",
                "+++",
                "A last word.",
            ),
        ),
    ),
    # --- duplicates ------------------------------------------------------------------------
    Case(
        "duplicate TOML key",
        "highlights/memo.toml",
        MEMO_HIGHLIGHTS.replace('article = "memo"', 'article = "memo"\narticle = "wire"').encode(),
        "a TOML syntax error on the second key; that file is left out, memo itself loads",
        "highlights/memo.toml:4:17: error: TOML syntax: Cannot overwrite a value",
        loads=(*WIRE, "memo"),
    ),
    Case(
        "duplicate highlight id in one file",
        "highlights/memo.toml",
        (MEMO_HIGHLIGHTS + "\n" + MEMO_HIGHLIGHTS.replace("a plan in", "in")).encode(),
        "the second id is reported on its line, naming the first; the first is kept",
        'highlights/memo.toml:7:1: error: duplicate highlight id "e-plan" '
        "(first defined at memo.toml:2)",
    ),
    Case(
        "duplicate side id",
        "pack.toml",
        PACK_TOML.replace('id = "china"', 'id = "us"').encode(),
        "the second side is reported, the first kept; wire's reference to china no longer holds",
        'pack.toml:11:1: error: duplicate side id "us"',
        loads=MEMO_IDS,
    ),
    # --- wrong types -----------------------------------------------------------------------
    Case(
        "string where a number is wanted",
        "highlights/wire.toml",
        HIGHLIGHTS.replace("value = 9.3e9", 'value = "9.3 billion"').encode(),
        "an error on that key's line; only that fact is left out",
        'highlights/wire.toml:24:1: error: "value" must be a number, not a string',
        loads=("wire", "q-camps", "f-us", *MEMO_IDS),
    ),
    Case(
        "array where a string is wanted",
        "articles/memo.md",
        MEMO.replace('title = "Memo"', 'title = ["Memo"]').encode(),
        "an error on the title's line; memo is left out",
        'articles/memo.md:2:1: error: "title" must be a string, not a list',
        loads=WIRE,
    ),
    # --- numbers ---------------------------------------------------------------------------
    Case(
        "1e400 (reads as inf)",
        "highlights/steps.toml",
        fact_file("1e400"),
        "an error on the value's line",
        'highlights/steps.toml:7:1: error: "value" must be a number, not inf',
    ),
    Case(
        "10**30 integer",
        "highlights/steps.toml",
        fact_file(str(10**30)),
        "accepted: a large integer is still a number",
        None,
        loads=(*EVERYTHING, "f-memo"),
        extra=fact_value("f-memo", 10**30),
    ),
    Case(
        "10**400 integer (past any float)",
        "highlights/steps.toml",
        fact_file(str(10**400)),
        "an error on the value's line (this used to raise OverflowError)",
        'highlights/steps.toml:7:1: error: "value" must be a number within ±1.8e308',
    ),
    Case(
        "-0",
        "highlights/steps.toml",
        fact_file("-0"),
        "accepted: the integer 0",
        None,
        loads=(*EVERYTHING, "f-memo"),
        extra=fact_value("f-memo", 0),
    ),
    Case(
        "nan",
        "highlights/steps.toml",
        fact_file("nan"),
        "an error on the value's line",
        'highlights/steps.toml:7:1: error: "value" must be a number, not nan',
    ),
    Case(
        "-inf",
        "highlights/steps.toml",
        fact_file("-inf"),
        "an error on the value's line",
        'highlights/steps.toml:7:1: error: "value" must be a number, not -inf',
    ),
    Case(
        "integer past Python's digit limit",
        "highlights/steps.toml",
        fact_file("9" * 5000),
        "an error on the value's line: the parser's ValueError is caught and located",
        "highlights/steps.toml:7:1: error: TOML value cannot be read: Exceeds the limit",
    ),
    # --- nesting ---------------------------------------------------------------------------
    Case(
        "arrays nested 10,000 deep",
        "highlights/deep.toml",
        f"# fine\n# still fine\nx = {deep_array(10_000)}\n".encode(),
        "the parser's RecursionError becomes an error on the line it was reading",
        "highlights/deep.toml:3:1: error: TOML nested too deeply to read",
    ),
    Case(
        "arrays nested 1,000 deep, one bracket a line",
        "highlights/deep.toml",
        ("x = [\n" + "[\n" * 1_000 + "]\n" * 1_001).encode(),
        "an error on line 401, where the depth passes tomli's limit of 400",
        "highlights/deep.toml:401:1: error: TOML nested too deeply to read",
    ),
    Case(
        "inline tables nested 10,000 deep in front matter",
        "articles/memo.md",
        MEMO.replace('title = "Memo"', f'title = "Memo"\nx = {DEEP_TABLE}').encode(),
        "an error on the file's line 3 (front matter lines count from the file's start)",
        "articles/memo.md:3:1: error: TOML nested too deeply to read",
        loads=WIRE,
    ),
    Case(
        "dotted key of 50,000 parts",
        "highlights/dotted.toml",
        ("[[event]]\n" + "a." * 49_999 + "a = 1\n").encode(),
        "refused by tomli's key-length limit, quickly, with the line",
        "highlights/dotted.toml:2:1: error: TOML nested too deeply to read "
        "(TOML key has more than the allowed 1000 parts)",
    ),
    Case(
        "table header of 50,000 dotted parts",
        "highlights/dotted.toml",
        ("# a comment\n[" + "a." * 49_999 + "a]\n").encode(),
        "as above, for a header",
        "highlights/dotted.toml:2:1: error: TOML nested too deeply to read",
    ),
    # --- size ------------------------------------------------------------------------------
    Case(
        "file one byte over 2 MiB",
        "highlights/big.toml",
        b"#" * MAX_FILE_BYTES + b"\n",
        "refused before it is read or parsed",
        f"highlights/big.toml:1:1: error: file is {MAX_FILE_BYTES + 1:,} bytes, over the "
        f"{MAX_FILE_BYTES:,}-byte limit; split it",
    ),
    Case(
        "file of exactly 2 MiB",
        "highlights/big.toml",
        b"#" * (MAX_FILE_BYTES - 1) + b"\n",
        "accepted: the limit is inclusive (a file of comments defines nothing)",
        None,
    ),
    # --- empty -----------------------------------------------------------------------------
    Case(
        "empty pack directory",
        EMPTY_DIRECTORY,
        None,
        "pack.toml is reported missing (and the lack of articles warned about); nothing raises",
        "pack.toml:1:1: error: pack.toml is missing",
        loads=(),
    ),
    Case(
        "empty article",
        "articles/memo.md",
        b"",
        "an error: the front matter must open on line 1",
        'articles/memo.md:1:1: error: an article must start with a "+++" line',
        loads=WIRE,
    ),
    Case(
        "empty pack.toml",
        "pack.toml",
        b"",
        "[pack] is missing its id (and title); with no sides wire's sides are unknown, memo loads",
        'pack.toml:1:1: error: [pack] is missing required field "id"',
        loads=MEMO_IDS,
    ),
    Case(
        "empty entities.toml",
        "entities.toml",
        b"",
        "the file itself is fine (it is optional); the quote's speaker is reported unknown",
        'highlights/wire.toml:5:1: error: unknown entity "george-chen"',
        loads=("wire", "f-us", "f-china", *MEMO_IDS),
    ),
    Case(
        "empty highlights file",
        "highlights/memo.toml",
        b"",
        "accepted by design: valid TOML that defines no highlight",
        None,
        loads=(*WIRE, "memo"),
    ),
    # --- links -----------------------------------------------------------------------------
    Case(
        "link to a file outside the pack",
        "articles/leak.md",
        Link("outside/secret.md"),
        "refused at 1:1, naming where it leads; the file is never read",
        "articles/leak.md:1:1: error: is a link to ",
    ),
    Case(
        "link to a file inside the pack",
        "articles/memo.md",
        Link("pack/drafts/memo.md"),
        "accepted: followed, the article loads under the link's name",
        None,
        extra=titled("memo", "Memo"),
    ),
]


def build(tmp_path: Path, case: Case) -> Path:
    """The base pack with the case's file written, beside an `outside` folder it may link to."""
    root = tmp_path / "pack"
    root.mkdir()
    if case.file == EMPTY_DIRECTORY:
        return root
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text('+++\ntitle = "Not yours"\n+++\n\nPrivate.\n', "utf-8")
    drafts = root / "drafts"
    drafts.mkdir()
    (drafts / "memo.md").write_text(MEMO, encoding="utf-8")
    for name, text in BASE.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    path = root / case.file
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(case.content, Link):
        path.unlink(missing_ok=True)
        path.symlink_to(tmp_path / case.content.target)
    elif case.content is not None:
        path.write_bytes(case.content)
    return root


def located(result: LoadResult, root: Path) -> list[str]:
    """Every problem as `file:line:col: severity: message`, the file relative to the pack."""
    return [
        f"{p.path.relative_to(root)}:{p.line}:{p.col}: {p.severity}: {p.message}"
        for p in result.problems.items
    ]


def present(result: LoadResult) -> set[str]:
    pack = result.pack
    return {a.id for a in pack.articles} | {h.id for h in pack.highlights}


def test_the_base_pack_is_clean(tmp_path: Path) -> None:
    root = build(tmp_path, Case("none", "highlights/none.toml", None, "", None))
    result = load_pack(root)
    assert located(result, root) == []
    assert present(result) == set(EVERYTHING)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_file(
    case: Case,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = build(tmp_path, case)
    started = time.perf_counter()
    result = load_pack(root)
    with capsys.disabled():  # shown with -s; a timing is never asserted
        print(f"\n{case.name}: loaded in {time.perf_counter() - started:.3f} s")
    found = located(result, root)

    if case.problem is None:
        assert found == [], case.expected
    else:
        assert any(line.startswith(case.problem) for line in found), (case.expected, found)
        assert all(p.line >= 1 and p.col >= 1 for p in result.problems.items)
    missing = set(case.loads) - present(result)
    assert not missing, f"{case.expected}: the rest of the pack should load, missing {missing}"
    if case.extra:
        case.extra(result)

    # The same through the command line, from the pack's parent so paths print as pack/...
    monkeypatch.chdir(tmp_path)
    code = main(["check", str(root)])
    out = capsys.readouterr().out
    if case.problem is None:
        assert code == 0, out
    else:
        assert code == 1, out
        assert f"pack/{case.problem}" in out


def test_a_link_outside_names_its_target_and_is_never_read(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "link to a file outside the pack")
    root = build(tmp_path, case)
    result = load_pack(root)
    secret = (tmp_path / "outside" / "secret.md").resolve()
    assert f"articles/leak.md:1:1: error: is a link to {secret}, outside the pack; refused " in (
        "\n".join(located(result, root)) + "\n"
    ).replace("(copy the file into the pack)", "")
    assert result.pack.article("leak") is None
    assert "Not yours" not in {a.title for a in result.pack.articles}


def test_every_case_says_what_must_happen() -> None:
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))
    assert all(case.expected for case in CASES)
