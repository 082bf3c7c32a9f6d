"""The core answers the CLI fast and works in scripts: importing it must not pull in Textual."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "aiplan_tui.model",
    "aiplan_tui.loader",
    "aiplan_tui.anchors",
    "aiplan_tui.safe_text",
    "aiplan_tui.export",
    "aiplan_tui.paths",
    "aiplan_tui.cli",
    "aiplan_tui.folding",
    "aiplan_tui.query",
    "aiplan_tui.search",
    "aiplan_tui.search_docs",
    "aiplan_tui.index_data",
    "aiplan_tui.comparison",
    "aiplan_tui.figures",
    "aiplan_tui.compare_output",
    "aiplan_tui.search_cli",
    "aiplan_tui.index_cache",
    "aiplan_tui.reading",
    "aiplan_tui.mentions",
    "aiplan_tui.formatting",
    "aiplan_tui.state",
    "aiplan_tui.contrast",
    "aiplan_tui.config",
]


def test_core_modules_import_without_textual() -> None:
    code = (
        "import sys\n"
        f"for name in {CORE!r}:\n"
        "    __import__(name)\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
