"""Import memory and speed as a user meets them: `meldpunt import FILE --yes` and `meldpunt check FILE`.

The files are the import bench's generated Dutch CSV (bench/import_speed.py: 10,000 own series x
100 years, values such as 950, 12.345 and 1.234,5) at 10, 100,000 and 1,000,000 rows. Each command
runs in a fresh process as the `meldpunt` console script runs it (`import` into a new, empty data
folder each time); its peak memory is the child's own high-water mark (VmHWM, which the child
writes at its end). Bytes per row = (peak at N rows - peak at 10 rows) / N, so the
interpreter, the modules and the bundled data are not counted.

Baseline in the same run, alternating: `csv.reader` over the same bytes in this process (decode +
split only), as bench/import_speed.py has it; `import --yes` rows per second are rows / the
child's whole time (start-up, read, checks, store write and commit).

Targets (issue 17): at 1M rows import memory <= 150 bytes per row, growing linearly (the figure
at 100k about the one at 1M); `import --yes` >= 300,000 rows/s.

Run: .venv/bin/python bench/import_memory.py [--runs 3] [--before DIR]
(--before: a checkout of an earlier commit, `git archive COMMIT | tar -x -C DIR`, run alternately.)
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from import_speed import write_csv

SIZES = (10, 100_000, 1_000_000)
# The command as the console script runs it; at its end the child writes its own high-water mark
# (VmHWM): ru_maxrss would count the pages the child shares with this parent before exec.
RUN = [sys.executable, "-c", "import os, sys\nfrom meldpunt_gui.cli import main\ntry:\n    code = main()\n"
       "finally:\n    hwm = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
       "    open(os.environ['BENCH_HWM'], 'w').write(hwm)\nsys.exit(code)"]


def child(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak bytes) of one child process."""
    hwm = Path(env["HOME"], "hwm")
    t0 = time.perf_counter()
    code = subprocess.call(cmd, env={**env, "BENCH_HWM": str(hwm)}, cwd=env["HOME"],
                           stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t0
    if code != 0:
        raise SystemExit(f"exit code {code}: {' '.join(cmd)}")
    return elapsed, int(hwm.read_text()) * 1024.0


def csv_reader(path: Path) -> float:
    """Seconds for csv.reader to go through the file (decode + split), in this process."""
    t = time.perf_counter()
    text = path.read_bytes().decode("utf-8")
    sum(1 for _ in csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--before", help="an earlier checkout, run alternately as 'before'")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    try:
        files = {n: Path(tmp, f"cijfers{n}.csv") for n in SIZES}
        for n, path in files.items():
            write_csv(path, n)
        env = {**os.environ, "HOME": tmp, "XDG_DATA_HOME": os.path.join(tmp, "share"),
               "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
        envs = {"ours": env}
        if args.before:
            envs["before"] = {**env, "PYTHONPATH": os.path.abspath(args.before)}
        peak: dict[tuple[str, str, int], list[float]] = {}
        took: dict[tuple[str, str, int], list[float]] = {}
        base: list[float] = []
        for r in range(args.runs):
            for n, path in files.items():
                for who, e in envs.items():
                    store = Path(tmp, f"store-{who}-{n}-{r}")
                    for what, cmd in (("import", [*RUN, "import", str(path), "--yes", "--data-dir", str(store)]),
                                      ("check", [*RUN, "check", str(path)])):
                        seconds, high = child(cmd, e)
                        peak.setdefault((who, what, n), []).append(high)
                        took.setdefault((who, what, n), []).append(seconds)
                    shutil.rmtree(store, ignore_errors=True)
                if n == SIZES[-1]:
                    base.append(csv_reader(path))
            print(f"round {r + 1}/{args.runs} done", flush=True)
        med = {k: statistics.median(v) for k, v in peak.items()}
        sec = {k: statistics.median(v) for k, v in took.items()}
        big = SIZES[-1]
        print(f"\nmedians over {args.runs} rounds; bytes/row = (peak at N - peak at {SIZES[0]} rows) / N")
        for who in envs:
            for what in ("import", "check"):
                small = med[(who, what, SIZES[0])]
                parts = [f"{(med[(who, what, n)] - small) / n:6.0f} B/row at {n:,}" for n in SIZES[1:]]
                rate = big / sec[(who, what, big)]
                print(f"  {who:6} {what:6}: peak {small / 2**20:5.0f} MiB at {SIZES[0]} rows, "
                      f"{med[(who, what, big)] / 2**20:5.0f} MiB at {big:,}; " + "; ".join(parts)
                      + f"; {rate:9,.0f} rows/s at {big:,} ({sec[(who, what, big)]:.2f} s)")
        reader = big / statistics.median(base)
        ours = (med[("ours", "import", big)] - med[("ours", "import", SIZES[0])]) / big
        rate = big / sec[("ours", "import", big)]
        print(f"  csv.reader over the same bytes: {reader:,.0f} rows/s; import --yes / csv.reader = "
              f"{rate / reader:.2f}")
        print(f"target: import memory <= 150 B/row at 1M: {'met' if ours <= 150 else 'MISSED'} "
              f"({ours:.0f}); import --yes >= 300,000 rows/s: {'met' if rate >= 300_000 else 'MISSED'} "
              f"({rate:,.0f})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
