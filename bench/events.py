"""Own events: how the window's build grows with the number of events in events.csv.

For the bundled events alone and with 200, 2,000 and 20,000 own events (spread over 1996-2024,
written to events.csv in a temporary data folder and read by `with_user_events`), the window is
built (`MainWindow(ds, ...)`), shown, its chart loaded and painted, and the time taken; the sizes
alternate within each round so that they share the machine's state. Reported: median per size,
the ratio to the bundled events and the growth exponent log(t2/t1)/log(n2/n1) between 2,000 and
20,000 (1 = linear; the target is <= 1, read as <= 1.05 for noise).

Run: .venv/bin/python bench/events.py [--runs 5]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_ACCESSIBILITY"] = "0"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZES = (0, 200, 2_000, 20_000)


def write_events(folder: Path, n: int) -> None:
    rows = ["date;title_nl;title_en;url;note"]
    rows += [f"{1996 + i % 29}-{1 + i % 12:02d};Gebeurtenis {i};Event {i};;noot {i}" for i in range(n)]
    (folder / "events.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.data.user_events import with_user_events
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.main_window import MainWindow

    bundled = load_bundled()
    tmp = Path(tempfile.mkdtemp(prefix="meldpunt-events-"))
    datasets = {}
    for n in SIZES:
        folder = tmp / str(n)
        folder.mkdir()
        if n:
            write_events(folder, n)
        datasets[n] = (with_user_events(bundled, folder)[0], folder)
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    state = ViewState(metrics=("reports_total",))

    def build(n: int) -> float:
        ds, folder = datasets[n]
        t0 = time.perf_counter()
        w = MainWindow(ds, settings, "nl", state=state, data_dir=folder)
        w.persist = False
        w.resize(1400, 860)
        w.show()
        w.chart.ensure_loaded()
        app.processEvents()
        w.repaint()
        app.processEvents()
        took = time.perf_counter() - t0
        w.close()
        w.deleteLater()
        app.processEvents()
        return took

    build(0)  # warm up: imports, pyqtgraph, fonts
    times: dict[int, list[float]] = {n: [] for n in SIZES}
    for _ in range(args.runs):
        for n in SIZES:
            times[n].append(build(n))
    base = statistics.median(times[0])
    events0 = len(datasets[0][0].events)
    print(f"bundled events: {events0}")
    print(f"{'own events':>10} {'median':>9} {'x bundled':>10}")
    for n in SIZES:
        med = statistics.median(times[n])
        print(f"{n:>10,} {med * 1000:>7.0f} ms {med / base:>9.2f}x")
    t2, t3 = statistics.median(times[2_000]), statistics.median(times[20_000])
    exp = math.log((t3 - base) / max(t2 - base, 1e-6)) / math.log(10) if t3 > base else 0.0
    print(f"exponent of the cost above bundled, 2,000 -> 20,000: {exp:.2f} (target <= 1)")


if __name__ == "__main__":
    main()
