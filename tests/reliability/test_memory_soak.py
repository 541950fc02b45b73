"""Soak: 5.000 chart paints with hover moves and selection changes, watching memory.

tests/ui/test_soak.py repaints a fixed chart 5.000 times to catch the PySide6 crash; this one
does what a user does for an afternoon instead (the selection changes every 250 paints, the
pointer moves over the points and the hover text changes with it) and measures the resident
memory from /proc/self/statm: after warming up (paint 1.000) it may not grow by 10% more by paint
5.000. It runs in a subprocess so a crash fails this test only, and so its memory is its own.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reliability_support import run_python

SOAK = r"""
import gc, json, os, sys
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

app = QApplication([])
from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.ui.chart.view import ChartView
from meldpunt_gui.model.view import ViewState

PAINTS, EVERY = 5000, 250
SELECTIONS = [(("reports_total", "cloud_urls"), "year"), (("reports_total",), "year"),
              (("reports_total", "share_hosted_nl_pct", "police_reports"), "year"), (("reports_h1",), "half")]
PAGE = os.sysconf("SC_PAGE_SIZE")

def rss():
    gc.collect()
    app.processEvents()
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * PAGE

ds = load_bundled()
chart = ChartView()
chart.resize(400, 260)
chart.ensure_loaded()
image = QImage(400, 260, QImage.Format.Format_ARGB32)
memory, hovers, selections, points = {}, set(), [], []
for i in range(PAINTS):
    if i % EVERY == 0:
        metrics, granularity = SELECTIONS[(i // EVERY) % len(SELECTIONS)]
        chart.set_view(ds, ViewState(metrics=metrics, granularity=granularity), "nl")
        selections.append(tuple(s.metric for s in chart.series))
        points = [pos for s in chart.series for p, y in zip(s.periods, s.y)
                  if y == y and (pos := chart.point_scene_pos(s.metric, p)) is not None]
    chart._on_mouse_moved(points[i % len(points)])  # a synthetic move onto a data point
    hovers.add(chart.hover_text)
    chart.render(image)
    if i % 100 == 99:
        app.processEvents()
    if i + 1 in (1000, 2000, 3000, 4000, 5000):
        memory[i + 1] = rss()
chart.deleteLater()
del chart
app.processEvents()
print(json.dumps({"memory": memory, "hovers": len(hovers), "selections": selections}))
"""


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads /proc/self/statm (Linux)")
def test_five_thousand_paints_with_hover_and_selection_changes_keep_memory_flat(tmp_path):
    proc = run_python(SOAK, tmp_path / "home", timeout=300)
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[-2000:]}"
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    memory = {int(k): v for k, v in report["memory"].items()}
    assert sorted(memory) == [1000, 2000, 3000, 4000, 5000]
    growth = memory[5000] / memory[1000] - 1
    assert growth < 0.10, "resident memory (MB) by paint: " + ", ".join(
        f"{k}: {v / 2**20:.1f}" for k, v in sorted(memory.items()))
    assert len(report["selections"]) == 20  # the selection changed every 250 paints
    assert {len(s) for s in report["selections"]} == {1, 2, 3}
    assert report["hovers"] > 20  # the hover text followed the pointer over many points
    print(f"RSS growth paint 1000 -> 5000: {growth:+.1%}", file=sys.stderr)
