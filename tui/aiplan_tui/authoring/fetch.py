"""Fetching a web page for `add`: a timeout, a size cap, and a clear message for every failure
(never a traceback). The standard library only: one GET, redirects followed."""

from __future__ import annotations

import urllib.error
import urllib.request

from aiplan_tui import __version__

TIMEOUT_SECONDS = 20.0
MAX_BYTES = 5 * 1024 * 1024
"""News pages are well under this; anything larger is not an article."""


class FetchError(Exception):
    """Why the page could not be fetched (a message naming the address)."""


def fetch_page(url: str, timeout: float = TIMEOUT_SECONDS, limit: int = MAX_BYTES) -> str:
    """The page's HTML as text; FetchError saying what went wrong."""
    request = urllib.request.Request(
        url, headers={"User-Agent": f"aiplan-tui/{__version__}", "Accept": "text/html,*/*;q=0.5"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
                raise FetchError(f"{url}: the address gives {kind}, not a web page")
            data: bytes = response.read(limit + 1)
            charset = str(response.headers.get_content_charset() or "utf-8")
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: cannot reach it ({exc.reason})") from exc
    except TimeoutError as exc:
        raise FetchError(f"{url}: no answer within {timeout:g} s") from exc
    except (OSError, ValueError) as exc:
        raise FetchError(f"{url}: cannot fetch it ({exc})") from exc
    if len(data) > limit:
        raise FetchError(f"{url}: the page is larger than {limit // (1024 * 1024)} MB")
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")
