"""Instructions the process runs from launch to its first frame (issue 34): the app on a
compiled pack, and the minimal Textual app, each under valgrind's cachegrind in a pty at
80x24, ended as soon as its first frame with the title is written. Unlike seconds, a count
hardly moves with the load of a shared machine (a few tenths of a percent run to run).

    python tests/benchmarks/first_frame_instructions.py PACK CACHE [--tree TUI ...]
        [--runs 1]
PACK and CACHE as for checking_bench.py; each --tree a `tui` folder to import the app from
(default: the one this interpreter imports). Needs valgrind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MINIMAL_APP = HERE / "minimal_app.py"
TITLES = {"app": "aiplan-tui", "minimal": "MinimalApp"}


def child(which: str, args: list[str]) -> None:
    """In the measured process: run the app (or the minimal one), ending the process at the
    first write of a frame that shows its title. (Nothing else imported first: the count
    is of what the app imports.)"""
    import textual.drivers.linux_driver as linux

    write = linux.LinuxDriver.write

    def first_frame_ends(self: linux.LinuxDriver, data: str) -> None:
        write(self, data)
        if TITLES[which] in data:
            os._exit(0)

    linux.LinuxDriver.write = first_frame_ends  # type: ignore[method-assign]
    if which == "minimal":
        sys.path.insert(0, str(MINIMAL_APP.parent))
        from minimal_app import MinimalApp

        MinimalApp().run()
        return
    from aiplan_tui.cli.main import main

    sys.argv = ["aiplan-tui", *args]
    main()


def count(which: str, args: list[str], tree: str | None, cache: Path | None) -> int:
    """One launch under cachegrind; the instructions it counted."""
    import re
    import select
    import tempfile

    sys.path.insert(0, str(HERE))
    import pty_bytes  # a sibling script, not a package

    with tempfile.TemporaryDirectory(prefix="aiplan-instructions-") as home:
        log = Path(home, "cachegrind.log")
        command = [
            "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
            f"--log-file={log}", sys.executable, str(Path(__file__).resolve()), "--child", which,
            *args,
        ]  # fmt: skip
        if tree is not None:
            os.environ["PYTHONPATH"] = tree
        terminal = pty_bytes.Terminal(80, 24, [], home, command, cache)
        try:
            while terminal.process.poll() is None:
                ready, _, _ = select.select([terminal.master], [], [], 1.0)
                if ready and not terminal._read():
                    break
            terminal.process.wait(timeout=pty_bytes.RUN_TIMEOUT)
        finally:
            terminal.close()
        found = re.search(r"I\s+refs:\s+([\d,]+)", log.read_text())
    if found is None:
        raise SystemExit(f"no count for {which} ({tree}): {log.read_text()[-400:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3:])
        return 0
    import argparse
    import statistics

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pack", type=Path)
    parser.add_argument("cache", type=Path)
    parser.add_argument("--tree", action="append", help="a tui folder (repeatable)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    trees: list[str | None] = list(args.tree or [None])
    app_args = ["--content", str(args.pack)]
    minimal: list[int] = []
    found: dict[str | None, list[int]] = {tree: [] for tree in trees}
    for _ in range(args.runs):  # alternate, as the timing benchmarks do
        minimal.append(count("minimal", [], None, None))
        for tree in trees:
            found[tree].append(count("app", app_args, tree, args.cache))
    m = statistics.median(minimal)
    print(f"minimal app: {m / 1e9:.3f} billion instructions to its first frame")
    for tree, counts in found.items():
        n = statistics.median(counts)
        print(f"  {tree or 'this tree'}: {n / 1e9:.3f} billion ({n / m:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
