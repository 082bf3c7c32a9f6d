"""The command line as users and scripts meet it: exit codes, messages and output formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aiplan_tui import __version__
from aiplan_tui.cli.main import main
from conftest import CHEN_WARNING, ENTITIES, HIGHLIGHTS, PACK_TOML, PackFactory
from in_process import answer as run

Capsys = pytest.CaptureFixture[str]


def test_version(capsys: Capsys) -> None:
    done = run(capsys, "--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"aiplan-tui {__version__}"


@pytest.mark.parametrize("command", [[], ["check"], ["export"], ["search"], ["compare"]])
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("usage: aiplan-tui")


def test_check_bundled_pack_is_clean_from_any_directory(tmp_path: Path, capsys: Capsys) -> None:
    """Clean but for its one warning, kept on purpose: George Chen's alias "Chen" is Chen
    Jining's surname too, and the alias is what finds "Chen said" after George Chen."""
    done = run(capsys, "check", cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    warning, summary = done.stdout.splitlines()
    assert warning.endswith(f"content/entities.toml:30:12: warning: {CHEN_WARNING}")
    assert "0 errors, 1 warning" in summary


def test_check_reports_every_problem_at_once(make_pack: PackFactory, capsys: Capsys) -> None:
    highlights = HIGHLIGHTS.replace("now being formed", "now bein formed").replace(
        'speaker = "george-chen"', 'speaker = "george-chenn"'
    )
    root = make_pack(
        {
            "pack.toml": PACK_TOML + '\n[[dimension]]\nid = "x"\ntitle = \n',
            "highlights/wire.toml": highlights,
            "highlights/more.toml": HIGHLIGHTS.split("[[fact]]")[0]
            .replace('"q-camps"', '"q-two"')
            .replace("now being formed", "now bein formed"),
        }
    )
    done = run(capsys, "check", str(root), cwd=root.parent)
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert "pack/pack.toml:24:9: error: TOML syntax: Invalid value" in lines
    assert (
        'pack/highlights/more.toml:4:1: error: "exact" text not found in article "wire"; '
        'did you mean "the two camps are now being formed" (paragraph 1)?'
    ) in lines
    assert (
        'pack/highlights/wire.toml:5:1: error: unknown entity "george-chenn" '
        '(did you mean "george-chen"?); entities are declared in entities.toml'
    ) in lines
    assert (  # wire.toml's unknown speaker no longer hides its words not being found
        'pack/highlights/wire.toml:4:1: error: "exact" text not found in article "wire"'
    ) in "\n".join(lines)
    assert lines[-1].startswith("pack: 4 errors, 0 warnings; skipped 1 cell, 2 highlights")


def test_warnings_fail_only_in_strict_mode(make_pack: PackFactory, capsys: Capsys) -> None:
    root = make_pack(
        {"entities.toml": '[[entity]]\nid = "x"\nname = "X"\nkind = "place"\nrol = "y"\n'}
    )
    root = make_pack()
    (root / "entities.toml").write_text(
        '[[entity]]\nid = "george-chen"\nname = "G"\nkind = "person"\nrol = "y"\n', encoding="utf-8"
    )
    assert run(capsys, "check", str(root)).returncode == 0
    strict = run(capsys, "check", "--strict", str(root))
    assert strict.returncode == 1
    assert 'warning: unknown field "rol" in [entity] (did you mean "role"?)' in strict.stdout


def test_check_warns_of_an_alias_another_person_shares(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    """George Chen's alias "Chen" is Chen Jining's surname: a warning at the alias, naming
    both and saying what the app does; a warning, so the pack still passes."""
    root = make_pack(
        {"entities.toml": ENTITIES + '\n[[entity]]\nid = "chen-jining"\nname = "Chen Jining"\n'
         'kind = "person"\n'}
    )  # fmt: skip
    done = run(capsys, "check", str(root), cwd=root.parent)
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines() == [
        f"pack/entities.toml:5:12: warning: {CHEN_WARNING}",
        "pack: 0 errors, 1 warning (1 article, 3 highlights, 2 entities, 1 comparison cell loaded)",
    ]
    assert run(capsys, "check", "--strict", str(root)).returncode == 1


def test_missing_directory_is_a_usage_error(tmp_path: Path, capsys: Capsys) -> None:
    done = run(capsys, "check", str(tmp_path / "nope"))
    assert done.returncode == 2
    assert "no such content directory" in done.stderr
    assert f"make one there with `aiplan-tui init {tmp_path / 'nope'}`" in done.stderr
    assert run(capsys, "--content", str(tmp_path / "nope")).returncode == 2


def test_a_file_given_for_the_pack_says_so_and_what_to_give(tmp_path: Path, capsys: Capsys) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("not a pack\n", encoding="utf-8")
    for command in (["check", str(file)], ["--content", str(file), "search", "chips"],
                    ["--content", str(file), "export"]):  # fmt: skip
        done = run(capsys, *command)
        assert done.returncode == 2, command
        assert f"{file}: not a content directory (it is a file)" in done.stderr, command
        assert "the one holding pack.toml" in done.stderr and "Traceback" not in done.stderr


def test_bad_arguments_are_usage_errors(capsys: Capsys) -> None:
    assert run(capsys, "frobnicate").returncode == 2
    assert run(capsys, "export", "--format", "xml").returncode == 2


def test_export_json_locations_index_the_paragraphs(capsys: Capsys) -> None:
    done = run(capsys, "export", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= {
        "pack",
        "sides",
        "dimensions",
        "articles",
        "entities",
        "highlights",
        "comparison",
    }
    articles = {article["id"]: article for article in data["articles"]}
    assert len(articles) == 2
    assert data["highlights"], "the bundled pack has highlights"
    for highlight in data["highlights"]:
        loc = highlight["location"]
        paragraph = articles[highlight["article"]]["paragraphs"][loc["paragraph"]]
        assert paragraph[loc["start"] : loc["end"]] == highlight["exact"], highlight["id"]
        assert highlight["kind"] in {"quote", "fact", "position", "event"}


def test_export_of_a_given_pack_carries_every_field(make_pack: PackFactory, capsys: Capsys) -> None:
    done = run(capsys, "export", "--content", str(make_pack()))
    data = json.loads(done.stdout)
    fact = next(h for h in data["highlights"] if h["id"] == "f-us")
    assert fact == {
        "id": "f-us",
        "kind": "fact",
        "article": "wire",
        "exact": "$109.1 billion",
        "location": {"paragraph": 1, "start": 30, "end": 44},
        "prefix": "",
        "suffix": "",
        "sides": ["us"],
        "dimensions": [],
        "note": "",
        "tags": [],
        "metric": "Private AI investment",
        "value": 109.1e9,
        "unit": "USD",
        "period": "",
        "qualifier": "",
        "usd": None,
        "compare_key": "private-2024",
        "status": "",
        "according_to": "",
    }
    assert data["articles"][0]["published"] is None
    assert data["comparison"] == [
        {
            "dimension": "investment",
            "side": "us",
            "summary": "Far more private money.",
            "highlights": ["f-us"],
        }
    ]


def test_a_closed_pipe_is_not_an_error() -> None:
    done = subprocess.run(
        f"{sys.executable} -m aiplan_tui export | head -c 1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout == "{"
    assert done.stderr == ""


def test_export_of_a_broken_pack_prints_what_is_valid_and_reports_the_rest(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    broken = HIGHLIGHTS.replace("now being formed", "now bein formed")
    done = run(capsys, "export", "--content", str(make_pack({"highlights/wire.toml": broken})))
    assert done.returncode == 0
    assert [h["id"] for h in json.loads(done.stdout)["highlights"]] == ["f-us", "f-china"]
    assert 'error: "exact" text not found in article "wire"' in done.stderr


def test_content_may_come_before_or_after_the_command(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    root = str(make_pack())
    for args in (["--content", root, "export"], ["export", "--content", root]):
        assert json.loads(run(capsys, *args).stdout)["pack"]["id"] == "mini"


def test_search_piped_prints_tab_separated_lines_and_exit_codes(capsys: Capsys) -> None:
    done = run(capsys, "search", "deepsek")
    assert done.returncode == 0
    first = done.stdout.splitlines()[0].split("\t")
    assert first[:2] == ["entity", "deepseek"]
    assert len(first) == 9  # kind id score article paragraph text who field shown
    li = next(line.split("\t") for line in run(capsys, "search", "AI plus").stdout.splitlines()
              if line.startswith("quote\t"))  # fmt: skip
    assert li[1] == "q-li-ai-plus" and li[6] == "Li Qiang · paraphrase"
    none = run(capsys, "search", "zzzzqqqq")
    assert none.returncode == 1 and none.stdout == ""
    assert run(capsys, "search", "x", "--kind", "nope").returncode == 2
    assert run(capsys, "search", "x", "--limit", "0").returncode == 2
    assert run(capsys, "search").returncode == 2


def test_search_json_spans_slice_the_text(capsys: Capsys) -> None:
    done = run(capsys, "search", '"two camps"', "--kind", "quote,paragraph", "--json")
    hits = json.loads(done.stdout)
    assert {hit["kind"] for hit in hits} <= {"quote", "paragraph"}
    assert hits
    for hit in hits:
        assert set(hit) == {
            "kind", "id", "score", "article", "location", "field", "text", "spans", "who", "missing",
            "shown", "shown_spans", "status",
        }  # fmt: skip
        assert hit["status"] == ""  # only a `status:suggested` query finds suggestions
        assert [hit["text"][a:b] for a, b in hit["spans"]] == ["two camps"]
        assert [hit["shown"][a:b] for a, b in hit["shown_spans"]] == ["two camps"]
        assert hit["who"] == ("George Chen · direct" if hit["kind"] == "quote" else "")
        assert hit["location"]["paragraph"] == 4


def test_search_table_in_a_terminal(tmp_path: Path) -> None:
    """Through a pseudo-terminal the command draws a table with a count and the matches."""
    out = tmp_path / "out"
    code = f"""
import os, pty, sys

def keep(fd):
    data = os.read(fd, 65536)
    with open({str(out)!r}, "ab") as sink:
        sink.write(data)
    return data

status = pty.spawn([{sys.executable!r}, "-m", "aiplan_tui", "search", "formidable"], keep)
sys.exit(os.waitstatus_to_exitcode(status))
"""
    env = {**os.environ, "COLUMNS": "120"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False, env=env)
    assert done.returncode == 0
    text = out.read_bytes().decode("utf-8", "replace")
    assert "4 results for formidable" in text
    assert "Jensen Huang · direct" in text
    assert "q-huang-formidable" in text


APP_NEEDS_A_TERMINAL = "; use a terminal such as xterm-256color, or a command (aiplan-tui --help)\n"


@pytest.mark.parametrize("term", ["dumb", ""])
def test_the_app_in_a_dumb_terminal_explains_in_one_line(
    term: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TERM", term)
    assert main([]) == 2
    out, err = capsys.readouterr()
    what = "TERM=dumb" if term else "TERM unset"
    assert out == ""
    assert err == f"aiplan-tui: this terminal ({what}) cannot show the app" + APP_NEEDS_A_TERMINAL


def test_the_app_without_a_terminal_explains_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    assert main([]) == 2  # under pytest, standard input is not a terminal
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "aiplan-tui: standard input must be a terminal to show the app" + APP_NEEDS_A_TERMINAL
    )


def test_the_real_command_in_a_dumb_terminal_exits_2_without_a_traceback() -> None:
    env = {**os.environ, "TERM": "dumb"}
    done = subprocess.run(
        [sys.executable, "-m", "aiplan_tui"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        encoding="utf-8",
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "aiplan-tui: this terminal (TERM=dumb) cannot show the app"
        + APP_NEEDS_A_TERMINAL.rstrip("\n")
    ]


def test_commands_still_work_in_a_dumb_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    assert main(["check"]) == 0


def test_check_never_prints_a_control_sequence_from_the_pack(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    """A bad reference is quoted back in the message: without its escape sequences."""
    hostile = HIGHLIGHTS.replace(
        'speaker = "george-chen"',
        'speaker = "george\\u001b]0;pwned\\u0007\\u009b31m-chen"',
    )
    done = run(capsys, "check", str(make_pack({"highlights/wire.toml": hostile})))
    assert done.returncode == 1
    assert "pwned" in done.stdout  # the value is quoted back, made harmless
    assert not any(ch in done.stdout for ch in "\x1b\x07\x9b")
