"""The series a chart draws, as plain numbers, so tests and the accessible text read what is on
screen without scraping pyqtgraph items."""

from __future__ import annotations

import math
from collections.abc import Sequence
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
    style_index: int  # its series style (palette.series_style): its place in the selection
    panel: int = 0
    log: bool = False


def series_of(data: ChartData, order: Sequence[str] = ()) -> list[SeriesData]:
    """What each panel shows, as plain numbers: lines as they are (NaN for a gap, and for
    values a log axis cannot show), stacked parts as the tops of their bars. A series' style
    is its place in `order` (the selection), whatever panel or mode it is drawn in: numbered
    across the panels, a series added to an earlier panel gave every later one another colour
    and marker."""
    out: list[SeriesData] = []
    places = {m: i for i, m in enumerate(dict.fromkeys(order))}
    extra = len(places)  # series outside `order` follow it

    def style_of(metric: str) -> int:
        nonlocal extra
        if metric not in places:
            places[metric] = extra
            extra += 1
        return places[metric]

    for index, panel in enumerate(data.panels):
        unit = panel.unit.id
        if panel.stacked:
            periods = panel.lines[0].periods if panel.lines else []
            base = [0.0] * len(periods)
            for line in panel.lines:
                tops = [b + v if not math.isnan(v) else math.nan for b, v in zip(base, line.values)]
                base = [b + (0.0 if math.isnan(v) else v) for b, v in zip(base, line.values)]
                out.append(SeriesData(line.metric, unit, list(periods), [p.x for p in periods],
                                      tops, list(line.approximate), style_of(line.metric), index))
        else:
            for line in panel.lines:
                values = [math.nan if panel.log and v <= 0 else float(v) for v in line.values]
                out.append(SeriesData(line.metric, unit, line.periods, [p.x for p in line.periods],
                                      values, line.approximate, style_of(line.metric), index, panel.log))
    return out
