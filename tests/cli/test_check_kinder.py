"""Issue 19's `check`, kinder: every problem in one run, "did you mean" only when close, where
things are declared, repeated causes grouped, and `check --fix` for what has one right answer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from aiplan_tui.core.fields import did_you_mean
from aiplan_tui.pack.loader import load_pack
from conftest import ENTITIES, HIGHLIGHTS, PackFactory
from in_process import answer as run

ENTITY_IDS = [
    "li-qiang", "donald-trump", "george-chen", "jensen-huang", "eric-schmidt", "chen-jining",
    "kao-kim-hourn", "trump-administration", "chinese-government", "nvidia", "dupont",
    "deepseek", "moonshot", "meta", "anthropic", "tencent", "alibaba", "tesla", "alphabet",
    "google", "asean", "asia-group", "cnbc", "belt-and-road", "shanghai", "stockholm",
]  # fmt: skip
"""The bundled pack's entity ids, among which the issue's author met the noisy suggestions."""


Capsys = pytest.CaptureFixture[str]


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


# check --fix

CURLY_ARTICLE = """\
+++
title = "Chips and money"
sides = ["us", "china"]
+++

China’s envoy said the two camps are now being formed – again.

The U.S. restricted chip exports. Chen said the two camps are now being formed.

Private AI investment reached $109.1 billion in the U.S., against $9.3 billion in China.
"""


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """The lines that differ, pairwise (both files have the same number of lines)."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_fix_respells_quotes_apostrophes_and_dashes_as_the_article_has_them(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    highlights = HIGHLIGHTS.replace(
        'exact = "the two camps are now being formed"',
        "exact = \"China's envoy said\"  # the envoy\nsuffix = ' the two camps are now being formed - again'",
    )
    root = make_pack({"articles/wire.md": CURLY_ARTICLE, "highlights/wire.toml": highlights})
    path = root / "highlights/wire.toml"
    before = path.read_bytes().decode()
    first = run(capsys, "check", str(root), cwd=root.parent)
    assert first.returncode == 1
    assert (
        'pack/highlights/wire.toml:4:1: error: "exact" is in article "wire" only with its '
        'quotation marks, apostrophes and dashes: exact = "China’s envoy said"; '
        'suffix = " the two camps are now being formed – again" (`check --fix` writes it so)'
    ) in first.stdout.splitlines()

    fixed = run(capsys, "check", "--fix", str(root), cwd=root.parent)
    assert fixed.returncode == 0, fixed.stdout
    after = path.read_bytes().decode()
    # What the file means: the two values respelled, every other value as it was.
    old_tables, new_tables = tomllib.loads(before), tomllib.loads(after)
    respelled = new_tables["quote"][0]
    assert (respelled["exact"], respelled["suffix"]) == (
        "China’s envoy said",
        " the two camps are now being formed – again",
    )
    old_tables["quote"][0].update(exact=respelled["exact"], suffix=respelled["suffix"])
    assert new_tables == old_tables
    # Its bytes: only those two lines changed, each written as a basic string by check --fix
    # itself (tomlkit 0.15.3 would have kept the literal string's single quotes).
    assert changed_lines(before, after) == [
        (
            'exact = "China\'s envoy said"  # the envoy\n',
            'exact = "China’s envoy said"  # the envoy\n',
        ),
        (
            "suffix = ' the two camps are now being formed - again'\n",
            'suffix = " the two camps are now being formed – again"\n',
        ),
    ]
    lines = fixed.stdout.splitlines()
    assert lines[:2] == [
        'pack/highlights/wire.toml:4: exact = "China\'s envoy said"  # the envoy → '
        'exact = "China’s envoy said"  # the envoy',
        "pack/highlights/wire.toml:5: suffix = ' the two camps are now being formed - again' → "
        'suffix = " the two camps are now being formed – again"',
    ]
    assert lines[2] == "pack: fixed 2 problems in 1 file; checking again"
    assert lines[-1].startswith("pack: 0 errors, 0 warnings")


