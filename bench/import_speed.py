"""Import throughput: read_import on a 1,000,000-row Dutch CSV and a 50,000-row XLSX.

The files are generated: long layout `metriek;eenheid;periode;waarde`, one own series per 100
rows ('Reeks 00042', unit 'meldingen' or 'fte', years 1995-2094), so every row is a distinct
metric + period and valid. Values are written the Dutch way: '950', '12.345' (a thousands point,
ambiguous on its own) and '1.234,5'; the workbook holds numeric cells. Throughput counts the rows
read_import returns as valid (ImportResult.rows), with no errors allowed.

Baselines in the same run, alternating with ours: csv.reader over the same bytes (decode + split
only) and python_calamine reading the same workbook (to_python only).
Targets: CSV >= 300,000 and XLSX >= 100,000 validated rows per second.

Run: .venv/bin/python bench/import_speed.py [--runs 7] [--profile csv|xlsx]
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.exports.workbook import Sheet, build_xlsx
from meldpunt_gui.imports.reader import read_import

CSV_ROWS = 1_000_000
XLSX_ROWS = 50_000
YEARS = 100  # 1995-2094: rows per series


def dutch(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def row(i: int) -> tuple[str, str, int, float]:
    """(name, unit, year, value) of generated row i: smooth growth, so no 'jump' warnings."""
    series, j = divmod(i, YEARS)
    base = 200 + (series % 97) * 37
    if series % 2:
        return f"Reeks {series:05d}", "fte", 1995 + j, round(base * 1.03 ** j / 3, 1)
    return f"Reeks {series:05d}", "meldingen", 1995 + j, float(round(base * 1.03 ** j))


def write_csv(path: Path, n: int) -> None:
    lines = ["metriek;eenheid;periode;waarde"]
    for i in range(n):
        name, unit, year, value = row(i)
        lines.append(f"{name};{unit};{year};{dutch(value, 1 if unit == 'fte' else 0)}")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


def write_xlsx(path: Path, n: int) -> None:
    rows = [list(row(i)) for i in range(n)]
    path.write_bytes(build_xlsx([Sheet("Cijfers", ["metriek", "eenheid", "periode", "waarde"], rows)]))


def timed(fn: Callable[[], int]) -> tuple[float, int]:
    gc.collect()
    t = time.perf_counter()
    n = fn()
    return time.perf_counter() - t, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", choices=("csv", "xlsx"))
    args = parser.parse_args()
    ds = load_bundled()
    tmp = tempfile.TemporaryDirectory()
    csv_path, xlsx_path = Path(tmp.name) / "cijfers.csv", Path(tmp.name) / "cijfers.xlsx"
    t = time.perf_counter()
    write_csv(csv_path, CSV_ROWS)
    write_xlsx(xlsx_path, XLSX_ROWS)
    print(f"generated {csv_path.stat().st_size / 2**20:.1f} MB CSV and "
          f"{xlsx_path.stat().st_size / 2**20:.1f} MB XLSX in {time.perf_counter() - t:.1f} s")

    def ours(path: Path, expected: int) -> Callable[[], int]:
        def run() -> int:
            res = read_import(path, ds)
            if res.error_count or len(res.rows) != expected:
                problems = "; ".join(p.format("en") for p in res.problems[:5])
                raise SystemExit(f"{path.name}: {len(res.rows)} rows, {res.error_count} errors: {problems}")
            return len(res.rows)
        return run

    def csv_baseline() -> int:
        text = csv_path.read_bytes().decode("utf-8")
        return sum(1 for _ in csv.reader(io.StringIO(text, newline=""), delimiter=";")) - 1

    def calamine_baseline() -> int:
        from python_calamine import CalamineWorkbook

        wb = CalamineWorkbook.from_path(str(xlsx_path))
        return len(wb.get_sheet_by_index(0).to_python()) - 1

    if args.profile:
        import cProfile
        import pstats

        path, n = (csv_path, CSV_ROWS) if args.profile == "csv" else (xlsx_path, XLSX_ROWS)
        prof = cProfile.Profile()
        prof.runcall(ours(path, n))
        pstats.Stats(prof).sort_stats("tottime").print_stats(20)
        tmp.cleanup()
        return

    variants = {"csv read_import": ours(csv_path, CSV_ROWS), "csv csv.reader": csv_baseline,
                "xlsx read_import": ours(xlsx_path, XLSX_ROWS), "xlsx calamine": calamine_baseline}
    for fn in variants.values():  # warm-up
        fn()
    rates: dict[str, list[float]] = {k: [] for k in variants}
    for i in range(args.runs):
        for name, fn in variants.items():
            seconds, n = timed(fn)
            rates[name].append(n / seconds)
        print(f"run {i + 1}/{args.runs}: " + ", ".join(f"{k} {v[-1]:,.0f}/s" for k, v in rates.items()),
              flush=True)
    med = {k: statistics.median(v) for k, v in rates.items()}
    print(f"\nmedian rows per second over {args.runs} runs")
    for name, value in med.items():
        print(f"  {name:17} {value:12,.0f}")
    for kind, target in (("csv", 300_000), ("xlsx", 100_000)):
        ours_rate = med[f"{kind} read_import"]
        base = med["csv csv.reader" if kind == "csv" else "xlsx calamine"]
        print(f"{kind}: read_import / baseline = {ours_rate / base:.2f}; target >= {target:,}/s: "
              f"{'met' if ours_rate >= target else 'MISSED'}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
