"""Every text field of a pack, crossed with every kind of hostile text, checked on screen.

A pack comes from users and third parties: nothing in it may be read as Textual/Rich markup,
run as an action (`[@click=app.quit]`), or reach the terminal as a control sequence. The
tables below are the contract, case by case:

- PAYLOADS: each hostile text, what the screen must show for it, and the behaviour in words.
- FIELDS: each text field of the pack format, the file it is written in, and the screen
  (reached by keys, as a person would) that shows it.
- RAW_IN_TOML: control characters written raw (not as `\\u` escapes) in a TOML string.

Each field gets one value holding every payload (`ok0`, `ok1`, ... after each payload show
that the text following it is kept), loaded through `load_pack` and shown in the app with
Textual's pilot; fields on the same screen are made hostile together (ROUTES), each value
starting with its field's name. What the screen draws is read back cell by cell: the text is
there literally, no control character is drawn, no cell carries an action or a link, no tag
changed a style, and clicking where `[@click=app.quit]` is drawn does nothing.

Not shown by the app, so not in FIELDS: pack description, tags, an entity's note
(they reach search results and export, not covered here). Invisible zero-width characters
(zero-width space, word joiner, BOM) are removed like controls; joiners stay, scripts and emoji
sequences need them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.segment import Segment
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static, Tree

from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_themes_dir
from aiplan_tui.settings.themes import DEFAULT_THEME
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.startup import Startup
from aiplan_tui.ui.theme_catalog import ThemeCatalog
from conftest import PackFactory, make_app, until

# --- The hostile texts --------------------------------------------------------------------------

LITERALLY = "shown literally: brackets and all, no style, no link, no action"
STRIPPED = "control characters removed, the printable rest and the text after it kept"
REMOVED_ZERO_WIDTH = "removed: invisible, it could hide or split a word; the text around it kept"


@dataclass(frozen=True)
class Payload:
    kind: str
    """"markup" or "control"."""
    name: str
    text: str
    """As the pack's author wrote it (in .md bodies raw; in TOML strings as \\u escapes)."""
    shown: str
    """What the screen shows for it."""
    expected: str


PAYLOADS: tuple[Payload, ...] = (
    Payload("markup", "bold", "[bold]x[/]", "[bold]x[/]", LITERALLY),
    Payload("markup", "link", "[link=https://e.example]x[/link]",
            "[link=https://e.example]x[/link]", LITERALLY),
    Payload("markup", "click", "[@click=app.quit]x[/]", "[@click=app.quit]x[/]", LITERALLY),
    Payload("markup", "unbalanced", "[/]", "[/]", LITERALLY + " (no MarkupError)"),
    Payload("markup", "spaced-tag", "[ bold ]x", "[ bold ]x", LITERALLY),
    Payload("markup", "variable", "[$accent]x[/]", "[$accent]x[/]", LITERALLY),
    Payload("markup", "on-red", "[on red]x", "[on red]x", LITERALLY),
    Payload("control", "osc-title", "\x1b]0;T\x07", "]0;T", STRIPPED),
    Payload("control", "osc52-clipboard", "\x1b]52;c;aGk=\x07", "]52;c;aGk=", STRIPPED),
    Payload("control", "osc8-hyperlink", "\x1b]8;;https://e.example\x1b\\L\x1b]8;;\x1b\\",
            "]8;;https://e.example\\L]8;;\\", STRIPPED),
    Payload("control", "csi-clear-home", "\x1b[2J\x1b[H", "[2J[H", STRIPPED),
    Payload("control", "dcs", "\x1bPq#0;2\x1b\\", "Pq#0;2\\", STRIPPED),
    Payload("control", "c1-csi", "\x9b2J", "2J", STRIPPED),
    Payload("control", "c1-osc", "\x9d0;x\x9c", "0;x", STRIPPED),
    Payload("control", "unterminated-osc", "\x1b]0;never ended", "]0;never ended", STRIPPED),
    Payload("control", "nul", "a\x00b", "ab", STRIPPED),
    Payload("control", "del", "a\x7fb", "ab", STRIPPED),
    Payload("control", "shift-out", "a\x0eb", "ab", STRIPPED),
    Payload("control", "bidi-rlo", "a\u202eb", "ab", STRIPPED),
    Payload("control", "bidi-lri", "a\u2066b\u2069", "ab", STRIPPED),
    Payload("control", "zero-width-space", "a\u200bb", "ab", REMOVED_ZERO_WIDTH),
    Payload("control", "zero-width-bom", "a\ufeffb", "ab", REMOVED_ZERO_WIDTH),
)  # fmt: skip
KINDS = ("markup", "control")


