"""The series a chart draws, as plain numbers, so tests and the accessible text read what is on
screen without scraping pyqtgraph items."""

from __future__ import annotations

import math
from dataclasses import dataclass

from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.transforms import ChartData


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


def series_of(data: ChartData) -> list[SeriesData]:
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
