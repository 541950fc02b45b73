"""Many repaints must not crash the process (PySide6 6.12.0 on Python < 3.12 aborts with
'none_dealloc' after a few thousand QPainter calls, PYSIDE-3474: the dependency bounds avoid it,
this test would catch a regression). Run in a subprocess so an abort fails one test, not the run."""

import subprocess
import sys
import textwrap


def test_five_thousand_chart_repaints_survive(tmp_path):
    code = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, %r)
        from PySide6.QtWidgets import QApplication
        from PySide6.QtGui import QImage
        app = QApplication([])
        from conftest import make_tiny_ds
        from meldpunt_gui.ui.chart.view import ChartView
        from meldpunt_gui.model.view import ViewState
        ds = make_tiny_ds()
        chart = ChartView()
        chart.resize(480, 300)
        chart.ensure_loaded()
        chart.set_view(ds, ViewState(metrics=("reports_total", "share_nl")), "nl")
        image = QImage(480, 300, QImage.Format.Format_ARGB32)
        for i in range(5000):
            if i %% 500 == 0:
                chart.set_view(ds, ViewState(metrics=("reports_total", "cloud_urls")[: 1 + i %% 2]), "nl")
            chart.render(image)
        chart.deleteLater()
        del chart
        app.processEvents()
        print("ok")
    """) % str(__import__("pathlib").Path(__file__).parents[1])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("ok")
