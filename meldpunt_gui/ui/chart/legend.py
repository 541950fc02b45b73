"""A panel's legend, painted in one pass.

pyqtgraph's LegendItem builds a sample item and an HTML label item per entry, which made every
selection change create and lay out dozens of items. This one keeps a list of entries, measures
the labels with QFontMetrics and paints samples and text itself, so a change costs one repaint.
It also stays inside its cell: columns drop from six to one before long labels are elided.

Imported only after pyqtgraph has loaded (see chart.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols
from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPaintEngine, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneResizeEvent,
    QGraphicsWidget,
    QSizePolicy,
    QStyleOptionGraphicsItem,
    QWidget,
)

SAMPLE_W = 28.0  # line sample width, pixels
GAP = 6.0  # between sample and label
COL_GAP = 18.0  # between columns
SYMBOL_PX = 9.0
MAX_COLUMNS = 6  # many short names share a row; forty series keep the plot its height
_MARGIN = 4  # around a kept sample, for its marker's pen and antialiased edge
_SAMPLE_H = 22  # even: the sample's middle on a whole pixel; room for the largest marker
_KEPT_SAMPLES = 64  # samples kept: the palette's styles in a few kinds, themes and pixel ratios
_SAMPLES: dict[tuple[object, ...], QPixmap] = {}


@dataclass(frozen=True)
class LegendEntry:
    """What one legend line shows. kind: 'line' (line with marker), 'bar' (filled box) or
    'marker' (a marker alone, as the whole above stacked parts)."""

    label: str
    colour: str
    kind: str = "line"
    symbol: str = "o"
    dash: tuple[int, ...] = ()


def sample_dash_offset(pattern: Sequence[float], width: float, length: float = SAMPLE_W,
                       hidden: float = SYMBOL_PX + 3) -> float:
    """The dash offset (in pen widths, as QPen.setDashOffset takes it) at which a line sample
    of `length` px shows a gap on both sides of the marker that covers `hidden` px in its
    middle. From the start of its pattern the orange 6-3 sample had its one gap under the
    marker and was pixel for pixel the solid sample."""
    lengths = [float(d) * width for d in pattern]
    period = sum(lengths)
    if len(lengths) < 2 or not period > 0:
        return 0.0
    lo, hi = (length - hidden) / 2, (length + hidden) / 2
    edges = [sum(lengths[:k]) for k in range(len(lengths) + 1)]
    cap = width / 2  # the pen's square cap runs half a width into the gap at each end

    def in_gap(pos: float) -> bool:
        pos %= period
        return any(edges[k] + cap <= pos < edges[k + 1] - cap for k in range(1, len(lengths), 2))

    def score(shift: int) -> tuple[int, int]:
        left = sum(1 for px in range(int(lo)) if in_gap(px + 0.5 + shift))
        right = sum(1 for px in range(math.ceil(hi), int(length)) if in_gap(px + 0.5 + shift))
        left, right = (n if n >= 2 else 0 for n in (left, right))  # a 1 px gap is not seen
        return min(left, right), left + right

    best = max(range(int(period)), key=lambda shift: (score(shift), -shift))
    return best / width


def columns_for(label_widths: list[float], width: float) -> int:
    """The most columns (up to MAX_COLUMNS) in which every label fits without eliding."""
    n = len(label_widths)
    for cols in range(min(n, MAX_COLUMNS), 1, -1):
        col_w = (width - COL_GAP * (cols - 1)) / cols
        if all(w + SAMPLE_W + GAP <= col_w for w in label_widths):
            return cols
    return 1


class Legend(QGraphicsWidget):
    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.entries: tuple[LegendEntry, ...] = ()
        self._font = QFont()
        self._text = QColor("#202020")
        self._cols = 1
        self._shown: list[str] = []  # each label as painted: elided to its column at this width
        self._elided_for = -1.0  # the width `_shown` was elided for
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    @property
    def labels(self) -> list[str]:
        return [e.label for e in self.entries]

    def set_entries(self, entries: Sequence[LegendEntry], font: QFont, text_colour: str) -> None:
        shown = tuple(entries)
        colour = QColor(text_colour)
        if shown == self.entries and font == self._font and colour == self._text:
            return
        self.entries, self._font, self._text = shown, QFont(font), colour
        self._fit(self.size().width())
        self.update()

    # ----- geometry
    def _row_height(self) -> float:
        return max(QFontMetricsF(self._font).height(), SYMBOL_PX) + 4

    def _fit(self, width: float) -> None:
        """Choose the columns for this width and ask the layout for the height they need."""
        metrics = QFontMetricsF(self._font)
        widths = [metrics.horizontalAdvance(e.label) for e in self.entries]
        self._cols = columns_for(widths, width) if width > 0 else min(len(widths), MAX_COLUMNS) or 1
        self._elide(width, widths)
        rows = math.ceil(len(self.entries) / self._cols) if self.entries else 0
        height = rows * self._row_height() + (4 if rows else 0)
        if abs(self.preferredHeight() - height) > 0.5 or self.minimumHeight() != height:
            self.setMinimumHeight(height)
            self.setPreferredHeight(height)
            self.setMaximumHeight(height)
            self.updateGeometry()

    def resizeEvent(self, event: QGraphicsSceneResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.newSize().width():
            self._fit(event.newSize().width())

    def sizeHint(self, which: Qt.SizeHint, constraint: QSizeF | QSize = QSizeF()) -> QSizeF:
        hint = super().sizeHint(which, constraint)
        if which == Qt.SizeHint.MinimumSize:
            return QSizeF(0, hint.height())
        return hint

    def _elide(self, width: float, widths: Sequence[float] | None = None) -> None:
        """Each label as it fits its column at `width` (measured once, not on every paint)."""
        metrics = QFontMetricsF(self._font)
        if widths is None:
            widths = [metrics.horizontalAdvance(e.label) for e in self.entries]
        text_w = self._text_width(width)
        self._shown = [e.label if w <= text_w else
                       metrics.elidedText(e.label, Qt.TextElideMode.ElideRight, text_w)
                       for e, w in zip(self.entries, widths)]
        self._elided_for = width

    def _text_width(self, width: float) -> float:
        col_w = (width - COL_GAP * (self._cols - 1)) / self._cols
        return max(col_w - SAMPLE_W - GAP, 10)

    # ----- painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Samples and labels. On screen and in a PNG the samples come from kept pixmaps, one
        per style (forty antialiased dashed lines and markers were half the legend's paint); an
        SVG, a PDF or a scaled painter gets them drawn as vectors."""
        if not self.entries:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self._font)
        metrics = QFontMetricsF(self._font)
        width = self.size().width()
        if len(self._shown) != len(self.entries) or width != self._elided_for:
            self._elide(width)
        cols = self._cols
        col_w = (width - COL_GAP * (cols - 1)) / cols
        row_h = self._row_height()
        baseline = (metrics.ascent() - metrics.descent()) / 2  # below the row's middle
        ratio = self._kept_samples(painter)
        painter.setPen(self._text)
        for k, (entry, text) in enumerate(zip(self.entries, self._shown)):
            row, col = divmod(k, cols)
            # on whole pixels, so a kept sample lies exactly where one drawn anew would
            x = float(round(col * (col_w + COL_GAP)))
            mid = float(round(2 + row * row_h + row_h / 2))
            if ratio is not None:
                sample = self._sample_pixmap(entry, ratio)
                painter.drawPixmap(QPointF(x - _MARGIN, mid - _SAMPLE_H // 2), sample)
            else:
                self._paint_sample(painter, entry, x, mid)
                painter.setPen(self._text)
            painter.drawText(QPointF(x + SAMPLE_W + GAP, mid + baseline), text)

    @staticmethod
    def _kept_samples(painter: QPainter) -> float | None:
        """The pixel ratio of kept samples for this painter, or None where they must be vectors
        (an SVG, a PDF, a printer, or a painter that scales)."""
        engine, device = painter.paintEngine(), painter.device()
        if (engine is None or engine.type() != QPaintEngine.Type.Raster or device is None
                or painter.worldTransform().type().value > QTransform.TransformationType.TxTranslate.value):
            return None
        return device.devicePixelRatio()

    def _sample_pixmap(self, entry: LegendEntry, ratio: float) -> QPixmap:
        """An entry's sample drawn once per style, text colour and pixel ratio."""
        key = (entry.kind, entry.colour, entry.symbol, entry.dash, self._text.rgba(), ratio)
        pixmap = _SAMPLES.get(key)
        if pixmap is None:
            if len(_SAMPLES) >= _KEPT_SAMPLES:
                _SAMPLES.clear()
            pixmap = QPixmap(QSize(int(SAMPLE_W + 2 * _MARGIN), _SAMPLE_H) * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            inner = QPainter(pixmap)
            inner.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._paint_sample(inner, entry, _MARGIN, _SAMPLE_H // 2)
            inner.end()
            _SAMPLES[key] = pixmap
        return pixmap

    def _paint_sample(self, painter: QPainter, entry: LegendEntry, x: float, mid: float) -> None:
        colour = QColor(entry.colour)
        if entry.kind == "bar":
            painter.setPen(QPen(self._text, 1))
            painter.setBrush(QBrush(colour))
            painter.drawRect(QRectF(x + 6, mid - 6, SAMPLE_W - 12, 12))
            return
        if entry.kind == "line":
            pen = QPen(colour, 2)
            if entry.dash:
                pen.setDashPattern([float(d) for d in entry.dash])
                pen.setDashOffset(sample_dash_offset(entry.dash, 2))
            painter.setPen(pen)
            painter.drawLine(QPointF(x, mid), QPointF(x + SAMPLE_W, mid))
        path = Symbols.get(entry.symbol)
        if path is None:
            return
        size = SYMBOL_PX + (3 if entry.kind == "marker" else 0)
        shape = QTransform().translate(x + SAMPLE_W / 2, mid).scale(size, size).map(path)
        painter.setPen(QPen(colour, 2 if entry.kind == "marker" else 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush if entry.kind == "marker" else QBrush(colour))
        painter.drawPath(shape)
