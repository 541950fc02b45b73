"""Data commands without Qt: whole-process time of `list-metrics` and `export csv/xlsx` against
`python -c "import PySide6.QtWidgets"` (the cost they no longer pay), in fresh processes started
alternately, with byte-code caches as an installed program has them.

Each command runs twice per round: as the command line runs it (the data folder found by
files/locations.py; no `--data-dir`) and with `--data-dir` (the path that never loaded Qt). The
data folder is an empty one under a temporary HOME, so both find the same empty store.
Also reports the peak resident memory of each child (ru_maxrss).

The XLSX export's floor: `python -c pass` and `python -c "import xlsxwriter"` run in the same
rounds. Python's start plus importing XlsxWriter (the library issue 13 chose) is the least an
XLSX export can cost, however fast our own part; the export then still reads the data and
writes the file.

Target: every command <= 0.6 x the PySide6.QtWidgets import.

Run: .venv/bin/python bench/cli.py [--runs 11] [--before DIR]
(--before: a checkout of an earlier commit, e.g. `git archive 5c1e81b | tar -x -C DIR`; its
commands are run in the same rounds, marked "before").
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = 0.6


def _commands(out: str) -> dict[str, list[str]]:
    # as the installed `meldpunt` console script runs it (no runpy, as `-m` would add)
    run = [sys.executable, "-c", "import sys; from meldpunt_gui.cli import main; sys.exit(main())"]
    return {
        "import PySide6.QtWidgets": [sys.executable, "-c", "import PySide6.QtWidgets"],
        "python -c pass": [sys.executable, "-c", "pass"],
        "import xlsxwriter": [sys.executable, "-c", "import xlsxwriter"],
        "list-metrics --json": [*run, "list-metrics", "--json"],
        "export --format csv": [*run, "export", "--metrics", "reports_total", "--format", "csv",
                                "--out", os.path.join(out, "a.csv")],
        "export --format xlsx": [*run, "export", "--metrics", "reports_total", "--format", "xlsx",
                                 "--out", os.path.join(out, "a.xlsx")],
    }


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak MiB) of one child."""
    t0 = time.perf_counter()
    # not run from a checkout: with -c the current folder comes first on sys.path
    pid = subprocess.Popen(cmd, env=env, cwd=env["HOME"], stdout=subprocess.DEVNULL).pid
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--before", help="an earlier checkout, run alternately as 'before'")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(HOME=tmp, XDG_DATA_HOME=os.path.join(tmp, "share"), PYTHONPATH=ROOT,
                   QT_QPA_PLATFORM="offscreen")
        data_dir = os.path.join(tmp, "share", "Meldpunt viewer", "meldpunt-gui")
        commands = _commands(tmp)
        variants: dict[str, list[str]] = {}
        envs: dict[str, dict[str, str]] = {}
        for name, cmd in commands.items():
            variants[name] = cmd
            if name.startswith(("list", "export")):
                variants[name + " --data-dir"] = [*cmd, "--data-dir", data_dir]
                if args.before:
                    variants[name + " (before)"] = cmd
                    envs[name + " (before)"] = {**env, "PYTHONPATH": os.path.abspath(args.before)}
        for name, cmd in variants.items():  # warm the caches and the store once
            _time(cmd, envs.get(name, env))
        times: dict[str, list[float]] = {n: [] for n in variants}
        mem: dict[str, list[float]] = {n: [] for n in variants}
        for _ in range(args.runs):
            for name, cmd in variants.items():
                t, m = _time(cmd, envs.get(name, env))
                times[name].append(t)
                mem[name].append(m)
    base = statistics.median(times["import PySide6.QtWidgets"])
    print(f"{'command':<36} {'median':>9} {'ratio':>7} {'peak':>9}  target <= {TARGET}")
    for name in variants:
        t = statistics.median(times[name])
        ratio = t / base
        met = "" if name.startswith(("import ", "python ")) else (
            "met" if ratio <= TARGET else "MISSED")
        print(f"{name:<36} {t * 1000:7.0f} ms {ratio:7.2f} {statistics.median(mem[name]):6.0f} MiB"
              f"  {met}")
    floor = statistics.median(times["import xlsxwriter"])
    print(f"XLSX floor: Python's start and importing XlsxWriter alone take {floor * 1000:.0f} ms,"
          f" ratio {floor / base:.2f}, before the export has read a value or written a byte")
    print(f"({args.runs} alternating runs; Python {sys.version.split()[0]};"
          f" max rss of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB)")


if __name__ == "__main__":
    main()
