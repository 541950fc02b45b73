"""A selection change paints the chart once: the frame the user sees is the finished one.

pyqtgraph moves its items to a new range only when the scene is about to paint; left to it,
the move marks them dirty during that paint and the view paints a second time. The chart
settles the move itself, so each change costs one paint of the plot's viewport.
"""

import math

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtWidgets import QApplication

from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.view import ViewState


class PaintCounter(QObject):
    """Counts Paint events delivered to a widget and keeps, per paint, where the first series'
    first value lands on the scene (so a test sees what each paint showed)."""

    def __init__(self, widget, probe):
        super().__init__()
        self.count = 0
        self.seen: list[tuple[float, float]] = []
        self._probe = probe
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.seen.append(self._probe())
        return False


def settle(qtbot, counter):
    """Wait for the first paint, then handle whatever else the change left queued."""
    qtbot.waitUntil(lambda: counter.count >= 1)
    for _ in range(20):
        QApplication.processEvents()


def first_point(chart):
    """Scene position of the first drawn value of the first series (through pyqtgraph's own
    current view transform, not a freshly computed one)."""
    s = chart.series[0]
    i = next(k for k, y in enumerate(s.y) if not math.isnan(y))
    vb = chart.plots[s.panel].getViewBox()
    y = math.log10(s.y[i]) if s.log else s.y[i]
    pos = vb.mapToScene(vb.childGroup.transform().map(QPointF(s.x[i], y)))
    return (round(pos.x(), 3), round(pos.y(), 3))


def shown_chart(qtbot, metric: str):
    """The bundled data, a chart on screen drawing `metric`, and a counter of its viewport's
    paints (started once that first drawing has settled)."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.ui.chart.view import ChartView

    ds = load_bundled()
    chart = ChartView()
    qtbot.addWidget(chart)
    chart.resize(1000, 640)
    chart.show()
    qtbot.waitExposed(chart)
    chart.ensure_loaded()
    chart.set_view(ds, ViewState(metrics=(metric,)), "nl")
    for _ in range(20):
        QApplication.processEvents()
    return ds, chart, PaintCounter(chart._glw.viewport(), lambda: first_point(chart))


def test_every_selection_change_paints_the_viewport_once(qtbot):
    ds, chart, counter = shown_chart(qtbot, "reports_total")
    states = [
        ViewState(metrics=("reports_total", "share_hosted_nl_pct")),  # a second panel
        ViewState(metrics=("reports_total",), first_year=2015, last_year=2022),  # other years
        ViewState(metrics=("cloud_urls",)),  # another unit in the same panel
        ViewState(metrics=("reports_total", "cloud_urls"), mode="index"),
        ViewState(metrics=("reports_total",), show_events=False),
    ]
    for state in states:
        counter.count, counter.seen = 0, []
        chart.set_view(ds, state, "nl")
        settle(qtbot, counter)
        assert counter.count == 1, state
        # the one paint showed the finished chart: the first value where it now stays
        assert counter.seen == [first_point(chart)]
        vb = chart.plots[0].getViewBox()
        (x0, x1), _ = vb.viewRange()
        assert (x0, x1) == (chart.view.first_year - 0.5, chart.view.last_year + 0.5)


def test_the_one_paint_draws_the_real_values(qtbot):
    ds, chart, counter = shown_chart(qtbot, "share_hosted_nl_pct")
    chart.set_view(ds, ViewState(metrics=("reports_total",), first_year=2010, last_year=2024), "nl")
    settle(qtbot, counter)
    assert counter.count == 1
    [s] = chart.series
    expected = {y: o.value for y in range(2010, 2025) if (o := ds.shown("reports_total", Period(y)))}
    assert {int(x): y for x, y in zip(s.x, s.y) if not math.isnan(y)} == expected
    # the curve holds those values, and the one paint put the first of them where it stays
    line = next(c for c in chart._panels[0].lines if c.isVisible())
    xs, ys = line.getData()
    assert {int(x): y for x, y in zip(xs, ys) if not math.isnan(y)} == expected
    assert counter.seen == [first_point(chart)]
    vb = chart.plots[0].getViewBox()
    first_year = min(expected)
    inside = vb.sceneBoundingRect().adjusted(-1, -1, 1, 1)
    assert inside.contains(vb.mapViewToScene(QPointF(first_year, expected[first_year])))
