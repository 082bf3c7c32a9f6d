"""The commonest command line, `aiplan-tui search WORD...`, read without argparse: importing
it (with gettext and locale) and building the parser were 6 ms of a warm search's start. The
words give the same values argparse gives (a test holds them to the parser's), and so does
`--content DIR` before `search`; any other command line, another option or a word starting
with "-" among them, is argparse's."""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    import argparse


def quick_args(words: Sequence[str]) -> argparse.Namespace | None:
    """`search` and its words, as the parser reads them, with `--content DIR` (or
    `--content=DIR`) before it if given; None for anything else."""
    content = None
    if words[:1] == ["--content"] and len(words) > 1:
        content, words = words[1], words[2:]
    elif words and words[0].startswith("--content="):
        content, words = words[0].partition("=")[2], words[1:]
    if content is not None and (not content or content.startswith("-")):
        return None  # (argparse's to refuse, or to read as it does)
    if len(words) < 2 or words[0] != "search" or any(w.startswith("-") for w in words[1:]):
        return None
    pack = None
    if content is not None:
        from pathlib import Path  # (as the parser's `type=Path` makes it)

        pack = Path(content)
    return SimpleNamespace(  # type: ignore[return-value]  # the same attributes: all commands read
        content=pack, theme=None, lite=False, config=None,  # the options before the command
        command="search", query=list(words[1:]), kind=[], limit=20, json=False,
    )  # fmt: skip
