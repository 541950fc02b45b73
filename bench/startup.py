"""Start-up: process start -> first painted window, and -> chart painted.

Compares, in fresh processes started alternately (a, b, c, a, b, c, ...):
  a  a bare PySide6 QMainWindow with a label (the floor for "a window on screen"),
  b  a bare PySide6 + pyqtgraph window with one PlotWidget curve (the floor for "a chart"),
  c  the real viewer, started as the `meldpunt-gui` command starts it: cli.main() with a data
     folder, which shows the window frame, then fills it and draws its chart once painted.
  s  with --store N: the viewer as c, on a data folder whose user store holds N own values
     (bench/import_speed.py's generated series, imported once with `meldpunt import --yes`).
Targets: first paint c/a <= 1.15; chart painted c/b <= 1.10; with a 1M-value store (issue 17)
first paint s/c <= 1.2 and chart painted s/c <= 1.5.

Clock. The parent reads time.monotonic() just before it spawns the child and hands it over in
BENCH_T0; the child reads time.monotonic() at each event. On Linux both are CLOCK_MONOTONIC, one
system-wide clock shared by all processes, with nanosecond resolution and no wall-clock jumps. The
interval therefore covers fork + exec + interpreter start + imports + first frame: what a user
waits for after double-clicking. (/proc/self/stat's start time would leave out the fork but only
has clock-tick (10 ms) resolution; time.time() can be stepped by NTP.) Row "0" is a child that
reports at once: the cost of starting Python itself, part of every other row.

"Painted". The child runs a QApplication subclass whose notify() counts Paint events delivered to
widgets of the main window and stamps the time when the outermost event during which such a paint
happened has been handled: by then Qt has painted the whole dirty region and flushed the backing
store. For c the same subclass is slipped under app.application(), so the real start-up code runs
unchanged. "Chart painted" is the end of the first such event in which the plot's viewport was
painted (for c: after ChartView has loaded pyqtgraph). For c the child also notes when the
window was first seen populated and the chart loaded (at the next paint). The notify() hook costs a few
microseconds per event;
the events counted are printed so that cost can be judged (see bench/README.md).

Run: .venv/bin/python bench/startup.py [--runs 9] [--store 1000000]
     (--profile c: one run of c under cProfile)
"""

from __future__ import annotations

import json
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ("0", "a", "b", "c", "s")
SIZE = (1400, 860)  # the viewer's default window size, used for all three
# Qt's offscreen screen is 800x800; the viewer starts maximized on a screen lower than its first
# size (ui/main_window.py), so the children get a desktop's screen and the viewer its 1400x860
SCREEN = {"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


def desktop_platform(folder: str) -> str:
    """The QT_QPA_PLATFORM value for an offscreen child with a 1920x1080 screen (the config
    file is written into `folder`)."""
    path = os.path.join(folder, "screen.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(SCREEN, out)
    return f"offscreen:configfile={path}"


def _child(kind: str) -> None:
    t0 = float(os.environ["BENCH_T0"])
    kind = "c" if kind == "s" else kind  # the same start; only its data folder differs
    if kind == "0":
        print(json.dumps({"first_paint": time.monotonic() - t0}), flush=True)
        os._exit(0)
    sys.path.insert(0, ROOT)
    profiler = None
    if os.environ.get("BENCH_PROFILE"):
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    paint = QEvent.Type.Paint
    marks: dict[str, float] = {}
    info: dict[str, object] = {}
    watch: dict[str, object] = {"window": None, "chart": None}

    class BenchApp(QApplication):
        depth = 0
        hit_window = False
        hit_chart = False
        events = 0

        def notify(self, obj, ev):
            self.events += 1
            if ev.type() == paint and obj.isWidgetType():
                win = watch["window"]
                if win is None and kind == "c" and type(obj.window()).__name__ == "MainWindow":
                    win = watch["window"] = obj.window()  # the viewer's window, made by cli.main
                if win is not None and obj.window() is win:
                    self.hit_window = True
                    if kind == "c":
                        _note_viewer(win)
                    chart = watch["chart"]
                    if chart is not None and obj is chart:
                        self.hit_chart = True
            self.depth += 1
            try:
                return super().notify(obj, ev)
            finally:
                self.depth -= 1
                if self.depth == 0 and (self.hit_window or self.hit_chart):
                    self._stamp()

        def _stamp(self) -> None:
            now = time.monotonic() - t0
            if self.hit_window and "first_paint" not in marks:
                marks["first_paint"] = now
                info["pyqtgraph_at_first_paint"] = "pyqtgraph" in sys.modules
                info["events_to_first_paint"] = self.events
            if self.hit_chart and "chart" not in marks:
                marks["chart"] = now
                info["cpu_to_chart"] = time.process_time()  # the child's own CPU time, for a loaded machine
                info["events_to_chart"] = self.events
            self.hit_window = self.hit_chart = False
            if "first_paint" in marks and ("chart" in marks or kind == "a"):
                if profiler is not None:
                    import pstats

                    profiler.disable()
                    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
                    sys.stderr.flush()
                print(json.dumps({**marks, **info}), flush=True)
                os._exit(0)

    def _note_viewer(win) -> None:
        """Stamps of the viewer's stages, read off the window as its paints come in."""
        if "populated" not in info and win.is_populated():
            info["populated"] = time.monotonic() - t0
        chart = getattr(win, "chart", None)
        if chart is not None and chart.is_loaded() and watch["chart"] is None:
            info["loaded"] = time.monotonic() - t0
            watch["chart"] = chart._glw.viewport()

    QTimer.singleShot(30_000, lambda: os._exit(3))  # never hang the parent
    if kind == "a":
        from PySide6.QtWidgets import QLabel, QMainWindow

        app = BenchApp(sys.argv[:1])
        win = QMainWindow()
        win.setCentralWidget(QLabel("Meldingen totaal, 2003-2024", win))
        win.resize(*SIZE)
        watch["window"] = win
        win.show()
    elif kind == "b":
        import pyqtgraph as pg
        from PySide6.QtWidgets import QMainWindow

        app = BenchApp(sys.argv[:1])
        win = QMainWindow()
        plot = pg.PlotWidget(win)
        plot.plot([2019.0, 2020.0, 2021.0, 2022.0, 2023.0], [6e4, 9e4, 1.4e5, 1.45e5, 2.1e5])
        win.setCentralWidget(plot)
        win.resize(*SIZE)
        watch["window"], watch["chart"] = win, plot.viewport()
        win.show()
    else:
        from meldpunt_gui import app as app_module
        from meldpunt_gui import cli

        info["imported"] = time.monotonic() - t0
        app_module.QApplication = BenchApp  # type: ignore[misc] - same code path, hooked notify()
        # the real start: the console script's main(), which shows the window and runs the loop
        cli.main(["--data-dir", os.environ["BENCH_DATA_DIR"], "--lang", "nl"])
        os._exit(4)
    app.exec()
    os._exit(4)


def _run(kind: str, data_root: str, profile: bool = False, store: str = "") -> dict[str, float]:
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(dir=data_root) as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=desktop_platform(tmp), QT_ACCESSIBILITY="0",
                   HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp,
                   BENCH_DATA_DIR=store if kind == "s" else tmp)
        # an installed program starts from cached byte-code (pip compiles it on install); a
        # PYTHONDONTWRITEBYTECODE in the caller's environment would make every child compile
        # our modules again and charge that to the viewer alone (the warm-up writes the caches)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if profile:
            env["BENCH_PROFILE"] = "1"
        env["BENCH_T0"] = repr(time.monotonic())
        out = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", kind], env=env,
                             cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"child {kind} failed ({out.returncode}): {out.stderr[-2000:]}")
    if profile:
        print(out.stderr)
    return json.loads(lines[-1])


