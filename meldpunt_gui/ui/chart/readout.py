"""The chart's readout: a vertical crosshair through every panel and one box for that period.

pyqtgraph's crosshair idiom (examples/crosshair.py): an InfiniteLine per plot, moved from the
scene's `sigMouseMoved` through a rate-limited `SignalProxy`. The text sits in a label inside
the chart, not in a QToolTip: Qt's own tooltip event hides a QToolTip within a second while the
pointer rests on the point (seen in a real X11 window). The box stays while the pointer is in a
plot, a click pins it, Esc unpins it, the arrow keys move it; screen readers get the same text
as the chart's accessible description, announced with an accessibility event.

Imported only after pyqtgraph has loaded (see view.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget

from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.resolve import ResolvedView
from meldpunt_gui.text.describe import readout_lines
from meldpunt_gui.ui.chart.palette import THEMES

RATE_LIMIT = 60  # readout updates per second while the pointer moves
MARGIN = 8
MIN_WIDTH = 240  # px: below this a wrapped readout gets too tall to read


class Readout(QObject):
    """The crosshair lines and the readout box of one chart."""

    def __init__(self, glw: Any, on_change: Callable[[str], None],
                 points: Callable[[Period], list[QPointF]]) -> None:
        """`points(period)`: the scene positions of that period's points, which the box must
        not cover."""
        super().__init__(glw)
        self._glw = glw
        self._on_change = on_change
        self._points = points
        self._lines: dict[int, Any] = {}  # id(plot) -> its InfiniteLine
        self._plots: list[Any] = []
        self._view: ResolvedView | None = None
        self.period: Period | None = None
        self.pinned = False
        self.text = ""
        self.label = QLabel(glw)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # series names may come from files
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setObjectName("chart-readout")
        self.label.hide()
        self._theme = "light"
        self._proxy = pg.SignalProxy(glw.scene().sigMouseMoved, rateLimit=RATE_LIMIT,
                                     slot=self._moved)

    # ----- following the chart
    def attach(self, plots: Sequence[Any], view: ResolvedView, theme: str) -> None:
        """After each redraw: a line in every panel, the box in the theme's colours, the
        period kept where the new view still has it."""
        self._plots, self._view = list(plots), view
        colours = THEMES.get(theme, THEMES["light"])
        for plot in self._plots:
            line = self._lines.get(id(plot))
            if line is None:
                line = pg.InfiniteLine(angle=90, movable=False)
                line.setZValue(20)
                plot.addItem(line, ignoreBounds=True)
                self._lines[id(plot)] = line
            line.setPen(pg.mkPen(colours.foreground, width=1, style=Qt.PenStyle.DashLine))
        if theme != self._theme or not self.label.styleSheet():
            self._theme = theme
            self.label.setStyleSheet(
                f"QLabel#chart-readout {{ background: {colours.background}; color: "
                f"{colours.foreground}; border: 1px solid {colours.foreground}; padding: 4px; }}")
        if self.period is not None and self.period in view.periods_with_values:
            self.show(self.period, pin=self.pinned)
        else:
            self.hide(force=True)

    # ----- where the pointer is
    def period_at(self, scene_pos: QPointF) -> Period | None:
        """The period whose column the pointer is in, in any panel (None outside the plots)."""
        if self._view is None:
            return None
        for plot in self._plots:
            vb = plot.getViewBox()
            if vb.sceneBoundingRect().contains(scene_pos):
                x = vb.mapSceneToView(scene_pos).x()
                periods = self._view.periods_with_values
                if not periods:
                    return None
                best = min(periods, key=lambda p: abs(p.x - x))
                return best if abs(best.x - x) <= (0.25 if best.half else 0.5) else None
        return None

    def _moved(self, args: tuple[QPointF]) -> None:
        self.follow(args[0])

    def follow(self, scene_pos: QPointF) -> None:
        """Hover: show the period under the pointer; leave a pinned box where it is."""
        if self.pinned:
            return
        period = self.period_at(scene_pos)
        if period is None:
            self.hide()
        else:
            self.show(period)

    def click(self, scene_pos: QPointF) -> bool:
        """A click in a plot pins the box at that period (another click moves the pin)."""
        period = self.period_at(scene_pos)
        if period is None:
            return False
        self.show(period, pin=True)
        return True

    def left(self) -> None:
        """The pointer left the chart: an unpinned box goes with it."""
        if not self.pinned:
            self.hide()

    # ----- keyboard
    def step(self, delta: int) -> str:
        """Move to the next or previous period with a value (and pin there, so it stays)."""
        if self._view is None or not self._view.periods_with_values:
            return ""
        periods = list(self._view.periods_with_values)
        if self.period in periods:
            index = periods.index(self.period) + delta
        else:  # from outside the periods: Right shows the first, Left the last, Home and End theirs
            index = delta - 1 if delta > 0 else len(periods) + delta
        self.show(periods[max(0, min(len(periods) - 1, index))], pin=True)
        return self.text

    def unpin(self) -> None:
        self.pinned = False
        self.hide()

    # ----- showing
    def _figures(self, period: Period) -> dict[str, str] | None:
        """In the index mode, per series the index the chart draws at `period` (the raw
        count alone matched nothing on the y axis)."""
        view = self._view
        if view is None or view.state.mode != "index":
            return None
        from meldpunt_gui.text.headline import mode_figure

        return {m: mode_figure(view.ds, view.state, view.chart, m, period, view.lang) for m in view.metrics}

    def show(self, period: Period, pin: bool = False) -> None:
        assert self._view is not None
        view = self._view
        self.pinned = pin or self.pinned and period == self.period
        text = "\n".join(readout_lines(view.ds, view.metrics, period, view.lang, self._figures(period)))
        self.period = period
        for plot in self._plots:
            line = self._lines[id(plot)]
            line.setPos(period.x)
            line.show()
        if text != self.text or not self.label.isVisible():
            self.text = text
            self.label.setText(text)
            self._fit()
            self._announce()
            self._on_change(text)
        self._place(period)
        self.label.show()
        self.label.raise_()

    def hide(self, force: bool = False) -> None:
        if self.pinned and not force:
            return
        if force:
            self.pinned = False
        for line in self._lines.values():
            line.hide()
        self.label.hide()
        self.period = None
        if self.text:
            self.text = ""
            self._on_change("")

    def _fit(self) -> None:
        """As wide as its longest line, but never wider than most of the top panel: a long
        line (a source's name, several alternatives) wraps instead of running out of the chart."""
        self.label.setWordWrap(False)
        natural = self.label.sizeHint().width()
        limit = natural
        if self._plots:
            rect = self._glw.mapFromScene(self._plots[0].getViewBox().sceneBoundingRect()).boundingRect()
            limit = max(MIN_WIDTH, int(rect.width() * 0.7))
        width = min(natural, limit)
        self.label.setWordWrap(width < natural)
        self.label.resize(width, self.label.heightForWidth(width) if width < natural
                          else self.label.sizeHint().height())

    def _place(self, period: Period) -> None:
        """Inside the top panel, beside the crosshair on its roomier side; where it is too
        wide for that, at the top or the bottom, whichever is further from the period's points."""
        if not self._plots:
            return
        vb = self._plots[0].getViewBox()
        rect = self._glw.mapFromScene(vb.sceneBoundingRect()).boundingRect()
        line_x = self._glw.mapFromScene(vb.mapViewToScene(QPointF(period.x, 0))).x()
        width, height = self.label.width(), self.label.height()
        if line_x - rect.left() > rect.width() / 2:
            x = max(rect.left() + MARGIN, line_x - width - MARGIN)
        else:
            x = min(line_x + MARGIN, max(rect.right() - width - MARGIN, rect.left()))
        y = rect.top() + MARGIN
        if x <= line_x <= x + width:  # it would cross the line: keep it clear of the points
            ys = [self._glw.mapFromScene(p).y() for p in self._points(period)]
            ys = [v for v in ys if rect.top() <= v <= rect.bottom()]
            bottom = rect.bottom() - height - MARGIN
            if ys and min(abs(v - (y + height / 2)) for v in ys) < \
                    min(abs(v - (bottom + height / 2)) for v in ys):
                y = bottom
        self.label.move(int(x), int(y))

    def _announce(self) -> None:
        widget: QWidget = self._glw
        widget.setAccessibleDescription(self.text)
        if QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))
