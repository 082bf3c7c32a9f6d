"""JSON text as `json.dump(value, out, indent=2, ensure_ascii=...)` writes it, to the byte,
written a piece at a time: a list given as `Streamed` is written an item at a time as it is
read, so a document larger than memory never has to be held. No Textual.

(With an indent, the standard library encodes in Python a token at a time; this makes each
item's text in one pass of plain recursion, about twice as fast, and the same text.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any, NamedTuple

INDENT = "  "

Quote = Callable[[str], str]


class Members(NamedTuple):
    """A JSON object as its keys, already JSON text, and their values: written as the dict of
    those keys and values would be, without making the dict or quoting its keys again."""

    keys: tuple[str, ...]
    values: Sequence[Any]


class Raw:
    """JSON text written as it is, made already at the place it is written (its indent
    level) with every character as itself: `\\u` escapes are added for ASCII output."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Streamed:
    """A JSON array whose items are made as they are written (each once)."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items: Iterator[Any] = iter(items)


def quoter(ascii_only: bool) -> Quote:
    """How strings are written: every character as itself, or beyond ASCII as `\\u` escapes."""
    return encode_basestring_ascii if ascii_only else encode_basestring


def write_json(
    write: Callable[[str], object], value: Any, ascii_only: bool, level: int = 0
) -> None:
    """`value` as indented JSON (no final newline), `Streamed` lists an item at a time."""
    quote = quoter(ascii_only)
    if isinstance(value, Streamed):
        _write_streamed(write, value, quote, level)
    elif _holds_stream(value):
        inner = "\n" + INDENT * (level + 1)
        write("{")
        separator = inner
        for key, member in value.items():
            write(f"{separator}{_key(key, quote)}: ")
            write_json(write, member, ascii_only, level + 1)
            separator = "," + inner
        write("\n" + INDENT * level + "}")
    else:
        write(indented(value, quote, level))


def _holds_stream(value: Any) -> bool:
    """Whether a dict has a `Streamed` list in it, at any depth of dicts."""
    return isinstance(value, dict) and any(
        isinstance(v, Streamed) or _holds_stream(v) for v in value.values()
    )


def _write_streamed(
    write: Callable[[str], object], value: Streamed, quote: Quote, level: int
) -> None:
    inner = "\n" + INDENT * (level + 1)
    separator = "[" + inner
    for item in value.items:
        write(separator + indented(item, quote, level + 1))
        separator = "," + inner
    write("[]" if separator.startswith("[") else "\n" + INDENT * level + "]")


def indented(value: Any, quote: Quote, level: int = 0) -> str:
    """The text of one value at `level` (its first line not indented, as inside a parent)."""
    parts: list[str] = []
    _encode(value, quote, level, parts)
    return "".join(parts)


def _encode(value: Any, quote: Quote, level: int, out: list[str]) -> None:
    if type(value) is Raw:
        out.append(ascii_escaped(value.text) if quote is encode_basestring_ascii else value.text)
    elif type(value) is Members:
        inner = "\n" + INDENT * (level + 1)
        separator = "{" + inner
        for key, item in zip(value.keys, value.values, strict=True):
            if isinstance(item, str):
                out.append(f"{separator}{key}: {quote(item)}")
            elif item is None:  # the common cases inline: a call each costs more
                out.append(f"{separator}{key}: null")
            elif type(item) is bool:
                out.append(f"{separator}{key}: {'true' if item else 'false'}")
            elif type(item) is int:
                out.append(f"{separator}{key}: {int.__repr__(item)}")
            elif type(item) is list and not item:
                out.append(f"{separator}{key}: []")
            else:
                out.append(f"{separator}{key}: ")
                _encode(item, quote, level + 1, out)
            separator = "," + inner
        out.append("\n" + INDENT * level + "}" if value.keys else "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = "\n" + INDENT * (level + 1)
        separator = "[" + inner
        for item in value:
            if isinstance(item, str):  # the common cases inline: a call each costs more
                out.append(separator + quote(item))
            else:
                out.append(separator)
                _encode(item, quote, level + 1, out)
            separator = "," + inner
        out.append("\n" + INDENT * level + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = "\n" + INDENT * (level + 1)
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            if isinstance(item, str):
                out.append(f"{separator}{quote(key)}: {quote(item)}")
            else:
                out.append(f"{separator}{quote(key)}: ")
                _encode(item, quote, level + 1, out)
            separator = "," + inner
        out.append("\n" + INDENT * level + "}")
    else:
        out.append(_scalar(value, quote))


def _scalar(value: Any, quote: Quote) -> str:
    if isinstance(value, str):
        return quote(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _key(key: Any, quote: Quote) -> str:
    if isinstance(key, str):
        return quote(key)
    raise TypeError(f"keys must be str, not {type(key).__name__}")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def ascii_escaped(text: str) -> str:
    """JSON text with every character beyond ASCII as `\\uXXXX` (a pair of them beyond the
    BMP), as `json.dumps(..., ensure_ascii=True)` writes it: outside strings JSON is ASCII."""
    if text.isascii():
        return text
    out = []
    for character in text:
        code = ord(character)
        if code < 0x80:
            out.append(character)
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
    return "".join(out)
