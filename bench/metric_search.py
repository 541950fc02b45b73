"""Metric search: one keystroke in the picker's search field at 10,000 own series.

A data folder is filled once through `meldpunt import --yes` with 10,000 own series (two years
each, the import bench's names 'Reeks 00000' ...), and the dataset is assembled as the window
assembles it. A `MetricPicker` is built, populated and shown offscreen (300 x 800). Then a word is
typed and erased again with real key events (`QTest.keyClick`), and each keystroke is timed from
the key press up to the tree's viewport having painted the filtered list (the frame the user
sees), including any debounce delay.

Variants, alternating per round:
  ours 10k     the picker with the 10,000 own series
  ours bundled the picker with the bundled series alone (the baseline in the same run)

Target (issue 17): <= 50 ms per keystroke at 10,000 series (median and p90).

Run: .venv/bin/python bench/metric_search.py [--runs 3] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
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

from redraw import PaintWatch

SERIES = 10_000
WORD = "reeks 0042"  # narrows step by step: all 10,000 own series, then 10, then 1


def own_store(folder: Path) -> None:
    """A data folder with SERIES own series of two years each, imported as a user imports."""
    from meldpunt_gui.cli import main as cli_main

    src = folder.parent / "own.csv"
    lines = ["metriek;eenheid;periode;waarde"]
    for s in range(SERIES):
        unit = "fte" if s % 2 else "meldingen"
        lines += [f"Reeks {s:05d};{unit};2023;{100 + s % 97}", f"Reeks {s:05d};{unit};2024;{110 + s % 97}"]
    src.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        code = cli_main(["import", str(src), "--yes", "--data-dir", str(folder)])
    if code:
        raise SystemExit(f"import failed with exit code {code}")


def make_picker(ds):
    from meldpunt_gui.ui.metric_picker import MetricPicker

    picker = MetricPicker()
    picker.resize(300, 800)
    picker.populate(ds, "nl", ())
    picker.show()
    return picker


def keystrokes(app, picker, watch: PaintWatch) -> list[float]:
    """Type WORD and erase it, one timed key at a time; ms from key press to the list painted."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    keys = [(ch, None) for ch in WORD] + [("", Qt.Key.Key_Backspace)] * len(WORD)
    out = []
    for ch, key in keys:
        for _ in range(3):
            app.processEvents()
        settled = getattr(picker, "filter_settled", lambda: True)
        watch.painted = False
        t = time.perf_counter()
        if key is None:
            QTest.keyClick(picker.search, ch)
        else:
            QTest.keyClick(picker.search, key)
        deadline = t + 30
        while not (watch.painted and settled()) and time.perf_counter() < deadline:
            app.processEvents()
            if not settled():
                time.sleep(0.0005)  # a debounce timer is pending: wait for it as a user would
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="rounds of typing and erasing the word")
    parser.add_argument("--profile", action="store_true", help="cProfile one round at 10k")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from meldpunt_gui.data.assemble import assemble_dataset
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.data.store import UserStore

    app = QApplication.instance() or QApplication([])
    tmp = tempfile.TemporaryDirectory()
    folder = Path(tmp.name, "data")
    t = time.perf_counter()
    own_store(folder)
    bundled = load_bundled()
    big, _ = assemble_dataset(bundled, UserStore.open(folder), None)
    print(f"store of {SERIES:,} own series made and read in {time.perf_counter() - t:.1f} s; "
          f"{len(big.metrics):,} series in all", flush=True)
    t = time.perf_counter()
    pickers = {"ours 10k": make_picker(big), "ours bundled": make_picker(bundled)}
    print(f"pickers built in {time.perf_counter() - t:.1f} s", flush=True)
    watches = {name: PaintWatch(p.tree.viewport()) for name, p in pickers.items()}
    for _ in range(20):
        app.processEvents()
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.runcall(keystrokes, app, pickers["ours 10k"], watches["ours 10k"])
        pstats.Stats(prof).sort_stats("cumtime").print_stats(25)
        return
    times: dict[str, list[float]] = {name: [] for name in pickers}
    for i in range(args.runs):
        for name, picker in pickers.items():
            times[name] += keystrokes(app, picker, watches[name])
        print(f"round {i + 1}/{args.runs}: " + ", ".join(
            f"{k} {statistics.median(v):.1f} ms" for k, v in times.items() if v), flush=True)
    print(f"\nms per keystroke, key press to list painted ({len(WORD) * 2} keys per round)")
    print(f"{'variant':<13} {'median':>8} {'p90':>8} {'max':>8}")
    for name, v in times.items():
        v = sorted(v)
        print(f"{name:<13} {statistics.median(v):8.1f} {v[int(0.9 * (len(v) - 1))]:8.1f} {v[-1]:8.1f}")
    ours = sorted(times["ours 10k"])
    p90 = ours[int(0.9 * (len(ours) - 1))]
    base = statistics.median(times["ours bundled"])
    print(f"ours 10k / ours bundled = {statistics.median(ours) / base:.2f}; target <= 50 ms "
          f"(median and p90): {'met' if p90 <= 50 else 'MISSED'}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