def hostile_value(kind: str | None = None) -> tuple[str, str]:
    """(the value written, what the screen must show): every payload (of a kind), in one text."""
    chosen = [p for p in PAYLOADS if kind in (None, p.kind)]
    written = " ".join(f"{p.text}ok{n}" for n, p in enumerate(chosen))
    shown = " ".join(f"{p.shown}ok{n}" for n, p in enumerate(chosen))
    return written, shown


def toml_string(text: str) -> str:
    """`text` as the inside of a TOML basic string: anything not printable as a \\u escape."""
    out = []
    for ch in text:
        if ch in '"\\' or not ch.isprintable():
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return "".join(out)


# --- The pack, with one field made hostile ------------------------------------------------------

PACK = {
    "pack.toml": """\
[pack]
id = "hostile"
title = "@@pack_title@@"

[[side]]
id = "us"
label = "@@side_label@@"
short = "@@side_short@@"

[[side]]
id = "china"
label = "China"

[[dimension]]
id = "chips"
title = "@@dimension_title@@"
description = "@@dimension_description@@"
""",
    "articles/wire.md": """\
+++
title = "@@article_title@@"
outlet = "@@article_outlet@@"
dateline = "@@article_dateline@@"
sides = ["us", "china"]
+++

@@paragraph@@

Chen said @@quote_exact@@ to reporters.

The plan: @@fact_exact@@ was spent.

The stance: @@position_exact@@ is held.

The summit: @@event_exact@@ took place.
""",
    "entities.toml": """\
[[entity]]
id = "chen"
name = "@@speaker_name@@"
kind = "person"
role = "@@entity_role@@"
aliases = ["@@entity_alias@@"]
""",
    "highlights/wire.toml": """\
[[quote]]
id = "q"
article = "wire"
exact = "@@quote_exact@@"
speaker = "chen"
direct = true
sides = ["china"]
dimensions = ["chips"]
note = "@@highlight_note@@"

[[fact]]
id = "f"
article = "wire"
exact = "@@fact_exact@@"
metric = "@@fact_metric@@"
value = 5
unit = "@@fact_unit@@"
period = "@@fact_period@@"
qualifier = "@@fact_qualifier@@"
sides = ["us"]

[[position]]
id = "p"
article = "wire"
exact = "@@position_exact@@"
side = "us"

[[event]]
id = "e"
article = "wire"
exact = "@@event_exact@@"
date = "@@event_date@@"
""",
    "comparison.toml": """\
[[cell]]
dimension = "chips"
side = "us"
summary = "@@cell_summary@@"
highlights = ["f"]

[[cell]]
dimension = "chips"
side = "china"
summary = "China's side."
highlights = ["q"]
""",
}
PLAIN = {
    "pack_title": "Plain pack",
    "side_label": "United States",
    "side_short": "US",
    "dimension_title": "Chips",
    "dimension_description": "About chips",
    "article_title": "Wire story",
    "article_outlet": "Example Wire",
    "article_dateline": "SHANGHAI",
    "paragraph": "Opening words.",
    "quote_exact": "the camps are formed",
    "fact_exact": "five dollars",
    "position_exact": "open models",
    "event_exact": "the summit",
    "speaker_name": "George Chen",
    "entity_role": "Analyst",
    "entity_alias": "Chen",
    "highlight_note": "An editor's note.",
    "fact_metric": "Spending",
    "fact_unit": "widgets",
    "fact_period": "2024",
    "fact_qualifier": "about",
    "event_date": "Saturday",
    "cell_summary": "The US side.",
}


def pack_files(field: str, written: str, **more: str) -> dict[str, str | bytes | None]:
    """The pack with `field` (and any in `more`) set to `written`: raw in the article body,
    escaped in TOML."""
    values = {**PLAIN, field: written, **more}
    files: dict[str, str | bytes | None] = {}
    for name, template in PACK.items():
        if name.endswith(".md"):
            front, _, body = template.partition("+++\n\n")
            for key, value in values.items():
                front = front.replace(f"@@{key}@@", toml_string(value))
                body = body.replace(f"@@{key}@@", value)
            files[name] = f"{front}+++\n\n{body}"
        else:
            for key, value in values.items():
                template = template.replace(f"@@{key}@@", toml_string(value))
            files[name] = template
    return files


