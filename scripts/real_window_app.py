"""The window under a real X server, driven from outside (see tests/ui/test_real_window.py).

Prints `POINT x y` (screen position of the 2021 point of total reports) once the chart is
drawn, then answers `report` on stdin with one JSON line about the readout, and stops on
`quit`. Offscreen tests cannot see what Qt's own tooltip and focus machinery do in a real
window; this lets a script move the real pointer with xdotool and look.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.domain import Period
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    folder = tempfile.mkdtemp()
    settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(load_bundled(), settings, "nl", state=ViewState(
        metrics=("reports_total",), first_year=2015, last_year=2024))
    w.persist = False
    w.resize(1400, 860)
    w.move(0, 0)
    w.show()

    def ready() -> None:
        chart = w.chart
        if not chart.is_loaded() or not chart.plots or chart.plots[0].getViewBox().width() < 100:
            QTimer.singleShot(100, ready)
            return
        pos = chart.point_scene_pos("reports_total", Period(2021))
        view = chart._glw
        screen = view.viewport().mapToGlobal(view.mapFromScene(pos))
        print(f"POINT {screen.x()} {screen.y()}", flush=True)

    def command() -> None:
        line = sys.stdin.readline().strip()
        if line == "report":
            label = w.chart.readout.label
            top_left = label.mapToGlobal(label.rect().topLeft())
            print(json.dumps({"visible": label.isVisible(), "text": w.chart.hover_text,
                              "rect": [top_left.x(), top_left.y(), label.width(),
                                       label.height()]}), flush=True)
        elif line in ("quit", ""):
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    QTimer.singleShot(300, ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
