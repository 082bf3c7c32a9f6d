"""Issue 19's `check`, kinder: every problem in one run, "did you mean" only when close, where
things are declared, repeated causes grouped, and `check --fix` for what has one right answer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from aiplan_tui.core.fields import did_you_mean
from aiplan_tui.pack.loader import load_pack
from conftest import ENTITIES, HIGHLIGHTS, PackFactory

ENTITY_IDS = [
    "li-qiang", "donald-trump", "george-chen", "jensen-huang", "eric-schmidt", "chen-jining",
    "kao-kim-hourn", "trump-administration", "chinese-government", "nvidia", "dupont",
    "deepseek", "moonshot", "meta", "anthropic", "tencent", "alibaba", "tesla", "alphabet",
    "google", "asean", "asia-group", "cnbc", "belt-and-road", "shanghai", "stockholm",
]  # fmt: skip
"""The bundled pack's entity ids, among which the issue's author met the noisy suggestions."""


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command, as a content author runs it."""
    return subprocess.run(
        [sys.executable, "-m", "aiplan_tui", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        encoding="utf-8",
    )


def messages(root: Path) -> list[str]:
    return [f"{p.severity}: {p.message}" for p in load_pack(root).problems.items]


# "Did you mean" only when close


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("agence-france-presse", ""),
        ("foreign-media", ""),
        ("xinhua", ""),
        ("gorge-chen", ' (did you mean "george-chen"?)'),
        ("George-Chen", ' (did you mean "george-chen"?)'),
        ("jensen", ' (did you mean "jensen-huang"?)'),
        ("deepsek", ' (did you mean "deepseek"?)'),
    ],
)
def test_did_you_mean_offers_only_close_matches(word: str, expected: str) -> None:
    assert did_you_mean(word, ENTITY_IDS) == expected


def test_an_unknown_entity_with_nothing_close_says_so_and_where_entities_are(
    make_pack: PackFactory,
) -> None:
    entities = ENTITIES + "".join(
        f'\n[[entity]]\nid = "{name}"\nname = "{name}"\nkind = "organisation"\n'
        for name in ("asean", "nvidia")
    )
    highlights = HIGHLIGHTS.replace('speaker = "george-chen"', 'speaker = "agence-france-presse"')
    root = make_pack({"entities.toml": entities, "highlights/wire.toml": highlights})
    assert messages(root) == [
        'error: unknown entity "agence-france-presse" (no close match); '
        "entities are declared in entities.toml"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'dimensions = ["chips"]',
            'dimensions = ["showcase"]',
            'unknown dimension "showcase" (no close match); dimensions are declared in pack.toml',
        ),
        (
            'sides = ["china"]',
            'sides = ["chna"]',
            'unknown side "chna" (did you mean "china"?); sides are declared in pack.toml',
        ),
        (
            'article = "wire"\nexact = "$9.3',
            'article = "memo"\nexact = "$9.3',
            'unknown article "memo" (no close match); articles are the files in articles/',
        ),
    ],
)
def test_unknown_references_say_where_their_kind_is_declared(
    make_pack: PackFactory, old: str, new: str, expected: str
) -> None:
    root = make_pack({"highlights/wire.toml": HIGHLIGHTS.replace(old, new)})
    assert messages(root) == [f"error: {expected}"]


def test_an_unknown_highlight_in_a_cell_says_where_highlights_are(make_pack: PackFactory) -> None:
    cells = (
        '[[cell]]\ndimension = "investment"\nside = "us"\nsummary = "x"\nhighlights = ["f-uss"]\n'
    )
    root = make_pack({"comparison.toml": cells})
    assert messages(root) == [
        'error: unknown highlight "f-uss" (did you mean "f-us"?); '
        "highlights are declared in highlights/*.toml"
    ]


# Every problem in one run


def test_an_unknown_speaker_does_not_hide_words_not_found(make_pack: PackFactory) -> None:
    highlights = HIGHLIGHTS.replace('speaker = "george-chen"', 'speaker = "gorge-chen"').replace(
        "now being formed", "now bein formed"
    )
    found = messages(make_pack({"highlights/wire.toml": highlights}))
    assert len(found) == 2
    assert found[0].startswith('error: unknown entity "gorge-chen" (did you mean "george-chen"?)')
    assert found[1].startswith('error: "exact" text not found in article "wire"')


def test_a_duplicate_id_is_reported_with_a_type_error(make_pack: PackFactory) -> None:
    again = HIGHLIGHTS.split("[[fact]]")[0].replace("direct = true", 'direct = "yes"')
    root = make_pack({"highlights/wire.toml": HIGHLIGHTS + "\n" + again})
    found = messages(root)
    assert found == [
        'error: "direct" must be true or false, not a string',
        'error: duplicate highlight id "q-camps" (first defined at wire.toml:2)',
    ]
    assert [h.id for h in load_pack(root).pack.highlights] == ["q-camps", "f-us", "f-china"]


def test_a_bad_cell_still_has_its_references_checked(make_pack: PackFactory) -> None:
    cells = (
        '[[cell]]\ndimension = "investment"\nside = "uss"\nsummary = 3\nhighlights = ["f-uss"]\n'
    )
    found = messages(make_pack({"comparison.toml": cells}))
    assert [m.split(" (")[0].split(";")[0] for m in found] == [
        'error: "summary" must be a string, not a number',
        'error: unknown side "uss"',
        'error: unknown highlight "f-uss"',
    ]


def test_a_bad_entity_still_has_its_id_checked(make_pack: PackFactory) -> None:
    entities = ENTITIES + '\n[[entity]]\nid = "george-chen"\nname = "G"\nkind = "persn"\n'
    found = messages(make_pack({"entities.toml": entities}))
    assert found[0].startswith('error: "kind" must be one of')
    assert found[1] == 'error: duplicate entity id "george-chen" (first defined at entities.toml:2)'
