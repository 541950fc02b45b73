"""The chart: one panel per unit, linked on the time axis, with a readout that stays.

pyqtgraph is imported on first use (after the window has painted), so start-up is not held up by
it. The series drawn are kept as plain data (`ChartView.series`, see series.py) so tests and the
accessible text read what is on screen without scraping items.

Panels and their items are kept between changes: a new selection gives existing curves new data
and style, and hides what is left over, instead of clearing the scene and building it again.
This module loads pyqtgraph and wires the pointer and the keys; panels.py, drawing.py and
event_strip.py draw.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from meldpunt_gui.model.domain import Dataset, Period
from meldpunt_gui.model.resolve import ResolvedView, resolve
from meldpunt_gui.model.transforms import ChartData
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.chart.palette import THEMES
from meldpunt_gui.ui.chart.panels import AXIS_WIDTH, Panel, Panels, set_x_range
from meldpunt_gui.ui.chart.series import SeriesData, series_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from meldpunt_gui.ui.chart.drawing import SeriesPainter
    from meldpunt_gui.ui.chart.event_strip import EventStrip
    from meldpunt_gui.ui.chart.readout import Readout
    from meldpunt_gui.ui.view_model import ViewModel

__all__ = ["ChartView", "SeriesData", "series_of"]

HOVER_PX = 14.0
PANEL_GAP = 6  # between the chart's rows (what Fusion's layout spacing gave)


class _FirstPaint(QObject):
    """Calls back once, just after the watched widget has painted for the first time."""

    def __init__(self, watched: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(watched)
        self._callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


class ChartView(QWidget):
    """Holds a placeholder until pyqtgraph is loaded, then the plot panels."""

    loaded = Signal()
    hovered = Signal(str)
    event_clicked = Signal(tuple)  # the ids of the events behind the clicked badge

    def __init__(self, parent: QWidget | None = None, cached: bool = True,
                 plot_min_px: int = 0) -> None:
        """`cached`: keep axes and legends as pixmaps between paints (for the screen; an
        export passes False so that PDF and SVG get vector text). `plot_min_px`: the height
        each panel's plot (with its year axis) keeps at the least, so the chart asks its layout
        for room for all its panels (the window's chart; an export draws at the size given)."""
        super().__init__(parent)
        self._cached = cached
        self._plot_min_px = plot_min_px
        self._need = 0  # the height the panels need at the least (see _fit_need)
        self._stack = QStackedLayout(self)
        self._placeholder = QLabel(self.tr("Loading chart…"), self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack.addWidget(self._placeholder)
        self._glw: Any = None
        self._pg: Any = None
        self._view: ResolvedView | None = None  # the view drawn (read, never changed, here)
        self._theme = "light"
        self._last_view: tuple[object, ...] | None = None
        self.series: list[SeriesData] = []
        self.plots: list[Any] = []
        self.legends: list[Any] = []
        self._panel_set: Panels | None = None
        self._painter: SeriesPainter | None = None
        self._event_strip: EventStrip | None = None
        self.readout: Readout
        self.hover_text = ""
        self._strip_args: tuple[Any, ...] | None = None
        self._style_key: tuple[str, str] | None = None
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

        from meldpunt_gui.ui.chart.drawing import SeriesPainter
        from meldpunt_gui.ui.chart.event_strip import EventStrip
        from meldpunt_gui.ui.chart.readout import Readout

        pg.setConfigOptions(antialias=False, foreground=THEMES[self._theme].foreground)
        self._pg = pg
        self._glw = pg.GraphicsLayoutWidget(self)
        # the spacing given, not asked of the style: a grid layout keeps the style it first
        # asked, and a theme switch (a new application style) deletes that one, so the next
        # layout pass of the panels read freed memory and the program crashed
        self._glw.ci.setSpacing(PANEL_GAP)
        self._glw.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._panel_set = Panels(pg, self._glw, self._cached)
        self._painter = SeriesPainter(pg)
        self._event_strip = EventStrip(pg, self._glw)
        self.readout = Readout(self._glw, self._readout_changed, self._period_points)
        self._glw.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._glw.installEventFilter(self)
        self._glw.setAccessibleName(self.tr("Chart: use the arrow keys to read the values"))
        self._stack.addWidget(self._glw)
        self._stack.setCurrentWidget(self._glw)
        self._rebuild()
        self.loaded.emit()

    # ----- what is drawn, for tests and the accessible text
    @property
    def _panels(self) -> list[Panel]:
        return self._panel_set.items if self._panel_set is not None else []

    @property
    def _strip(self) -> Any:
        return self._event_strip.plot if self._event_strip is not None else None

    @property
    def _badges(self) -> list[tuple[tuple[str, ...], Any]]:
        return self._event_strip.badges if self._event_strip is not None else []

    @property
    def events(self) -> list[tuple[str, float, int]]:
        """(event id, x, lane) of every event badge as drawn."""
        return self._event_strip.events if self._event_strip is not None else []

    @property
    def status_points(self) -> dict[tuple[str, Period], str]:
        """(metric, period) -> status of every value drawn with a status sign."""
        return self._painter.status_points if self._painter is not None else {}

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
                 highlight: tuple[Period, ...] = ()) -> None:
        """Draw `state` on `ds` without a window (exports, tests): resolved here, once."""
        self.show_view(resolve(ds, state, lang, highlight=tuple(highlight)), theme)

    def show_view(self, view: ResolvedView, theme: str = "light") -> None:
        key = (id(view), theme, self.font().key())
        if key == self._last_view and view is self._view:
            return  # nothing the chart shows has changed (a theme or zoom call repeating)
        self._view, self._theme = view, theme
        self.series = series_of(view.chart, view.metrics)
        self._placeholder.setText(self.tr("Loading chart…"))
        if self._glw is not None:
            self._rebuild()
            self._last_view = key

    def _rebuild(self) -> None:
        ds, view, glw = self._ds, self._view, self._glw
        panels, painter = self._panel_set, self._painter
        if ds is None or view is None or glw is None or panels is None or painter is None:
            return
        theme = THEMES.get(self._theme, THEMES["light"])
        font, lang = self.font(), self._lang
        style_key = (theme.name, font.key())
        if style_key != self._style_key:
            glw.setBackground(theme.background)
            glw.setFont(font)  # the zoom setting reaches the axes too
        first, last = view.first_year, view.last_year
        events = list(view.events)
        panels.ensure(len(view.chart.panels), lang)
        painter.status_points = {}
        cells = dict(zip(view.metrics, view.cells))  # looked up once, for the whole window
        for index, (panel, pdata) in enumerate(zip(panels.items, view.chart.panels)):
            panels.style(panel, pdata.unit, pdata.log, theme, style_key, font, lang)
            panels.decorate(panel, events, theme, self.highlight)
            shown = [s for s in self.series if s.panel == index]
            if pdata.stacked:
                ys = painter.draw_stack(panel, pdata, [s.style_index for s in shown], theme, ds,
                                        lang, font)
            else:
                ys = painter.draw_lines(panel, pdata, shown, theme, ds, lang, font, cells)
            panels.set_y_range(panel, pdata.unit, ys, pdata.log)
            panels.place_event_lines(panel)
            note: str | None = None
            if not ys and not pdata.stacked:
                no_half = bool(pdata.lines) and all(line.metric in view.without_half_years
                                                     for line in pdata.lines)
                note = (self.tr("This series has no half-year figures") if no_half
                        else self.tr("No values in the selected years"))
            panels.show_note(panel, note, first, last, theme)
        self._style_key = style_key
        self._strip_args = (events, first, last, theme)
        self._show_events(*self._strip_args)
        # a layout that was briefly all fixed-height rows (while panels come and go) shrinks
        # its top item; give it the whole view again
        if glw.ci.geometry() != glw.range:
            glw.ci.setGeometry(glw.range)
        # the time range last, once the layout has settled: pyqtgraph lines up linked views by
        # their pixel positions, which are off while rows are still being added
        glw.ci.layout.activate()
        self.hold_time_range()
        strip = [self._strip] if self._event_strip is not None and self._event_strip.shown else []
        for plot in [p.plot for p in panels.items] + strip:
            # pyqtgraph applies a new range to its items' transform only when the scene is
            # about to paint; done there, it marks them dirty again and the view paints twice
            plot.getViewBox().updateMatrix()
        self.plots = [p.plot for p in panels.items]
        self.legends = [p.legend for p in panels.items]
        self.readout.attach(self.plots, view, self._theme)
        self._fit_need()

    # ----- room for every panel
    def needed_height(self) -> int:
        """The least height at which every panel keeps `plot_min_px` for its plot: the legends,
        the event strip and the layout's spacing on top (0 without a minimum)."""
        panels = self._panel_set
        if not self._plot_min_px or panels is None or not panels.items or self._glw is None:
            return 0
        layout = self._glw.ci.layout
        strip = self._strip if self._event_strip is not None and self._event_strip.shown else None
        rows = 2 * len(panels.items) + (1 if strip is not None else 0)
        _left, top, _right, bottom = layout.getContentsMargins()
        total = (sum(p.legend.minimumHeight() for p in panels.items)
                 + self._plot_min_px * len(panels.items)
                 + (strip.maximumHeight() if strip is not None else 0)
                 + layout.verticalSpacing() * max(rows - 1, 0) + top + bottom)
        return math.ceil(total)

    def _fit_need(self) -> None:
        need = self.needed_height()
        if need != self._need:
            self._need = need
            self.updateGeometry()  # the page around the chart grows (and scrolls) or shrinks

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._need))

    def sizeHint(self) -> QSize:
        """With a minimum, the chart asks for no more than that: it stretches into the room
        there is. (A graphics view asks for its scene's size, which grows with the chart and
        never shrinks: a page that had once held four panels kept their height, and its scroll
        bar, after going back to one.)"""
        hint = super().sizeHint()
        return QSize(hint.width(), self._need) if self._plot_min_px else hint

    def _show_events(self, events: list[Any], first: int, last: int, theme: Any) -> None:
        if self._event_strip is None:
            return
        px = max(self.width() - AXIS_WIDTH - 40, 200)
        lead = self._panels[0].plot if self._panels else None
        self._event_strip.show(events, first, last, theme, px, self._lang, lead)

    def hold_time_range(self) -> None:
        """Every panel (and the event strip) shows the view's years. pyqtgraph lines linked
        views up by their pixel positions when one is resized; for a chart drawn before it was
        first laid out (every export) that moved the range, and without the event strip an
        exported chart showed 2021.7 to 2022.5 of a view of 2019 to 2022."""
        panels, view = self._panel_set, self._view
        if panels is None or view is None:
            return
        strip = [self._strip] if self._event_strip is not None and self._event_strip.shown else []
        for plot in [p.plot for p in panels.items] + strip:
            set_x_range(plot, view.first_year, view.last_year)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Badge lanes depend on the width in pixels: lay them out again for the new width; the
        years are held once the panels have taken the new size."""
        super().resizeEvent(event)
        if self._glw is not None and self._strip_args is not None:
            self._show_events(*self._strip_args)
        if self._glw is not None:
            QTimer.singleShot(0, self, self._after_resize)

    def _after_resize(self) -> None:
        self.hold_time_range()
        self._fit_need()  # a legend's rows follow the width

    # ----- events
    def _on_mouse_clicked(self, event: Any) -> None:
        pos = event.scenePos()
        event_ids = self._event_strip.hit(pos) if self._event_strip is not None else None
        if event_ids is not None:
            self.event_clicked.emit(event_ids)
            return
        self.readout.click(pos)

    def badge_scene_pos(self, event_id: str) -> QPointF | None:
        return self._event_strip.badge_scene_pos(event_id) if self._event_strip is not None else None

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
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._glw and event.type() == QEvent.Type.Leave:
            self.readout.left()
        if obj is self._glw and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and self.series:
            key = Qt.Key(event.key())
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
