"""Whatever bytes a pack file holds, the loader reports problems; it never raises."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiplan_tui.core.toml_source import KeyLocator
from aiplan_tui.pack.loader import load_pack
from conftest import MINI_PACK

TOML_ISH = st.text(
    alphabet=st.sampled_from(
        list("[]{}=\"'\n .,#+-_:0123456789abcdefquotexactidrl\\\u201c\x00\x1b")
    ),
    max_size=300,
)


def write_pack(root: Path, name: str, content: bytes) -> None:
    for file_name, text in MINI_PACK.items():
        path = root / file_name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / name).write_bytes(content)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(
        ["pack.toml", "entities.toml", "highlights/wire.toml", "articles/wire.md"]
    ),
    content=st.one_of(st.binary(max_size=300), TOML_ISH.map(lambda text: text.encode("utf-8"))),
)
def test_loader_never_raises_on_arbitrary_files(name: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        write_pack(root, name, content)
        result = load_pack(root)
    for problem in result.problems.items:
        assert problem.line >= 1 and problem.col >= 1
    for highlight in result.pack.highlights:
        article = result.pack.article(highlight.article)
        assert article is not None
        loc = highlight.location
        assert article.paragraphs[loc.paragraph][loc.start : loc.end] == highlight.exact


@given(TOML_ISH)
def test_key_locator_accepts_any_text(text: str) -> None:
    locator = KeyLocator.scan(text)
    assert locator.table("anything")[0] >= 1


HEADERISH = st.lists(
    st.sampled_from(
        [
            "[[quote]]",
            "  [[ fact ]]  # c",
            "[pack]",
            "\t[side]",
            "\x0c[[event]]",
            '["q"]',
            "[= x]",
            "['k']",
            "[[a]]x",
            "id = 1",
            'exact = "[[quote]]"',
            "sides = [",
            '  "us",',
            "]",
            "[",
            "[[quote]] # [x]",
            "[a.b]",
            " [[quote]]\r",
            "",
            "x = '[b]'",
            "[[]]",
        ]
    ),
    max_size=40,
).map("\n".join)


@given(st.one_of(HEADERISH, TOML_ISH.filter(lambda text: '"""' not in text and "'''" not in text)))
def test_the_header_pass_finds_the_headers_a_whole_scan_finds(text: str) -> None:
    """Issue 16: reading a file looks only at the lines that open with `[` (the keys are
    found when a message wants one); without multi-line strings it finds the same headers,
    on the same lines, as a scan of every line."""
    for offset in (0, 3):
        quick, whole = KeyLocator.scan(text, offset), KeyLocator.scan(text, offset)
        whole.keys  # noqa: B018 - scans every line, headers too
        assert quick.tables == whole.tables
