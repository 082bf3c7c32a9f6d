"""Allow `python -m aiplan_tui`, the same as the `aiplan-tui` command."""

from __future__ import annotations

import sys

from aiplan_tui.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
