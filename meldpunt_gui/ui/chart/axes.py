"""Axis items that speak the reader's language: whole years, Dutch grouping, the unit's sign.

Imported only after pyqtgraph has loaded (see chart.py), never at window start-up.
"""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QRectF

from meldpunt_gui.model.domain import Unit
from meldpunt_gui.text.formatting import format_number, format_year, tick_decimals

YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50)


def year_ticks(first: float, last: float, pixels: float, min_px: float = 42.0) -> tuple[int, list[int]]:
    """Whole years only, at a step that leaves room for a four-digit label."""
    span = max(last - first, 1e-9)
    step = next((s for s in YEAR_STEPS if s * pixels / span >= min_px), YEAR_STEPS[-1])
    start = math.ceil(first / step) * step
    return step, list(range(int(start), int(math.floor(last)) + 1, step))


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
