"""CSL-JSON items written as RIS and BibTeX, for reference managers that import those (Zotero,
EndNote, Mendeley, JabRef, LaTeX). One record per item; only the fields the item has. No Textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from aiplan_tui.core.references import CslItem, name_text

RIS_TYPES = {"article-newspaper": "NEWS", "article": "GEN"}
BIBTEX_TYPES = {"article-newspaper": "article", "article": "misc"}
"""A news article is BibTeX's `@article` (its outlet the `journal`); a generic one `@misc`."""

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LONE_BRACE = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
"""A brace with no partner in the text (see `_latex`)."""
_URL_UNSAFE = re.compile(r"[{}\\\s]")
"""What a BibTeX `url` field (verbatim) cannot hold as it is: percent-encoded."""


def ris(items: Sequence[CslItem]) -> str:
    """RIS records, `TY` first and `ER` last, each tag as `XX  - value` on its own line."""
    return "\n".join(map(ris_record, items))


def ris_record(item: CslItem) -> str:
    """One item's RIS record, ending with its line break (records are a line apart)."""
    out = [
        _tag("TY", RIS_TYPES.get(item["type"], "GEN")), _tag("ID", item["id"]),
        _tag("TI", item["title"]),
    ]  # fmt: skip
    if "container-title" in item:
        out.append(_tag("T2", item["container-title"]))
    out.extend(_tag("AU", name_text(name)) for name in item.get("author", ()))
    parts = _date_parts(item)
    if parts:
        out.append(_tag("PY", f"{parts[0]:04d}"))
        out.append(_tag("DA", "/".join(f"{p:02d}" for p in parts) + "/"))
    if "URL" in item:
        out.append(_tag("UR", item["URL"]))
    accessed = _date_parts(item, "accessed")
    if accessed:
        out.append(_tag("Y2", "/".join(f"{p:02d}" for p in accessed) + "/"))
    if "note" in item:
        out.append(_tag("N1", item["note"]))
    out += ["ER  - ", ""]
    return "\n".join(out)


def _tag(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(str(value).split())}"


def bibtex(items: Sequence[CslItem]) -> str:
    """BibTeX entries keyed by article id; text escaped for LaTeX, the address verbatim."""
    return "\n".join(map(bibtex_entry, items))


def bibtex_entry(item: CslItem) -> str:
    """One item's BibTeX entry, ending with its line break (entries are a line apart)."""
    fields = [("title", _latex(item["title"]))]
    if "container-title" in item:
        fields.append(("journal", _latex(item["container-title"])))
    if item.get("author"):
        authors = " and ".join(_bibtex_name(name) for name in item["author"])
        fields.append(("author", authors))
    parts = _date_parts(item)
    if parts:
        fields.append(("year", f"{parts[0]:04d}"))
        if len(parts) > 1:
            fields.append(("month", str(parts[1])))
        if len(parts) == 3:
            fields.append(("date", f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}"))
    if "URL" in item:
        fields.append(("url", _URL_UNSAFE.sub(_percent, item["URL"])))
    accessed = _date_parts(item, "accessed")
    if accessed:
        fields.append(("urldate", "-".join(f"{p:02d}" for p in accessed)))
    if "note" in item:
        fields.append(("note", _latex(item["note"])))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{BIBTEX_TYPES.get(item['type'], 'misc')}{{{item['id']},\n{body}\n}}\n"


def _bibtex_name(name: dict[str, str]) -> str:
    """ "Family, Given"; a literal name in braces, so BibTeX never splits it."""
    if "literal" in name:
        return "{" + _latex(name["literal"]) + "}"
    return _latex(name_text(name))


def _latex(text: str) -> str:
    """Text as LaTeX prints it. A brace without its partner is `\\textbrace...{}`, never
    `\\{` or `\\}`: BibTeX counts every brace, a backslash before it too, so a lone `\\}`
    would end the field early."""
    text = " ".join(text.split())
    lone = _unmatched_braces(text)
    return "".join(
        _LONE_BRACE[character] if at in lone else _LATEX_SPECIAL.get(character, character)
        for at, character in enumerate(text)
    )


def _unmatched_braces(text: str) -> set[int]:
    """Where the braces that pair with none are: a `}` with no `{` open before it, a `{`
    never closed."""
    opened: list[int] = []
    lone: set[int] = set()
    for at, character in enumerate(text):
        if character == "{":
            opened.append(at)
        elif character == "}":
            if opened:
                opened.pop()
            else:
                lone.add(at)
    return lone | set(opened)


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def _date_parts(item: CslItem, name: str = "issued") -> list[int]:
    date = item.get(name)
    return [int(part) for part in date["date-parts"][0]] if date else []
