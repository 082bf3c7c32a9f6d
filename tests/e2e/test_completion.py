"""`aiplan-tui completion SHELL`: the script each shell loads completes the subcommands,
options and their values, as the one argparse parser defines them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SUBCOMMANDS
from e2e.terminal import need

COMMAND_DIR = str(Path(sys.executable).parent)


def script(shell: str, tmp_path: Path) -> Path:
    done = subprocess.run(
        [sys.executable, "-m", "aiplan_tui", "completion", shell],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    path = tmp_path / f"aiplan-tui.{shell}"
    path.write_text(done.stdout, encoding="utf-8")
    return path


def run(argv: list[str]) -> str:
    env = {**os.environ, "PATH": f"{COMMAND_DIR}:{os.environ.get('PATH', '')}"}
    return subprocess.run(argv, capture_output=True, text=True, check=True, env=env).stdout


def bash_completes(path: Path, line: str) -> list[str]:
    """What bash offers for the last word of `line`, as pressing tab would ask."""
    words = line.split(" ")
    code = (
        f"source {path}; COMP_WORDS=({' '.join(repr(w) for w in words)}); "
        f"COMP_CWORD={len(words) - 1}; COMP_LINE={line!r}; COMP_POINT={len(line)}; "
        f"_shtab_aiplan_tui aiplan-tui {words[-1]!r} {words[-2]!r}; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    return sorted(run(["bash", "--norc", "--noprofile", "-c", code]).split())


def test_bash_completes_commands_options_and_their_values(tmp_path: Path) -> None:
    need("bash", "/bin/bash")
    path = script("bash", tmp_path)
    assert bash_completes(path, "aiplan-tui se") == ["search", "serve"]
    assert bash_completes(path, "aiplan-tui sea") == ["search"]
    assert bash_completes(path, "aiplan-tui --con") == ["--config", "--content"]
    assert bash_completes(path, "aiplan-tui search --li") == ["--limit"]
    assert bash_completes(path, "aiplan-tui compare --format ") == ["json", "md", "table"]
    assert bash_completes(path, "aiplan-tui completion ") == ["bash", "fish", "zsh"]
    (tmp_path / "packs" / "mine").mkdir(parents=True)
    (tmp_path / "packs" / "notes.txt").write_text("not a pack")
    offered = bash_completes(path, f"aiplan-tui check {tmp_path}/packs/")
    assert offered == [f"{tmp_path}/packs/mine"]  # a pack is a directory: files are not offered


def test_fish_completes_commands_and_values(tmp_path: Path) -> None:
    need("fish", "/usr/bin/fish")
    path = script("fish", tmp_path)
    subprocess.run(["fish", "-n", str(path)], check=True)

    def offered(line: str) -> list[str]:
        out = run(["fish", "--no-config", "-c", f"source {path}; complete -C {line!r}"])
        return sorted(row.split("\t")[0] for row in out.splitlines())

    assert offered("aiplan-tui sea") == ["search"]
    assert offered("aiplan-tui compare --format ") == ["json", "md", "table"]


def test_zsh_loads_the_script_as_the_command_s_completion(tmp_path: Path) -> None:
    need("zsh", "/usr/bin/zsh")
    path = script("zsh", tmp_path)
    subprocess.run(["zsh", "-n", str(path)], check=True)
    functions = tmp_path / "zfunc"
    functions.mkdir()
    path.rename(functions / "_aiplan-tui")  # as the README says: a file on $fpath
    code = f"fpath=({functions} $fpath); autoload -U compinit; compinit -u -D; print -r -- ${{_comps[aiplan-tui]}}"
    assert run(["zsh", "-f", "-c", code]).strip() == "_aiplan-tui"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_subcommand_is_in_every_script(shell: str, tmp_path: Path) -> None:
    text = script(shell, tmp_path).read_text(encoding="utf-8")
    for command in SUBCOMMANDS:
        assert command in text
