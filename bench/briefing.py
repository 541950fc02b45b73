"""One-page briefing PDF for the default view (reports_total, all years) against a bare PDF.

  briefing   ui.export.briefing.briefing_pdf(ds, ViewState(), "nl"): the one A4 page (headline
             figures, vector chart, Waarom sentences, numbered sources), laid out and painted on
             a QPdfWriter
  baseline   a QTextDocument with one paragraph printed to a QPdfWriter (A4) in memory: the fixed
             cost of Qt's PDF path, which no briefing can undercut

The first briefing in a process also imports pyqtgraph and warms fonts; it is reported on its own
('cold') and left out of the median. Targets: median <= 300 ms, file <= 150 KB, one page.

Run: .venv/bin/python bench/briefing.py [--runs 7] [--profile]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QBuffer, QIODevice, qInstallMessageHandler
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.model.view import ViewState


def baseline_pdf() -> bytes:
    doc = QTextDocument()
    doc.setHtml("<p>Meldingen totaal, 2003-2024: 145.000 meldingen in 2022.</p>")
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc.print_(writer)
    del writer  # finishes the PDF
    return bytes(buf.data())


def timed(fn: Callable[[], bytes]) -> tuple[float, int]:
    t = time.perf_counter()
    size = len(fn())
    return time.perf_counter() - t, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="cProfile one warm briefing")
    args = parser.parse_args()
    qInstallMessageHandler(lambda _mode, _ctx, msg: None if "propagateSizeHints" in msg
                           else print(msg, file=sys.stderr))  # the offscreen plugin's only noise
    app = QApplication.instance() or QApplication([])
    from meldpunt_gui.ui.export.briefing import briefing_pdf

    ds = load_bundled()
    state = ViewState()

    def briefing() -> bytes:
        return briefing_pdf(ds, state, "nl")

    base_cold, _ = timed(baseline_pdf)
    cold, size = timed(briefing)
    import io

    import pypdf

    pages = len(pypdf.PdfReader(io.BytesIO(briefing())).pages)
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.runcall(briefing)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        return
    times: dict[str, list[float]] = {"briefing": [], "baseline": []}
    for _ in range(args.runs):
        times["baseline"].append(timed(baseline_pdf)[0])
        times["briefing"].append(timed(briefing)[0])
        app.processEvents()
    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    print(f"cold (first call in the process): briefing {cold * 1000:.0f} ms, baseline {base_cold * 1000:.0f} ms; "
          f"briefing PDF {size / 1000:.0f} KB, {pages} page(s)")
    print(f"median of {args.runs}: briefing {med['briefing']:.0f} ms "
          f"(min {min(times['briefing']) * 1000:.0f}, max {max(times['briefing']) * 1000:.0f}), "
          f"baseline {med['baseline']:.1f} ms")
    ok = med["briefing"] <= 300 and size <= 150_000 and pages == 1
    print(f"briefing/baseline = {med['briefing'] / med['baseline']:.1f}; targets <= 300 ms, <= 150 KB, "
          f"1 page: {'met' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
