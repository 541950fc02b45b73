"""Drawing the series into a panel: lines with their markers and status signs, or stacked bars
for the parts of a whole. Items are kept in the panel and given new data, not made again."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from meldpunt_gui.model.changes import break_positions
from meldpunt_gui.model.domain import Dataset, Observation, Period
from meldpunt_gui.model.transforms import PanelData
from meldpunt_gui.text.plain import shorten
from meldpunt_gui.ui.chart.palette import SeriesStyle, Theme, series_style
from meldpunt_gui.ui.chart.panels import Panel
from meldpunt_gui.ui.chart.series import SeriesData

SYMBOL_PX = 9
BREAK = "break"  # the break sign's key among the status glyphs (no status is called so)


def _broken_at_breaks(ds: Dataset, data: SeriesData, x: Any, y: Any, np: Any) -> tuple[Any, Any]:
    """The line's points with a gap where the series starts counting differently (`breaks`):
    a line drawn on through police reports of 2016, 2017 and 2018 read as one rising count of
    three different ones. The markers stay; only the line between them goes."""
    at = break_positions(ds, data.metric, data.periods)
    if not at:
        return x, y
    mid = [(x[k - 1] + x[k]) / 2 for k in at]
    return np.insert(x, at, mid), np.insert(y, at, np.nan)


class SeriesPainter:
    """Draws one panel's series; keeps the pens, brushes and glyphs it made for reuse."""

    def __init__(self, pg: Any) -> None:
        self.pg = pg
        self._marker_cache: dict[tuple[str, str], tuple[Any, Any, Any]] = {}
        self._glyphs: dict[str, Any] = {}  # status -> its sign as a marker symbol
        self.status_points: dict[tuple[str, Period], str] = {}  # (metric, period) -> status, as drawn

    def _line_item(self, panel: Panel, k: int, style: SeriesStyle, theme: Theme) -> Any:
        """The k-th line curve of a panel, styled; curves are created once and kept."""
        pg = self.pg
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

    def _marker_styles(self, style: SeriesStyle, theme: Theme) -> tuple[Any, Any, Any]:
        """(pen, filled brush, hollow brush) for a series style, made once per theme."""
        key = (style.colour, theme.name)
        if key not in self._marker_cache:
            pg = self.pg
            self._marker_cache[key] = (pg.mkPen(style.colour, width=1.5),
                                       pg.mkBrush(style.colour), pg.mkBrush(theme.background))
        return self._marker_cache[key]

    def draw_lines(self, panel: Panel, pdata: PanelData, shown: list[SeriesData], theme: Theme,
                   ds: Dataset, lang: str, font: QFont,
                   cells: Mapping[str, Sequence[list[Observation]]] | None = None) -> list[float]:
        """Series that share a style (styles repeat after eight) share one curve, split by NaN;
        all markers of the panel are one item with a symbol, pen and fill per point (hollow
        where the value is rounded), given as two styles per series style and each point's
        index among them (see markers.py), and drawn from pyqtgraph's symbol atlas."""
        import numpy as np

        from meldpunt_gui.ui.chart.legend import LegendEntry
        from meldpunt_gui.ui.chart.markers import Markers

        self.clear_stack(panel)
        entries: list[LegendEntry] = []
        ys_all: list[float] = []
        by_style: dict[SeriesStyle, list[tuple[Any, Any]]] = {}
        mx: list[Any] = []
        my: list[Any] = []
        which: list[Any] = []  # per series, each marker's index in `marks`
        marks: list[tuple[Any, Any, Any]] = []  # (symbol, pen, brush): filled, then hollow
        mark_index: dict[tuple[str, str], int] = {}
        for data in shown:
            style = series_style(data.style_index, theme.name)
            x = np.asarray(data.x, dtype=float)
            y = np.asarray(data.y, dtype=float)
            if pdata.log:
                with np.errstate(invalid="ignore", divide="ignore"):
                    y = np.log10(y)
            by_style.setdefault(style, []).append(_broken_at_breaks(ds, data, x, y, np))
            ok = ~np.isnan(y)
            first = mark_index.get((style.symbol, style.colour))
            if first is None:
                pen, fill, hollow = self._marker_styles(style, theme)
                first = mark_index[(style.symbol, style.colour)] = len(marks)
                marks += [(style.symbol, pen, fill), (style.symbol, pen, hollow)]
            approx = np.asarray(data.approximate, dtype=bool)[ok]
            mx.append(x[ok])
            my.append(y[ok])
            which.append(first + approx.astype(np.intp))
            ys_all += my[-1].tolist()
            entries.append(LegendEntry(shorten(ds.metrics[data.metric].label.get(lang)),
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
        empty = np.empty(0)
        panel.markers.set_styled(np.concatenate([empty, *mx]), np.concatenate([empty, *my]), marks,
                                 np.concatenate([np.empty(0, dtype=np.intp), *which]))
        panel.markers.setVisible(True)
        self._draw_status_marks(panel, shown, pdata.log, theme, ds, cells or {})
        panel.legend.set_entries(entries, font, theme.foreground)
        return ys_all

    def _draw_status_marks(self, panel: Panel, shown: list[SeriesData], log: bool, theme: Theme,
                           ds: Dataset, cells: Mapping[str, Sequence[list[Observation]]]) -> None:
        """Forecast, partial-year, secondary and draft values get their sign beside the
        marker (the same sign as in the table and the key under the chart). `cells`: per
        metric its values in each of the view's periods, where the view has looked them up."""
        from meldpunt_gui.text.marks import STATUS_MARKS
        from meldpunt_gui.ui.chart.markers import break_symbol, glyph_symbol

        xs: list[float] = []
        ys: list[float] = []
        symbols: list[Any] = []
        for data in shown:
            column = cells.get(data.metric)
            if column is not None and len(column) == len(data.periods):
                values = [c[0] if c else None for c in column]
            else:  # one lookup of the series' cells, not one per point
                values = ds.shown_in(data.metric, data.periods)
            for period, x, y, obs in zip(data.periods, data.x, data.y, values):
                if obs is None or obs.status not in STATUS_MARKS or math.isnan(y):
                    continue
                xs.append(x)
                ys.append(math.log10(y) if log and y > 0 else y)
                if obs.status not in self._glyphs:
                    self._glyphs[obs.status] = glyph_symbol(STATUS_MARKS[obs.status])
                symbols.append(self._glyphs[obs.status])
                self.status_points[(data.metric, period)] = obs.status
            for k in break_positions(ds, data.metric, data.periods):  # '‖' where no line joins them
                before, after = data.y[k - 1], data.y[k]
                if math.isnan(before) or math.isnan(after) or (log and min(before, after) <= 0):
                    continue  # no line either side: nothing that could read as a gap
                xs.append((data.x[k - 1] + data.x[k]) / 2)
                ys.append((math.log10(before) + math.log10(after)) / 2 if log else (before + after) / 2)
                if BREAK not in self._glyphs:
                    self._glyphs[BREAK] = break_symbol()
                symbols.append(self._glyphs[BREAK])
        if panel.status_marks is None:
            panel.status_marks = self.pg.ScatterPlotItem(size=SYMBOL_PX * 2.6, pxMode=True)
            panel.status_marks.setZValue(5)
            panel.plot.addItem(panel.status_marks)
        panel.status_marks.setData(x=xs, y=ys, symbol=symbols,
                                   pen=self.pg.mkPen(theme.foreground, width=0.5),
                                   brush=self.pg.mkBrush(theme.foreground))
        panel.status_marks.setVisible(bool(xs))

    @staticmethod
    def clear_stack(panel: Panel) -> None:
        for item in panel.stack_items:
            panel.plot.removeItem(item)
        panel.stack_items = []

    def draw_stack(self, panel: Panel, pdata: PanelData, styles: Sequence[int], theme: Theme,
                   ds: Dataset, lang: str, font: QFont) -> list[float]:
        """Parts of a whole as stacked bars (hatched where rounded), the whole as a marker."""
        pg = self.pg
        import numpy as np

        from meldpunt_gui.ui.chart.legend import LegendEntry

        self.clear_stack(panel)
        for item in [*panel.lines, panel.markers, panel.status_marks]:
            if item is not None:
                item.setVisible(False)
        periods = pdata.lines[0].periods if pdata.lines else []
        x = np.asarray([p.x for p in periods], dtype=float)
        width = 0.3 if periods and periods[0].half else 0.6
        base = np.zeros(len(periods))
        tops: list[float] = []
        entries: list[LegendEntry] = []
        for line, style_index in zip(pdata.lines, styles):
            style = series_style(style_index, theme.name)
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
            entries.append(LegendEntry(shorten(ds.metrics[line.metric].label.get(lang)),
                                       style.colour, "bar"))
        if pdata.whole is not None:
            w = np.asarray(pdata.whole.values, dtype=float)
            okw = ~np.isnan(w)
            panel.stack_items.append(pg.ScatterPlotItem(
                x=x[okw], y=w[okw], symbol="x", size=12, pen=pg.mkPen(theme.foreground, width=2),
                brush=pg.mkBrush(None)))
            entries.append(LegendEntry(shorten(ds.metrics[pdata.whole.metric].label.get(lang)),
                                       theme.foreground, "marker", "x"))
            tops.extend(float(v) for v in w[okw])
        for item in panel.stack_items:
            panel.plot.addItem(item)
        panel.legend.set_entries(entries, font, theme.foreground)
        return tops
