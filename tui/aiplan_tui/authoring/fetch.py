"""Fetching a web page for `add`: one deadline for the whole fetch (name lookup, connection,
headers and body: a server trickling a byte a second cannot hold it), a size cap that holds
for the unpacked size too, and a one-line message for every failure naming the address and
what to do (never a traceback). The standard library only: one GET, redirects followed."""

from __future__ import annotations

import http.client
import os
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from aiplan_tui import __version__

DEADLINE_SECONDS = 30.0
"""How long a whole fetch may take, unless DEADLINE_VARIABLE says otherwise."""
DEADLINE_VARIABLE = "AIPLAN_TUI_FETCH_TIMEOUT"
MAX_BYTES = 5 * 1024 * 1024
"""News pages are well under this; anything larger is not an article (also once unpacked)."""
MAX_PDF_BYTES = 50 * 1024 * 1024
"""A PDF's pictures and fonts make it far larger than its text."""
HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPES = ("application/pdf", "application/x-pdf")
BINARY = "application/octet-stream"
"""What many servers call a PDF: taken when its bytes are one."""
CHUNK = 64 * 1024
SAVE_IT = "save the page from a browser and give the file"


class FetchError(Exception):
    """Why the page could not be fetched (a message naming the address and what to do)."""


@dataclass(frozen=True)
class Page:
    data: bytes
    """The body as sent, unpacked; its text is read as a browser would (authoring/charset.py)."""
    charset: str
    """The charset the server names in Content-Type ("" when none)."""
    html: bool
    """False for a text/plain page: its text is read as a .txt file's is."""
    pdf: bool = False
    """A PDF (application/pdf, or bytes that start as one): read as a .pdf file is."""


def deadline_seconds() -> float:
    """DEADLINE_VARIABLE's seconds when it is set, else DEADLINE_SECONDS."""
    given = os.environ.get(DEADLINE_VARIABLE, "").strip()
    if not given:
        return DEADLINE_SECONDS
    try:
        seconds = float(given)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < 1e6:
        raise FetchError(f"{DEADLINE_VARIABLE}={given!r}: give seconds, such as 30")
    return seconds


def fetch_page(url: str, deadline: float | None = None, limit: int = MAX_BYTES) -> Page:
    """The page at `url`, all of it within `deadline` seconds (deadline_seconds() when not
    given); FetchError saying what went wrong and what to do.

    The fetch runs in a thread the caller waits for no longer than the deadline: a name
    lookup or a read that a socket timeout does not cover cannot hold `add` either."""
    seconds = deadline_seconds() if deadline is None else deadline
    outcome: list[Page | FetchError] = []
    stop = threading.Event()

    def work() -> None:
        outcome.append(_fetch_or_why(url, seconds, limit, stop))

    worker = threading.Thread(target=work, name="aiplan-fetch", daemon=True)
    worker.start()
    worker.join(seconds)
    if not outcome:
        stop.set()  # the thread stops at its next read; nothing waits for it
        raise FetchError(_late(url, seconds))
    if isinstance(outcome[0], FetchError):
        raise outcome[0]
    return outcome[0]


def _late(url: str, seconds: float) -> str:
    return (
        f"{url}: no complete answer within {seconds:g} s: try again later, give it longer "
        f"with {DEADLINE_VARIABLE}=SECONDS, or {SAVE_IT}"
    )


def _fetch_or_why(url: str, seconds: float, limit: int, stop: threading.Event) -> Page | FetchError:
    """The page, or the FetchError that says why not: whatever goes wrong in the thread."""
    try:
        return _fetch(url, seconds, limit, stop)
    except FetchError as exc:
        return exc
    except urllib.error.HTTPError as exc:
        return FetchError(
            f"{url}: the server answered {exc.code} {exc.reason}: check the address, or {SAVE_IT}"
        )
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            return FetchError(_late(url, seconds))
        return FetchError(
            f"{url}: cannot reach it ({exc.reason}): check the address and the connection, "
            f"or {SAVE_IT}"
        )
    except TimeoutError:
        return FetchError(_late(url, seconds))
    except http.client.RemoteDisconnected:
        return FetchError(
            f"{url}: the server closed the connection without answering: try again later, "
            f"or {SAVE_IT}"
        )
    except http.client.IncompleteRead:
        return FetchError(f"{url}: the answer was cut short: try again, or {SAVE_IT}")
    except http.client.InvalidURL as exc:
        return FetchError(f"{url}: not a valid address ({exc}): check it")
    except http.client.HTTPException as exc:
        detail = " ".join(str(exc).split())[:80] or type(exc).__name__
        return FetchError(f"{url}: not a valid HTTP answer ({detail}): {SAVE_IT}")
    except (OSError, ValueError) as exc:
        return FetchError(f"{url}: cannot fetch it ({exc}): check the address, or {SAVE_IT}")
    except Exception as exc:  # in the thread, anything else would be lost: say it
        return FetchError(f"{url}: cannot fetch it ({type(exc).__name__}): {SAVE_IT}")


