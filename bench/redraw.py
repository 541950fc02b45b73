"""Redraw after a selection change, 10 and 40 series: our ChartView against bare pyqtgraph.

A synthetic dataset (the bundled one plus 80 count metrics over 1995-2024, one unit, a few rounded
values and one missing year each) lets the selection flip between two disjoint sets of N series,
so every redraw really draws other data. One redraw is the change and the event processing up to
and including the paint of the plot's viewport (a Paint event delivered to it: the frame the user
sees). `--grab` adds a forced second paint of the whole widget into a pixmap (QWidget.grab()), as
earlier versions of this script measured.

  chart     ChartView.set_view(ds, state) on a standalone ChartView (target: median <= 16 ms)
  bare      a pyqtgraph PlotWidget: clear() and N plot(x, y, pen) calls from ready numpy arrays
  bare+     the same with markers and a legend, as our chart draws them
  update    N existing curves (lines and markers) given new data with setData(): the floor
  window    (for information) MainWindow.set_state(): chart, table, explanation and summary

All variants alternate within each round, so drift of the machine hits them alike.

Run: .venv/bin/python bench/redraw.py [--runs 40] [--profile 40]
"""

from __future__ import annotations

import argparse
import os
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
from meldpunt_gui.model.domain import Dataset, Metric, Observation, Period, Text
from meldpunt_gui.model.view import ViewState

SIZE = (1000, 640)
YEARS = range(1995, 2025)


def synthetic_dataset(n_metrics: int = 80) -> tuple[Dataset, list[str]]:
    """The bundled data plus `n_metrics` count series 'bench_mNN' in the unit 'reports'."""
    base = load_bundled()
    source = next(iter(base.sources))
    metrics = dict(base.metrics)
    obs = list(base.observations)
    ids = []
    for k in range(n_metrics):
        mid = f"bench_m{k:02d}"
        ids.append(mid)
        metrics[mid] = Metric(mid, "meldpunt", "reports", Text(f"Reeks {k}", f"Series {k}"),
                              Text("Synthetisch.", "Synthetic."))
        gap = YEARS[3 + k % 20]
        for j, year in enumerate(YEARS):
            if year == gap:
                continue
            value = 1000.0 * (k + 1) * (1 + 0.04 * j) + (j * 37 * (k + 3)) % 500
            obs.append(Observation(mid, Period(year), round(value), j % 7 == 0, "published", source))
    ds = Dataset(base.units, base.categories, metrics, base.sources, obs, base.events, base.themes,
                 base.data_date)
    return ds, ids


