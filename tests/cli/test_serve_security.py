"""`aiplan-tui serve` as a network service, over real sockets on 127.0.0.1: pages of other
sites and foreign host names (DNS rebinding) are refused; off loopback every request needs
the printed token; the page's URLs work from another machine; no folder is listed; at most
--max-sessions apps run, each at most 500x200 and ending with its websocket; --read-only
apps change no file."""

from __future__ import annotations

import os
import signal
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import aiohttp
import pytest

from conftest import PackFactory
from served import Drawn, Served, alive, environment_of, rows_in, start_serving, stop_serving
from served import wait_for as wait_until


class Serve(Protocol):
    def __call__(self, *args: str, before: tuple[str, ...] = ()) -> Served: ...


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Serve]:
    started: list[Served] = []

    def start(*args: str, before: tuple[str, ...] = ()) -> Served:
        started.append(start_serving(tmp_path, *args, before=before))
        return started[-1]

    yield start
    for served in started:
        stop_serving(served)


def client() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar())  # cookies sent by hand


async def get(url: str, **headers: str) -> tuple[int, str, list[str]]:
    """Status, body and Set-Cookie headers of a GET."""
    async with client() as http, http.get(url, headers=headers) as response:
        return response.status, await response.text(), response.headers.getall("Set-Cookie", [])


async def websocket_status(url: str, **headers: str) -> int:
    """101 for a websocket opened (and closed again), else the status it was refused with."""
    async with client() as http:
        try:
            async with http.ws_connect(url, headers=headers):
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


async def test_a_page_of_another_site_gets_neither_the_page_nor_a_session(serve: Serve) -> None:
    served = serve()
    evil = {"Origin": "http://evil.example"}
    assert (await get(served.url(), **evil))[0] == 403
    assert await websocket_status(served.url("/ws?width=80&height=24"), **evil) == 403
    assert served.apps() == []  # no app was started for it
    assert (await get(served.url(), Origin=f"http://127.0.0.1:{served.port}"))[0] == 200


async def test_a_foreign_host_name_is_refused_against_dns_rebinding(serve: Serve) -> None:
    served = serve()
    port = served.port
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1.evil.example:{port}"):
        rebound = {"Host": host, "Origin": f"http://{host}"}  # its page's own origin
        assert (await get(served.url(), Host=host))[0] == 403, host
        assert (await get(served.url("/static/js/textual.js"), Host=host))[0] == 403, host
        assert await websocket_status(served.url("/ws"), **rebound) == 403, host
    assert served.apps() == []
    for host in ("localhost", "127.0.0.1", "[::1]", socket.gethostname(), socket.getfqdn()):
        assert (await get(served.url(), Host=f"{host}:{port}"))[0] == 200, host


async def test_off_loopback_every_request_needs_the_printed_token(serve: Serve) -> None:
    served = serve("--host", "0.0.0.0")
    token = served.token
    assert token is not None and len(token) >= 32, served.said()
    for path in ("/", "/static/js/textual.js", "/static/fonts/RobotoMono-VariableFont_wght.ttf"):
        status, body, _ = await get(served.url(path))
        assert status == 403 and "token" in body, path
        assert (await get(served.url(f"{path}?token={'x' * len(token)}")))[0] == 403
    assert await websocket_status(served.url("/ws")) == 403
    assert served.apps() == []
    status, _, cookies = await get(served.url(f"/?token={token}"))
    assert status == 200 and len(cookies) == 1
    assert "HttpOnly" in cookies[0] and "SameSite=Strict" in cookies[0] and token in cookies[0]
    cookie = cookies[0].split(";")[0]  # what the browser sends back: name=token
    assert (await get(served.url("/static/js/textual.js"), Cookie=cookie))[0] == 200
    assert (await get(served.url("/"), Cookie=cookie))[0] == 200
    wrong = await get(served.url(f"/?token={'x' * len(token)}"), Cookie=cookie)
    assert wrong[0] == 200 and wrong[2] == []  # the cookie's token kept, not the wrong one
    assert await websocket_status(served.url("/ws"), Cookie=cookie) == 101


