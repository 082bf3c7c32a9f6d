"""The web server of `aiplan-tui serve`: textual-serve's, held to what `serve_guard` allows.

Every request passes the guard (host, origin, token); the page's URLs are relative to the
address the browser used, so it works from another machine; `/static/` lists nothing; at
most `max_sessions` app processes run, each in a terminal of at most 500x200, and each ends
with its websocket: asked to quit, then SIGTERM, then SIGKILL, each after a short grace.

This is the one module that uses textual-serve's private names (`AppService._process`,
`_stdin`, `_task`, `_download_manager`, `_build_environment`, `_open_app_process`): it is pinned
below 1.2 in pyproject.toml, and tests/cli/test_serve_security.py checks what they do.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shlex
import signal
import socket
from asyncio.subprocess import PIPE, Process
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from aiohttp.typedefs import Handler
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager
from textual_serve.server import Server, to_int

from aiplan_tui.cli.serve_guard import Guard, authority, clamp_size, split_host
from aiplan_tui.core.safe_text import clean_line

log = logging.getLogger("textual-serve")

QUIT_GRACE, TERM_GRACE = 1.0, 2.0
"""Seconds an app is given to quit when asked, then to end on SIGTERM, before SIGKILL."""


class Session(AppService):
    """One browser tab's app: a process in a process group of its own (so what it starts
    ends with it), its terminal size held to the cap."""

    def __init__(
        self, command: str, websocket: web.WebSocketResponse, downloads: DownloadManager
    ) -> None:
        async def close() -> None:
            await websocket.close()

        super().__init__(
            command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
            close=close, download_manager=downloads,
        )  # fmt: skip
        self.websocket = websocket
        self.ending: asyncio.Future[None] | None = None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        # textual-serve's private hook (pinned <1.2): its own runs the command through a
        # shell, in the server's process group; this runs it directly, in a group of its own.
        self._process = process = await asyncio.create_subprocess_exec(
            *shlex.split(self.command), stdin=PIPE, stdout=PIPE, stderr=PIPE,
            env=self._build_environment(width=width, height=height), start_new_session=True,
        )  # fmt: skip
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def set_terminal_size(self, width: int, height: int) -> None:
        await super().set_terminal_size(*clamp_size(width, height))

    async def run(self) -> None:
        """Relay the app's output; once it ends (quit, crashed), close the page's websocket."""
        try:
            await super().run()
        finally:
            await self.remote_close()

    async def stop(self) -> None:
        await self.end()  # textual-serve's waits for the app for as long as it takes

    async def end(self) -> None:
        """End the app (once, however often asked), and any process it started."""
        if self.ending is None:
            self.ending = asyncio.ensure_future(self._end())
        await asyncio.shield(self.ending)

    async def _end(self) -> None:
        process = self._process
        if process is None:
            return
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            await self.send_meta({"type": "quit"})
            if not await ended(process, QUIT_GRACE):
                signal_group(process.pid, signal.SIGTERM)
                if not await ended(process, TERM_GRACE):
                    signal_group(process.pid, signal.SIGKILL)  # it and all it started
                    await process.wait()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, TERM_GRACE)
            except asyncio.TimeoutError:  # (not yet TimeoutError in Python 3.10)
                log.warning("the output of an ended app was still open")


async def ended(process: Process, within: float) -> bool:
    try:
        await asyncio.wait_for(process.wait(), within)
    except asyncio.TimeoutError:
        return False
    return True


def signal_group(group: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signum)


async def relay(websocket: web.WebSocketResponse, session: Session) -> None:
    """What the page sends, to the app: keys, sizes, focus; pings answered. Anything
    malformed is dropped."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope = json.loads(message.data)
        except ValueError:
            continue
        if not isinstance(envelope, list) or not envelope:
            continue
        kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(data, str):
            await session.send_bytes(data.encode("utf-8", "replace"))
        elif kind == "resize" and isinstance(data, dict):
            width, height = data.get("width"), data.get("height")
            if isinstance(width, int) and isinstance(height, int):
                await session.set_terminal_size(width, height)
        elif kind == "ping":
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await session.blur()
        elif kind == "focus":
            await session.focus()


class GuardedServer(Server):
    """textual-serve's server behind the guard, with a cap on its sessions."""

    def __init__(self, command: str, guard: Guard, max_sessions: int, templates: Path) -> None:
        super().__init__(command, host=guard.bound, port=guard.port, templates_path=templates)
        self.title = "aiplan-tui"
        self.guard = guard
        self.max_sessions = max_sessions
        self.live = 0
        """Sessions started or starting, counted before anything is awaited."""
        self.sessions: set[Session] = set()

    @property
    def full(self) -> str:
        return (
            f"All {self.max_sessions} sessions of this server are in use (--max-sessions): "
            "close another tab of it, or try again later."
        )

    async def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.check])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, show_index=False, name="static"),
        ])  # fmt: skip
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def check(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Every request through the guard; a token given in the query is kept in a cookie."""
        token = request.query.get("token")
        refusal = self.guard.refusal(
            request.headers.get("Host"), request.headers.get("Origin"), token,
            request.cookies.get(self.guard.cookie),
        )  # fmt: skip
        if refusal is not None:
            log.warning("refused %s %s: %s", request.remote, clean_line(request.path), refusal)
            return web.Response(status=403, text=refusal + "\n")
        response = await handler(request)
        kept, given = self.guard.token, token is not None and self.guard.token_matches(token)
        if kept is not None and given and not response.prepared:  # (not a websocket's)
            response.set_cookie(self.guard.cookie, kept, httponly=True, samesite="Strict")
        return response

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, its URLs relative to the address the browser used (checked by then)."""
        if self.live >= self.max_sessions:
            raise web.HTTPServiceUnavailable(text=self.full + "\n")
        name, port = split_host(request.headers["Host"]) or ("", "")
        return {
            "font_size": max(6, min(to_int(request.query.get("fontsize", "16"), 16), 64)),
            "app_websocket_url": f"ws://{authority(name, port)}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A session: an app process of its own for as long as the websocket is open."""
        if self.live >= self.max_sessions:
            log.warning("refused a session for %s: %d running", request.remote, self.live)
            raise web.HTTPServiceUnavailable(text=self.full + "\n")
        self.live += 1
        try:
            return await self.run_session(request)
        finally:
            self.live -= 1

    async def run_session(self, request: web.Request) -> web.WebSocketResponse:
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        websocket = web.WebSocketResponse(heartbeat=15)
        if not websocket.can_prepare(request).ok:
            raise web.HTTPBadRequest(text="This address is the app's websocket.\n")
        session = Session(self.command, websocket, self.download_manager)
        self.sessions.add(session)
        log.info("session for %s (%d of %d)", request.remote, self.live, self.max_sessions)
        try:
            await websocket.prepare(request)
            await session.start(*clamp_size(width, height))
            await relay(websocket, session)
        except Exception as error:
            log.exception(error)
        finally:
            self.sessions.discard(session)
            await session.end()
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """The server stops: every app ends, and every page is told."""
        sessions = list(self.sessions)
        await asyncio.gather(*(session.end() for session in sessions), return_exceptions=True)
        for session in sessions:
            await session.websocket.close(code=WSCloseCode.GOING_AWAY)

    def run(self, sockets: list[socket.socket]) -> None:
        """Serve on these listening sockets until SIGINT or SIGTERM."""
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, self.request_exit)
        web.run_app(
            self.make_app(), sock=sockets, handle_signals=False, loop=loop, print=None,
            access_log=None, shutdown_timeout=5,
        )  # fmt: skip
