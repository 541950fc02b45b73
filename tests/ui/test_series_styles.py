"""A series keeps its colour and marker when another series is added or the mode changes: its
style is its place in the selection, not its place among the panels."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QStyle

from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.main_window import MainWindow


@pytest.fixture
def window(bundled_window):
    return bundled_window(ViewState(metrics=("reports_total", "police_reports"), first_year=2010,
                                   last_year=2024))


def drawn_style(w: MainWindow, metric: str) -> tuple[str, str]:
    """(pen colour of the curve, marker symbol) that the chart draws `metric`'s values with,
    read from the pyqtgraph items."""
    [s] = [s for s in w.chart.series if s.metric == metric]
    panel = w.chart._panels[s.panel]
    points = {(x, y) for x, y in zip(s.x, s.y) if not math.isnan(y)}
    others = {(x, y) for o in w.chart.series if o.panel == s.panel and o is not s for x, y in zip(o.x, o.y)}
    own = points - others  # where the index is 100 every series has a point
    curves = []
    for curve in panel.lines:
        if curve.isVisible():
            xs, ys = curve.getData()
            if points <= {(float(x), float(y)) for x, y in zip(xs, ys)}:
                curves.append(curve.opts["pen"].color().name())
    symbols = {str(p["symbol"]) for p in panel.markers.data if (float(p["x"]), float(p["y"])) in own}
    assert len(curves) == 1 and len(symbols) == 1, (metric, curves, symbols)
    return curves[0], symbols.pop()


def tick(w: MainWindow, qtbot, metric: str, search: str) -> None:
    """Type `search` in the picker's search field, then click the series' tick box."""
    picker = w.metric_picker
    qtbot.mouseClick(picker.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(picker.search, search)
    QApplication.processEvents()
    rect = picker.tree.visualRect(picker.proxy.mapFromSource(picker.items_for(metric)[0].index()))
    box = picker.tree.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    qtbot.mouseClick(picker.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 3 + box // 2, rect.center().y()))


def test_a_series_keeps_its_colour_and_marker_when_another_is_added_and_the_mode_changes(window, qtbot):
    w = window
    police = drawn_style(w, "police_reports")
    total = drawn_style(w, "reports_total")
    assert police != total
    tick(w, qtbot, "inhope_reports_total", "INHOPE: meldingen")  # a second line in the first panel, before the police's
    assert w.state.metrics == ("reports_total", "police_reports", "inhope_reports_total")
    assert len(w.chart.plots) == 2
    assert drawn_style(w, "police_reports") == police  # it became the third style's green triangles
    assert drawn_style(w, "reports_total") == total
    inhope = drawn_style(w, "inhope_reports_total")
    assert inhope not in (police, total)
    qtbot.keyClick(w, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # &Weergave
    qtbot.keyClick(w.mode, Qt.Key.Key_Down)  # the index: every series in one panel
    assert w.state.mode == "index" and len(w.chart.plots) == 1
    # the police's only index point is its base year (its count breaks in 2017, 2018 and 2021),
    # where every series has one: the other two keep theirs
    assert [drawn_style(w, m) for m in ("reports_total", "inhope_reports_total")] == [total, inhope]
