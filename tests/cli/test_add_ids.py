"""An article's id is never a bare number (issue 31): a headline whose only ASCII is a year
(in a script with no reading here) gives the address's slug, the file's name, or the first
words of the text, never `2025`, then `2025-2`. Through `add`, as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.test_add_encodings import Pages, added, page, serve, server  # noqa: F401
from in_process import answer as cli

Capsys = pytest.CaptureFixture[str]

KOREAN = (
    "2025년 인공지능 행동계획 발표",
    "서울에서 열린 회의에서 정부는 인공지능 안전과 표준에 관한 새로운 계획을 공개했다.",
    "계획은 연구 기관과 기업이 함께 시험 시설을 운영하도록 제안했다.",
)
RUSSIAN = (
    "План по ИИ на 2025 год",
    "В Шанхае организаторы конференции представили план управления искусственным интеллектом.",
    "Эксперты отметили, что документ призывает к сотрудничеству в области стандартов.",
)


@pytest.fixture
def pack(tmp_path: Path, capsys: Capsys) -> Path:
    root = tmp_path / "mine"
    assert cli(capsys, "init", str(root)).returncode == 0
    return root


def test_a_headline_of_a_year_takes_the_file_name(
    pack: Path, capsys: Capsys, tmp_path: Path
) -> None:
    """The same headline twice, from files of the same name: the name, then the name -2."""
    made = []
    for folder in ("one", "two"):
        saved = tmp_path / folder / "seoul_ai-plan.txt"
        saved.parent.mkdir()
        saved.write_text("\n\n".join((*KOREAN, folder)), encoding="utf-8")
        made.append(added(pack, capsys, str(saved))[0])
    assert made == ["seoul-ai-plan", "seoul-ai-plan-2"]


def test_a_page_takes_its_address_last_meaningful_segment(
    pack: Path,
    capsys: Capsys,
    server: Pages,  # noqa: F811
) -> None:
    body = page(RUSSIAN, '<meta charset="utf-8">').encode("utf-8")
    url = serve(server, "/2025/07/26/waic-governance-plan.html", "text/html", body)
    assert added(pack, capsys, url)[0] == "waic-governance-plan"
    other = page((*RUSSIAN, "Обновлено."), '<meta charset="utf-8">').encode("utf-8")
    dated = serve(server, "/world/2025/07/26/index.html", "text/html", other)
    assert added(pack, capsys, dated)[0] == "world", "numbers and index.html pass over"


def test_with_no_readable_headline_or_name_the_text_first_words(
    pack: Path, capsys: Capsys, tmp_path: Path
) -> None:
    """A file named by a date, its headline a year: the first words of its text."""
    saved = tmp_path / "2025-07-26.txt"
    saved.write_text("2025\n\nBoth plans were released in July.\n\nMore later.", encoding="utf-8")
    assert added(pack, capsys, str(saved))[0] == "both-plans-released-july"


def test_standard_input_with_nothing_readable_is_an_article(pack: Path, capsys: Capsys) -> None:
    made = []
    for more in ("하나", "둘"):
        text = "\n\n".join((*KOREAN, more))
        done = cli(capsys, "add", "-", "--content", str(pack), stdin=text)
        assert done.returncode == 0, done.stderr
        made.append(done.stdout.split("articles/", 1)[1].split(".md", 1)[0])
    assert made == ["article", "article-2"]