def _opener() -> urllib.request.OpenerDirector:
    """urllib's opener for http and https only (no ftp, file or data address, even when
    redirected), proxies as the environment sets them."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(), urllib.request.UnknownHandler(),
        urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):  # fmt: skip
        opener.add_handler(handler)
    return opener


def _fetch(url: str, seconds: float, limit: int, stop: threading.Event) -> Page:
    ends = time.monotonic() + seconds
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"aiplan-tui/{__version__}",
            "Accept": "text/html,application/pdf,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    with _opener().open(request, timeout=seconds) as response:
        given = response.headers.get("Content-Type")
        kind = response.headers.get_content_type() if given else ""
        if kind and kind not in (*HTML_TYPES, *PDF_TYPES, "text/plain", BINARY):
            raise FetchError(
                f"{url}: the address gives {kind}, not a web page or a PDF: give the address "
                "of the article's page or PDF"
            )
        if kind in (*PDF_TYPES, BINARY):
            limit = max(limit, MAX_PDF_BYTES)
        raw = _body(response, url, limit, lambda: stop.is_set() or time.monotonic() > ends)
        if stop.is_set() or time.monotonic() > ends:
            raise FetchError(_late(url, seconds))
        data = _unpacked(raw, response.headers.get("Content-Encoding") or "", url, limit)
        charset = str(response.headers.get_content_charset() or "")
    pdf = kind in PDF_TYPES or (kind != "text/plain" and data[:1024].lstrip().startswith(b"%PDF-"))
    if kind == BINARY and not pdf:
        raise FetchError(
            f"{url}: the address gives {kind}, not a web page or a PDF: give the address of "
            "the article's page or PDF"
        )
    html = not pdf and (
        kind in HTML_TYPES or (not kind and data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<")
    )
    return Page(data, charset, html, pdf)


def _body(
    response: http.client.HTTPResponse, url: str, limit: int, late: Callable[[], bool]
) -> bytes:
    """The body as sent, a piece at a time (each piece as soon as it comes), refused past the
    cap or when shorter than its Content-Length."""
    pieces: list[bytes] = []
    size = 0
    while not late():
        piece = response.read1(CHUNK)
        if not piece:
            break
        size += len(piece)
        if size > limit:
            raise FetchError(f"{url}: the page is larger than {_size(limit)}: {SAVE_IT}")
        pieces.append(piece)
    left = response.length
    if left and not late():
        raise FetchError(
            f"{url}: the answer was cut short ({size:,} of {size + left:,} bytes): try again, "
            f"or {SAVE_IT}"
        )
    return b"".join(pieces)


def _unpacked(data: bytes, encoding: str, url: str, limit: int) -> bytes:
    """The body unpacked from gzip or deflate, never past `limit` bytes (a small body can
    unpack to gigabytes)."""
    codings = [c.strip().lower() for c in encoding.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return data
    if len(codings) > 1 or codings[0] not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(
            f"{url}: the server sent it compressed as {', '.join(codings)}, which add cannot "
            f"unpack: {SAVE_IT}"
        )
    name = "gzip" if codings[0] != "deflate" else "deflate"
    tries = (16 + zlib.MAX_WBITS,) if name == "gzip" else (zlib.MAX_WBITS, -zlib.MAX_WBITS)
    for number, wbits in enumerate(tries):
        try:
            return _inflate(data, wbits, limit, url)
        except zlib.error:
            if number == len(tries) - 1:
                break
    raise FetchError(f"{url}: its {name} data is damaged: try again, or {SAVE_IT}")


def _inflate(data: bytes, wbits: int, limit: int, url: str) -> bytes:
    """Every member of a gzip body (or the one zlib stream), at most limit + 1 bytes out."""
    out = bytearray()
    rest = data
    while rest:
        unpacker = zlib.decompressobj(wbits)
        out += unpacker.decompress(rest, limit + 1 - len(out))
        if len(out) > limit:
            raise FetchError(
                f"{url}: the page is larger than {_size(limit)} once unpacked: {SAVE_IT}"
            )
        if not unpacker.eof:
            raise zlib.error("the compressed data ends early")
        more = wbits > zlib.MAX_WBITS and unpacker.unused_data.strip(b"\0")
        rest = unpacker.unused_data if more else b""  # gzip: the next member
    return bytes(out)


def _size(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MB" if limit >= 1024 * 1024 else f"{limit:,} bytes"
