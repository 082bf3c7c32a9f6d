"""The docs: the generated references match the code, and every relative link leads somewhere."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from conftest import REPO, SUBCOMMANDS


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generate", REPO / "docs" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_docs_are_what_the_code_makes() -> None:
    """What CI runs: a binding or an option changed without `python docs/generate.py` fails."""
    done = subprocess.run(
        [sys.executable, str(REPO / "docs" / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_check_names_the_file_that_differs(tmp_path: Path) -> None:
    generate = generator()
    assert generate.write(tmp_path) == [tmp_path / "keys.md", tmp_path / "cli.md"]
    assert generate.stale(tmp_path) == []
    keys = tmp_path / "keys.md"
    keys.write_text(keys.read_text(encoding="utf-8").replace("| `q` |", "| `x` |"), "utf-8")
    assert generate.stale(tmp_path) == [keys]
    (tmp_path / "cli.md").unlink()
    assert generate.stale(tmp_path) == [keys, tmp_path / "cli.md"]


def test_keys_md_lists_every_key_the_help_screen_lists() -> None:
    from aiplan_tui.ui.key_catalogue import help_sections

    keys = (REPO / "docs" / "keys.md").read_text(encoding="utf-8")
    rows = 0
    for title, section in help_sections({}):
        assert f"\n## {title}\n" in keys
        for typed, description in section:
            shown = " ".join(f"`{key}`" for key in typed.split(" "))
            assert f"| {shown} | {description.replace('|', chr(92) + '|')} |" in keys
            rows += 1
    assert rows > 40


def test_cli_md_has_every_subcommand_and_option() -> None:
    from aiplan_tui.cli.parser import build_parser

    cli = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in SUBCOMMANDS:
        assert f"\n## aiplan-tui {command}\n" in cli
    options = re.findall(r"--[a-z][a-z-]+", build_parser().format_help())
    for option in options:
        if option != "--help":
            assert f"`{option}" in cli, option


PAGES = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+(?:\[[^\]]*\][^)\s]*)?)\)")
"""A Markdown link or image's target (snapshot names hold `[120x40]`)."""


def links(text: str) -> list[str]:
    """Every link target outside code blocks and code spans."""
    prose = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    prose = re.sub(r"`[^`\n]*`", "", prose)
    return LINK.findall(prose)


def anchors(text: str) -> set[str]:
    """The anchors a forge gives a page's headings (GitHub's rule: lower case, punctuation but
    `-` and `_` dropped, spaces to `-`)."""
    prose = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    found = set()
    for heading in re.findall(r"^#+ (.+)$", prose, flags=re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        found.add(slug)
    return found


def test_every_relative_link_leads_to_a_file_and_heading_that_exist() -> None:
    assert len(PAGES) > 10
    broken = []
    for page in PAGES:
        for target in links(page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):  # https:, mailto:
                continue
            path, _, anchor = target.partition("#")
            where = (page.parent / path).resolve() if path else page
            if not where.exists():
                broken.append(f"{page.relative_to(REPO)}: {target}: no such file")
            elif anchor and anchor not in anchors(where.read_text(encoding="utf-8")):
                broken.append(f"{page.relative_to(REPO)}: {target}: no such heading")
    assert not broken, "\n".join(broken)


def test_the_link_check_sees_links() -> None:
    text = "[a](docs/x.md#y) ![s](tests/s[120x40].svg) `[no](code.md)`\n```\n[no](block.md)\n```\n"
    assert links(text) == ["docs/x.md#y", "tests/s[120x40].svg"]
    assert anchors("# No colour: `NO_COLOR`\n## check --fix\n") == {
        "no-colour-no_color",
        "check---fix",
    }