def _filled_store(data_root: str, values: int) -> str:
    """A data folder whose store holds `values` own values, imported as a user imports them."""
    import subprocess
    from pathlib import Path

    sys.path.insert(0, os.path.join(ROOT, "bench"))
    from import_speed import write_csv

    folder = os.path.join(data_root, "store")
    src = os.path.join(data_root, "own.csv")
    write_csv(Path(src), values)
    subprocess.run([sys.executable, "-m", "meldpunt_gui", "import", src, "--yes", "--data-dir", folder],
                   cwd=ROOT, check=True, capture_output=True, timeout=600)
    os.remove(src)
    return folder


def main() -> None:
    import argparse
    import statistics
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--child", choices=KINDS)
    parser.add_argument("--profile", choices=KINDS[1:4], help="one run under cProfile, top items")
    parser.add_argument("--store", type=int, default=0,
                        help="also start the viewer (s) on a user store of this many own values")
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    if args.profile:
        with tempfile.TemporaryDirectory() as data_root:
            _run(args.profile, data_root)
            print(json.dumps(_run(args.profile, data_root, profile=True), indent=1))
        return
    kinds = KINDS if args.store else KINDS[:4]
    results: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
    with tempfile.TemporaryDirectory() as data_root:
        store = _filled_store(data_root, args.store) if args.store else ""
        for kind in kinds:  # warm-up: byte-code caches and the OS file cache, not counted
            _run(kind, data_root, store=store)
        for i in range(args.runs):
            for kind in kinds:
                results[kind].append(_run(kind, data_root, store=store))
            print(f"round {i + 1}/{args.runs}: " + "  ".join(
                f"{k}={r[-1]['first_paint'] * 1000:.0f}/{r[-1].get('chart', float('nan')) * 1000:.0f}"
                for k, r in results.items()), flush=True)

    def med(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in results[kind]) * 1000

    print(f"\nmedians of {args.runs} runs (ms since spawn)")
    print(f"{'':4}{'first paint':>12}{'chart':>10}{'events':>9}")
    for kind in kinds:
        chart = f"{med(kind, 'chart'):10.0f}" if kind in "bcs" else f"{'-':>10}"
        events = results[kind][-1].get("events_to_chart", results[kind][-1].get("events_to_first_paint", 0))
        print(f"{kind:4}{med(kind, 'first_paint'):12.0f}{chart}{events:9}")
    fp, ch = med("c", "first_paint") / med("a", "first_paint"), med("c", "chart") / med("b", "chart")
    print(f"\nfirst paint c/a = {fp:.2f} (target <= 1.15: {'met' if fp <= 1.15 else 'MISSED'})")
    print(f"chart       c/b = {ch:.2f} (target <= 1.10: {'met' if ch <= 1.10 else 'MISSED'})")
    if args.store:
        sf, sc = med("s", "first_paint") / med("c", "first_paint"), med("s", "chart") / med("c", "chart")
        print(f"store of {args.store:,} own values: first paint s/c = {sf:.2f} "
              f"(target <= 1.2: {'met' if sf <= 1.2 else 'MISSED'}); chart s/c = {sc:.2f} "
              f"(target <= 1.5: {'met' if sc <= 1.5 else 'MISSED'})")
    for key in ("imported", "populated", "loaded"):
        print(f"c: {key:9} {statistics.median(r[key] for r in results['c']) * 1000:6.0f} ms")
    print(f"pyqtgraph already imported at c's first paint: "
          f"{sum(bool(r['pyqtgraph_at_first_paint']) for r in results['c'])}/{args.runs} runs")


if __name__ == "__main__":
    main()