class PaintWatch:
    """Notes Paint events delivered to one widget (a view's viewport)."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class Filter(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    watch.painted = True
                return False

        self.painted = False
        self._filter = Filter()
        widget.installEventFilter(self._filter)

    def settle(self, app) -> None:
        """Process events until the widget has painted (at most 100 rounds)."""
        self.painted = False
        for _ in range(100):
            app.processEvents()
            if self.painted:
                return


def timed(fn: Callable[[int], None], i: int) -> float:
    """One redraw, after the events left by the previous variant (other windows' paints,
    deferred deletes) have been handled outside the clock."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    t = time.perf_counter()
    fn(i)
    return (time.perf_counter() - t) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="redraws per variant and size (>= 30)")
    parser.add_argument("--profile", type=int, choices=(10, 40), help="cProfile our chart at N series")
    parser.add_argument("--grab", action="store_true", help="add a forced full repaint (grab) per redraw")
    args = parser.parse_args()

    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QSettings, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from meldpunt_gui.ui.chart.palette import series_style
    from meldpunt_gui.ui.chart.view import ChartView
    from meldpunt_gui.ui.main_window import MainWindow

    qInstallMessageHandler(lambda _mode, _ctx, msg: None if "propagateSizeHints" in msg
                           else print(msg, file=sys.stderr))  # the offscreen plugin's only noise
    app = QApplication.instance() or QApplication([])
    ds, ids = synthetic_dataset()
    xs = np.asarray([float(y) for y in YEARS])

    def arrays(metric: str) -> np.ndarray:
        return np.asarray([o.value if (o := ds.shown(metric, Period(y))) else np.nan for y in YEARS])

    data = {mid: arrays(mid) for mid in ids}
    chart = ChartView()
    chart.resize(*SIZE)
    chart.show()
    chart.ensure_loaded()
    bare = pg.PlotWidget()
    bare.resize(*SIZE)
    bare.show()
    tmp = tempfile.TemporaryDirectory()
    settings = QSettings(str(Path(tmp.name) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ds, settings, "nl", state=ViewState(metrics=tuple(ids[:10])),
                        data_dir=Path(tmp.name))
    window.persist = False
    window.show()
    app.processEvents()

    phases: dict[str, list[float]] = {"set_view": [], "paint": [], "grab": []}
    chart_paint = PaintWatch(chart._glw.viewport())
    bare_paint = PaintWatch(bare.viewport())

    def ours(state: ViewState) -> None:
        t0 = time.perf_counter()
        chart.set_view(ds, state, "nl", "light")
        t1 = time.perf_counter()
        chart_paint.settle(app)
        t2 = time.perf_counter()
        if args.grab:
            chart.grab()
        t3 = time.perf_counter()
        for key, dt in zip(phases, (t1 - t0, t2 - t1, t3 - t2)):
            phases[key].append(dt * 1000)

    def baseline(metrics: list[str], extras: bool) -> None:
        plot = bare.getPlotItem()
        plot.clear()
        if plot.legend is not None:
            plot.legend.scene().removeItem(plot.legend)
            plot.legend = None
        if extras:
            plot.addLegend(colCount=3)
        for i, mid in enumerate(metrics):
            style = series_style(i)
            pen = pg.mkPen(style.colour, width=2)
            if extras:
                plot.plot(xs, data[mid], pen=pen, connect="finite", symbol=style.symbol, symbolSize=9,
                          symbolPen=pg.mkPen(style.colour, width=1.5), name=mid)
            else:
                plot.plot(xs, data[mid], pen=pen, connect="finite")
        bare_paint.settle(app)
        if args.grab:
            bare.grab()

    kept = pg.PlotWidget()
    kept.resize(*SIZE)
    kept.show()
    kept_paint = PaintWatch(kept.viewport())
    curves = []
    for i in range(40):
        style = series_style(i)
        curves.append(kept.plot(xs, data[ids[i]], pen=pg.mkPen(style.colour, width=2), connect="finite",
                                symbol=style.symbol, symbolSize=9,
                                symbolPen=pg.mkPen(style.colour, width=1.5)))

    def update(metrics: list[str]) -> None:
        for curve, mid in zip(curves, metrics):
            curve.setData(xs, data[mid])
            curve.setVisible(True)
        for curve in curves[len(metrics):]:
            curve.setVisible(False)
        kept_paint.settle(app)
        if args.grab:
            kept.grab()

    window.chart.ensure_loaded()
    window_paint = PaintWatch(window.chart._glw.viewport())

    def whole(state: ViewState) -> None:
        window.set_state(state)
        window_paint.settle(app)
        if args.grab:
            window.grab()

    if args.profile:
        import cProfile
        import pstats

        n = args.profile
        states = [ViewState(metrics=tuple(ids[:n])), ViewState(metrics=tuple(ids[n:2 * n]))]
        for i in range(4):
            ours(states[i % 2])
        prof = cProfile.Profile()
        prof.enable()
        for i in range(30):
            ours(states[i % 2])
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
        pstats.Stats(prof).sort_stats("tottime").print_stats(20)
        return

    print(f"{args.runs} redraws per cell, ms (median / 90th percentile); {os.cpu_count()} cores")
    for n in (10, 40):
        sets = [ids[:n], ids[n:2 * n]]
        states = [ViewState(metrics=tuple(s)) for s in sets]
        variants: dict[str, Callable[[int], None]] = {
            "chart": lambda i, st=states: ours(st[i % 2]),
            "bare": lambda i, se=sets: baseline(se[i % 2], False),
            "bare+": lambda i, se=sets: baseline(se[i % 2], True),
            "update": lambda i, se=sets: update(se[i % 2]),
            "window": lambda i, st=states: whole(st[i % 2]),
        }
        times: dict[str, list[float]] = {k: [] for k in variants}
        for v in phases.values():
            v.clear()
        for i in range(5):  # warm-up
            for fn in variants.values():
                fn(i)
        for i in range(args.runs):
            for name, fn in variants.items():
                times[name].append(timed(fn, i))
        med = {k: statistics.median(v) for k, v in times.items()}
        for name, v in times.items():
            p90 = statistics.quantiles(v, n=10)[-1]
            print(f"  {n:2} series  {name:7} {med[name]:7.1f} / {p90:6.1f}")
        print(f"  {n:2} series  chart phases: " + ", ".join(
            f"{k} {statistics.median(v[-args.runs:]):.1f}" for k, v in phases.items()))
        print(f"  {n:2} series  chart/bare = {med['chart'] / med['bare']:.2f}, "
              f"chart/bare+ = {med['chart'] / med['bare+']:.2f}; target chart <= 16 ms: "
              f"{'met' if med['chart'] <= 16 else 'MISSED'}")
    window.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
