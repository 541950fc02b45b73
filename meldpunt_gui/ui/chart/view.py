"""The chart: one panel per unit, linked on the time axis, with a readout that stays.

pyqtgraph is imported on first use (after the window has painted), so start-up is not held up by
it. The series drawn are kept as plain data (`ChartView.series`) so tests and the accessible text
read what is on screen without scraping items.

Panels and their items are kept between changes: a new selection gives existing curves new data
and style, and hides what is left over, instead of clearing the scene and building it again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtWidgets import QGraphicsItem, QLabel, QStackedLayout, QWidget

from meldpunt_gui.model.domain import Dataset, Period
from meldpunt_gui.model.resolve import ResolvedView, resolve
from meldpunt_gui.model.transforms import ChartData
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.plain import shorten, tooltip_html
from meldpunt_gui.ui.chart.palette import THEMES, series_style

if TYPE_CHECKING:
    from meldpunt_gui.ui.view_model import ViewModel

HOVER_PX = 14.0
AXIS_WIDTH = 78  # every panel's value axis equally wide, so the years line up
BADGE_PX = 24
SYMBOL_PX = 9


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


def series_of(data) -> list[SeriesData]:
    """What each panel shows, as plain numbers: lines as they are (NaN for a gap, and for
    values a log axis cannot show), stacked parts as the tops of their bars."""
    out: list[SeriesData] = []
    style_index = 0
    for index, panel in enumerate(data.panels):
        unit = panel.unit.id
        if panel.stacked:
            periods = panel.lines[0].periods if panel.lines else []
            base = [0.0] * len(periods)
            for k, line in enumerate(panel.lines):
                tops = [b + v if not math.isnan(v) else math.nan for b, v in zip(base, line.values)]
                base = [b + (0.0 if math.isnan(v) else v) for b, v in zip(base, line.values)]
                out.append(SeriesData(line.metric, unit, list(periods), [p.x for p in periods],
                                      tops, list(line.approximate), style_index + k, index))
        else:
            for k, line in enumerate(panel.lines):
                values = [math.nan if panel.log and v <= 0 else float(v) for v in line.values]
                out.append(SeriesData(line.metric, unit, line.periods, [p.x for p in line.periods],
                                      values, line.approximate, style_index + k, index, panel.log))
        style_index += len(panel.lines)
    return out


@dataclass
class _Panel:
    """One unit's legend and plot with the items drawn in it, reused across changes."""

    legend: object
    plot: object
    lines: list = field(default_factory=list)  # one curve per line style, see _draw_lines
    line_styles: list = field(default_factory=list)
    markers: object = None
    stack_items: list = field(default_factory=list)
    event_lines: object = None  # all event lines of the panel as one curve of vertical pairs
    event_xs: tuple = ()
    regions: list = field(default_factory=list)
    note: object = None
    grid: object = None
    status_marks: object = None  # the status signs beside the markers
    keys: dict = field(default_factory=dict)  # what was applied last, to skip repeats


class _FirstPaint(QObject):
    """Calls back once, just after the watched widget has painted for the first time."""

    def __init__(self, watched: QWidget, callback):
        super().__init__(watched)
        self._callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