# --- Reading the screen -------------------------------------------------------------------------

UNSAFE = {
    *map(chr, range(0x20)),
    *map(chr, range(0x7F, 0xA0)),
    "\u061c",
    "\u200e",
    "\u200f",
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
    "\u180e",
    "\u200b",
    *map(chr, range(0x2060, 0x2065)),
    "\ufeff",
} - {"\n"}
"""C0 (but newline), DEL, C1, bidi controls and invisible zero-width characters: never in what
is drawn."""


def screen_strips(app: AiplanApp) -> list[Strip]:
    """Every row of the screen as drawn, one strip a row."""
    return app.screen._compositor.render_strips()


def drawn_text(app: AiplanApp, widget: Widget) -> str:
    """What the screen draws inside the widget's content (no border, no padding), row by row."""
    strips = screen_strips(app)
    region = widget.content_region.intersection(app.screen.region)
    rows = [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]
    return "\n".join(rows)


def squeeze(text: str) -> str:
    return "".join(text.split())


def assert_safe(strips: Sequence[Strip]) -> None:
    """No control character is drawn, no cell carries an action or a link."""
    for y, strip in enumerate(strips):
        for segment in strip:
            bad = sorted({ch for ch in segment.text if ch in UNSAFE})
            assert not bad, f"row {y}: control characters {bad!r} drawn in {segment.text!r}"
            style = segment.style
            if style is None:
                continue
            assert "@click" not in style.meta, f"row {y}: an action in {segment.text!r}"
            assert not style.link, f"row {y}: a link in {segment.text!r}"


def assert_markup_inert(strips: Sequence[Strip]) -> None:
    """Where a markup payload is drawn whole on a line, every cell of it has one style: no tag
    in it changed the style of the text after it."""
    for strip in strips:
        cells: list[Segment] = [
            Segment(ch, segment.style) for segment in strip for ch in segment.text
        ]
        line = "".join(cell.text for cell in cells)
        for payload in PAYLOADS:
            if payload.kind != "markup":
                continue
            start = line.find(payload.shown)
            while start >= 0:
                styles = {cells[i].style for i in range(start, start + len(payload.shown))}
                assert len(styles) == 1, f"{payload.shown!r} drawn in {len(styles)} styles"
                start = line.find(payload.shown, start + 1)


def tree_labels(tree: Tree[object]) -> str:
    labels: list[str] = []
    stack = list(tree.root.children)
    while stack:
        node = stack.pop(0)
        labels.append(str(node.label))
        stack.extend(node.children)
    return "\n".join(labels)


async def click_the_action(app: AiplanApp, pilot: Pilot[None]) -> None:
    """Click where `[@click=app.quit]` is drawn: nothing happens, the app goes on."""
    spots = [
        (x, y)
        for y, strip in enumerate(screen_strips(app))
        if (x := strip.text.find("[@click")) >= 0
    ]
    for x, y in spots:
        await pilot.click(offset=(x + 1, y))
    await pilot.pause()
    assert app.return_code is None and app.is_running


# --- The fields ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldCase:
    field: str
    where: str
    """The file and key it is written in."""
    screen: str
    """Where it is shown and how it is reached."""
    keys: tuple[str, ...]
    shows: Callable[[AiplanApp], Sequence[Widget]]
    """The widgets whose rendered text must hold the field's text."""
    tree: bool = False
    """A tree's lines are cut at the pane's edge: its node labels are read instead."""
    one_line: bool = False
    """One line, cut at the edge with an ellipsis: what the widget renders is read instead."""
    go_to_speaker: bool = False
    """Reached by the palette's "Go to speaker" (app.go_to), before the keys."""


def one(selector: str) -> Callable[[AiplanApp], Sequence[Widget]]:
    return lambda app: [app.screen.query_one(selector)]


def cards(app: AiplanApp) -> Sequence[Widget]:
    return list(app.screen.query("#cards .card").results(Static))


