"""Back to the source (issue 32): the article's address is an OSC 8 link in the reader's header
(only a safe http(s) one); `o` opens it in a browser, or the user's under `serve`, or copies it
where there is no browser to start; `e` hands the highlight's file to $EDITOR at its line, or
says why not. The real terminal's side (suspend, the editor, the reload, the link's bytes):
tests/pty/test_source_links_pty.py."""

from __future__ import annotations

import json
import webbrowser
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import ClassVar

import pytest
from textual.widgets import Static

from aiplan_tui.core.links import web_url
from aiplan_tui.core.model import Pack
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.ui.source_actions import (
    editor_arguments,
    editor_command,
    open_in_background,
    open_source,
)
from conftest import ARTICLE, PackFactory, make_app, until

URL = "https://example.com/wire?id=1&x=2"


def with_url(url: str) -> dict[str, str | bytes | None]:
    """The mini pack, its article giving `url` (as TOML writes it)."""
    line = f"url = {json.dumps(url)}\n"  # JSON's string escapes are TOML's
    return {"articles/wire.md": ARTICLE.replace('outlet = "Example Wire"\n',
                                                f'outlet = "Example Wire"\n{line}')}  # fmt: skip


def header_links(app: object) -> list[tuple[str, str | None]]:
    """Each piece of the reader's header line with the link it carries."""
    meta = app.reader.query_one(".article-meta", Static)  # type: ignore[attr-defined]
    content = meta.render()  # Textual's Content, made from the Text the header was given
    plain = str(content)
    return [(plain[s.start : s.end], getattr(s.style, "link", None)) for s in content.spans]


async def test_the_address_in_the_header_is_a_link(make_pack: PackFactory) -> None:
    app = make_app(make_pack(with_url(URL)))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.reader.query(".article-meta"), "the header")
        assert (URL, URL) in header_links(app)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "https://example.com/\x1b]8;;https://evil.example\x07click",
        "file:///etc/passwd",
        "https://exa mple.com/",
        "ftp://example.com/",
    ],
)
async def test_an_address_that_is_not_plain_http_is_text_not_a_link(
    make_pack: PackFactory, url: str
) -> None:
    app = make_app(make_pack(with_url(url)))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.reader.query(".article-meta"), "the header")
        assert all(link is None for _, link in header_links(app))
        meta = str(app.reader.query_one(".article-meta", Static).render())
        assert "\x1b" not in meta and "\x07" not in meta


async def test_o_without_a_browser_copies_the_address(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)  # as over SSH: nothing to start a browser on
    app = make_app(make_pack(with_url(URL)))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("o")
        await until(pilot, lambda: app.notices, "a notice")
        assert app.clipboard == URL
        assert app.notices[-1].message == (
            f"No browser to open here, so the address is copied: {URL}"
        )


async def test_o_on_an_article_without_an_address_says_so(make_pack: PackFactory) -> None:
    app = make_app(make_pack())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("]", "o")  # from a quote as from the article
        await until(pilot, lambda: app.notices, "a notice")
        assert app.notices[-1].message == "'Chips and money' gives no address to open."
        assert app.clipboard == ""


class Opened(webbrowser.BaseBrowser):
    """A browser that runs beside the app, as a desktop's does; it records what it opens."""

    urls: ClassVar[list[str]] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.urls.append(url)
        return True


