"""Dashed lines cut in pixels (ui/chart/dashes.py) and drawn by the chart's line item as plain
segments: the same dashes as Qt's own dashed stroke, read back from the pixels."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meldpunt_gui.ui.chart.dashes import dash_lines, dash_segments


def test_dashes_run_on_across_a_corner():
    x, y = np.array([0.0, 10.0, 10.0]), np.array([0.0, 0.0, 10.0])
    assert dash_segments(x, y, [3, 2]).tolist() == [
        [0, 0, 3, 0], [5, 0, 8, 0],  # the first leg: 0-3, 5-8, and the gap 8-10
        [10, 0, 10, 3], [10, 5, 10, 8],  # the second goes on where the pattern was: 10-13, 15-18
    ]


def test_the_pattern_starts_again_after_a_gap():
    x = np.array([0.0, 4.0, np.nan, 20.0, 24.0])
    y = np.zeros(5)
    assert dash_segments(x, y, [3, 2]).tolist() == [[0, 0, 3, 0], [20, 0, 23, 0]]


def test_an_offset_shifts_the_pattern():
    out = dash_segments(np.array([0.0, 10.0]), np.zeros(2), [3, 2], offset=1)
    assert out.tolist() == [[0, 0, 2, 0], [4, 0, 7, 0], [9, 0, 10, 0]]


def test_a_dash_of_length_zero_is_kept_as_a_dot():
    out = dash_segments(np.array([0.0, 10.0]), np.zeros(2), [0, 4])
    assert out[:, 0].tolist() == [0, 4, 8]
    assert (out[:, 0] == out[:, 2]).all()


@pytest.mark.parametrize("pattern", [[], [3], [3, 2, 1], [0, 0], [-1, 2]])
def test_patterns_qt_would_not_dash_give_nothing(pattern):
    assert dash_segments(np.array([0.0, 10.0]), np.zeros(2), pattern).shape == (0, 4)


coords = st.floats(-2000, 2000, allow_nan=False)
points = st.lists(st.tuples(coords, coords) | st.just((math.nan, math.nan)), min_size=0, max_size=12)
patterns = st.lists(st.floats(0.5, 30), min_size=1, max_size=3).map(
    lambda on: [v for d in on for v in (d, d / 2 + 0.5)])


@given(points, patterns, st.floats(0, 50))
def test_dashes_lie_on_the_line_and_cover_their_share_of_it(pts, pattern, offset):
    x = np.array([p[0] for p in pts], dtype=float)
    y = np.array([p[1] for p in pts], dtype=float)
    out = dash_segments(x, y, pattern, offset)
    assert out.shape[1] == 4
    ok = np.isfinite(x[:-1]) & np.isfinite(y[:-1]) & np.isfinite(x[1:]) & np.isfinite(y[1:])
    legs = [(x[k], y[k], x[k + 1], y[k + 1]) for k in range(len(x) - 1) if ok[k]]
    drawn = 0.0
    for x1, y1, x2, y2 in out:
        drawn += math.hypot(x2 - x1, y2 - y1)
        # each dash lies on one leg of the line: no dash bridges a gap or cuts a corner
        assert any(_on(x1, y1, leg) and _on(x2, y2, leg) for leg in legs)
    total = sum(math.hypot(x2 - x1, y2 - y1) for x1, y1, x2, y2 in legs)
    assert drawn <= total + 1e-6 * max(total, 1)
    share = sum(pattern[0::2]) / sum(pattern)
    longest_run = total  # every run may end within a dash: at most one dash more per run
    assert drawn >= share * longest_run - (len(legs) + 1) * max(pattern) - 1e-6 * max(total, 1)


small = st.floats(-300, 300, allow_nan=False)
short_points = st.lists(st.tuples(small, small) | st.just((math.nan, math.nan)), max_size=10)


@settings(deadline=None)  # each case compares every dash with every other: quadratic
@given(st.lists(st.tuples(short_points, st.sampled_from([[6, 3], [2, 3], [8, 3, 2, 3], [1, 2],
                                                   [10, 2, 2, 2, 2, 2], [0, 4], [3]]),
                          st.floats(0, 20)), max_size=5))
def test_lines_cut_together_get_the_dashes_each_gets_alone(lines):
    arrays = [(np.array([p[0] for p in pts], dtype=float), np.array([p[1] for p in pts], dtype=float),
               pattern, offset) for pts, pattern, offset in lines]
    together = dash_lines(arrays)
    assert len(together) == len(arrays)
    for (x, y, pattern, offset), cut in zip(arrays, together):
        alone = dash_segments(x, y, pattern, offset)
        assert cut.shape == alone.shape
        # the same dashes, up to rounding (a run's start is counted on from the lines before)
        if len(cut):
            near = np.abs(cut[:, None, :] - alone[None, :, :]).max(axis=2) <= 1e-6
            assert near.any(axis=1).all() and near.any(axis=0).all()


def _on(px, py, leg, tol=1e-6):
    x1, y1, x2, y2 = leg
    length = math.hypot(x2 - x1, y2 - y1)
    scale = max(1.0, abs(x1), abs(x2), abs(y1), abs(y2))
    if length == 0:
        return math.hypot(px - x1, py - y1) <= tol * scale
    cross = abs((x2 - x1) * (py - y1) - (y2 - y1) * (px - x1)) / length
    along = ((px - x1) * (x2 - x1) + (py - y1) * (y2 - y1)) / length
    return cross <= tol * scale and -tol * scale <= along <= length + tol * scale


def _curve_image(qtbot, own_dashes: bool, export: bool = False):
    import pyqtgraph as pg
    from PySide6.QtGui import QImage

    from meldpunt_gui.ui.chart.line_curve import LineCurve

    pg.setConfigOptions(antialias=False)
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(420, 300)
    curve = LineCurve()
    widget.addItem(curve)
    pen = pg.mkPen("#D55E00", width=2)
    pen.setDashPattern([6, 3])
    curve.setPen(pen)
    xs = np.arange(12.0)
    ys = np.array([3, 5, 4, 8, 9, np.nan, 6, 7, 2, 4, 6, 5], dtype=float)
    curve.setData(xs, ys, connect="finite")
    widget.setXRange(0, 11, padding=0.05)
    widget.setYRange(0, 10, padding=0.05)
    used: list[bool] = []
    original = LineCurve.dashes_on_screen

    def spy(self, painter):
        used.append(original(self, painter) if own_dashes else False)
        return used[-1]

    LineCurve.dashes_on_screen = spy  # type: ignore[method-assign]
    try:
        if export:
            curve.setExportMode(True, {"antialias": False})
        image = QImage(420, 300, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFFFF)
        widget.viewport().render(image)
    finally:
        LineCurve.dashes_on_screen = original  # type: ignore[method-assign]
    return image, used


def _orange(image) -> set[tuple[int, int]]:
    return {(x, y) for y in range(image.height()) for x in range(image.width())
            if (image.pixel(x, y) >> 16 & 255) > 150 and (image.pixel(x, y) & 255) < 100}


def test_the_chart_line_draws_the_same_dashes_as_qt(qtbot):
    ours, used = _curve_image(qtbot, own_dashes=True)
    assert used and all(used)  # the dashes were cut by the item, not by Qt's stroker
    qts, _ = _curve_image(qtbot, own_dashes=False)
    a, b = _orange(ours), _orange(qts)
    assert len(b) > 800  # a real dashed line was drawn
    # the same pixels, but for a few at the corners (separate segments meet there)
    assert len(a ^ b) <= 0.03 * len(b)
    # the gaps stay: both leave as many line pixels out as in (a solid line would fill them)
    assert abs(len(a) - len(b)) <= 0.02 * len(b)


def test_an_export_keeps_pyqtgraphs_own_dashed_path(qtbot):
    _image, used = _curve_image(qtbot, own_dashes=True, export=True)
    assert used == [False] * len(used) and used
