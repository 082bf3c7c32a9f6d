"""What `aiplan-tui serve` lets through, decided from a request's headers alone (no aiohttp or
textual-serve here, so it is tested as it is written).

- `Host:` must name this server: the bound address, loopback (`localhost`, 127.0.0.1, ::1),
  or the machine's own names; when bound to every address (0.0.0.0, ::) any IP address too,
  as the machine may be reached at any of its own. A name that is none of these is a page
  of another site whose name was pointed at this machine (DNS rebinding): refused.
- `Origin:`, when the browser sends one, must be the page's own origin (`http://` + Host):
  a page of another site cannot open a session or read the page.
- Off loopback every request needs the token printed with the address, given once in the
  query (`?token=...`) and after that by the cookie the page's response sets, so the page's
  own script, font and websocket requests carry it.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from dataclasses import dataclass

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD = frozenset({"0.0.0.0", "::", ""})
MAX_COLUMNS, MAX_ROWS = 500, 200
"""The largest terminal a browser may ask for: a larger one only costs the app memory (a
20000x20000 resize grew one to 2.6 GB)."""

UNKNOWN_HOST = "Refused: this server does not answer to that host name."
OTHER_ORIGIN = "Refused: a page from another site cannot use this server."
NO_TOKEN = (
    "Refused: this server needs its token. Open the address `aiplan-tui serve` printed, "
    "with ?token=..."
)


def clamp_size(width: int, height: int) -> tuple[int, int]:
    """A terminal size a browser asked for, held to 1..MAX_COLUMNS by 1..MAX_ROWS."""
    return max(1, min(width, MAX_COLUMNS)), max(1, min(height, MAX_ROWS))


def split_host(header: str) -> tuple[str, str] | None:
    """A `Host:` header as (name, port): the name in lower case, without an IPv6 address's
    brackets or a final dot; the port digits, or "". None: not a host header at all."""
    header = header.strip().lower()
    if header.startswith("["):
        name, bracket, rest = header[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            return None
        port = rest[1:]
    else:
        name, _, port = header.partition(":")
    if not name or (port and not port.isdigit()) or ":" in port:
        return None
    return name.removesuffix("."), port


def is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def authority(name: str, port: str | int) -> str:
    """`name:port` for a URL: an IPv6 address in brackets."""
    host = f"[{name}]" if ":" in name else name
    return f"{host}:{port}" if port != "" else host


def machine_names() -> frozenset[str]:
    """This machine's own names."""
    names = {socket.gethostname(), socket.getfqdn()}
    return frozenset(name.lower().removesuffix(".") for name in names if name)


@dataclass(frozen=True)
class Guard:
    """The rules for one server: where it is bound, and its token (None on loopback)."""

    bound: str
    port: int
    token: str | None
    names: frozenset[str]

    @classmethod
    def for_host(cls, host: str, port: int) -> Guard:
        bound = host.lower().strip("[]")
        token = None if bound in LOOPBACK else secrets.token_urlsafe(32)
        return cls(bound, port, token, LOOPBACK | machine_names() | {bound})

    @property
    def cookie(self) -> str:
        """The token's cookie: one per port, so two servers on a machine keep theirs."""
        return f"aiplan-tui-token-{self.port}"

    def host_allowed(self, name: str) -> bool:
        return name in self.names or (self.bound in WILDCARD and is_address(name))

    def token_matches(self, given: str | None) -> bool:
        if self.token is None:
            return True
        return given is not None and secrets.compare_digest(given.encode(), self.token.encode())

    def refusal(
        self, host: str | None, origin: str | None, query: str | None, cookie: str | None
    ) -> str | None:
        """Why a request with these headers, `?token=` and cookie is refused; None: served."""
        split = split_host(host or "")
        if split is None or not self.host_allowed(split[0]):
            return UNKNOWN_HOST
        if origin is not None and origin.lower() != f"http://{authority(*split)}":
            return OTHER_ORIGIN
        if not (self.token_matches(query) or self.token_matches(cookie)):
            return NO_TOKEN
        return None

    def addresses(self) -> list[str]:
        """What to open in a browser: this address (for every address, the machine's name and
        loopback), with the token if there is one."""
        if self.bound in WILDCARD:
            hosts = [socket.gethostname(), "::1" if ":" in self.bound else "127.0.0.1"]
        else:
            hosts = [self.bound]
        query = "" if self.token is None else f"?token={self.token}"
        return [f"http://{authority(host, self.port)}/{query}" for host in hosts]
