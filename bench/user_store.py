"""A large own store: what a view of bundled series costs with 0, 1.6k, 16k and 1M own values.

For each store size a data folder is filled once through `meldpunt import --yes` with the bench's
generated series (bench/import_speed.py: 100 years per series, so 1M values = 10,000 series).
Then, in fresh processes started alternately over the sizes (byte-code caches on), each of:

  export    `export --metrics reports_total --format csv` (a bundled metric; the store overlaid)
  check     `check` of a 2-row file of a new own series against the store
  window    `screenshot` of the default view: the whole window built, filled and painted
            offscreen, the nearest whole-process figure for "chart painted" (bench/startup.py
            times the real start-up, on an empty store)

Reported: median wall time and peak resident memory (ru_maxrss) per size, and the ratio to the
empty store measured in the same rounds. Targets (issue 17): a CLI command on a bundled metric
<= 1.5x; memory at start <= 1.5x; the window <= 1.5x (chart painted).

Run: .venv/bin/python bench/user_store.py [--runs 5] [--sizes 0,1600,16000,1000000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from import_speed import write_csv  # the bench's generated series

# The child's own peak (VmHWM of its address space): ru_maxrss would also count the parent's
# memory copied at fork, before exec.
_PEAK = ("import atexit, sys\n"
         "def _peak():\n"
         "    for line in open('/proc/self/status'):\n"
         "        if line.startswith('VmHWM'): sys.stderr.write('PEAK ' + line.split()[1] + '\\n')\n"
         "atexit.register(_peak)\n")


def _run(cmd: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    peaks = [int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("PEAK ")]
    return elapsed, (peaks[-1] / 1024 if peaks else float("nan"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="0,1600,16000,1000000")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    py = [sys.executable, "-c", _PEAK + "from meldpunt_gui.cli import main; sys.exit(main())"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(HOME=tmp, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", QT_ACCESSIBILITY="0")
        probe = Path(tmp, "probe.csv")
        probe.write_text("metriek;eenheid;periode;waarde\nProbe;meldingen;2023;1\nProbe;meldingen;2024;2\n")
        folders = {}
        for n in sizes:
            folder = folders[n] = os.path.join(tmp, f"store{n}")
            if n:
                src = Path(tmp, f"own{n}.csv")
                write_csv(src, n)
                t, _ = _run([*py, "import", str(src), "--yes", "--data-dir", folder], env, tmp)
                print(f"store of {n:,} values imported in {t:.1f} s", flush=True)
            else:
                os.makedirs(folder)
        tasks = {
            "export": lambda d: [*py, "export", "--metrics", "reports_total", "--format", "csv",
                                 "--out", os.path.join(tmp, "out.csv"), "--data-dir", d],
            "check": lambda d: [*py, "check", str(probe), "--data-dir", d],
            "window": lambda d: [*py, "screenshot", "--out", os.path.join(tmp, "s.png"),
                                 "--data-dir", d],
        }
        times = {(t, n): [] for t in tasks for n in sizes}
        mem = {(t, n): [] for t in tasks for n in sizes}
        for n in sizes:  # warm-up: caches, and the index made once in an older store
            for make in tasks.values():
                _run(make(folders[n]), env, tmp)
        for _ in range(args.runs):
            for task, make in tasks.items():
                for n in sizes:
                    t, m = _run(make(folders[n]), env, tmp)
                    times[task, n].append(t)
                    mem[task, n].append(m)
    print(f"\n{'task':<8} {'own values':>11} {'median':>9} {'x empty':>8} {'peak':>8} {'x empty':>8}")
    for task in tasks:
        t0, m0 = statistics.median(times[task, sizes[0]]), statistics.median(mem[task, sizes[0]])
        for n in sizes:
            t, m = statistics.median(times[task, n]), statistics.median(mem[task, n])
            print(f"{task:<8} {n:>11,} {t * 1000:7.0f} ms {t / t0:8.2f} {m:5.0f} MiB {m / m0:8.2f}")
    print(f"({args.runs} alternating runs; target <= 1.5x the empty store for each)")


if __name__ == "__main__":
    main()
