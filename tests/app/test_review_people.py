"""Review edits people (issue 30, item 3): a speaker's name, role, kind, side and aliases
(`p`), and two people merged (`M`): every speaker, according_to and mention moves to the one
kept, in one transaction; undone as one step."""

from __future__ import annotations

from pathlib import Path

from textual.containers import Vertical

from aiplan_tui.authoring.review_people import merge_entities
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.pack.mentions import find_mentions
from aiplan_tui.ui.screens.person_dialog import PersonDialog
from aiplan_tui.ui.screens.speaker_dialog import SpeakerDialog
from conftest import ARTICLE, ENTITIES, PackFactory, until
from reviewing import FILE, LOPEZ, SUGGESTED, open_dialog, reviewing, said, tables

CLAIM = """\
# a reading of China's stance, by the analyst
[[position]]
id = "p-camps"
article = "wire"
side = "china"
according_to = "maria-lopez"
exact = "China said"
"""


def people_pack(make_pack: PackFactory) -> Path:
    return make_pack(
        {
            FILE: SUGGESTED,
            "entities.toml": ENTITIES + LOPEZ,
            "highlights/claims.toml": CLAIM,
            "articles/wire.md": ARTICLE + "\nMaria Lopez called it a truce.\n",
        }
    )


async def test_p_edits_the_speakers_fields_in_their_lines(make_pack: PackFactory) -> None:
    root = people_pack(make_pack)
    entities = root / "entities.toml"
    async with reviewing(root, size=(100, 40)) as (app, pilot):
        await open_dialog(pilot, "p", PersonDialog)
        await pilot.press(*"María López", "tab", *"senior analyst", "tab")
        await pilot.press(*"Lopez, M. Lopez", "tab", "tab", "enter", "down", "enter")
        await pilot.pause()
        await pilot.press("shift+tab", "shift+tab", "enter")  # from the side to the aliases
        await until(pilot, lambda: tables(entities)["maria-lopez"]["name"] == "María López", "it")
        person = tables(entities)["maria-lopez"]
        assert person["role"] == "senior analyst"
        assert person["aliases"] == ["Lopez", "M. Lopez"]
        assert person["side"] == "us"
        assert entities.read_text(encoding="utf-8").startswith(ENTITIES)
        assert said(app) == "maria-lopez: aliases, name, role, side changed, in entities.toml"
        await until(pilot, lambda: app.pack.entity("maria-lopez").role == "senior analyst", "x")


async def test_m_merges_a_person_into_another_everywhere_and_u_undoes_it(
    make_pack: PackFactory,
) -> None:
    root = people_pack(make_pack)
    files = [root / FILE, root / "entities.toml", root / "highlights/claims.toml"]
    before = [path.read_bytes() for path in files]
    async with reviewing(root) as (app, pilot):
        await open_dialog(pilot, "M", SpeakerDialog)
        await pilot.press(*"George Chen", "enter")
        await until(pilot, lambda: "maria-lopez" not in tables(root / "entities.toml"), "merged")
        assert tables(root / FILE)["q-restricted"]["speaker"] == "george-chen"
        assert tables(root / "highlights/claims.toml")["p-camps"]["according_to"] == "george-chen"
        assert tables(root / "entities.toml")["george-chen"]["aliases"] == ["Chen", "Maria Lopez"]
        assert any("Merged maria-lopez into george-chen" in n.message for n in app.notices)
        result = load_pack(root)
        assert not result.problems.errors
        chen = result.pack.entity("george-chen")
        assert chen is not None
        assert [m.text for m in find_mentions(result.pack, chen)] == ["Maria Lopez"]
        await until(pilot, lambda: app.pack.entity("maria-lopez") is None, "the pack read again")
        await pilot.press("u")
        await until(pilot, lambda: [p.read_bytes() for p in files] == before, "undone at once")


async def test_merging_asks_only_among_the_pack_people(make_pack: PackFactory) -> None:
    root = people_pack(make_pack)
    async with reviewing(root) as (app, pilot):
        await open_dialog(pilot, "M", SpeakerDialog)
        await pilot.press(*"Nobody Here", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerDialog)  # no new person to merge into
        await pilot.press("escape")
        assert "maria-lopez" in tables(root / "entities.toml")


def test_a_merge_changes_only_the_lines_it_must(make_pack: PackFactory) -> None:
    root = people_pack(make_pack)
    people, claims = root / "entities.toml", root / "highlights/claims.toml"
    pack = load_pack(root).pack
    lopez, chen = pack.entity("maria-lopez"), pack.entity("george-chen")
    assert lopez is not None and chen is not None
    merged = merge_entities(root, lopez, chen)
    assert (merged.references, merged.files) == (2, 2)
    assert people.read_text(encoding="utf-8") == ENTITIES.replace(
        'aliases = ["Chen"]', 'aliases = ["Chen", "Maria Lopez"]'
    )  # Lopez's table gone, Chen's aliases one line, nothing else
    assert claims.read_text(encoding="utf-8") == CLAIM.replace(
        'according_to = "maria-lopez"', 'according_to = "george-chen"'
    )
    assert (root / FILE).read_text(encoding="utf-8") == SUGGESTED.replace(
        'speaker = "maria-lopez"', 'speaker = "george-chen"'
    )


async def test_the_person_box_fits_a_small_terminal(make_pack: PackFactory) -> None:
    """At 80x24 the kind and side were below the box's edge."""
    async with reviewing(people_pack(make_pack), size=(80, 24)) as (app, pilot):
        await open_dialog(pilot, "p", PersonDialog)
        box = app.screen.query_one(Vertical).region
        for field in ("#person-name", "#person-kind", "#person-side"):
            region = app.screen.query_one(field).region
            assert region.height and box.contains_region(region), field
