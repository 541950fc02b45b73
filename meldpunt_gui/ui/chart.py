"""The chart: one panel per unit, linked on the time axis, with hover details.

pyqtgraph is imported on first use (after the window has painted), so start-up is not held up by
it. The series drawn are kept as plain data (`ChartView.series`) so tests and the accessible text
read what is on screen without scraping items.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QStackedLayout, QToolTip, QWidget

from ..describe import tooltip_text
from ..domain import Dataset, Period
from ..transforms import chart_data
from ..view import ViewState, year_range
from .palette import THEMES, series_style

HOVER_PX = 14.0
AXIS_WIDTH = 78  # every panel's value axis equally wide, so the years line up
BADGE_PX = 24


@dataclass
class SeriesData:
    metric: str
    unit: str
    periods: list[Period]
    x: list[float]
    y: list[float]  # NaN where a period has no value: drawn as a gap
    approximate: list[bool]
    style_index: int
    panel: int = 0
    log: bool = False


class ChartView(QWidget):
    """Holds a placeholder until pyqtgraph is loaded, then the plot panels."""

    loaded = Signal()
    hovered = Signal(str)
    event_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stack = QStackedLayout(self)
        self._placeholder = QLabel(self.tr("Loading chart…"), self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack.addWidget(self._placeholder)
        self._glw = None
        self._pg = None
        self._ds: Dataset | None = None
        self._state: ViewState | None = None
        self._lang = "nl"
        self._theme = "light"
        self.series: list[SeriesData] = []
        self.data = None
        self.highlight: tuple = ()
        self.plots: list = []
        self.legends: list = []
        self.hover_text = ""
        self.events: list[tuple[str, float, int]] = []  # (event id, x, lane) as drawn
        self.cursor: tuple[int, int] | None = None  # (series index, point index) for the keyboard
        self._strip = None
        self._badges: list = []
        self.setAccessibleName(self.tr("Chart"))
        QTimer.singleShot(0, self.ensure_loaded)

    # ----- loading
    def is_loaded(self) -> bool:
        return self._glw is not None

    def ensure_loaded(self) -> None:
        if self._glw is not None:
            return
        import pyqtgraph as pg  # noqa: PLC0415 - deliberately lazy

        pg.setConfigOptions(antialias=False, foreground=THEMES[self._theme].foreground)
        self._pg = pg
        self._glw = pg.GraphicsLayoutWidget(self)
        self._glw.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._glw.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._glw.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._glw.installEventFilter(self)
        self._glw.setAccessibleName(self.tr("Chart: use the arrow keys to read the values"))
        self._stack.addWidget(self._glw)
        self._stack.setCurrentWidget(self._glw)
        self._rebuild()
        self.loaded.emit()

    # ----- state
    def set_view(self, ds: Dataset, state: ViewState, lang: str, theme: str = "light",
                 highlight: tuple = ()) -> None:
        self._ds, self._state, self._lang, self._theme = ds, state, lang, theme
        self.highlight = highlight
        self.data = chart_data(ds, state)
        self._placeholder.setText(self.tr("Loading chart…"))
        if self._glw is not None:
            self._rebuild()

    def _rebuild(self) -> None:
        ds, state = self._ds, self._state
        if ds is None or state is None or self._glw is None:
            return
        pg = self._pg
        from .axes import ValueAxis, YearAxis  # noqa: PLC0415

        theme = THEMES.get(self._theme, THEMES["light"])
        glw = self._glw
        glw.clear()
        glw.setBackground(theme.background)
        glw.setFont(self.font())  # the zoom setting reaches the axes too
        self.series, self.plots, self.legends = [], [], []
        self.events, self._badges, self._strip = [], [], None
        self.cursor = None
        first, last = year_range(ds, state)
        events = ds.events_between(first, last) if state.show_events else []
        if events:
            self._strip = glw.addPlot(row=0, col=0)
            self._setup_strip(self._strip, theme)
        style_index = 0
        master = self._strip
        for row, panel in enumerate(self.data.panels, start=1):
            unit = panel.unit
            legend = pg.LegendItem(colCount=min(len(panel.lines), 3), frame=False,
                                   labelTextColor=theme.foreground,
                                   labelTextSize=f"{self.font().pointSizeF():.1f}pt")
            glw.addItem(legend, row=2 * row - 1, col=0)
            plot = glw.addPlot(row=2 * row, col=0, axisItems={
                "bottom": YearAxis("bottom"), "left": ValueAxis(unit, self._lang)})
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)
            plot.showGrid(x=False, y=True, alpha=theme.grid_alpha)
            plot.setLabel("left", escape(unit.label.get(self._lang)))
            for axis in ("left", "bottom"):
                ax = plot.getAxis(axis)
                ax.setPen(theme.foreground)
                ax.setTextPen(theme.foreground)
                ax.setStyle(hideOverlappingLabels=False, tickFont=self.font())
            plot.getAxis("left").setWidth(AXIS_WIDTH)
            if master is None:
                master = plot
            else:
                plot.setXLink(master)
            self._highlight(plot, state, theme)
            if panel.log:
                plot.setLogMode(x=False, y=True)
            for ev in events:
                plot.addItem(pg.InfiniteLine(ev.x, angle=90, movable=False,
                                             pen=pg.mkPen(theme.foreground, width=1,
                                                          style=Qt.PenStyle.DotLine)))
            ys_all = []
            if panel.stacked:
                ys_all = self._draw_stack(plot, legend, panel, row - 1, style_index, theme)
                style_index += len(panel.lines)
                self._set_y_range(plot, unit, ys_all, False)
                plot.setXRange(first - 0.5, last + 0.5, padding=0)
                self.plots.append(plot)
                self.legends.append(legend)
                continue
            for line in panel.lines:
                data = SeriesData(line.metric, unit.id, line.periods, [p.x for p in line.periods],
                                  [v if not (panel.log and v <= 0) else math.nan
                                   for v in line.values], line.approximate, style_index,
                                  row - 1, panel.log)
                self.series.append(data)
                self._draw_series(plot, legend, data, theme)
                ys_all.extend(v for v in data.y if not math.isnan(v))
                style_index += 1
            self._set_y_range(plot, unit, ys_all, panel.log)
            plot.setXRange(first - 0.5, last + 0.5, padding=0)
            if not ys_all:
                note = pg.TextItem(self.tr("No values in the selected years"),
                                   color=theme.foreground, anchor=(0.5, 0.5))
                note.setPos((first + last) / 2, 0.5)
                plot.addItem(note)
            self.plots.append(plot)
            self.legends.append(legend)
        if events:
            self._strip.setXRange(first - 0.5, last + 0.5, padding=0)
            self._place_events(events, theme)

    def _set_y_range(self, plot, unit, ys: list[float], log: bool) -> None:
        if log:
            if ys:
                lo, hi = math.log10(min(ys)), math.log10(max(ys))
                plot.setYRange(math.floor(lo), max(math.ceil(hi), math.floor(lo) + 1), padding=0)
            return
        ymin, ymax = min([0.0, *ys]), max([0.0, *ys])
        if ymax == ymin:
            ymax = ymin + 1
        pad = (ymax - ymin) * 0.08
        ymax = min(max(ymax + pad, 10), 100) if unit.kind == "percent" else ymax + pad
        # a little room under zero so the 0 tick is labelled and low points stay visible
        plot.setYRange(ymin - (pad if ymin < 0 else (ymax - ymin) * 0.03), ymax, padding=0)

    def _highlight(self, plot, state: ViewState, theme) -> None:
        """Shade the periods a story points at."""
        for period in getattr(self, "highlight", ()):
            half = 0.25 if period.half else 0.5
            region = self._pg.LinearRegionItem((period.x - half, period.x + half), movable=False,
                                               brush=self._pg.mkBrush(theme.foreground + "18"),
                                               pen=self._pg.mkPen(None))
            region.setZValue(-10)
            plot.addItem(region)

    # ----- events
    def _setup_strip(self, strip, theme) -> None:
        strip.setMenuEnabled(False)
        strip.hideButtons()
        strip.setMouseEnabled(x=False, y=False)
        strip.hideAxis("bottom")
        left = strip.getAxis("left")
        left.setWidth(AXIS_WIDTH)
        left.setStyle(showValues=False, tickLength=0)
        left.setPen(theme.background)
        left.enableAutoSIPrefix(False)
        strip.getViewBox().setBackgroundColor(None)

    def _place_events(self, events, theme) -> None:
        """One numbered badge per year (numbers as in the explanation's list), stacked in lanes
        so that no two overlap however dense the events; a line per event through every panel."""
        pg = self._pg
        from ..view import event_lanes  # noqa: PLC0415

        groups: list[tuple[list[int], list]] = []
        for number, ev in enumerate(events, start=1):
            if groups and groups[-1][1][0].year == ev.year:
                groups[-1][0].append(number)
                groups[-1][1].append(ev)
            else:
                groups.append(([number], [ev]))
        labels = [str(n[0]) if len(n) == 1 else f"{n[0]}–{n[-1]}" for n, _ in groups]
        xs = [sum(e.x for e in evs) / len(evs) for _, evs in groups]
        first, last = self._strip.getViewBox().viewRange()[0]
        px = max(self.width() - AXIS_WIDTH - 40, 200)
        widest = max(BADGE_PX, max(8 * len(t) + 10 for t in labels))
        # badges near an edge are moved inwards (never cut off); lanes are laid out on the
        # moved positions so that moving cannot make two badges overlap
        half = widest / 2 * (last - first) / px
        xs = [min(max(x, first + half), last - half) for x in xs]
        lanes = event_lanes(xs, widest * (last - first) / px)
        n = max(lanes) + 1
        for (numbers, evs), label, x, lane in zip(groups, labels, xs, lanes):
            badge = pg.TextItem(label, color=theme.background, anchor=(0.5, 0.5),
                                fill=pg.mkBrush(theme.foreground))
            badge.setPos(x, n - 1 - lane)
            badge.setToolTip("\n".join(f"{num}. {e.title.get(self._lang)}"
                                        for num, e in zip(numbers, evs)))
            self._strip.addItem(badge)
            self._badges.append((",".join(e.id for e in evs), badge))
            self.events.extend((e.id, e.x, lane) for e in evs)
        self._strip.setYRange(-0.6, n - 0.4, padding=0)
        height = 20 * n + 6
        self._strip.setFixedHeight(height)
        self._strip.setMaximumHeight(height)

    def _on_mouse_clicked(self, event) -> None:
        pos = event.scenePos()
        for event_id, badge in self._badges:
            if badge.sceneBoundingRect().adjusted(-3, -3, 3, 3).contains(pos):
                self.event_clicked.emit(event_id)
                return

    def badge_scene_pos(self, event_id: str) -> QPointF | None:
        for eids, badge in self._badges:
            if event_id in eids.split(","):
                return badge.sceneBoundingRect().center()
        return None

    def _draw_series(self, plot, legend, data: SeriesData, theme) -> None:
        pg = self._pg
        import numpy as np  # noqa: PLC0415

        style = series_style(data.style_index, theme.name)
        pen = pg.mkPen(style.colour, width=2)
        if style.dash:
            pen.setDashPattern(list(style.dash))
        x = np.asarray(data.x, dtype=float)
        y = np.asarray(data.y, dtype=float)
        line = pg.PlotDataItem(x, y, pen=pen, connect="finite")
        plot.addItem(line)
        ok = ~np.isnan(y)
        brushes = [pg.mkBrush(theme.background) if a else pg.mkBrush(style.colour)
                   for a, keep in zip(data.approximate, ok) if keep]
        # a PlotDataItem (not a bare ScatterPlotItem) so markers follow a log axis too
        scatter = pg.PlotDataItem(x[ok], y[ok], pen=None, symbol=style.symbol, symbolSize=9,
                                  symbolPen=pg.mkPen(style.colour, width=1.5), symbolBrush=brushes)
        plot.addItem(scatter)
        sample = pg.PlotDataItem([], [], pen=pen, symbol=style.symbol, symbolSize=9,
                                 symbolPen=pg.mkPen(style.colour, width=1.5),
                                 symbolBrush=pg.mkBrush(style.colour))
        legend.addItem(sample, escape(self._ds.metrics[data.metric].label.get(self._lang)))

    def _draw_stack(self, plot, legend, panel, panel_index: int, style_index: int, theme) -> list[float]:
        """Parts of a whole as stacked bars (hatched where rounded), the whole as a marker."""
        pg = self._pg
        import numpy as np  # noqa: PLC0415

        periods = panel.lines[0].periods if panel.lines else []
        x = np.asarray([p.x for p in periods], dtype=float)
        width = 0.3 if periods and periods[0].half else 0.6
        base = np.zeros(len(periods))
        tops: list[float] = []
        for k, line in enumerate(panel.lines):
            style = series_style(style_index + k, theme.name)
            vals = np.asarray(line.values, dtype=float)
            ok = ~np.isnan(vals)
            for approx in (False, True):
                sel = ok & (np.asarray(line.approximate) == approx)
                if not sel.any():
                    continue
                brush = pg.mkBrush(style.colour)
                if approx:
                    brush.setStyle(Qt.BrushStyle.BDiagPattern)
                plot.addItem(pg.BarGraphItem(x=x[sel], y0=base[sel], height=vals[sel], width=width,
                                             brush=brush, pen=pg.mkPen(theme.foreground, width=1)))
            top = np.where(ok, base + np.nan_to_num(vals), np.nan)
            self.series.append(SeriesData(line.metric, panel.unit.id, list(periods), list(x),
                                          [float(v) for v in top], list(line.approximate),
                                          style_index + k, panel_index))
            base = base + np.nan_to_num(vals)
            tops.extend(float(v) for v in top if not np.isnan(v))
            sample = pg.BarGraphItem(x=[0], height=[1], width=1, brush=pg.mkBrush(style.colour))
            legend.addItem(sample, escape(self._ds.metrics[line.metric].label.get(self._lang)))
        if panel.whole is not None:
            w = np.asarray(panel.whole.values, dtype=float)
            okw = ~np.isnan(w)
            marker = pg.PlotDataItem(x[okw], w[okw], pen=None, symbol="x", symbolSize=12,
                                     symbolPen=pg.mkPen(theme.foreground, width=2))
            plot.addItem(marker)
            legend.addItem(marker, escape(self._ds.metrics[panel.whole.metric].label.get(self._lang)))
            tops.extend(float(v) for v in w[okw])
        return tops

    # ----- hover
    def _scene_pos(self, s: SeriesData, i: int) -> QPointF:
        y = math.log10(s.y[i]) if s.log else s.y[i]
        return self.plots[s.panel].getViewBox().mapViewToScene(QPointF(s.x[i], y))

    def nearest_point(self, scene_pos: QPointF) -> tuple[SeriesData, int] | None:
        """The data point under the pointer, within a few pixels, in any panel."""
        best, best_d = None, HOVER_PX
        for s in self.series:
            if not self.plots[s.panel].getViewBox().sceneBoundingRect().contains(scene_pos):
                continue
            for i, y in enumerate(s.y):
                if math.isnan(y):
                    continue
                p = self._scene_pos(s, i)
                d = math.hypot(p.x() - scene_pos.x(), p.y() - scene_pos.y())
                if d < best_d:
                    best, best_d = (s, i), d
        return best

    def point_scene_pos(self, metric: str, period: Period) -> QPointF | None:
        for s in self.series:
            if s.metric == metric and period in s.periods:
                return self._scene_pos(s, s.periods.index(period))
        return None

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        hit = self.nearest_point(scene_pos)
        if hit is None:
            if self.hover_text:
                self.hover_text = ""
                QToolTip.hideText()
            return
        s, i = hit
        text = tooltip_text(self._ds, s.metric, s.periods[i], self._lang)
        if text != self.hover_text:
            self.hover_text = text
            QToolTip.showText(QCursor.pos(), text, self)
            self.hovered.emit(text)

    # ----- keyboard: arrow keys step through the points and announce each one
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        from PySide6.QtCore import QEvent  # noqa: PLC0415

        if obj is self._glw and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Left: (0, -1),
                    Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Up: (-1, 0),
                    Qt.Key.Key_Home: (0, -10**6), Qt.Key.Key_End: (0, 10**6)}.get(event.key())
            if step is not None and self.series:
                self.step_cursor(*step)
                return True
        return super().eventFilter(obj, event)

    def step_cursor(self, d_series: int, d_point: int) -> str:
        """Move to the next/previous point with a value (or series) and announce it in the
        words of the tooltip."""
        if self.cursor is None:
            si, pi = 0, -1 if d_point >= 0 else len(self.series[0].y)
            d_series = 0
        else:
            si, pi = self.cursor
        si = max(0, min(len(self.series) - 1, si + d_series))
        s = self.series[si]
        valid = [i for i, y in enumerate(s.y) if not math.isnan(y)]
        if not valid:
            return ""
        if d_point == 0:
            pi = min(valid, key=lambda i: abs(i - pi))
        elif d_point > 0:
            later = [i for i in valid if i > pi]
            pi = later[min(d_point, len(later)) - 1] if later else valid[-1]
        else:
            earlier = [i for i in valid if i < pi]
            pi = earlier[max(-len(earlier), d_point)] if earlier else valid[0]
        self.cursor = (si, pi)
        text = tooltip_text(self._ds, s.metric, s.periods[pi], self._lang)
        self.hover_text = text
        self._glw.setAccessibleDescription(text)
        pos = self.point_scene_pos(s.metric, s.periods[pi])
        if pos is not None:
            view_pos = self._glw.mapFromScene(pos)
            QToolTip.showText(self._glw.mapToGlobal(view_pos), text, self._glw)
        self.hovered.emit(text)
        return text

    # ----- for tests and the accessible description
    def tick_strings(self, panel: int, axis: str = "left") -> list[str]:
        """The labelled (major) ticks of one axis, as the reader sees them."""
        ax = self.plots[panel].getAxis(axis)
        lo, hi = self.plots[panel].getViewBox().viewRange()[0 if axis == "bottom" else 1]
        size = ax.geometry().height() if axis == "left" else ax.geometry().width()
        spacing, values = ax.tickValues(lo, hi, max(size, 1))[0]
        return ax.tickStrings(sorted(values), 1.0, spacing)

    def legend_labels(self, panel: int) -> list[str]:
        return [label.text for _, label in self.legends[panel].items]
