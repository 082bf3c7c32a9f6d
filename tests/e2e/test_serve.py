"""`aiplan-tui serve` in a real browser: Debian's headless Chromium, driven by selenium. What
the page's terminal shows is read from the bytes the server sends it (the browser draws them
on a canvas), fed into a terminal emulator."""

from __future__ import annotations

import base64
import codecs
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyte
import pytest

from e2e.terminal import need

pytestmark = pytest.mark.slow

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTIFACTS = Path(os.environ.get("AIPLAN_TUI_ARTIFACTS", Path(__file__).parent.parent / "artifacts"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Any]:
    """Start `aiplan-tui ARGS serve --port N SERVE_ARGS` on a free port; yields a function
    doing that, which returns the address it printed for 127.0.0.1 (with its token if any)."""
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str, serve_args: tuple[str, ...] = ()) -> str:
        port = free_port()
        env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR"}}
        env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "c"),
                   XDG_STATE_HOME=str(tmp_path / "s"), XDG_CACHE_HOME=str(tmp_path / "k"))  # fmt: skip
        log = (tmp_path / "serve.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "aiplan_tui", *args, "serve", "--port", str(port), *serve_args],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
        started.append(process)
        deadline = time.monotonic() + 30
        while not (listening(port) and f"http://127.0.0.1:{port}/" in (said := read_log())):
            assert process.poll() is None, read_log()
            assert time.monotonic() < deadline, "the server never listened"
            time.sleep(0.05)  # polling the port and the log, not waiting for a guess
        token = re.search(r"\?token=[\w-]+", said)
        return f"http://127.0.0.1:{port}/" + (token.group(0) if token else "")

    def read_log() -> str:
        return (tmp_path / "serve.log").read_text(encoding="utf-8", errors="replace")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def browser() -> Iterator[Any]:
    need("chromium", CHROMIUM)
    need("chromedriver", DRIVER)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1280,800", "--disable-gpu"):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


class PageTerminal:
    """The page's terminal as the server drew it: every binary websocket frame fed to pyte."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self.screen = pyte.Screen(240, 80)
        self.stream = pyte.Stream(self.screen)
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.requested: list[str] = []

    def pump(self) -> None:
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.requestWillBeSent":
                self.requested.append(params["request"]["url"])
            elif message["method"] == "Network.webSocketFrameReceived":
                frame = params["response"]
                if frame["opcode"] == 2:
                    data = base64.b64decode(frame["payloadData"])
                    self.stream.feed(self.decoder.decode(data))

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, wanted: str, limit: float = 60.0) -> str:
        deadline = time.monotonic() + limit
        while True:
            self.pump()
            if wanted in self.text():
                return self.text()
            assert time.monotonic() < deadline, f"{wanted!r} never showed:\n{self.text()}"
            time.sleep(0.1)  # polling what the browser received

    def wait_until_gone(self, unwanted: str, limit: float = 60.0) -> None:
        deadline = time.monotonic() + limit
        while True:
            self.pump()
            if unwanted not in self.text():
                return
            assert time.monotonic() < deadline, f"{unwanted!r} never went:\n{self.text()}"
            time.sleep(0.1)  # polling what the browser received

    def press(self, *keys: str) -> None:
        """Type text, or press a special key (selenium's `Keys`) down and up."""
        from selenium.webdriver.common.action_chains import ActionChains

        chain = ActionChains(self.driver)
        for key in keys:
            if len(key) == 1 and "\ue000" <= key <= "\uf8ff":  # a special key
                chain.key_down(key).key_up(key)
            else:
                chain.send_keys(key)
        chain.perform()


def test_the_app_in_a_browser_reads_searches_and_compares(serve: Any, browser: Any) -> None:
    from selenium.webdriver.common.keys import Keys

    url = serve()
    browser.get(url)
    page = PageTerminal(browser)
    shown = page.wait_for("China releases AI action plan")
    assert "Articles (2)" in shown
    browser.find_element("css selector", "#terminal").click()
    page.press("/")
    page.wait_for("Type to search")
    page.press("chips")
    page.wait_for("results")
    page.press(Keys.ESCAPE)
    page.wait_until_gone("^r History")  # the search closed (an escape followed at once by 2
    # reads as alt+2, in a browser as in a terminal)
    page.press("2")
    page.wait_for("Governance approach (1/7)")
    page.press("j", "j")
    shown = page.wait_for("Investment and industry (3/7)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "serve-compare.png"))
    assert "█" in shown or "▇" in shown or "▌" in shown, shown  # the figure bars
    outside = [u for u in page.requested if not u.startswith(url) and not u.startswith("data:")]
    assert not outside, f"the page loaded from elsewhere: {outside}"


def test_an_app_that_cannot_start_says_why_on_the_page(serve: Any, browser: Any) -> None:
    url = serve("--content", "/nonexistent/pack")
    browser.get(url)
    page = PageTerminal(browser)
    shown = page.wait_for("aiplan-tui could not start")
    assert "/nonexistent/pack" in shown and "no such content directory" in shown


def test_a_browser_on_another_machine_gets_the_app_with_the_token(serve: Any, browser: Any) -> None:
    """Bound to every address, reached at one of them (127.0.0.1 stands in for the machine's
    network address): the printed address with its token opens the app; the page's script,
    font and websocket (which carries no token: the cookie does) all go to that address."""
    url = serve(serve_args=("--host", "0.0.0.0"))
    assert "?token=" in url
    browser.get(url)
    page = PageTerminal(browser)
    shown = page.wait_for("China releases AI action plan")
    assert "Articles (2)" in shown
    base = url.split("?")[0]
    outside = [u for u in page.requested if not u.startswith(base) and not u.startswith("data:")]
    assert not outside, f"the page loaded from elsewhere: {outside}"
    assert any(u.startswith(f"{base}static/js/") for u in page.requested), page.requested