def test_a_desktop_browser_opens_the_address_and_a_terminal_one_never(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(webbrowser, "_browsers", {})
    monkeypatch.setattr(webbrowser, "_tryorder", [])
    webbrowser.register("desktop", None, Opened("desktop"), preferred=True)
    assert open_in_background(URL) and Opened.urls == [URL]
    monkeypatch.setattr(webbrowser, "_browsers", {})
    monkeypatch.setattr(webbrowser, "_tryorder", [])
    webbrowser.register("lynx", None, webbrowser.GenericBrowser("lynx"), preferred=True)
    assert not open_in_background(URL)  # it would take over the app's terminal


@dataclass
class ServedApp:
    """What `o` asks of the app, as it is under `serve` (a browser on the other end)."""

    pack: Pack
    is_web: bool = True
    opened: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    screen: object = None
    """The screen shown: none of Review's kind here."""

    def selected_highlight(self) -> str | None:
        return None

    def reader_place(self) -> tuple[str | None, int]:
        return "wire", 0

    def notify(self, message: str, **_: object) -> None:
        self.notices.append(message)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        self.opened.append(url)

    def copy_to_clipboard(self, text: str) -> None:
        raise AssertionError("under serve the address opens in the user's browser")

    def suspend(self) -> AbstractContextManager[None]:
        return nullcontext()

    def reload_pack(self, then: Callable[[Pack], object]) -> bool:
        return True


def test_under_serve_o_opens_the_address_in_the_users_browser(make_pack: PackFactory) -> None:
    served = ServedApp(load_pack(make_pack(with_url(URL))).pack)
    open_source(served)
    assert served.opened == [URL] and served.notices == [f"Opened in your browser: {URL}"]


async def test_e_says_where_the_highlight_is_when_it_cannot_edit(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_pack()
    where = f"{root / 'highlights' / 'wire.toml'}:1"
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = make_app(root)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("]", "e")
        await until(pilot, lambda: app.notices, "a notice")
        assert app.notices[-1].message == (
            f"Set $EDITOR (say, export EDITOR=nano) to edit from here. The highlight is at {where}."
        )
        monkeypatch.setenv("EDITOR", "true")
        said = len(app.notices)
        await pilot.press("e")  # a test's terminal cannot be handed over
        await until(pilot, lambda: len(app.notices) > said, "another notice")
        assert app.notices[-1].message == (
            f"This terminal cannot be handed to an editor. The highlight is at {where}."
        )


async def test_e_never_edits_the_bundled_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "true")
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("]", "e")
        await until(pilot, lambda: app.notices, "a notice")
        assert app.notices[-1].message.startswith("The bundled pack is not for editing")


def test_web_url_takes_only_plain_http_addresses() -> None:
    assert web_url(" https://example.com/a?b=1 ") == "https://example.com/a?b=1"
    assert web_url("HTTP://EXAMPLE.COM") == "HTTP://EXAMPLE.COM"
    for bad in ("", "https://", "mailto:a@b", "https://e.com:99999/", "https://é.com/",
                "https://e.com/\x1b\\", "https://e.com/" + "a" * 2100):  # fmt: skip
        assert web_url(bad) is None, bad


async def test_a_search_result_matched_in_the_address_links_it(make_pack: PackFactory) -> None:
    from test_search_screen import prompts, put_query, wait_for_index

    app = make_app(make_pack(with_url(URL)))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("slash")
        await put_query(pilot, app, "example.com kind:article")
        (article,) = prompts(app)
        assert f"\nurl: {URL}" in article.plain
        links = {str(s.style.link) for s in article.spans if getattr(s.style, "link", None)}
        assert links == {URL}


async def test_e_on_review_names_the_suggestion_s_place(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Review, `e` acts on the suggestion under the cursor (it said "move onto a highlight
    first" there, as Review's suggestions are not copied by y)."""
    from reviewing import FILE, review_pack, reviewing

    root = review_pack(make_pack)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    async with reviewing(root, size=(120, 40), notifications=True) as (app, pilot):
        said = len(app.notices)
        await pilot.press("e")
        await until(pilot, lambda: len(app.notices) > said, "a notice")
        assert app.notices[-1].message == (
            "Set $EDITOR (say, export EDITOR=nano) to edit from here. "
            f"The highlight is at {root / FILE}:4."
        )


def test_the_editor_is_given_the_line_as_it_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert editor_arguments(["vim"], "h.toml", 12) == ["vim", "+12", "h.toml"]
    assert editor_arguments(["/usr/bin/nano"], "h.toml", 3) == ["/usr/bin/nano", "+3", "h.toml"]
    assert editor_arguments(["code", "-w"], "h.toml", 12) == ["code", "-w", "-g", "h.toml:12"]
    assert editor_arguments(["subl", "-w"], "h.toml", 2) == ["subl", "-w", "h.toml:2"]
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", 'vim "')  # an unclosed quotation mark: never a crash
    assert editor_command() == ["vim", '"']
