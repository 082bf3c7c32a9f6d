"""References from hostile article fields (issue 32 review): BibTeX read as BibTeX itself reads
it, where a backslash does not escape a brace; and an address that is not a web address (a
`javascript:` URL) never reaches a reference manager, which would make it a link."""

from __future__ import annotations

import json
import re

import bibtexparser
import pytest
import rispy

from conftest import PackFactory
from in_process import answer

Capsys = pytest.CaptureFixture[str]

UNBALANCED = """\
+++
title = "Close } before { open, and one more }"
outlet = "Out}let {\\\\"
author = "Jane {Roe"
url = "javascript:alert(document.cookie)"
+++

The U.S. restricted chip exports.
"""
_FIELD = re.compile(r"\s*(\w+)\s*=\s*\{")


def bibtex_as_bibtex_reads_it(text: str) -> list[dict[str, str]]:
    """The entries' fields as BibTeX itself reads a braced value: every brace counts, a
    backslash before it too, and the value ends where the count first returns to zero.
    Fails where BibTeX would find something other than `,` or the entry's end after it."""
    entries = []
    for chunk in text.split("\n@"):
        body = chunk[chunk.index(",") + 1 :]
        fields: dict[str, str] = {}
        at = 0
        while (found := _FIELD.match(body, at)) is not None:
            depth, end = 1, found.end()
            while depth:
                depth += {"{": 1, "}": -1}.get(body[end], 0)
                end += 1
            fields[found.group(1)] = body[found.end() : end - 1]
            rest = body[end:].lstrip()
            assert rest[:1] in (",", "}"), f"BibTeX reads junk after {found.group(1)}: {rest!r}"
            at = body.index(",", end) + 1 if rest[:1] == "," else len(body)
        entries.append(fields)
    return entries


def test_unbalanced_braces_keep_bibtex_readable(make_pack: PackFactory, capsys: Capsys) -> None:
    root = make_pack({"articles/wire.md": UNBALANCED})
    done = answer(capsys, "export", "--format", "bibtex", "--content", str(root))
    assert done.returncode == 0, done.stderr
    (fields,) = bibtex_as_bibtex_reads_it(done.stdout)
    assert set(fields) == {"title", "journal", "author"}
    # The first } has no { before it; the { and } after it pair, as LaTeX's \{ and \}.
    assert fields["title"] == r"Close \textbraceright{} before \{ open, and one more \}"
    assert fields["journal"] == r"Out\textbraceright{}let \textbraceleft{}\textbackslash{}"
    assert fields["author"] == r"{Jane \textbraceleft{}Roe}"
    library = bibtexparser.parse_string(done.stdout)
    assert not library.failed_blocks and len(library.entries) == 1


def test_an_address_that_is_not_a_web_address_is_left_out_of_references(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    content = ["--content", str(make_pack({"articles/wire.md": UNBALANCED}))]
    outputs = {
        fmt: answer(capsys, "export", "--format", fmt, *content).stdout
        for fmt in ("csl-json", "ris", "bibtex")
    }
    assert all("javascript" not in text for text in outputs.values()), outputs
    (item,) = json.loads(outputs["csl-json"])
    assert "URL" not in item and item["container-title"] == "Out}let {\\"
    (record,) = rispy.loads(outputs["ris"])
    assert "urls" not in record


def test_a_newsroom_byline_is_not_split_into_a_persons_names(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    """ "Reuters Staff" is no Mr Staff: citation styles would print "Staff, R."."""
    byline = UNBALANCED.replace('"Jane {Roe"', '"Reuters Staff; Associated Press and Jane Roe"')
    content = ["--content", str(make_pack({"articles/wire.md": byline}))]
    (item,) = json.loads(answer(capsys, "export", "--format", "csl-json", *content).stdout)
    assert item["author"] == [
        {"literal": "Reuters Staff"},
        {"literal": "Associated Press"},
        {"family": "Roe", "given": "Jane"},
    ]
