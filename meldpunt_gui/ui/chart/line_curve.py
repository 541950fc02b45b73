"""The chart's line item: pyqtgraph's PlotCurveItem, with dashed lines drawn as plain segments.

Seven of the eight series styles are dashed (palette.py). For a dashed pen two pixels wide Qt
cuts the path into dashes, strokes each into an outline and fills it; at forty series that was
the largest single cost of the chart's paint. On screen this item cuts the dashes itself, in
pixels (dashes.py), and hands them to `QPainter.drawLines` with the same pen made solid, which
Qt draws with its line rasterizer: the same dashes, in a quarter of the time.

Exports (PNG, SVG, PDF through pyqtgraph's exporters), other paint engines, antialiased or
translucent pens and fills keep pyqtgraph's own path. Imported only after pyqtgraph has loaded.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QPaintEngine, QPainter, QPen, QTransform
from shiboken6 import Shiboken

from meldpunt_gui.ui.chart.dashes import dash_lines


def device_points(x: np.ndarray, y: np.ndarray, t: QTransform) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) mapped by an affine transform, as QTransform.map does point by point."""
    return (t.m11() * x + t.m21() * y + t.dx(), t.m12() * x + t.m22() * y + t.dy())


class DashGroup:
    """The dashed curves of one panel: their dashes are cut together, in one pass of array
    operations, when the first of them paints, and kept until the view's transform, a curve's
    data or its pen changes."""

    def __init__(self) -> None:
        self.curves: list[LineCurve] = []
        self._key: tuple[Any, ...] | None = None
        self._cut: dict[int, np.ndarray] = {}

    def add(self, curve: LineCurve) -> None:
        self.curves.append(curve)
        curve.group = self

    def dashes(self, curve: LineCurve, t: QTransform) -> np.ndarray:
        shown = [c for c in self.curves if c.isVisible() and c.has_dashes()]
        if curve not in shown:
            shown.append(curve)
        key = ((t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()),
               tuple((id(c), c.data_version, c.opts["pen"]) for c in shown))
        if key != self._key:
            cut = dash_lines([c.dash_input(t) for c in shown])
            self._cut = {id(c): lines for c, lines in zip(shown, cut)}
            self._key = key
        return self._cut[id(curve)]


class LineCurve(pg.PlotCurveItem):
    """A PlotCurveItem that draws a dashed cosmetic pen on screen as solid line segments."""

    _solid: tuple[QPen, QPen] | None = None  # (the pen as set, the same pen made solid)
    data_version = 0  # counts setData calls: the group's cut dashes follow them

    def __init__(self, group: DashGroup | None = None) -> None:
        super().__init__()
        self.group = DashGroup() if group is None else group
        if self not in self.group.curves:
            self.group.add(self)

    def has_dashes(self) -> bool:
        pen = self.opts["pen"]
        return pen is not None and pen.style() not in (Qt.PenStyle.NoPen, Qt.PenStyle.SolidLine)

    def dashes_on_screen(self, painter: QPainter) -> bool:
        """Whether this paint cuts the dashes itself: a dashed, opaque, cosmetic pen, no fill,
        shadow or antialiasing, not an export, on Qt's raster engine with an affine transform."""
        pen = self.opts["pen"]
        engine = painter.paintEngine()
        return (self.has_dashes() and pen.isCosmetic() and pen.isSolid() and pen.color().alphaF() == 1.0
                and self._exportOpts is False and not self.opts["antialias"]
                and self.opts["fillLevel"] is None and self.opts["shadowPen"] is None
                and not self.opts["stepMode"] and self.opts["compositionMode"] is None
                and engine is not None and engine.type() == QPaintEngine.Type.Raster
                and painter.transform().isAffine())

    def _solid_pen(self, pen: QPen) -> QPen:
        if self._solid is None or self._solid[0] != pen:
            solid = QPen(pen)
            solid.setStyle(Qt.PenStyle.SolidLine)
            self._solid = (QPen(pen), solid)
        return self._solid[1]

    def screen_dashes(self, painter: QPainter) -> np.ndarray:
        """This curve's dashes in device pixels for `painter`, as (n, 4) x1, y1, x2, y2: cut
        with those of the other curves of its group, once per paint of the panel."""
        return self.group.dashes(self, painter.transform())

    def setData(self, *args: Any, **kwargs: Any) -> None:
        self.data_version += 1
        super().setData(*args, **kwargs)

    def dash_input(self, t: QTransform) -> tuple[np.ndarray, np.ndarray, list[float], float]:
        """(x, y) in device pixels under `t`, the pen's pattern and offset in pixels."""
        x, y = self.getData()
        if x is None or len(x) < 2:
            return np.empty(0), np.empty(0), [], 0.0
        pen = self.opts["pen"]
        unit = pen.widthF() or 1.0  # Qt counts a dash pattern in pen widths
        px, py = device_points(np.asarray(x, dtype=float), np.asarray(y, dtype=float), t)
        return px, py, [d * unit for d in pen.dashPattern()], pen.dashOffset() * unit

    def paint(self, p: QPainter, opt: Any, widget: Any) -> None:
        if not self.dashes_on_screen(p):
            super().paint(p, opt, widget)
            return
        lines = np.ascontiguousarray(self.screen_dashes(p), dtype=np.float64)
        if not len(lines):
            return
        p.save()
        try:
            p.resetTransform()
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            p.setPen(self._solid_pen(self.opts["pen"]))
            # QLineF is four doubles: the array's memory is the C++ array drawLines reads
            first = cast(QLineF, Shiboken.wrapInstance(lines.ctypes.data, QLineF))
            p.drawLines(first, len(lines))
        finally:
            p.restore()