FIELDS: tuple[FieldCase, ...] = (
    FieldCase("article_title", "articles/*.md front matter: title",
              "reader: the article's heading", (), one(".article-title")),
    FieldCase("paragraph", "articles/*.md body (raw characters)",
              "reader: the paragraph", (), one("ParagraphView")),
    FieldCase("article_outlet", "articles/*.md front matter: outlet",
              "reader: the line under the heading", (), one(".article-meta")),
    FieldCase("article_dateline", "articles/*.md front matter: dateline",
              "reader: the line under the heading", (), one(".article-meta")),
    FieldCase("quote_exact", "highlights/*.toml [[quote]] exact (and the body, raw)",
              "quotes screen (3): the list", ("3",), one("#quote-list"), tree=True),
    FieldCase("speaker_name", "entities.toml [[entity]] name",
              "quotes screen (3): the speaker's heading and the preview", ("3",),
              lambda app: [app.screen.query_one("#quote-list"),
                           app.screen.query_one("#quote-preview")], tree=True),
    FieldCase("entity_role", "entities.toml [[entity]] role",
              "reader, on the quote (]): its card", ("right_square_bracket",), cards),
    FieldCase("entity_alias", "entities.toml [[entity]] aliases",
              "reader, the speaker's page (palette's go-to): 'Mentions of ...'", (),
              one("#listing"), go_to_speaker=True),
    FieldCase("highlight_note", "highlights/*.toml note",
              "reader, on the quote (]): its card", ("right_square_bracket",), cards),
    FieldCase("fact_metric", "highlights/*.toml [[fact]] metric",
              "reader, the fact's paragraph (tab j j): its card", ("tab", "j", "j"), cards),
    FieldCase("fact_unit", "highlights/*.toml [[fact]] unit",
              "reader, the fact's paragraph (tab j j): its card", ("tab", "j", "j"), cards),
    FieldCase("position_exact", "highlights/*.toml [[position]] exact (and the body, raw)",
              "reader, the position's paragraph (tab j j j): its card", ("tab", "j", "j", "j"),
              cards),
    FieldCase("fact_period", "highlights/*.toml [[fact]] period",
              "reader, the fact's paragraph (tab j j): its card", ("tab", "j", "j"), cards),
    FieldCase("fact_qualifier", "highlights/*.toml [[fact]] qualifier",
              "reader, the fact's paragraph (tab j j): its card", ("tab", "j", "j"), cards),
    FieldCase("event_date", "highlights/*.toml [[event]] date (a string)",
              "reader, the event's paragraph (tab j j j j): its card", ("tab",) + ("j",) * 4,
              cards),
    FieldCase("cell_summary", "comparison.toml [[cell]] summary",
              "compare screen (2): the cell", ("2",), one(".summary")),
    FieldCase("dimension_title", "pack.toml [[dimension]] title",
              "compare screen (2): the row's title", ("2",), one(".dimension-title")),
    FieldCase("dimension_description", "pack.toml [[dimension]] description",
              "compare screen (2): the row's title", ("2",), one(".dimension-title")),
    FieldCase("side_label", "pack.toml [[side]] label",
              "compare screen (2): the column heading", ("2",), one("#compare-left-label"),
              one_line=True),
    FieldCase("side_short", "pack.toml [[side]] short",
              "reader, the fact's paragraph (tab j j): the card's sides", ("tab", "j", "j"),
              cards),
    FieldCase("pack_title", "pack.toml [pack] title",
              "every screen: the title bar", (), one("TitleBar"), one_line=True),
)  # fmt: skip


ROUTES: dict[tuple[tuple[str, ...], bool], list[FieldCase]] = {}
for _case in FIELDS:
    ROUTES.setdefault((_case.keys, _case.go_to_speaker), []).append(_case)
"""The fields shown on the same screen after the same keys: made hostile together (each
value starts with its field's name), so one run of the app checks them all."""


