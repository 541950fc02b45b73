"""Changes against the comparable earlier period, for a whole series at once.

`Dataset.change` answers for one period. The chart in words asks about every period of every
series shown on each change of selection, so these look each value and its base up in the
series' per-half lookup (`Dataset.shown_by_half`): no earlier period is made and hashed for
each value, and the largest change is sized from the values without a `Change` made for each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from meldpunt_gui.model.values import Change, Observation, Period
from meldpunt_gui.model.vocabulary import FORECAST

if TYPE_CHECKING:
    from meldpunt_gui.model.domain import Dataset


def change_between(cur: Observation | None, base_p: Period, base: Observation | None,
                   points: bool) -> Change | None:
    """The change of `cur` against `base` (of `base_p`); in points too for a percentage. None
    where the two make no change anyone can quote (`not_comparable`)."""
    if cur is None or base is None or not comparable(cur, base):
        return None
    pct = None if base.value == 0 else (cur.value - base.value) / abs(base.value) * 100.0
    return Change(base_p, base, pct, cur.value - base.value if points else None,
                  cur.approximate or base.approximate)


def not_comparable(cur: Observation, base: Observation) -> str:
    """Why no change is worked out between these two values, or '' where one is: "forecast"
    (an expectation is no count to rise or fall from), "rounded_apart" (two rounded figures from
    two publications: "ruim 500.000" against "ruim 600.000" is anything from about 0% to 20%,
    and no source said either), "within_rounding"."""
    if cur.status == FORECAST or base.status == FORECAST:
        return "forecast"
    if cur.approximate and base.approximate and cur.source != base.source:
        return "rounded_apart"
    if (cur.approximate or base.approximate) and \
            abs(cur.value - base.value) <= rounding_margin(cur) + rounding_margin(base):
        # 'just over 300.000' against 307.021 is anything from a small fall to 2% more: the
        # difference is no bigger than the rounding, so "ca. +2%" would say more than is known
        return "within_rounding"
    return ""


def rounding_margin(obs: Observation) -> float:
    """How far a rounded value may lie from the truth, read from its last non-zero digit
    (300.000: 50.000; 145.000: 500; 8.100: 50); 0 for an exact value. A source's "ruim" or
    "bijna" is not in the data, so the margin is taken on both sides."""
    if not obs.approximate or obs.value != int(obs.value) or obs.value == 0:
        return 0.0
    step, value = 1, abs(int(obs.value))
    while value % (step * 10) == 0:
        step *= 10
    return step / 2 if step > 1 else 0.0


def no_change_reason(ds: Dataset, metric: str, period: Period) -> tuple[str, Observation | None]:
    """Why `period` of `metric` has no change, with the earlier value it was not compared with
    (None where there is none): "" where `Dataset.change` gives one; "break" (the series counts
    `period` differently); "forecast" (this value is an expectation); "no_base" (no value for
    the comparable earlier period); "base_forecast" (the earlier value is the expectation);
    "rounded_apart"; "within_rounding" (the difference is no bigger than a rounded value's
    rounding). The key figure, the tooltip and the readout all word this one answer."""
    if ds.change(metric, period) is not None:
        return "", None
    base_p = period.comparable_before()
    cur, base = ds.shown(metric, period), ds.shown(metric, base_p)
    if not counted_alike(ds, metric, period):
        return "break", base
    if cur is None:
        return "", None
    if cur.status == FORECAST:  # an expectation: nothing to compare, whatever came before
        return "forecast", base
    if base is None:
        return "no_base", None
    base = same_source_base(ds, metric, cur, base_p, base)
    why = not_comparable(cur, base)
    return ("base_forecast" if why == "forecast" else why), base


def comparable(cur: Observation, base: Observation) -> bool:
    return not not_comparable(cur, base)


def same_source_base(ds: Dataset, metric: str, cur: Observation, base_p: Period,
                     shown: Observation) -> Observation:
    """The earlier value a change is worked out from: the one the later value's own source gives
    for that period, where it gives one that fits the series, else the shown one. A change then
    says what one publication said (750 referrals in 2007 against its own 'about 100' for 2006,
    not against another source's 71: a rise of 956% that nobody published)."""
    if shown.source == cur.source:
        return shown
    for alt in ds.alternatives(metric, base_p):
        if alt.source == cur.source and not alt.off_definition:
            return alt
    return shown


def _breaks(ds: Dataset, metric: str) -> frozenset[Period]:
    m = ds.metrics.get(metric)
    return m.breaks if m is not None else frozenset()


def break_positions(ds: Dataset, metric: str, periods: Sequence[Period]) -> list[int]:
    """The places k in `periods` where the series counts differently from periods[k - 1] on:
    the chart draws no line there, and its key says why."""
    breaks = _breaks(ds, metric)
    return [k for k in range(1, len(periods)) if periods[k] in breaks] if breaks else []


def counted_alike(ds: Dataset, metric: str, period: Period) -> bool:
    """False where `metric` counts `period` differently from the period before (a break its
    note names: another unit, another denominator, only part of the flow): a change across it
    would compare two kinds of count, so none is worked out there."""
    return period not in _breaks(ds, metric)


def changes(ds: Dataset, metric: str, periods: Iterable[Period]) -> list[Change | None]:
    """`ds.change` for each period in turn."""
    by = ds.shown_by_half(metric)
    points = ds.unit_of(metric).in_points
    breaks = _breaks(ds, metric)
    out: list[Change | None] = []
    for period in periods:
        cur, base = by.get((period.year, period.half)), by.get((period.year - 1, period.half))
        out.append(None if cur is None or base is None or period in breaks
                   else change_between(cur[1], base[0],
                                       same_source_base(ds, metric, cur[1], base[0], base[1]), points))
    return out


def largest_change(ds: Dataset, metric: str, periods: Iterable[Period]) -> Change | None:
    """Of `changes` for these periods, the largest in size (in points for a percentage, else
    the percentage; the first of equal ones; none where the base is 0 and the size is a
    percentage). The chart in words says only this one, so the others are sized from the
    values and never made."""
    by = ds.shown_by_half(metric)
    points = ds.unit_of(metric).in_points
    breaks = _breaks(ds, metric)
    best: tuple[Observation, tuple[Period, Observation]] | None = None
    best_size = -1.0
    for period in periods:
        cur, base = by.get((period.year, period.half)), by.get((period.year - 1, period.half))
        if cur is None or base is None or period in breaks:
            continue
        base = (base[0], same_source_base(ds, metric, cur[1], base[0], base[1]))
        if not comparable(cur[1], base[1]):
            continue
        was = base[1].value
        if points:
            size = abs(cur[1].value - was)
        elif was == 0:
            continue
        else:
            size = abs((cur[1].value - was) / abs(was) * 100.0)
        if size > best_size:
            best_size, best = size, (cur[1], base)
    return None if best is None else change_between(best[0], best[1][0], best[1][1], points)
