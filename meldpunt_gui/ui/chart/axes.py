"""Axis items that speak the reader's language: whole years, Dutch grouping, the unit's sign.

Imported only after pyqtgraph has loaded (see chart.py), never at window start-up.
"""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from meldpunt_gui.model.domain import Unit
from meldpunt_gui.text.formatting import format_number, format_year, tick_decimals

YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50)
DECADE_STEPS = (1, 2, 3, 5, 10)  # every decade labelled, or every second, third ...
# the values labelled within a decade on a log axis, the fullest set that leaves room first
LOG_DIGITS = ((2, 3, 4, 5, 6, 7, 8, 9), (2, 5), (2,), (5,), (3,))


def year_ticks(first: float, last: float, pixels: float, min_px: float = 42.0) -> tuple[int, list[int]]:
    """Whole years only, at a step that leaves room for a four-digit label."""
    span = max(last - first, 1e-9)
    step = next((s for s in YEAR_STEPS if s * pixels / span >= min_px), YEAR_STEPS[-1])
    start = math.ceil(first / step) * step
    return step, list(range(int(start), int(math.floor(last)) + 1, step))


def log_ticks(lo: float, hi: float, pixels: float, min_px: float) -> list[tuple[float | None, list[float]]]:
    """Tick levels for a log axis from exponent `lo` to `hi` over `pixels`: whole powers of ten
    (every one, or every second, third ...) and between them as many of 2, 5 or all of 2-9
    times a power as leave `min_px` between any two labels. pyqtgraph put all of 2-9 in every
    decade, whatever the height: on a panel of 120 px they lay on top of each other."""
    span = hi - lo
    if not span > 0 or not pixels > 0:
        return []
    per = pixels / span  # pixels per decade
    step = next((s for s in DECADE_STEPS if s * per >= min_px), DECADE_STEPS[-1])
    powers = [float(v) for v in range(math.ceil(lo), math.floor(hi) + 1) if v % step == 0]
    if step * per < min_px and len(powers) > 1:  # not even every tenth power fits: just one
        powers = [powers[len(powers) // 2]]
    decades = range(math.floor(lo), math.ceil(hi))
    for digits in LOG_DIGITS if step == 1 else ():
        minor = [v + math.log10(d) for v in decades for d in digits if lo <= v + math.log10(d) <= hi]
        ticks = sorted(powers + minor)
        if minor and all((b - a) * per >= min_px for a, b in zip(ticks, ticks[1:])):
            return [(1.0, powers), (None, minor)]
    if powers:
        return [(float(step), powers)]
    # within one decade and too short for two labels: the one value nearest the middle (none
    # where the range lies between two of 1-9 times a power)
    middle = (lo + hi) / 2
    inside = [v + math.log10(d) for v in decades for d in range(1, 10) if lo <= v + math.log10(d) <= hi]
    return [(None, [min(inside, key=lambda v: abs(v - middle))])] if inside else []


class YearAxis(pg.AxisItem):
    """Never 2019.5, never 2.019."""

    def __init__(self, orientation: str, **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)  # or every new range typesets the (empty) label again

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        step, years = year_ticks(minVal, maxVal, size)
        return [(float(step), [float(y) for y in years])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [format_year(int(round(v))) for v in values]


class ValueAxis(pg.AxisItem):
    """Grouped numbers in the chosen language; whole ticks for counts; '%' for percentages."""

    def __init__(self, unit: Unit | None, lang: str, **kwargs: Any) -> None:
        """`unit` may be given later (the chart reuses its axes when the unit changes)."""
        super().__init__("left", **kwargs)
        self.unit = unit
        self.lang = lang
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        levels: list[tuple[float, list[float]]] = super().tickValues(minVal, maxVal, size)
        if self.unit is None or self.unit.kind != "count" or self.logMode:
            return levels
        out: list[tuple[float, list[float]]] = []
        for spacing, values in levels:
            if spacing < 1:
                continue
            out.append((spacing, [v for v in values if abs(v - round(v)) < 1e-9]))
        if not out:
            out = [(1.0, [float(v) for v in range(math.ceil(minVal), math.floor(maxVal) + 1)])]
        return out

    def logTickValues(self, minVal: float, maxVal: float, size: float,
                      stdTicks: list[tuple[float, list[float]]]) -> list[tuple[float | None, list[float]]]:
        """Labels on a log axis only as close as a line of text (see log_ticks)."""
        levels = log_ticks(minVal, maxVal, size, QFontMetricsF(self.font()).height() + 4)
        if not any(values for _spacing, values in levels):  # a range inside one step of 1-9
            levels = super().logTickValues(minVal, maxVal, size, stdTicks)
        return levels

    def boundingRect(self) -> QRectF:
        """With a grid, pyqtgraph drops a label that pokes past the axis end (the 0 at the
        bottom); leave room for half a line of text at both ends."""
        rect: QRectF = super().boundingRect().adjusted(0, -10, 0, 10)
        return rect

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        kind = self.unit.kind if self.unit is not None else ""
        suffix = "%" if kind in ("percent", "change") else ""
        if self.logMode:  # pyqtgraph hands over exponents on a log axis
            return [format_number(10 ** v, self.lang, 0 if v >= 0 else tick_decimals(10 ** v))
                    + suffix for v in values]
        decimals = 0 if kind == "count" else tick_decimals(spacing)
        return [format_number(v, self.lang, decimals) + suffix for v in values]