@pytest.mark.parametrize(
    "cases", list(ROUTES.values()), ids=lambda cases: "+".join(c.field for c in cases)
)
async def test_hostile_fields_are_shown_as_inert_text(
    make_pack: PackFactory, cases: list[FieldCase]
) -> None:
    """Every payload of the table, in one value of each field."""
    written, shown = hostile_value()
    values = {case.field: f"{case.field} {written}" for case in cases}
    result = load_pack(make_pack(pack_files(*values.popitem(), **values)))
    assert [p.format() for p in result.problems.errors] == []
    app = make_app(result)
    async with app.run_test(size=(120, 100)) as pilot:  # tall: every card fits
        await pilot.pause()
        if cases[0].go_to_speaker:
            app.go_to("entity", "chen")  # as the palette's "Go to speaker" does
        await pilot.press(*cases[0].keys)
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()
        for case in cases:
            widgets = case.shows(app)
            assert widgets, f"nothing shows {case.field} on {case.screen}"
            rendered = "\n".join(
                tree_labels(w)
                if isinstance(w, Tree)
                else str(w.render())
                if case.one_line
                else squeeze(drawn_text(app, w))
                for w in widgets
            )
            wanted = f"{case.field} {shown}"
            wanted = wanted if case.tree or case.one_line else squeeze(wanted)
            assert wanted in rendered, f"{case.field}: {wanted!r} not in {rendered!r}"
        strips = screen_strips(app)
        assert_safe(strips)
        assert_markup_inert(strips)
        await click_the_action(app, pilot)


async def test_a_notice_naming_a_hostile_side_shows_it_literally(make_pack: PackFactory) -> None:
    """`enter` on a side with no cell says so in a notice naming the side: literally, even
    with `[/]` in it (as markup that was a MarkupError), and without control characters."""
    written, shown = hostile_value()
    files = pack_files("side_short", written)
    files["comparison.toml"] = (
        files["comparison.toml"]
        .split("[[cell]]")[2]
        .join(  # type: ignore[union-attr]
            ["[[cell]]", ""]
        )
    )
    result = load_pack(make_pack(files))
    assert result.problems.errors == []
    app = make_app(result)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter")
        await pilot.pause()
        notices = [n.message for n in app.notices]
        assert f"Nothing to open: {shown} is not covered on this dimension." in notices
        strips = screen_strips(app)
        assert_safe(strips)
        assert_markup_inert(strips)
        await click_the_action(app, pilot)


# --- Control characters written raw in TOML -----------------------------------------------------


@dataclass(frozen=True)
class RawCase:
    name: str
    raw: str
    shown: str
    expected: str


RAW_IN_TOML: tuple[RawCase, ...] = (
    RawCase("esc", "\x1b[2J", "", "rejected: file:line:col 'TOML syntax: Illegal character', rest loads"),
    RawCase("nul", "\x00", "", "rejected: file:line:col 'TOML syntax: Illegal character', rest loads"),
    RawCase("del", "\x7f", "", "rejected: file:line:col 'TOML syntax: Illegal character', rest loads"),
    RawCase("shift-out", "\x0e", "", "rejected: file:line:col 'TOML syntax: Illegal character', rest loads"),
    RawCase("c1-csi", "\x9b2J", "2J", "legal TOML: loaded, the C1 control removed on screen"),
    RawCase("bidi", "\u202e", "", "legal TOML: loaded, the override removed on screen"),
    RawCase("zero-width", "\u200b", "", "legal TOML: loaded, the zero-width space removed on screen"),
)  # fmt: skip
REJECTED = {"esc", "nul", "del", "shift-out"}


@pytest.mark.parametrize("case", RAW_IN_TOML, ids=lambda case: case.name)
async def test_raw_control_characters_in_toml(make_pack: PackFactory, case: RawCase) -> None:
    """A raw C0 control or DEL makes the file invalid TOML: an error at its line and column,
    the rest of the pack loads (the article's body still shows). Raw C1, bidi and zero-width
    characters are legal TOML: the entity loads and the screen shows it cleaned."""
    entities = f'[[entity]]\nid = "chen"\nname = "Chen{case.raw}X"\nkind = "person"\n'
    files = {**pack_files("paragraph", "Body"), "entities.toml": entities}
    files.update({"highlights/wire.toml": None, "comparison.toml": None})  # nothing needs chen
    result = load_pack(make_pack(files))
    problems = [p.format() for p in result.problems.errors]
    if case.name in REJECTED:
        assert len(problems) == 1 and ":3:" in problems[0], problems
        assert "TOML syntax: Illegal character" in problems[0]
        assert not any(ch in UNSAFE for ch in problems[0])
        assert result.pack.entities == () and result.pack.article("wire") is not None
    else:
        assert problems == []
        assert result.pack.entities[0].name == f"Chen{case.raw}X"
    if case.name in REJECTED and case.name != "esc":
        return  # the app with the rest of the pack: once, for "esc"
    app = make_app(result)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Body" in drawn_text(app, app.screen.query_one("ParagraphView"))
        if case.name not in REJECTED:
            app.go_to("entity", "chen")
            await pilot.pause()
            drawn = drawn_text(app, app.screen.query_one("#listing"))
            assert f"Chen{case.shown}X" in drawn
        assert_safe(screen_strips(app))


