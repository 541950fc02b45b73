"""Growth: how load, indexing, table and redraw costs grow with a dataset 10x and 100x the bundled one.

The bundled data is scaled by copying every metric (new ids 'x__2', 'x__3', ...; parts stay parts
of their own copy) and every observation into later years (+29 years per copy of the 1996-2024
span): 10x = 5 metric copies x 2 spans, 100x = 34 copies x 3 spans (102x). Events, sources and
texts stay as bundled. For each size:

  load     bundled.load_bundled(root) on a copy of resources/ with the scaled CSVs (read + check)
  index    domain.Dataset(...) construction (the (metric, period) index) from the loaded lists
  table    tabular.build_table for a fixed 10-metric selection, all years
  redraw   ChartView.set_view flipping between two fixed 10-metric selections, up to the paint of
           the plot's viewport (as bench/redraw.py)
  window   MainWindow(ds, ...) construction with the first selection, shown and painted: the
           metric picker, period picker, table and explanation as the user meets them at start

The fixed selections are the original metrics, so with more copies only the rest of the data grows
(ideal cost: flat) and with more spans their series get longer (ideal: linear in the years).
Reported: median per size, the ratio per step and the growth exponent log(t2/t1)/log(n2/n1)
against the observation count n (1 = linear; the target is <= 1 for every step, read as <= 1.05 for noise).

Run: .venv/bin/python bench/growth.py [--runs 9] [--no-gc]
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import itertools
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.files.resources import resource_root
from meldpunt_gui.model.domain import Dataset
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.tabular import build_table

SIZES = {"1x": (1, 1), "10x": (5, 2), "100x": (34, 3)}  # (metric copies, year spans)
SPAN = 29  # 1996-2024
KEYS = ("load", "index", "table", "redraw", "window")


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def scaled_root(target: Path, copies: int, spans: int) -> Path:
    """A resources/ copy whose metrics and observations are scaled as described above."""
    src = resource_root()
    shutil.copytree(src / "data", target / "data")
    shutil.copytree(src / "texts", target / "texts")

    def cid(mid: str, c: int) -> str:
        return mid if c == 1 or not mid else f"{mid}__{c}"

    header, metrics = _read(src / "data" / "metrics.csv")
    _write(target / "data" / "metrics.csv", header,
           [{**m, "id": cid(m["id"], c), "part_of": cid(m.get("part_of", ""), c)}
            for c in range(1, copies + 1) for m in metrics])
    header, obs = _read(src / "data" / "observations.csv")
    rows = []
    for c in range(1, copies + 1):
        for s in range(spans):
            for o in obs:
                year, _, half = o["period"].partition("-")
                period = f"{int(year) + s * SPAN}" + (f"-{half}" if half else "")
                rows.append({**o, "metric": cid(o["metric"], c), "period": period})
    _write(target / "data" / "observations.csv", header, rows)
    return target


def median_ms(fn: Callable[[], object], runs: int, no_gc: bool = False) -> float:
    from PySide6.QtWidgets import QApplication

    times = []
    for _ in range(runs):
        for _ in range(3):  # what an earlier call left (deferred deletes, paints) is not timed
            QApplication.processEvents()
        gc.collect()  # a collection left over from the previous size must not land in this one
        if no_gc:
            gc.disable()
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
        gc.enable()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-gc", action="store_true",
                        help="cyclic GC off inside the timed calls (to tell GC cost from algorithm)")
    args = parser.parse_args()
    from PySide6.QtCore import QSettings, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(lambda _mode, _ctx, msg: None if "propagateSizeHints" in msg
                           else print(msg, file=sys.stderr))  # the offscreen plugin's only noise
    app = QApplication.instance() or QApplication([])
    from meldpunt_gui.ui.chart.view import ChartView
    from meldpunt_gui.ui.main_window import MainWindow

    base = load_bundled()
    yearly = sorted(base.metrics, key=lambda m: -len(base.periods_with_data(m, "year")))
    selections = [ViewState(metrics=tuple(yearly[:10])), ViewState(metrics=tuple(yearly[10:20]))]
    chart = ChartView()
    chart.resize(1000, 640)
    chart.show()
    chart.ensure_loaded()
    from redraw import PaintWatch

    chart_paint = PaintWatch(chart._glw.viewport())

    def measure(tmp: Path, name: str, copies: int, spans: int) -> dict[str, float]:
        root = scaled_root(tmp / name, copies, spans)
        ds = load_bundled(root)
        flip = [0]

        def redraw() -> None:
            flip[0] ^= 1
            chart.set_view(ds, selections[flip[0]], "nl", "light")
            chart_paint.settle(app)

        def index() -> Dataset:
            return Dataset(ds.units, ds.categories, ds.metrics, ds.sources, ds.observations,
                           ds.events, ds.themes, ds.data_date)

        def window() -> None:
            settings = QSettings(str(tmp / f"{name}.ini"), QSettings.Format.IniFormat)
            win = MainWindow(ds, settings, "nl", state=selections[0], data_dir=tmp)
            win.persist = False
            win.show()
            app.processEvents()
            win.grab()
            win.close()
            win.deleteLater()
            app.processEvents()

        for _ in range(3):
            redraw()
        return {
            "observations": len(ds.observations), "metrics": len(ds.metrics),
            "load": median_ms(lambda: load_bundled(root), max(3, args.runs // 2), args.no_gc),
            "index": median_ms(index, 5 * args.runs, args.no_gc),
            "table": median_ms(lambda: build_table(ds, selections[0], "nl"), args.runs, args.no_gc),
            "redraw": median_ms(redraw, 2 * args.runs, args.no_gc),
            "window": median_ms(window, 3, args.no_gc),
        }

    rows: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (copies, spans) in SIZES.items():
            r = rows[name] = measure(Path(tmp), name, copies, spans)
            print(f"{name:>5}: {r['observations']:7} observations, {r['metrics']:5} metrics: "
                  + ", ".join(f"{k} {r[k]:.1f} ms" for k in KEYS), flush=True)
    names = list(SIZES)
    print("\nratio per step (exponent vs observations; <= 1 is linear or better; judged on the worst step)")
    for key in KEYS:
        parts, exponents = [], []
        for a, b in itertools.pairwise(names):
            ratio = rows[b][key] / rows[a][key]
            exponent = math.log(ratio) / math.log(rows[b]["observations"] / rows[a]["observations"])
            exponents.append(exponent)
            parts.append(f"{a}->{b} x{ratio:.2f} (exp {exponent:.2f})")
        total = math.log(rows[names[-1]][key] / rows[names[0]][key]) / math.log(
            rows[names[-1]]["observations"] / rows[names[0]]["observations"])
        worst = max(exponents)
        print(f"  {key:7} " + "; ".join(parts) + f"; overall exp {total:.2f} "
              f"({'met' if worst <= 1.05 else 'MISSED'})")


if __name__ == "__main__":
    main()