async def test_the_page_points_at_the_address_the_browser_used(serve: Serve) -> None:
    served = serve("--host", "0.0.0.0")
    _, page, _ = await get(served.url(f"/?token={served.token}"))
    assert "0.0.0.0" not in page
    assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in page
    assert 'src="/static/js/textual.js"' in page and 'url("/static/fonts/' in page


def ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not ipv6_loopback(), reason="no IPv6 loopback here")
async def test_on_ipv6_the_websocket_address_has_brackets(serve: Serve) -> None:
    six = serve("--host", "::1")
    _, page, _ = await get(f"http://[::1]:{six.port}/")
    assert f'data-session-websocket-url="ws://[::1]:{six.port}/ws"' in page


async def test_no_folder_is_listed(serve: Serve) -> None:
    served = serve()
    for path in ("/static/", "/static/js/", "/static/fonts/"):
        status, body, _ = await get(served.url(path))
        assert status in (403, 404) and ".js" not in body and ".ttf" not in body, path
    assert (await get(served.url("/static/js/textual.js")))[0] == 200


@pytest.mark.slow
async def test_sessions_past_max_sessions_are_refused_until_one_ends(serve: Serve) -> None:
    served = serve("--max-sessions", "1")
    async with client() as http:
        first = await http.ws_connect(served.url("/ws?width=80&height=24"))
        await Drawn(80, 24).until(first, lambda frame: True)  # the app draws
        assert await websocket_status(served.url("/ws")) == 503
        status, body, _ = await get(served.url())
        assert status == 503 and "All 1 sessions" in body and "--max-sessions" in body
        await first.close()
        wait_until(lambda: served.apps() == [], "the first session's app to end")
        again = await http.ws_connect(served.url("/ws?width=80&height=24"))
        await Drawn(80, 24).until(again, lambda frame: True)
        await again.close()


@pytest.mark.slow
async def test_no_terminal_past_500_by_200_at_start_or_on_resize(serve: Serve) -> None:
    served = serve()
    async with client() as http:
        huge = await http.ws_connect(served.url("/ws?width=20000&height=20000"))
        await Drawn(500, 200).until(huge, lambda frame: True)
        (app,) = [pid for pid in served.apps() if cmdline(pid).startswith(sys.executable)]
        assert (environment_of(app)["COLUMNS"], environment_of(app)["ROWS"]) == ("500", "200")
        await huge.close()
        small = await http.ws_connect(served.url("/ws?width=80&height=24"))
        drawn = Drawn(80, 24)
        await drawn.until(small, lambda frame: 24 in rows_in(frame))
        await small.send_json(["resize", {"width": 1000, "height": 400}])
        frame = await drawn.until(small, lambda frame: max(rows_in(frame), default=0) > 24)
        assert max(rows_in(frame)) == 200 and max(rows_in(bytes(drawn.data))) == 200
        await small.close()


def cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


@pytest.mark.slow
async def test_an_app_ends_with_its_websocket_even_if_it_does_not_answer(serve: Serve) -> None:
    served = serve()
    async with client() as http:
        ws = await http.ws_connect(served.url("/ws?width=80&height=24"))
        await Drawn(80, 24).until(ws, lambda frame: True)
        apps = served.apps()
        assert apps
        for pid in apps:  # hung: it will not read the request to quit
            os.kill(pid, signal.SIGSTOP)
        await ws.close()
    wait_until(lambda: not any(alive(pid) for pid in apps), "the hung app to be killed", 15)


@pytest.mark.slow
async def test_a_read_only_app_refuses_to_mark(serve: Serve, make_pack: PackFactory) -> None:
    pack = make_pack()
    before = {path: path.read_bytes() for path in pack.rglob("*") if path.is_file()}
    served = serve("--read-only", before=("--content", str(pack)))
    async with client() as http:
        ws = await http.ws_connect(served.url("/ws?width=120&height=40"))
        drawn = Drawn(120, 40)
        await drawn.shows(ws, "Chips and money")
        await ws.send_json(["stdin", "\t"])  # into the article
        await ws.send_json(["stdin", "m"])  # mark its first sentence
        await drawn.shows(ws, "read-only")
        await ws.close()
    assert {path: path.read_bytes() for path in pack.rglob("*") if path.is_file()} == before