# --- Theme names --------------------------------------------------------------------------------

THEME = 'name = "{name}"\nprimary = "#3366CC"\n'


async def test_a_hostile_theme_name_is_rejected_and_the_theme_kept(tmp_path: Path) -> None:
    """A theme file whose name is markup or holds controls: a problem at its file:line, told
    in a notice drawn literally; the theme is not registered and the default stays."""
    user = tmp_path / "themes"
    user.mkdir()
    name, _ = hostile_value()
    (user / "evil.toml").write_text(THEME.format(name=toml_string(f"evil{name}")))
    catalog = ThemeCatalog.load(bundled_themes_dir(), user)
    problems = [p.format() for p in catalog.problems.items]
    assert (
        len(problems) == 1
        and 'evil.toml:1:1: error: "name" must be a theme name: up to 64' in problems[0]
    )
    assert not any(ch in UNSAFE for ch in problems[0])
    assert not any(n.startswith("evil") for n in catalog.names)
    app = make_app(startup=Startup(catalog=catalog))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        assert any("evil.toml:1:1" in n.message for n in app.notices)
        assert_safe(screen_strips(app))
        await click_the_action(app, pilot)


async def test_a_hostile_theme_name_asked_for_is_refused_and_the_default_kept() -> None:
    """`theme = "..."` in config.toml (or saved state) naming no theme, markup and controls in
    it: a notice quoting it with every control escaped (repr), the default theme kept."""
    wanted = "[@click=app.quit]x[/]\x1b]0;T\x07\u202e"
    app = make_app(startup=Startup(theme=wanted))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        notes = [n.message for n in app.notices]
        assert any("There is no theme '[@click=app.quit]x[/]\\x1b]0;T\\x07\\u202e'" in n
                   for n in notes), notes  # fmt: skip
        strips = screen_strips(app)
        assert_safe(strips)
        await click_the_action(app, pilot)


async def test_the_palette_lists_hostile_titles_as_inert_text(make_pack: PackFactory) -> None:
    """The command palette (ctrl+p) lists "Go to" an article, speaker and dimension: their
    titles drawn literally, controls removed, nothing clickable run."""
    written, shown = hostile_value()
    titles = {field: f"{field} {written}" for field in ("speaker_name", "dimension_title")}
    result = load_pack(make_pack(pack_files("article_title", f"article_title {written}", **titles)))
    assert result.problems.errors == []
    app = make_app(result)
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"go to")

        def listed() -> bool:
            drawn = "\n".join(strip.text for strip in screen_strips(app))
            return "dimension_title" in drawn

        await until(pilot, listed, "the palette to list the go-to commands")
        drawn = "\n".join(strip.text for strip in screen_strips(app))
        for field in ("article_title", "speaker_name", "dimension_title"):
            # each command is one line, cut at the palette's edge
            assert f"{field} {shown[:60]}" in drawn, field
        strips = screen_strips(app)
        assert_safe(strips)
        assert_markup_inert(strips)
        await click_the_action(app, pilot)


def test_the_compare_command_prints_hostile_text_without_controls(
    make_pack: PackFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """`aiplan-tui compare PACK` in a terminal: the pack title, side names and figure labels
    printed with their control characters removed (the side short name was printed raw)."""
    from aiplan_tui.cli.main import main

    written, shown = hostile_value("control")
    files = pack_files("side_short", written, pack_title=written, fact_metric=written)
    files["highlights/wire.toml"] = f"""\
[[fact]]
id = "f"
article = "wire"
exact = "five dollars"
metric = "{toml_string(written)}"
value = 5
unit = "widgets"
sides = ["us"]
dimensions = ["chips"]
compare_key = "k"

[[fact]]
id = "f2"
article = "wire"
exact = "open models"
metric = "{toml_string(written)}"
value = 7
unit = "widgets"
sides = ["china"]
compare_key = "k"
"""
    files["comparison.toml"] = None
    assert main(["compare", "--content", str(make_pack(files))]) == 0
    out = capsys.readouterr().out
    assert not any(ch in UNSAFE for ch in out), sorted({ch for ch in out if ch in UNSAFE})
    assert squeeze(shown)[:40] in squeeze(out)
