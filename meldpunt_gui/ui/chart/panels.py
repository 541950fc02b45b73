"""The chart's panels: one legend and plot per unit, linked on the time axis, kept between
changes; their axes, grid, event lines, story shading and the empty-panel note.

pyqtgraph ships no types, so its items are `Any` here; what we keep about them is typed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QGraphicsItem

from meldpunt_gui.model.domain import Event, Period, Unit
from meldpunt_gui.text.plain import shorten
from meldpunt_gui.ui.chart.palette import SeriesStyle, Theme

AXIS_WIDTH = 78  # every panel's value axis equally wide, so the years line up


@dataclass
class Panel:
    """One unit's legend and plot with the items drawn in it, reused across changes."""

    legend: Any
    plot: Any
    lines: list[Any] = field(default_factory=list)  # one curve per line style, see drawing.py
    line_styles: list[tuple[SeriesStyle, str] | None] = field(default_factory=list)
    markers: Any = None
    stack_items: list[Any] = field(default_factory=list)
    event_lines: Any = None  # all event lines of the panel as one curve of vertical pairs
    event_xs: tuple[float, ...] = ()
    regions: list[Any] = field(default_factory=list)
    note: Any = None
    grid: Any = None
    status_marks: Any = None  # the status signs beside the markers
    axis_label: str = ""  # the value axis's title in full (the unit), see fit_axis_label
    shown_label: str | None = None  # what the axis shows of it, cut to the panel's height
    keys: dict[str, object] = field(default_factory=dict)  # what was applied last, to skip repeats


LOG_PAD = 0.04  # share of a log panel's decades added above and below


def set_x_range(plot: Any, first: int, last: int) -> None:
    lo, hi = first - 0.5, last + 0.5
    if plot.getViewBox().viewRange()[0] != [lo, hi]:
        plot.setXRange(lo, hi, padding=0)


def quiet_hidden_axes(plot: Any) -> None:
    """The hidden top and right axes follow every range change too; with SI prefixes on (the
    default) each change typesets their empty HTML labels again (0.2 ms a time)."""
    for name in ("top", "right"):
        plot.getAxis(name).enableAutoSIPrefix(False)


def fit_axis_label(panel: Panel) -> None:
    """The value axis's title, cut with an ellipsis to the panel's height. pyqtgraph draws it
    whole, so a long unit ('reports to the police') ran past a short panel and was clipped at
    both ends; a cut title keeps its start, and the full unit stays in the legend and tooltips."""
    axis = panel.plot.getAxis("left")
    room = int(axis.height()) - 4
    text = panel.axis_label
    if room > 0:
        text = QFontMetrics(axis.label.font()).elidedText(text, Qt.TextElideMode.ElideRight, room)
    if text != panel.shown_label:
        panel.plot.setLabel("left", escape(text, quote=False))
        panel.shown_label = text


def panel_resized(panel: Panel) -> None:
    update_grid(panel)
    fit_axis_label(panel)


