"""The core answers the CLI fast and works in scripts: importing it must not pull in Textual."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "aiplan_tui.core.model",
    "aiplan_tui.pack.loader",
    "aiplan_tui.pack.anchors",
    "aiplan_tui.core.safe_text",
    "aiplan_tui.core.export",
    "aiplan_tui.paths",
    "aiplan_tui.cli.main",
    "aiplan_tui.search.folding",
    "aiplan_tui.search.query",
    "aiplan_tui.search.engine",
    "aiplan_tui.search.documents",
    "aiplan_tui.search.index",
    "aiplan_tui.compare.matrix",
    "aiplan_tui.compare.figures",
    "aiplan_tui.compare.render",
    "aiplan_tui.cli.search",
    "aiplan_tui.search.cache",
    "aiplan_tui.core.reading",
    "aiplan_tui.pack.mentions",
    "aiplan_tui.core.formatting",
    "aiplan_tui.settings.state",
    "aiplan_tui.settings.config",
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
