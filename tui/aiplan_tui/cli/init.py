"""`aiplan-tui init DIR`: a new content pack to fill with your own articles."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from aiplan_tui.authoring.new_pack import InitError, create_pack
from aiplan_tui.authoring.writing import toml_value
from aiplan_tui.cli.status import EXIT_OK, EXIT_USAGE
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.settings.config import default_config_path


def run_init(target: Path, from_bundled: bool) -> int:
    try:
        create_pack(target, bundled_content_dir(), from_bundled)
    except (InitError, OSError) as exc:
        print(f"aiplan-tui init: {clean_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    where = clean_line(shlex.quote(str(target)))  # commands to paste into a shell
    made = "a copy of the bundled pack" if from_bundled else "a new pack"
    absolute = clean_line(toml_value(str(target.absolute())))
    print(f"Created {made} in {clean_line(str(target))}.")
    print(f"  Add an article:   aiplan-tui add ARTICLE.txt --content {where}")
    print(f"  Check it:         aiplan-tui check {where}")
    print(f"  Open it:          aiplan-tui --content {where}")
    print(f"To open it by default, put this line in {clean_line(str(default_config_path()))}:")
    print(f"  content = {absolute}")
    return EXIT_OK
