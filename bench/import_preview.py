"""Import preview: how long the window stalls while the dialog reads a 1,000,000-row file.

The file is the import bench's generated Dutch CSV (bench/import_speed.py, 10,000 own series x 100
years). An `ImportDialog` is opened on it offscreen and shown; from the moment the read starts
until the preview is filled, a 10 ms repeating QTimer in the window's thread notes the time of
each tick. The longest gap between two ticks (or between the start and the first tick, or the
last tick and the preview shown) is the longest the window could not paint or take a key.

Baseline in the same run, alternating: the same 10 ms timer while a worker thread of
`workers()` sleeps for the same time as our read took (the timer's own jitter on this machine:
what a read that never holds the interpreter would give).

Target (issue 17): no gap over 50 ms during the preview of a 1M-row import.

Run: .venv/bin/python bench/import_preview.py [--runs 5] [--rows 1000000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from import_speed import write_csv


class GapWatch:
    """A 10 ms timer that notes the longest time between its ticks (and where it was)."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0
        self.ticks = 0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.ticks = 0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now
        self.ticks += 1

    def stop(self) -> float:
        self._tick()  # the stretch from the last tick to the end counts too
        self.timer.stop()
        return self.longest * 1000


def preview(app, path: Path, ds, watch: GapWatch) -> tuple[float, float, int]:
    """(longest gap ms, seconds to the preview, rows) of one dialog read."""
    from meldpunt_gui.ui.import_dialog import ImportDialog

    t = time.perf_counter()
    watch.start()
    dialog = ImportDialog(path, ds, "nl")
    dialog.show()
    if not dialog.wait_until_read(600_000):
        raise SystemExit("the preview did not finish")
    app.processEvents()  # the preview's own paint
    gap = watch.stop()
    seconds = time.perf_counter() - t
    result = dialog.import_result
    assert result is not None
    rows = len(result.rows)
    if result.error_count:
        raise SystemExit(f"{result.error_count} errors in the generated file")
    dialog.close()
    dialog.deleteLater()
    app.processEvents()
    return gap, seconds, rows


def baseline(app, seconds: float, watch: GapWatch) -> float:
    """The timer's longest gap while a worker sleeps `seconds` (nothing holds the interpreter)."""
    from PySide6.QtCore import QEventLoop

    from meldpunt_gui.ui.workers import workers

    loop = QEventLoop()
    finished: list[bool] = []
    watch.start()
    job = workers().start(lambda progress: finished.append(time.sleep(seconds) is None))
    while not finished:  # the timer's ticks wake the loop every 10 ms
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    gap = watch.stop()
    workers().wait(job)
    return gap


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from meldpunt_gui.data.bundled import load_bundled

    app = QApplication.instance() or QApplication([])
    ds = load_bundled()
    tmp = tempfile.TemporaryDirectory()
    path = Path(tmp.name, "cijfers.csv")
    write_csv(path, args.rows)
    watch = GapWatch()
    preview(app, path, ds, watch)  # warm-up
    gaps: list[float] = []
    base: list[float] = []
    took: list[float] = []
    for i in range(args.runs):
        gap, seconds, rows = preview(app, path, ds, watch)
        gaps.append(gap)
        took.append(seconds)
        base.append(baseline(app, seconds, watch))
        print(f"run {i + 1}/{args.runs}: preview of {rows:,} rows in {seconds:.1f} s, longest gap "
              f"{gap:.0f} ms; baseline {base[-1]:.0f} ms", flush=True)
    print(f"\nlongest gap, median over {args.runs} runs: ours {statistics.median(gaps):.0f} ms "
          f"(worst {max(gaps):.0f}), baseline {statistics.median(base):.0f} ms; preview "
          f"{statistics.median(took):.1f} s")
    print(f"target: no gap over 50 ms: {'met' if max(gaps) <= 50 else 'MISSED'}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