class ChartView(QWidget):
    """Holds a placeholder until pyqtgraph is loaded, then the plot panels."""

    loaded = Signal()
    hovered = Signal(str)
    event_clicked = Signal(tuple)  # the ids of the events behind the clicked badge

    def __init__(self, parent: QWidget | None = None, cached: bool = True):
        """`cached`: keep axes and legends as pixmaps between paints (for the screen; an
        export passes False so that PDF and SVG get vector text)."""
        super().__init__(parent)
        self._cached = cached
        self._stack = QStackedLayout(self)
        self._placeholder = QLabel(self.tr("Loading chart…"), self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack.addWidget(self._placeholder)
        self._glw = None
        self._pg = None
        self._view: ResolvedView | None = None  # the view drawn (read, never changed, here)
        self._theme = "light"
        self._last_view: tuple | None = None
        self.series: list[SeriesData] = []
        self.plots: list = []
        self.legends: list = []
        self._panels: list[_Panel] = []
        self.hover_text = ""
        self.events: list[tuple[str, float, int]] = []  # (event id, x, lane) as drawn
        self._strip = None
        self._strip_key: tuple | None = None
        self._strip_args: tuple | None = None
        self._badges: list = []
        self._badge_pool: list = []  # badge items in the strip, shown or hidden, see _place_events
        self._style_key: tuple | None = None
        self._marker_cache: dict = {}
        self._glyphs: dict = {}  # status -> its sign as a marker symbol
        self.status_points: dict = {}  # (metric, period) -> status, as drawn
        self.setAccessibleName(self.tr("Chart"))
        # pyqtgraph (with numpy) takes a few hundred milliseconds to import: load it once the
        # window has shown its first frame, not before
        self._first_paint = _FirstPaint(self._placeholder, self.ensure_loaded)

    # ----- loading
    def is_loaded(self) -> bool:
        return self._glw is not None

    def ensure_loaded(self) -> None:
        if self._glw is not None:
            return
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=False, foreground=THEMES[self._theme].foreground)
        self._pg = pg
        self._glw = pg.GraphicsLayoutWidget(self)
        self._glw.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        from meldpunt_gui.ui.chart.readout import Readout

        self.readout = Readout(self._glw, self._readout_changed, self._period_points)
        self._glw.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._glw.installEventFilter(self)
        self._glw.setAccessibleName(self.tr("Chart: use the arrow keys to read the values"))
        self._stack.addWidget(self._glw)
        self._stack.setCurrentWidget(self._glw)
        self._rebuild()
        self.loaded.emit()

    # ----- the view
    @property
    def view(self) -> ResolvedView | None:
        return self._view

    @property
    def data(self) -> ChartData | None:
        """What the panels draw, for this view and mode."""
        return self._view.chart if self._view is not None else None

    @property
    def highlight(self) -> tuple[Period, ...]:
        return self._view.highlight if self._view is not None else ()

    @property
    def _ds(self) -> Dataset | None:
        return self._view.ds if self._view is not None else None

    @property
    def _state(self) -> ViewState | None:
        return self._view.state if self._view is not None else None

    @property
    def _lang(self) -> str:
        return self._view.lang if self._view is not None else "nl"

    def bind(self, model: ViewModel) -> None:
        """Draw whatever the window's view model resolves, from now on."""
        model.changed.connect(lambda: self.show_view(model.resolved, model.theme))
        self.show_view(model.resolved, model.theme)

    def set_view(self, ds: Dataset, state: ViewState, lang: str, theme: str = "light",
                 highlight: tuple = ()) -> None:
        """Draw `state` on `ds` without a window (exports, tests): resolved here, once."""
        self.show_view(resolve(ds, state, lang, highlight=tuple(highlight)), theme)

    def show_view(self, view: ResolvedView, theme: str = "light") -> None:
        key = (id(view), theme, self.font().key())
        if key == self._last_view and view is self._view:
            return  # nothing the chart shows has changed (a theme or zoom call repeating)
        self._view, self._theme = view, theme
        self.series = series_of(view.chart)
        self._placeholder.setText(self.tr("Loading chart…"))
        if self._glw is not None:
            self._rebuild()
            self._last_view = key

    def _rebuild(self) -> None:
        ds, state = self._ds, self._state
        if ds is None or state is None or self._glw is None:
            return
        theme = THEMES.get(self._theme, THEMES["light"])
        glw = self._glw
        style_key = (theme.name, self.font().key())
        if style_key != self._style_key:
            glw.setBackground(theme.background)
            glw.setFont(self.font())  # the zoom setting reaches the axes too
        view = self._view
        assert view is not None
        first, last = view.first_year, view.last_year
        events = list(view.events)
        self._ensure_panels(len(view.chart.panels))
        self.status_points = {}
        style_index = 0
        for index, (panel, pdata) in enumerate(zip(self._panels, view.chart.panels)):
            self._style_panel(panel, pdata.unit, pdata.log, theme, style_key)
            self._decorate(panel, events, theme)
            if pdata.stacked:
                ys = self._draw_stack(panel, pdata, index, style_index, theme)
            else:
                ys = self._draw_lines(panel, pdata, index, style_index, theme)
            style_index += len(pdata.lines)
            self._set_y_range(panel, pdata.unit, ys, pdata.log)
            self._place_event_lines(panel)
            no_half = bool(pdata.lines) and all(line.metric in view.without_half_years
                                                 for line in pdata.lines)
            self._show_note(panel, not ys and not pdata.stacked, first, last, theme, no_half)
        self._style_key = style_key
        self._strip_args = (events, first, last, theme)
        self._events_strip(events, first, last, theme)
        # a layout that was briefly all fixed-height rows (while panels come and go) shrinks
        # its top item; give it the whole view again
        if glw.ci.geometry() != glw.range:
            glw.ci.setGeometry(glw.range)
        # the time range last, once the layout has settled: pyqtgraph lines up linked views by
        # their pixel positions, which are off while rows are still being added
        glw.ci.layout.activate()
        for plot in [p.plot for p in self._panels] + ([self._strip] if self._strip_key else []):
            self._set_x_range(plot, first, last)
        self.plots = [p.plot for p in self._panels]
        self.legends = [p.legend for p in self._panels]
        self.readout.attach(self.plots, view, self._theme)

    def resizeEvent(self, event) -> None:
        """Badge lanes depend on the width in pixels: lay them out again for the new width."""
        super().resizeEvent(event)
        if self._glw is not None and self._strip_args is not None:
            self._events_strip(*self._strip_args)

    # ----- panels
    def _ensure_panels(self, n: int) -> None:
        """Exactly n panels, reusing the ones there are; panel 0 leads the shared time axis."""
        pg, glw = self._pg, self._glw
        from meldpunt_gui.ui.chart.axes import ValueAxis, YearAxis
        from meldpunt_gui.ui.chart.legend import Legend

        while len(self._panels) > n:
            panel = self._panels.pop()
            glw.removeItem(panel.legend)
            glw.removeItem(panel.plot)
        while len(self._panels) < n:
            row = len(self._panels) + 1
            plot = glw.addPlot(row=2 * row, col=0, axisItems={
                "bottom": YearAxis("bottom"), "left": ValueAxis(None, self._lang)})
            legend = Legend()
            glw.addItem(legend, row=2 * row - 1, col=0)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)
            plot.getViewBox().disableAutoRange()  # ranges are set from the data, once
            plot.getAxis("left").setWidth(AXIS_WIDTH)
            # horizontal grid lines at the labelled values, as one curve: pyqtgraph's own grid
            # (ticks drawn across the plot, minor levels included) cost 9 ms per new range
            grid = pg.PlotCurveItem(connect="pairs")
            grid.setZValue(-5)
            plot.addItem(grid)
            if self._cached:
                # tick labels and the grid are replayed from a QPicture on every paint of the
                # plot (3 ms per axis); as a pixmap they cost one copy until the ticks change
                for item in (plot.getAxis("left"), plot.getAxis("bottom"), legend):
                    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            if self._panels:
                plot.setXLink(self._panels[0].plot)
            panel = _Panel(legend, plot, grid=grid)
            plot.getViewBox().sigResized.connect(lambda _vb, p=panel: self._update_grid(p))
            self._panels.append(panel)

    def _style_panel(self, panel: _Panel, unit, log: bool, theme, style_key: tuple) -> None:
        plot = panel.plot
        if panel.keys.get("style") != style_key:
            colour = self._pg.mkColor(theme.foreground)
            colour.setAlphaF(theme.grid_alpha)
            panel.grid.setPen(self._pg.mkPen(colour, width=1))
            for axis in ("left", "bottom"):
                ax = plot.getAxis(axis)
                ax.setPen(theme.foreground)
                ax.setTextPen(theme.foreground)
                ax.setStyle(hideOverlappingLabels=False, tickFont=self.font())
            panel.keys["style"] = style_key
        axis_key = (unit.id, self._lang, log)
        if panel.keys.get("axis") != axis_key:
            ax = plot.getAxis("left")
            ax.unit, ax.lang = unit, self._lang
            ax.setLogMode(False, log)
            plot.setLabel("left", escape(shorten(unit.label.get(self._lang)), quote=False))
            ax.picture = None  # tick labels depend on the unit and language
            ax.update()
            panel.keys["axis"] = axis_key

    def _decorate(self, panel: _Panel, events, theme) -> None:
        """Event lines and story shading: redone only when they or the theme change."""
        pg, plot = self._pg, panel.plot
        key = (tuple(ev.x for ev in events), theme.name)
        if panel.keys.get("events") != key:
            # one curve for all lines: an InfiniteLine each cost 1 ms to add and remove and
            # recomputed its bounds on every paint, which a new year range did for every panel
            if panel.event_lines is None:
                panel.event_lines = pg.PlotCurveItem(connect="pairs")
                panel.event_lines.setZValue(-4)
                plot.addItem(panel.event_lines)
            panel.event_lines.setPen(pg.mkPen(theme.foreground, width=1, style=Qt.PenStyle.DotLine))
            panel.event_xs = key[0]
            panel.keys["events"] = key
        key = (tuple(self.highlight), theme.name)
        if panel.keys.get("regions") != key:
            for item in panel.regions:
                plot.removeItem(item)
            panel.regions = []
            for period in self.highlight:
                half = 0.25 if period.half else 0.5
                region = pg.LinearRegionItem((period.x - half, period.x + half), movable=False,
                                             brush=pg.mkBrush(theme.foreground + "18"),
                                             pen=pg.mkPen(None))
                region.setZValue(-10)
                plot.addItem(region)
                panel.regions.append(region)
            panel.keys["regions"] = key

    def _show_note(self, panel: _Panel, empty: bool, first: int, last: int, theme,
                   no_half: bool = False) -> None:
        if panel.note is None and not empty:
            return
        if panel.note is None:
            panel.note = self._pg.TextItem("", anchor=(0.5, 0.5))
            panel.plot.addItem(panel.note)
        panel.note.setVisible(empty)
        if empty:
            text = (self.tr("This series has no half-year figures") if no_half
                    else self.tr("No values in the selected years"))
            panel.note.setText(text, color=theme.foreground)
            lo, hi = panel.plot.getViewBox().viewRange()[1]
            panel.note.setPos((first + last) / 2, (lo + hi) / 2)

    def _set_x_range(self, plot, first: int, last: int) -> None:
        lo, hi = first - 0.5, last + 0.5
        if plot.getViewBox().viewRange()[0] != [lo, hi]:
            plot.setXRange(lo, hi, padding=0)

    def _set_y_range(self, panel: _Panel, unit, ys: list[float], log: bool) -> None:
        if log:
            if not ys:
                return
            lo, hi = math.floor(min(ys)), max(math.ceil(max(ys)), math.floor(min(ys)) + 1)
        else:
            ymin, ymax = min([0.0, *ys]), max([0.0, *ys])
            if ymax == ymin:
                ymax = ymin + 1
            pad = (ymax - ymin) * 0.08
            ymax = min(max(ymax + pad, 10), 100) if unit.kind == "percent" else ymax + pad
            # a little room under zero so the 0 tick is labelled and low points stay visible
            lo, hi = ymin - (pad if ymin < 0 else (ymax - ymin) * 0.03), ymax
        if panel.plot.getViewBox().viewRange()[1] != [lo, hi]:
            panel.plot.setYRange(lo, hi, padding=0)
            self._update_grid(panel)

    def _place_event_lines(self, panel: _Panel) -> None:
        """The event lines from the bottom to the top of the panel's value range."""
        import numpy as np

        lo, hi = panel.plot.getViewBox().viewRange()[1]
        key = (panel.event_xs, lo, hi)
        if panel.event_lines is None or panel.keys.get("event_lines") == key:
            return
        xs = np.repeat(np.asarray(panel.event_xs, dtype=float), 2)
        panel.event_lines.setData(xs, np.tile([lo, hi], len(panel.event_xs)), connect="pairs")
        panel.keys["event_lines"] = key

    def _update_grid(self, panel: _Panel) -> None:
        import numpy as np

        vb = panel.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        levels = panel.plot.getAxis("left").tickValues(y0, y1, max(vb.height(), 1))
        ys = np.repeat(np.asarray(levels[0][1] if levels else [], dtype=float), 2)
        # wide enough for any time range the panel will show, so a new range needs no new grid
        xs = np.tile([1900.0, 2200.0], len(ys) // 2)
        panel.grid.setData(xs, ys, connect="pairs")

    # ----- series
    def _line_item(self, panel: _Panel, k: int, style, theme):
        """The k-th line curve of a panel, styled; curves are created once and kept."""
        pg = self._pg
        while len(panel.lines) <= k:
            item = pg.PlotCurveItem()
            panel.plot.addItem(item)
            panel.lines.append(item)
            panel.line_styles.append(None)
        item = panel.lines[k]
        if panel.line_styles[k] != (style, theme.name):
            pen = pg.mkPen(style.colour, width=2)
            if style.dash:
                pen.setDashPattern(list(style.dash))
            item.setPen(pen)
            panel.line_styles[k] = (style, theme.name)
        return item

    def _marker_styles(self, style, theme) -> tuple:
        """(pen, filled brush, hollow brush) for a series style, made once per theme."""
        key = (style.colour, theme.name)
        if key not in self._marker_cache:
            pg = self._pg
            self._marker_cache[key] = (pg.mkPen(style.colour, width=1.5),
                                       pg.mkBrush(style.colour), pg.mkBrush(theme.background))
        return self._marker_cache[key]

    def _draw_lines(self, panel: _Panel, pdata, index: int, style_index: int, theme) -> list[float]:
        """Series that share a style (styles repeat after eight) share one curve, split by NaN;
        all markers of the panel are one item with a symbol, pen and fill per point (hollow
        where the value is rounded), given as object arrays (see markers.py) and drawn from
        pyqtgraph's symbol atlas."""
        import numpy as np

        from meldpunt_gui.ui.chart.legend import LegendEntry
        from meldpunt_gui.ui.chart.markers import Markers, object_array

        self._clear_stack(panel)
        entries, ys_all = [], []
        by_style: dict = {}
        mx, my, symbols, pens, brushes = [], [], [], [], []
        shown = [s for s in self.series if s.panel == index]
        for k, data in enumerate(shown):
            style = series_style(style_index + k, theme.name)
            x = np.asarray(data.x, dtype=float)
            y = np.asarray(data.y, dtype=float)
            if pdata.log:
                with np.errstate(invalid="ignore", divide="ignore"):
                    y = np.log10(y)
            by_style.setdefault(style, []).append((x, y))
            ok = ~np.isnan(y)
            pen, fill, hollow = self._marker_styles(style, theme)
            approx = np.asarray(data.approximate, dtype=bool)[ok]
            mx.append(x[ok])
            my.append(y[ok])
            symbols.append(np.full(len(approx), style.symbol, dtype=object))
            pens.append(np.repeat(object_array([pen]), len(approx)))
            brushes.append(object_array([fill, hollow])[approx.astype(np.intp)])
            ys_all += my[-1].tolist()
            entries.append(LegendEntry(shorten(self._ds.metrics[data.metric].label.get(self._lang)),
                                       style.colour, "line", style.symbol, style.dash))
        for k, (style, parts) in enumerate(by_style.items()):
            gap = np.asarray([np.nan])
            xs = np.concatenate([v for x, _ in parts for v in (x, gap)])
            ys = np.concatenate([v for _, y in parts for v in (y, gap)])
            item = self._line_item(panel, k, style, theme)
            item.setData(xs, ys, connect="finite")
            item.setVisible(True)
        for item in panel.lines[len(by_style):]:
            item.setVisible(False)
        if panel.markers is None:
            panel.markers = Markers(size=SYMBOL_PX)
            panel.plot.addItem(panel.markers)
        empty, none = np.empty(0), np.empty(0, dtype=object)
        panel.markers.setData(x=np.concatenate([empty, *mx]), y=np.concatenate([empty, *my]),
                              symbol=np.concatenate([none, *symbols]),
                              pen=np.concatenate([none, *pens]), brush=np.concatenate([none, *brushes]))
        panel.markers.setVisible(True)
        self._draw_status_marks(panel, shown, pdata.log, theme)
        panel.legend.set_entries(entries, self.font(), theme.foreground)
        return ys_all

    def _draw_status_marks(self, panel: _Panel, shown: list[SeriesData], log: bool,
                           theme) -> None:
        """Forecast, partial-year, secondary and draft values get their sign beside the
        marker (the same sign as in the table and the key under the chart)."""
        from meldpunt_gui.text.marks import STATUS_MARKS
        from meldpunt_gui.ui.chart.markers import glyph_symbol

        xs, ys, symbols = [], [], []
        for data in shown:
            for period, x, y in zip(data.periods, data.x, data.y):
                obs = self._ds.shown(data.metric, period)
                if obs is None or obs.status not in STATUS_MARKS or math.isnan(y):
                    continue
                xs.append(x)
                ys.append(math.log10(y) if log and y > 0 else y)
                if obs.status not in self._glyphs:
                    self._glyphs[obs.status] = glyph_symbol(STATUS_MARKS[obs.status])
                symbols.append(self._glyphs[obs.status])
                self.status_points[(data.metric, period)] = obs.status
        if panel.status_marks is None:
            panel.status_marks = self._pg.ScatterPlotItem(size=SYMBOL_PX * 2.6, pxMode=True)
            panel.status_marks.setZValue(5)
            panel.plot.addItem(panel.status_marks)
        panel.status_marks.setData(x=xs, y=ys, symbol=symbols,
                                   pen=self._pg.mkPen(theme.foreground, width=0.5),
                                   brush=self._pg.mkBrush(theme.foreground))
        panel.status_marks.setVisible(bool(xs))

    def _clear_stack(self, panel: _Panel) -> None:
        for item in panel.stack_items:
            panel.plot.removeItem(item)
        panel.stack_items = []

    def _draw_stack(self, panel: _Panel, pdata, index: int, style_index: int, theme) -> list[float]:
        """Parts of a whole as stacked bars (hatched where rounded), the whole as a marker."""
        pg = self._pg
        import numpy as np

        from meldpunt_gui.ui.chart.legend import LegendEntry

        self._clear_stack(panel)
        for item in [*panel.lines, panel.markers, panel.status_marks]:
            if item is not None:
                item.setVisible(False)
        periods = pdata.lines[0].periods if pdata.lines else []
        x = np.asarray([p.x for p in periods], dtype=float)
        width = 0.3 if periods and periods[0].half else 0.6
        base = np.zeros(len(periods))
        tops: list[float] = []
        entries = []
        for k, line in enumerate(pdata.lines):
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
                panel.stack_items.append(pg.BarGraphItem(
                    x=x[sel], y0=base[sel], height=vals[sel], width=width, brush=brush,
                    pen=pg.mkPen(theme.foreground, width=1)))
            top = np.where(ok, base + np.nan_to_num(vals), np.nan)
            base = base + np.nan_to_num(vals)
            tops.extend(float(v) for v in top if not np.isnan(v))
            entries.append(LegendEntry(shorten(self._ds.metrics[line.metric].label.get(self._lang)),
                                       style.colour, "bar"))
        if pdata.whole is not None:
            w = np.asarray(pdata.whole.values, dtype=float)
            okw = ~np.isnan(w)
            panel.stack_items.append(pg.ScatterPlotItem(
                x=x[okw], y=w[okw], symbol="x", size=12, pen=pg.mkPen(theme.foreground, width=2),
                brush=pg.mkBrush(None)))
            entries.append(LegendEntry(shorten(self._ds.metrics[pdata.whole.metric].label.get(self._lang)),
                                       theme.foreground, "marker", "x"))
            tops.extend(float(v) for v in w[okw])
        for item in panel.stack_items:
            panel.plot.addItem(item)
        panel.legend.set_entries(entries, self.font(), theme.foreground)
        return tops

    # ----- events
    def _events_strip(self, events, first: int, last: int, theme) -> None:
        """One numbered badge per year (numbers as in the explanation's list), stacked in lanes
        so that no two overlap however dense the events; a line per event through every panel."""
        if not events:
            if self._strip is not None and self._strip_key is not None:
                self._glw.removeItem(self._strip)
            self._strip_key = None
            self.events, self._badges = [], []
            return
        px = max(self.width() - AXIS_WIDTH - 40, 200)
        key = (tuple(e.id for e in events), first, last, px, theme.name, self._lang)
        if key == self._strip_key:
            return
        if self._strip is None:
            self._strip = self._glw.addPlot(row=0, col=0)
            self._setup_strip(self._strip)
        elif self._strip_key is None:
            self._glw.addItem(self._strip, row=0, col=0)
        if self._panels:
            self._strip.setXLink(self._panels[0].plot)
        self._strip.getAxis("left").setPen(theme.background)
        self._set_x_range(self._strip, first, last)
        self._place_events(events, theme, px)
        self._strip_key = key

    def _setup_strip(self, strip) -> None:
        strip.setMenuEnabled(False)
        strip.hideButtons()
        strip.setMouseEnabled(x=False, y=False)
        strip.getViewBox().disableAutoRange()
        strip.hideAxis("bottom")
        left = strip.getAxis("left")
        left.setWidth(AXIS_WIDTH)
        left.setStyle(showValues=False, tickLength=0)
        left.enableAutoSIPrefix(False)
        strip.getViewBox().setBackgroundColor(None)

    def _place_events(self, events, theme, px: int) -> None:
        pg = self._pg
        from meldpunt_gui.model.events import badge_layout

        first, last = self._view.first_year, self._view.last_year
        badges = badge_layout(events, first, last, px,
                              lambda text: max(BADGE_PX, 8 * len(text) + 10))
        n = max(b.lane for b in badges) + 1
        self._badges, self.events = [], []
        pool, fill = self._badge_pool, pg.mkBrush(theme.foreground)
        for k, item in enumerate(badges):
            if k == len(pool):  # badges are kept and relabelled: making one costs 0.1 ms
                pool.append(pg.TextItem("", anchor=(0.5, 0.5)))
                self._strip.addItem(pool[k])
            badge = pool[k]
            badge.fill = fill
            badge.setText(item.label, color=theme.background)
            badge.setPos(item.x, n - 1 - item.lane)
            evs = [events[num - 1] for num in item.numbers]
            badge.setToolTip(tooltip_html("\n".join(f"{num}. {e.title.get(self._lang)}"
                                                     for num, e in zip(item.numbers, evs))))
            badge.setVisible(True)
            self._badges.append((tuple(e.id for e in evs), badge))
            self.events.extend((e.id, e.x, item.lane) for e in evs)
        for badge in pool[len(badges):]:
            badge.setVisible(False)
        self._strip.setYRange(-0.6, n - 0.4, padding=0)
        height = 20 * n + 6
        self._strip.setFixedHeight(height)
        self._strip.setMaximumHeight(height)

    def _on_mouse_clicked(self, event) -> None:
        pos = event.scenePos()
        for event_ids, badge in self._badges:
            if badge.sceneBoundingRect().adjusted(-3, -3, 3, 3).contains(pos):
                self.event_clicked.emit(event_ids)
                return
        self.readout.click(pos)

    def badge_scene_pos(self, event_id: str) -> QPointF | None:
        for eids, badge in self._badges:
            if event_id in eids:
                return badge.sceneBoundingRect().center()
        return None
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
        """What the rate-limited pointer signal does, callable directly (tests, soak)."""
        self.readout.follow(scene_pos)

    def _period_points(self, period: Period) -> list[QPointF]:
        return [pos for s in self.series if s.panel == 0 and period in s.periods
                and not math.isnan(s.y[s.periods.index(period)])
                and (pos := self._scene_pos(s, s.periods.index(period))) is not None]

    def _readout_changed(self, text: str) -> None:
        self.hover_text = text
        if text:
            self.hovered.emit(text)

    # ----- keyboard: left/right move the readout, Esc unpins it
    def eventFilter(self, obj, event) -> bool:
        if obj is self._glw and event.type() == QEvent.Type.Leave:
            self.readout.left()
        if obj is self._glw and event.type() == QEvent.Type.KeyPress and self.series:
            key = event.key()
            step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1,
                    Qt.Key.Key_Home: -10**6, Qt.Key.Key_End: 10**6}.get(key)
            if step is not None:
                self.readout.step(step)
                return True
            if key == Qt.Key.Key_Escape and self.readout.pinned:
                self.readout.unpin()
                return True
        return super().eventFilter(obj, event)

    def select_point(self, metric: str, period: Period) -> str:
        """Pin the readout on one value's period (a headline figure was clicked); its text."""
        if self._glw is None or not any(s.metric == metric and period in s.periods
                                        for s in self.series):
            return ""
        self.readout.show(period, pin=True)
        return self.hover_text

    # ----- for tests and the accessible description
    def tick_strings(self, panel: int, axis: str = "left") -> list[str]:
        """The labelled (major) ticks of one axis, as the reader sees them."""
        ax = self.plots[panel].getAxis(axis)
        lo, hi = self.plots[panel].getViewBox().viewRange()[0 if axis == "bottom" else 1]
        size = ax.geometry().height() if axis == "left" else ax.geometry().width()
        spacing, values = ax.tickValues(lo, hi, max(size, 1))[0]
        return ax.tickStrings(sorted(values), 1.0, spacing)

    def legend_labels(self, panel: int) -> list[str]:
        return self.legends[panel].labels