def test_fix_adds_the_prefix_that_picks_the_only_place_a_quotation_can_mean(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    """The words are in paragraphs 1 and 2; only paragraph 2 names the speaker (Chen)."""
    root = make_pack({"articles/wire.md": CURLY_ARTICLE})
    path = root / "highlights/wire.toml"
    before = path.read_text(encoding="utf-8")
    first = run(capsys, "check", str(root), cwd=root.parent)
    assert (
        'pack/highlights/wire.toml:4:1: error: "exact" occurs 2 times in article "wire" '
        "(paragraphs 1, 2); add a prefix or suffix that picks one "
        '(suffix = " –" picks the 1st; suffix = "." picks the 2nd)'
    ) in first.stdout.splitlines()

    fixed = run(capsys, "check", "--fix", str(root), cwd=root.parent)
    assert fixed.returncode == 0, fixed.stdout
    after = path.read_text(encoding="utf-8")
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    added = [line for line in new if line not in old]
    assert added == ['suffix = "."\n']
    assert [line for line in old if line not in new] == []
    assert new.index(added[0]) == 7  # after the quotation's last key, before the blank line
    assert 'pack/highlights/wire.toml:8: + suffix = "."' in fixed.stdout.splitlines()


def test_fix_leaves_words_that_could_mean_either_place(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    article = CURLY_ARTICLE.replace("Chen said", "He said")
    root = make_pack({"articles/wire.md": article})
    before = (root / "highlights/wire.toml").read_bytes()
    fixed = run(capsys, "check", "--fix", str(root), cwd=root.parent)
    assert fixed.returncode == 1
    assert (root / "highlights/wire.toml").read_bytes() == before
    assert "pack: fixed 0 problems in 0 files; checking again" in fixed.stdout.splitlines()


def test_fix_lists_a_tagged_highlight_in_its_cell(make_pack: PackFactory, capsys: Capsys) -> None:
    """f-us is tagged investment and of the US: the investment/us cell must list it, or
    Compare never shows it. The cell's other lines, and the comment, stay as they were."""
    highlights = HIGHLIGHTS.replace(
        'sides = ["us"]', 'sides = ["us"]\ndimensions = ["investment", "chips"]'
    )
    comparison = (
        '# the cells\n[[cell]]\ndimension = "investment"\nside = "us"\n'
        'summary = "Far more private money."\nhighlights = []  # to do\n'
    )
    root = make_pack({"highlights/wire.toml": highlights, "comparison.toml": comparison})
    path = root / "comparison.toml"
    before = path.read_text(encoding="utf-8")
    assert run(capsys, "check", "--strict", str(root), cwd=root.parent).returncode == 0
    fixed = run(capsys, "check", "--fix", str(root), cwd=root.parent)
    assert fixed.returncode == 0
    assert changed_lines(before, path.read_text(encoding="utf-8")) == [
        ("highlights = []  # to do\n", 'highlights = ["f-us"]  # to do\n')
    ]
    lines = fixed.stdout.splitlines()
    assert (
        lines[0]
        == 'pack/comparison.toml:6: highlights = []  # to do → highlights = ["f-us"]  # to do'
    )
    assert lines[1] == (
        'pack/highlights/wire.toml:9:1: warning: highlight "f-us" is tagged chips/us but no '
        "cell covers chips/us: cells are declared in comparison.toml (not fixed: its summary "
        "is yours to write)"
    )
    assert load_pack(root).pack.comparison[0].highlights == ("f-us",)


def test_fix_with_nothing_to_fix_changes_nothing(make_pack: PackFactory, capsys: Capsys) -> None:
    root = make_pack()
    files = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    done = run(capsys, "check", "--fix", str(root), cwd=root.parent)
    assert done.returncode == 0
    assert done.stdout.splitlines()[0] == "pack: fixed 0 problems in 0 files; checking again"
    assert {path: path.read_bytes() for path in root.rglob("*") if path.is_file()} == files


# Repeated causes grouped


def test_one_cause_at_many_places_is_one_line_listing_them(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    quote = HIGHLIGHTS.split("[[fact]]")[0].replace("george-chen", "afp")
    quotes = "\n".join(quote.replace('"q-camps"', f'"q-{n}"') for n in range(7))
    root = make_pack({"highlights/wire.toml": HIGHLIGHTS, "highlights/afp.toml": quotes})
    done = run(capsys, "check", str(root), cwd=root.parent)
    lines = done.stdout.splitlines()
    assert lines == [
        'pack/highlights/afp.toml:5:1: error: unknown entity "afp" (no close match); '
        "entities are declared in entities.toml (7 places; also pack/highlights/afp.toml:14, "
        "pack/highlights/afp.toml:23, pack/highlights/afp.toml:32, pack/highlights/afp.toml:41 "
        "and 2 more)",
        "pack: 7 errors, 0 warnings; skipped 7 highlights "
        "(1 article, 3 highlights, 1 entity, 1 comparison cell loaded)",
    ]


def test_a_cause_at_two_places_keeps_a_line_each(make_pack: PackFactory, capsys: Capsys) -> None:
    quote = HIGHLIGHTS.split("[[fact]]")[0].replace("george-chen", "afp")
    quotes = "\n".join(quote.replace('"q-camps"', f'"q-{n}"') for n in range(2))
    root = make_pack({"highlights/afp.toml": quotes})
    lines = run(capsys, "check", str(root), cwd=root.parent).stdout.splitlines()
    assert [line.split(": error")[0] for line in lines[:2]] == [
        "pack/highlights/afp.toml:5:1",
        "pack/highlights/afp.toml:14:1",
    ]


def test_fix_dry_run_shows_each_change_and_writes_nothing(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    """`check --fix` changed files without showing what first: --dry-run shows it."""
    root = make_pack({"articles/wire.md": CURLY_ARTICLE})
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    shown = run(capsys, "check", "--fix", "--dry-run", str(root), cwd=root.parent)
    lines = shown.stdout.splitlines()
    assert lines[0] == 'pack/highlights/wire.toml:8: + suffix = "."'
    assert "pack: would fix 1 problem in 1 file (nothing written); checking again" in lines
    assert shown.returncode == 1, "the problem is still there"
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    fixed = run(capsys, "check", "--fix", str(root), cwd=root.parent)
    assert fixed.stdout.splitlines()[0] == lines[0], "what it showed is what it does"
    alone = run(capsys, "check", "--dry-run", str(root), cwd=root.parent)
    assert alone.returncode == 2 and "--dry-run goes with --fix" in alone.stderr
