"""A source's bytes as text, read the way a browser reads them: a byte-order mark, then the
charset the server gives, then (valid UTF-8 being UTF-8) the one the page declares in its
`<meta>`; a page that declares none goes to trafilatura as bytes, which guesses from them.
Plain text must be UTF-8 (or carry a BOM, or a charset from its server): a guess at a short
text can be wrong, so a text in another encoding is refused with what to do, never read as
mojibake."""

from __future__ import annotations

import codecs
import re

BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))  # fmt: skip
PRESCAN = 4096
"""How far into a page its `<meta>` charset is looked for (browsers look in the first 1024
bytes; a long head of scripts pushes it further on some news sites)."""
_META = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]+)", re.IGNORECASE)
SUPERSETS = {
    **dict.fromkeys(("gb2312", "gbk", "x-gbk", "gb_2312", "gb_2312-80", "csgb2312",
                     "chinese", "iso-ir-58", "euc-cn"), "gb18030"),
    **dict.fromkeys(("big5", "cn-big5", "csbig5", "x-x-big5", "big5-hkscs"), "big5hkscs"),
    **dict.fromkeys(("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii",
                     "ascii", "ansi_x3.4-1968", "cp819", "ibm819", "x-cp1252"), "cp1252"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji"), "cp932"),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "korean"), "cp949"),
}  # fmt: skip
"""Labels pages use for an encoding whose bytes they often exceed, read as the larger one, as
browsers do (the Encoding Standard): a "gb2312" page is written in GBK, a "latin-1" page has
Windows-1252 quotes."""


def codec(label: str) -> str | None:
    """Python's codec for a charset label, its superset where pages exceed it; None when
    unknown or not an encoding of text."""
    name = label.strip().strip("\"'").lower()
    name = SUPERSETS.get(name, name)
    try:
        b"".decode(name)  # LookupError too for a codec of bytes to bytes, such as base64
    except LookupError:
        return None
    return codecs.lookup(name).name


def _bom(data: bytes) -> tuple[str, bytes] | None:
    for mark, name in BOMS:
        if data.startswith(mark):
            return name, data[len(mark) :]
    return None


def _strict(data: bytes, name: str | None) -> str | None:
    if name is None:
        return None
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def meta_charset(data: bytes) -> str | None:
    """The codec the page's `<meta charset>` or `<meta http-equiv content-type>` names, if
    known (a UTF-16 label there means UTF-8: the page was read to find it)."""
    found = _META.search(data[:PRESCAN])
    name = codec(found.group(1).decode("ascii")) if found else None
    return "utf-8" if name and name.startswith("utf-16") else name


def page_text(data: bytes, given: str = "") -> str | bytes:
    """An HTML page's text: by its BOM; else in the server's charset `given` when the bytes
    are valid in it; else as UTF-8 when they are valid UTF-8 (a page in a legacy encoding
    with any letter outside ASCII almost never is); else in its `<meta>` charset; else, with
    nothing declared, its bytes as they are, for trafilatura to guess from."""
    marked = _bom(data)
    if marked:
        return marked[1].decode(marked[0], errors="replace")
    server = codec(given) if given else None
    for name in dict.fromkeys((server, "utf-8")):
        text = _strict(data, name)
        if text is not None:
            return text
    declared = meta_charset(data) or server
    return data.decode(declared, errors="replace") if declared else data


def plain_text(data: bytes, given: str = "") -> str:
    """A plain text's words: by its BOM, in the server's charset `given` when the bytes are
    valid in it, or as UTF-8; UnicodeDecodeError (UTF-8's) when none of them reads it."""
    marked = _bom(data)
    if marked:
        return marked[1].decode(marked[0], errors="replace")
    server = _strict(data, codec(given) if given else None)
    return server if server is not None else data.decode("utf-8")
