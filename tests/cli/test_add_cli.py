"""`aiplan-tui add`: an article and its suggested highlights into a pack made by `init`, which
`check` accepts at once; never over a file, never into the bundled pack, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

from aiplan_tui.core.transaction import write_files
from aiplan_tui.pack.loader import load_pack
from in_process import answer as cli

SEEDS = Path(__file__).parents[1] / "data" / "seeds"
PAGE = Path(__file__).parents[1] / "data" / "pages" / "news-page.html"


Capsys = pytest.CaptureFixture[str]


@pytest.fixture
def pack(tmp_path: Path, capsys: Capsys) -> Path:
    root = tmp_path / "mine"
    assert cli(capsys, "init", str(root)).returncode == 0
    return root


def test_an_article_comes_in_with_suggestions_that_check_accepts(
    pack: Path, capsys: Capsys
) -> None:
    seed = next(SEEDS.glob("001_*.txt"))
    done = cli(capsys, "add", str(seed), "--content", str(pack), "--outlet", "CNBC")
    assert done.returncode == 0, done.stderr
    article_id = "china-releases-ai-action-plan-days"
    assert f"Added articles/{article_id}.md: 11 paragraphs" in done.stdout
    assert "suggested highlights (" in done.stdout and "Review (4)" in done.stdout
    result = load_pack(pack)
    assert not result.problems.errors and not result.problems.warnings, result.problems.items
    article = result.pack.article(article_id)
    assert article is not None and article.outlet == "CNBC" and article.published is None
    lines = [line for line in seed.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert article.title == lines[0] and list(article.paragraphs) == lines[1:]
    assert not result.pack.highlights, "nothing is shown before review"
    suggested = {h.id: h for h in result.pack.suggested}
    chen = [h for h in suggested.values() if getattr(h, "speaker", "") == "george-chen"]
    assert any(h.exact == "The two camps are now being formed" for h in chen)
    people = {e.id: e for e in result.pack.entities}
    assert people["george-chen"].role.startswith("partner at the Asia Group")
    assert (pack / "entities.toml").read_text().startswith("# The people, organisations")


def test_a_second_article_reuses_the_people_already_in_the_pack(pack: Path, capsys: Capsys) -> None:
    for seed in sorted(SEEDS.glob("*.txt"), reverse=True):
        assert cli(capsys, "add", str(seed), "--content", str(pack)).returncode == 0
    entities = tomli.loads((pack / "entities.toml").read_text())["entity"]
    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids)) and ids.count("li-qiang") == 1
    assert not load_pack(pack).problems.errors


def test_a_page_from_standard_input_and_options(pack: Path, capsys: Capsys) -> None:
    text = "Chips and talks\n\nThe ministry said on Friday that talks would resume.\n"
    done = cli(capsys, "add", "-", "--content", str(pack), "--id", "talks", "--published",
               "2025-08-01", "--url", "https://example.org/t", stdin=text)  # fmt: skip
    assert done.returncode == 0, done.stderr
    article = load_pack(pack).pack.article("talks")
    assert article is not None and article.title == "Chips and talks"
    assert article.url == "https://example.org/t" and str(article.published) == "2025-08-01"
    again = cli(capsys, "add", "-", "--content", str(pack), "--id", "talks", stdin=text)
    assert again.returncode == 2 and "already exists: give another --id" in again.stderr
    assert cli(capsys, "add", str(PAGE), "--content", str(pack)).returncode == 0


def test_refusals_say_why_and_write_nothing(pack: Path, tmp_path: Path, capsys: Capsys) -> None:
    before = {p: p.read_bytes() for p in pack.rglob("*") if p.is_file()}
    for args, message in (
        (["add", str(PAGE)], "the bundled pack is not for editing"),
        (["add", str(PAGE), "--content", str(tmp_path)], "is not a pack"),
        (["add", str(PAGE), "--content", str(pack), "--id", "Bad Id"], "use lower-case"),
        (["add", str(PAGE), "--content", str(pack), "--published", "July"], "YYYY-MM-DD"),
        (["add", str(PAGE), "--content", str(pack), "--url", "javascript:alert(1)"], "http(s)"),
        (["add", str(tmp_path / "none.txt"), "--content", str(pack)], "no such file"),
    ):
        done = cli(capsys, *args)
        assert done.returncode in (1, 2) and message in done.stderr, (args, done.stderr)
    assert {p: p.read_bytes() for p in pack.rglob("*") if p.is_file()} == before


def test_a_failed_write_puts_back_what_was_written(tmp_path: Path) -> None:
    """All or nothing: the third file cannot be written, so the first is as it was and the
    second, new, is not made."""
    kept, new = tmp_path / "entities.toml", tmp_path / "article.md"
    kept.write_text("# mine\n")
    with pytest.raises(OSError):
        write_files(
            tmp_path,
            [(kept, b"# changed\n"), (new, b"text"), (tmp_path / "no" / "dir.toml", b"x")],
        )
    assert kept.read_text() == "# mine\n" and not new.exists()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["entities.toml"], "no temp files, no journal"


def test_the_same_article_twice_is_refused_unless_again(
    pack: Path, tmp_path: Path, capsys: Capsys
) -> None:
    seed = next(SEEDS.glob("001_*.txt"))
    assert cli(capsys, "add", str(seed), "--content", str(pack)).returncode == 0
    before = {p: p.read_bytes() for p in pack.rglob("*") if p.is_file()}
    twice = cli(capsys, "add", str(seed), "--content", str(pack))
    article_id = "china-releases-ai-action-plan-days"
    assert twice.returncode == 2
    assert f"already in the pack as articles/{article_id}.md" in twice.stderr
    respaced = tmp_path / "copy.txt"  # the same words, spaced otherwise
    respaced.write_text(seed.read_text(encoding="utf-8").replace(" the ", "  the ", 3))
    assert cli(capsys, "add", str(respaced), "--content", str(pack)).returncode == 2
    assert {p: p.read_bytes() for p in pack.rglob("*") if p.is_file()} == before
    anyway = cli(capsys, "add", str(seed), "--content", str(pack), "--again")
    assert anyway.returncode == 0, anyway.stderr
    result = load_pack(pack)
    assert not result.problems.errors, result.problems.items
    ids = [h.id for h in result.pack.suggested]
    assert len(ids) == len(set(ids)) and {a.id for a in result.pack.articles} == {
        article_id,
        f"{article_id}-2",
    }


def test_the_same_address_twice_is_refused(pack: Path, capsys: Capsys) -> None:
    first = "Talks\n\nThe ministry said on Friday that talks would resume soon.\n"
    url = "https://example.org/talks"
    assert (
        cli(capsys, "add", "-", "--content", str(pack), "--url", url, stdin=first).returncode == 0
    )
    edited = first.replace("soon", "next week")  # the page changed since
    done = cli(capsys, "add", "-", "--content", str(pack), "--url", url + "/", stdin=edited)
    assert done.returncode == 2 and "already in the pack as articles/talks.md" in done.stderr
