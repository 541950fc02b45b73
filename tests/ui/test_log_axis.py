"""A log axis labels only as densely as its height allows (pyqtgraph put 2-9 times every power
of ten on it, and on a panel of 120 px the labels lay on top of each other)."""

import math

from hypothesis import given
from hypothesis import strategies as st

from meldpunt_gui.ui.chart.axes import log_ticks


def _values(levels):
    return sorted(v for _spacing, values in levels for v in values)


def test_a_short_panel_over_two_decades_shows_powers_and_a_few_steps():
    levels = log_ticks(math.log10(15_000), math.log10(950_000), 110, 19)
    assert [round(10 ** v) for v in _values(levels)] == [30_000, 100_000, 300_000]


def test_within_one_decade_two_and_five_times():
    levels = log_ticks(math.log10(150_000), math.log10(950_000), 110, 19)
    assert [round(10 ** v) for v in _values(levels)] == [200_000, 500_000]


def test_a_tall_panel_keeps_every_step():
    levels = log_ticks(2, 4, 1200, 19)
    assert [round(10 ** v) for v in _values(levels)] == [
        100, 200, 300, 400, 500, 600, 700, 800, 900, 1000,
        2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000]


def test_many_decades_on_a_short_axis_label_every_third_power():
    levels = log_ticks(0, 12, 110, 19)
    assert _values(levels) == [0, 3, 6, 9, 12]


@given(st.floats(-3, 9), st.floats(0.001, 12), st.floats(20, 2000), st.floats(8, 40))
def test_labels_never_closer_than_a_line_of_text(lo, span, pixels, min_px):
    values = _values(log_ticks(lo, lo + span, pixels, min_px))
    # the chart's log panels span whole powers of ten: each keeps at least one label (a
    # narrower range may hold no 1-9 times a power: pyqtgraph's own ticks are used there)
    assert values or span < 1
    assert all(lo - 1e-9 <= v <= lo + span + 1e-9 for v in values)
    per = pixels / span
    assert all((b - a) * per >= min_px - 1e-6 for a, b in zip(values, values[1:]))


def test_the_drawn_log_axis_has_no_labels_on_top_of_each_other(qtbot):
    import pyqtgraph  # noqa: F401  (the chart's modules load after pyqtgraph)
    from PySide6.QtGui import QFontMetricsF

    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.chart.view import ChartView

    ds = load_bundled()
    chart = ChartView(plot_min_px=120)
    qtbot.addWidget(chart)
    chart.resize(900, 520)
    chart.show()
    chart.ensure_loaded()
    chart.set_view(ds, ViewState(metrics=("reports_total", "urls_assessed", "inhope_reports_total",
                                          "inhope_content_urls"), mode="log"), "en")
    qtbot.waitUntil(lambda: len(chart.plots) == 3)
    for plot in chart.plots:
        axis = plot.getAxis("left")
        lo, hi = plot.getViewBox().viewRange()[1]
        height = plot.getViewBox().height()
        assert 60 < height < 200  # short panels: the case that overlapped
        values = _values(axis.tickValues(lo, hi, height))
        labels = axis.tickStrings(values, 1, 1)
        assert labels and all(label.replace(",", "").isdigit() for label in labels)
        gaps = [(b - a) * height / (hi - lo) for a, b in zip(values, values[1:])]
        line = QFontMetricsF(axis.font()).height()
        assert all(gap >= line for gap in gaps), (labels, gaps)
        # every value drawn lies inside the panel, with room for its marker
        ys = [y for s in chart.series if s.panel == chart.plots.index(plot) for y in s.y
              if not math.isnan(y)]
        assert ys and all(lo < math.log10(y) < hi for y in ys)
