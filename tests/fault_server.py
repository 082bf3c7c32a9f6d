"""A web server on loopback that misbehaves on purpose, for `add`'s fetch (issue 28): it
trickles bytes, lies about its length, breaks HTTP, compresses unasked. Raw bytes on a
threaded socket server on 127.0.0.1 (a free port); it contacts no other address.

Each path is one behaviour (see ROUTES); a trickle sends a byte every TRICKLE seconds until
the client goes or the server stops."""

from __future__ import annotations

import gzip
import queue
import socket
import socketserver
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

NEWS_PAGE = (Path(__file__).parent / "data" / "pages" / "news-page.html").read_bytes()
PLAIN = (
    "Chip talks resume\n\nNegotiators met on Friday, the ministry said.\n\n"
    "“We are close,” said Dana Whitfield.\n"
).encode()
TRICKLE = 0.05
"""Seconds between two trickled bytes: slow enough that no deadline is met."""
BOMB_BYTES = 8 * 1024 * 1024
"""What /bomb unpacks to (from about 8 KB): over the 5 MB cap."""


def response(
    body: bytes, kind: str = "text/html; charset=utf-8", *headers: str, length: int | None = None
) -> bytes:
    """A complete HTTP/1.1 answer; `length` claims another Content-Length than the body's."""
    lines = ["HTTP/1.1 200 OK", *([f"Content-Type: {kind}"] if kind else []), *headers]
    lines += [f"Content-Length: {len(body) if length is None else length}", "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


Send = Callable[[socket.socket, threading.Event], None]


def canned(data: bytes) -> Send:
    def send(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(data)

    return send


def trickled(head: bytes, byte: bytes) -> Send:
    """`head` at once, then `byte` again and again, one every TRICKLE seconds."""

    def send(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(head)
        while not stop.wait(TRICKLE):  # the delay is the behaviour under test
            connection.sendall(byte)

    return send


def _closed(connection: socket.socket, stop: threading.Event) -> None:
    """No answer at all: the connection closes."""


ROUTES: dict[str, Send] = {
    "/news": canned(response(NEWS_PAGE)),
    "/trickle-body": trickled(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>", b"a"
    ),
    "/trickle-head": trickled(b"HTTP/1.1 200 OK\r\nX-Slow: ", b"a"),
    "/short": canned(response(NEWS_PAGE[:500], length=len(NEWS_PAGE))),
    "/chunked-short": canned(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"1000\r\n" + NEWS_PAGE[:100]
    ),
    "/bad-status": canned(b"NOT-HTTP at all\r\n\r\n"),
    "/many-headers": canned(
        b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: x\r\n" % n for n in range(150)) + b"\r\n"
    ),
    "/long-header": canned(b"HTTP/1.1 200 OK\r\nX-Long: " + b"x" * 70_000 + b"\r\n\r\n"),
    "/closed": _closed,
    "/gzip": canned(response(gzip.compress(NEWS_PAGE), "text/html", "Content-Encoding: gzip")),
    "/deflate": canned(
        response(zlib.compress(NEWS_PAGE), "text/html", "Content-Encoding: deflate")
    ),
    "/bomb": canned(
        response(gzip.compress(b"<p>" + b"a" * BOMB_BYTES), "text/html", "Content-Encoding: gzip")
    ),
    "/bad-gzip": canned(response(b"not gzip at all", "text/html", "Content-Encoding: gzip")),
    "/brotli": canned(response(b"\x1b\x00", "text/html", "Content-Encoding: br")),
    "/big": canned(response(b"<p>" + b"a" * (6 * 1024 * 1024))),
    "/plain": canned(response(PLAIN, "text/plain; charset=utf-8")),
    "/untyped": canned(response(NEWS_PAGE, "")),
    "/escape": canned(b"HTTP/1.1 404 \x1b[31mGone\x1b]0;owned\x07\r\nContent-Length: 0\r\n\r\n"),
}


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stop = threading.Event()
        self.requested: queue.Queue[str] = queue.Queue()


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        connection: socket.socket = self.request
        request = b""
        while b"\r\n\r\n" not in request and len(request) < 65536:
            data = connection.recv(4096)
            if not data:
                return
            request += data
        parts = request.split(b" ", 2)
        path = parts[1].decode("ascii", "replace") if len(parts) > 2 else ""
        send = ROUTES.get(path, canned(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))
        self.server.requested.put(path)
        try:
            send(connection, self.server.stop)
        except OSError:  # the client has gone: what a trickle waits for
            return


class Served(str):
    """The server's base address (http://127.0.0.1:PORT), and the paths asked for so far."""

    requested: queue.Queue[str]


@contextmanager
def fault_server() -> Iterator[Served]:
    """The server, running while the block runs."""
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        served = Served(f"http://127.0.0.1:{server.server_address[1]}")
        served.requested = server.requested
        yield served
    finally:
        server.stop.set()
        server.shutdown()
        server.server_close()