def update_grid(panel: Panel) -> None:
    """Horizontal grid lines at the labelled values of the panel's value axis."""
    import numpy as np

    vb = panel.plot.getViewBox()
    (x0, x1), (y0, y1) = vb.viewRange()
    levels = panel.plot.getAxis("left").tickValues(y0, y1, max(vb.height(), 1))
    ys = np.repeat(np.asarray(levels[0][1] if levels else [], dtype=float), 2)
    # wide enough for any time range the panel will show, so a new range needs no new grid
    xs = np.tile([1900.0, 2200.0], len(ys) // 2)
    panel.grid.setData(xs, ys, connect="pairs")


class Panels:
    """The list of panels in a GraphicsLayoutWidget, grown and shrunk to the units shown."""

    def __init__(self, pg: Any, glw: Any, cached: bool) -> None:
        self.pg = pg
        self.glw = glw
        self.cached = cached
        self.items: list[Panel] = []

    def ensure(self, n: int, lang: str) -> None:
        """Exactly n panels, reusing the ones there are; panel 0 leads the shared time axis."""
        pg, glw = self.pg, self.glw
        from meldpunt_gui.ui.chart.axes import ValueAxis, YearAxis
        from meldpunt_gui.ui.chart.legend import Legend

        while len(self.items) > n:
            panel = self.items.pop()
            glw.removeItem(panel.legend)
            glw.removeItem(panel.plot)
        while len(self.items) < n:
            row = len(self.items) + 1
            # no context menu: not built at all (pyqtgraph makes one per view unless told)
            plot = glw.addPlot(row=2 * row, col=0, enableMenu=False, axisItems={
                "bottom": YearAxis("bottom"), "left": ValueAxis(None, lang)})
            legend = Legend()
            glw.addItem(legend, row=2 * row - 1, col=0)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)
            plot.getViewBox().disableAutoRange()  # ranges are set from the data, once
            plot.getAxis("left").setWidth(AXIS_WIDTH)
            quiet_hidden_axes(plot)
            # horizontal grid lines at the labelled values, as one curve: pyqtgraph's own grid
            # (ticks drawn across the plot, minor levels included) cost 9 ms per new range
            grid = pg.PlotCurveItem(connect="pairs")
            grid.setZValue(-5)
            plot.addItem(grid)
            if self.cached:
                # tick labels and the grid are replayed from a QPicture on every paint of the
                # plot (3 ms per axis); as a pixmap they cost one copy until the ticks change
                for item in (plot.getAxis("left"), plot.getAxis("bottom"), legend):
                    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            if self.items:
                plot.setXLink(self.items[0].plot)
            panel = Panel(legend, plot, grid=grid)
            plot.getViewBox().sigResized.connect(lambda _vb, p=panel: panel_resized(p))
            self.items.append(panel)

    def style(self, panel: Panel, unit: Unit, log: bool, theme: Theme, style_key: tuple[str, str],
              font: QFont, lang: str) -> None:
        plot = panel.plot
        if panel.keys.get("style") != style_key:
            colour = self.pg.mkColor(theme.foreground)
            colour.setAlphaF(theme.grid_alpha)
            panel.grid.setPen(self.pg.mkPen(colour, width=1))
            for axis in ("left", "bottom"):
                ax = plot.getAxis(axis)
                ax.setPen(theme.foreground)
                ax.setTextPen(theme.foreground)
                ax.setStyle(hideOverlappingLabels=False, tickFont=font)
            panel.keys["style"] = style_key
        axis_key = (unit.id, unit.label.get(lang), lang, log)  # the index names its base year
        if panel.keys.get("axis") != axis_key:
            ax = plot.getAxis("left")
            ax.unit, ax.lang = unit, lang
            ax.setLogMode(False, log)
            panel.axis_label = shorten(unit.label.get(lang))
            fit_axis_label(panel)
            ax.picture = None  # tick labels depend on the unit and language
            ax.update()
            panel.keys["axis"] = axis_key

    def decorate(self, panel: Panel, events: list[Event], theme: Theme,
                 highlight: tuple[Period, ...]) -> None:
        """Event lines and story shading: redone only when they or the theme change."""
        pg, plot = self.pg, panel.plot
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
        regions_key = (tuple(highlight), theme.name)
        if panel.keys.get("regions") != regions_key:
            for item in panel.regions:
                plot.removeItem(item)
            panel.regions = []
            for period in highlight:
                half = 0.25 if period.half else 0.5
                region = pg.LinearRegionItem((period.x - half, period.x + half), movable=False,
                                             brush=pg.mkBrush(theme.foreground + "18"),
                                             pen=pg.mkPen(None))
                region.setZValue(-10)
                plot.addItem(region)
                panel.regions.append(region)
            panel.keys["regions"] = regions_key

    def show_note(self, panel: Panel, text: str | None, first: int, last: int,
                  theme: Theme) -> None:
        """`text` across an empty panel, or no note (None)."""
        if panel.note is None and text is None:
            return
        if panel.note is None:
            panel.note = self.pg.TextItem("", anchor=(0.5, 0.5))
            panel.plot.addItem(panel.note)
        panel.note.setVisible(text is not None)
        if text is not None:
            panel.note.setText(text, color=theme.foreground)
            lo, hi = panel.plot.getViewBox().viewRange()[1]
            panel.note.setPos((first + last) / 2, (lo + hi) / 2)

    @staticmethod
    def set_y_range(panel: Panel, unit: Unit, ys: list[float], log: bool) -> None:
        lo: float
        hi: float
        if log:
            if not ys:
                return
            lo, hi = math.floor(min(ys)), max(math.ceil(max(ys)), math.floor(min(ys)) + 1)
            # whole powers of ten, and a little room beyond them: a value of exactly 1,000,000
            # sat on the panel's edge with half its marker cut off
            pad = (hi - lo) * LOG_PAD
            lo, hi = lo - pad, hi + pad
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
            update_grid(panel)

    @staticmethod
    def place_event_lines(panel: Panel) -> None:
        """The event lines from the bottom to the top of the panel's value range."""
        import numpy as np

        lo, hi = panel.plot.getViewBox().viewRange()[1]
        key = (panel.event_xs, lo, hi)
        if panel.event_lines is None or panel.keys.get("event_lines") == key:
            return
        xs = np.repeat(np.asarray(panel.event_xs, dtype=float), 2)
        panel.event_lines.setData(xs, np.tile([lo, hi], len(panel.event_xs)), connect="pairs")
        panel.keys["event_lines"] = key
