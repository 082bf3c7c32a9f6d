"""Web addresses a pack gives, checked before anything links to them or opens them. No Textual.

An article's `url` is untrusted text: it becomes a link (OSC 8), a browser's address, an
annotation's `source` only when it is a plain http(s) address with a host and nothing in it
that a terminal or a shell could read as something else.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MAX_LENGTH = 2048
"""Longer than any address a browser keeps in its bar; a longer one is not linked."""
_PRINTABLE_ASCII = re.compile(r"[!-~]+\Z")
"""No space, no control character (ESC, BEL, ST), nothing beyond ASCII: an OSC 8 link and a
URL alike hold only these (anything else is percent-encoded in a real address)."""


def web_url(text: str) -> str | None:
    """The address if it is a safe http(s) URL with a host, else None."""
    url = text.strip()
    if not url or len(url) > MAX_LENGTH or not _PRINTABLE_ASCII.match(url):
        return None
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:  # a malformed host or port
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or not port_ok:
        return None
    return url
