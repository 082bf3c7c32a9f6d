"""What start-up costs on the bundled pack, whole process (issue 34).

In one loop, alternating so that every figure sees the same load: `python -c pass` (the
floor: the interpreter and `site`), `aiplan-tui --version`, and the bundled pack's `search
chips`, `quotes` and `export`, warm (each run once before the loop), with `fzf --filter
chips` over the pack's paragraphs beside them. Medians, and each as a ratio to `python -c
pass`: of the wall-clock time, and of the CPU time (user + system, what other sessions on a
shared machine inflate least). Then, from one `python -X importtime` run of each command, how many modules it
imports and whether Textual or Rich is among them; and the work itself: the same command
run again in a process that has imported everything already.

    python tests/benchmarks/startup_bench.py [--runs 21] [--old DIR]

`--old DIR` also runs each command (the same script, PYTHONPATH=DIR) from DIR, the `tui` folder of another checkout (`git
archive COMMIT tui content themes | tar -x -C DIR/..`), in the same loop: before and after
under the same load.

Each tree's modules are compiled first (`compileall`), as an installed package's are: where
Python writes no bytecode (PYTHONDONTWRITEBYTECODE, set on some machines), a module changed
since it was last compiled would otherwise be compiled again on every run, and counted.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMAND = Path(sys.executable).parent / "aiplan-tui"
COMMANDS = {
    "--version": ["--version"],
    "search chips": ["search", "chips"],
    "quotes": ["quotes"],
    "export": ["export"],
}


def seconds(
    argv: list[str], stdin: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """The command's wall-clock and CPU (user + system) seconds."""
    with Path(stdin or os.devnull).open("rb") as source:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(argv, stdin=source, stdout=subprocess.DEVNULL, check=False, env=env)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        return wall, cpu


def imported(args: list[str], env: dict[str, str] | None = None) -> tuple[int, list[str]]:
    """How many modules the command imports, and the Textual or Rich ones among them."""
    code = "from aiplan_tui.cli.main import main; import sys; main(sys.argv[1:])"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code, *args],
        capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    names = [
        line.rpartition("|")[2].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "[us]" not in line
    ]
    heavy = sorted({n.split(".")[0] for n in names if n.split(".")[0] in ("textual", "rich")})
    return len(names), heavy


def work(args: list[str], repeat: int = 5) -> float:
    """The command's own time, its imports done: the median of runs in this process."""
    from aiplan_tui.cli.main import main

    times = []
    for _ in range(repeat + 1):
        with contextlib.redirect_stdout(io.StringIO()):
            started = time.perf_counter()
            with contextlib.suppress(SystemExit):
                main(args)
            times.append(time.perf_counter() - started)
    return statistics.median(times[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--old", type=Path, help="the tui folder of an older checkout, to compare")
    args = parser.parse_args()
    old = None if args.old is None else {**os.environ, "PYTHONPATH": str(args.old.resolve())}
    import aiplan_tui

    for tree in (Path(aiplan_tui.__file__).parent, *([] if args.old is None else [args.old])):
        compileall.compile_dir(tree, quiet=1)
    with tempfile.TemporaryDirectory(prefix="aiplan-startup-") as scratch:
        lines = Path(scratch) / "paragraphs.txt"
        from aiplan_tui.pack.loader import load_pack
        from aiplan_tui.paths import bundled_content_dir

        pack = load_pack(bundled_content_dir()).pack
        lines.write_text(
            "\n".join(p for a in pack.articles for p in a.paragraphs) + "\n", encoding="utf-8"
        )
        runs: dict[str, list[str]] = {"python -c pass": [sys.executable, "-c", "pass"]}
        envs: dict[str, dict[str, str] | None] = {}
        for name, argv in COMMANDS.items():
            runs[name] = [str(COMMAND), *argv]
            if old is not None:  # the same command from the older tree, just before
                runs[f"old {name}"] = [str(COMMAND), *argv]
                envs[f"old {name}"] = old
        fzf = shutil.which("fzf")
        if fzf:
            runs["fzf --filter chips"] = [fzf, "--filter", "chips"]
        for name, argv in runs.items():  # warm: compiled, and in the page cache
            seconds(argv, lines, envs.get(name))
        times: dict[str, list[float]] = {name: [] for name in runs}
        cpus: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.runs):
            for name, argv in runs.items():
                stdin = lines if name.startswith("fzf") else None
                wall, cpu = seconds(argv, stdin, envs.get(name))
                times[name].append(wall)
                cpus[name].append(cpu)
    floor = statistics.median(times["python -c pass"])
    cpu_floor = statistics.median(cpus["python -c pass"])
    load = os.getloadavg()[0]
    fzf_time = statistics.median(times["fzf --filter chips"]) if fzf else None
    print(f"medians of {args.runs}, alternating; load average {load:.1f} at the end")
    for name, values in times.items():
        value, cpu = statistics.median(values), statistics.median(cpus[name])
        print(f"  {name:24} {value * 1000:7.1f} ms  ({value / floor:4.2f}x python -c pass"
              + ("" if fzf_time is None else f", {value / fzf_time:5.1f}x fzf") + ")"
              + f"  CPU {cpu * 1000:6.1f} ms ({cpu / cpu_floor:4.2f}x)")  # fmt: skip
    print("modules imported, Textual or Rich among them, and the work (imports done):")
    for name, argv in COMMANDS.items():
        if old is not None:
            count, heavy = imported(argv, old)
            print(f"  {'old ' + name:24} {count:4d} modules  {', '.join(heavy) or 'neither'}")
        count, heavy = imported(argv)
        own = work(argv) if name != "--version" else 0.0
        budget = 2 * (floor + own)
        total = statistics.median(times[name])
        cpu_budget, cpu = 2 * (cpu_floor + own), statistics.median(cpus[name])
        print(f"  {name:24} {count:4d} modules  {', '.join(heavy) or 'neither':10}  "
              f"work {own * 1000:6.1f} ms; 2x(pass + work) {budget * 1000:6.1f} ms: "
              f"{'within' if total <= budget else 'over'}; in CPU {cpu_budget * 1000:6.1f} ms: "
              f"{'within' if cpu <= cpu_budget else 'over'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
