"""What the chart draws for a view mode: absolute values, an index, changes, or a log scale.

Computed here, without Qt, so the arithmetic (base year = 100, % change against the comparable
earlier period, percentage points for percentages) is tested on its own and the chart only draws.
Whenever a mode puts different units or counting definitions side by side, a note says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from meldpunt_gui.model.domain import Dataset, Observation, Period, Text, Unit
from meldpunt_gui.model.view import ViewState, index_base, panels, selected_periods
from meldpunt_gui.model.vocabulary import DEFINITIONS
from meldpunt_gui.text.formatting import format_period


def index_unit(base: Text) -> Unit:
    """The index panel's unit, naming its base: 'index (2021 = 100)' says which year is 100 on
    the axis itself, and is short enough not to be cut on a low panel."""
    return Unit("index", "rate", Text(f"index ({base.nl} = 100)", f"index ({base.en} = 100)"), 1)
CHANGE_UNIT = Unit("change", "change", Text("% verandering ten opzichte van eerdere periode",
                                            "% change on the earlier period"), 1)
POINTS_UNIT = Unit("points", "rate", Text("verandering in procentpunten",
                                          "change in percentage points"), 1)


@dataclass
class Line:
    metric: str
    periods: list[Period]
    values: list[float]  # NaN = no value (a gap)
    approximate: list[bool]


def has_gap(values: Sequence[float]) -> bool:
    """A missing value between two values: the line stops there (the key says what that means)."""
    seen_value = seen_gap = False
    for v in values:
        if math.isnan(v):
            seen_gap = seen_value
        elif seen_gap:
            return True
        else:
            seen_value = True
    return False


@dataclass
class PanelData:
    unit: Unit
    lines: list[Line]
    log: bool = False
    stacked: bool = False  # lines are parts of a whole, drawn as stacked bars
    whole: Line | None = None  # the whole's own published value, drawn as a marker to compare


@dataclass
class ChartData:
    panels: list[PanelData]
    notes: list[Text] = field(default_factory=list)
    # series whose lines count different things on one axis (index, change): the note says so,
    # and an exported chart then writes out what each counts
    compared: tuple[str, ...] = ()
    index_base: Period | None = None  # in the index mode: the period that is 100 (view.index_base)


def _raw(ds: Dataset, metric: str, periods: list[Period],
         known: Sequence[Observation | None] | None = None) -> Line:
    shown = known if known is not None and len(known) == len(periods) else ds.shown_in(metric, periods)
    vals = [math.nan if obs is None else obs.value for obs in shown]
    approx = [obs is not None and bool(obs.approximate) for obs in shown]
    return Line(metric, list(periods), vals, approx)


def chart_data(ds: Dataset, state: ViewState,
               shown: Mapping[str, Sequence[Observation | None]] | None = None) -> ChartData:
    """What the chart draws for `state`. `shown`: per metric its shown value in each selected
    period, where the caller has looked them up already (the values drawn as they are)."""
    periods = selected_periods(ds, state)
    known = shown or {}
    mode = getattr(state, "mode", "absolute")
    if mode == "index":
        return _index(ds, state, periods)
    if mode == "change":
        return _change(ds, state, periods)
    if mode in ("parts", "shares"):
        return _parts(ds, state, periods, shares=mode == "shares")
    out = ChartData([PanelData(ds.units[p.unit], [_raw(ds, m, periods, known.get(m)) for m in p.metrics],
                               log=mode == "log") for p in panels(ds, state.metrics)])
    if mode == "log":
        out.notes.append(Text("Logaritmische schaal: elke stap omhoog is een vermenigvuldiging.",
                              "Log scale: each step up is a multiplication."))
    return out


def _index(ds: Dataset, state: ViewState, periods: list[Period]) -> ChartData:
    base_p = index_base(ds, state)
    base_name = Text(format_period(base_p, "nl"), format_period(base_p, "en"))
    lines, notes = [], []
    for mid in state.metrics:
        if mid not in ds.metrics:
            continue
        raw = _raw(ds, mid, periods)
        base = ds.shown(mid, base_p)
        label = ds.metrics[mid].label
        if base is None or base.value == 0:
            notes.append(Text(f"{label.nl}: geen waarde in {base_name.nl}, het basisjaar; kies een ander "
                              f"basisjaar.",
                              f"{label.en}: no value in {base_name.en}, the base year; pick another "
                              f"base year."))
            continue
        raw.values = [v / base.value * 100 if not math.isnan(v) else math.nan for v in raw.values]
        breaks = ds.metrics[mid].breaks
        if breaks:
            notes.extend(_index_within_breaks(raw, base_p, breaks, label))
        lines.append(raw)
    guard = _unit_guard(ds, [ln.metric for ln in lines])
    notes.extend(guard)
    return ChartData([PanelData(index_unit(base_name), lines)] if lines else [], notes,
                     tuple(ln.metric for ln in lines) if guard else (), index_base=base_p)


def _listed(items: list[str], last: str) -> str:
    """'2018', '2018 en 2022', '2015, 2018 en 2022'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def _index_within_breaks(line: Line, base: Period, breaks: frozenset[Period],
                         label: Text) -> list[Text]:
    """An index compares a value with the base year's, so only values the series counts as it
    counted the base year keep one: a series that counts differently from a period on (a break)
    has no index across it. Drops the others from `line`; a note names the breaks."""
    def stretch(p: Period) -> int:  # breaks up to p: periods with the same count are comparable
        return sum(1 for b in breaks if b <= p)

    home = stretch(base)
    crossed: set[Period] = set()
    for k, (p, v) in enumerate(zip(line.periods, line.values)):
        if stretch(p) != home:
            if not math.isnan(v):
                lo, hi = (base, p) if base < p else (p, base)
                crossed.update(b for b in breaks if lo < b <= hi)
            line.values[k] = math.nan
    if not crossed:
        return []
    when = [str(b) for b in sorted(crossed)]
    nl, en = _listed(when, "en"), _listed(when, "and")
    return [Text(f"{label.nl}: de reeks telt in {nl} anders dan de periode ervoor (een breuk in de "
                 f"reeks); de index staat alleen bij perioden die net zo tellen als het basisjaar.",
                 f"{label.en}: the series counts differently in {en} from the period before (a "
                 f"break in the series); the index is shown only for periods counted as in the "
                 f"base year.")]


def _change(ds: Dataset, state: ViewState, periods: list[Period]) -> ChartData:
    """% change for counts, percentage points for percentages: two panels, never mixed."""
    pct_lines: list[Line] = []
    pt_lines: list[Line] = []
    for mid in state.metrics:
        if mid not in ds.metrics:
            continue
        is_pct = ds.unit_of(mid).in_points
        vals, approx = [], []
        for p in periods:
            ch = ds.change(mid, p)
            v = (ch.points if is_pct else ch.pct) if ch else None
            vals.append(math.nan if v is None else v)
            cur = ds.shown(mid, p)
            approx.append(bool(ch and cur and (cur.approximate or ch.base.approximate)))
        (pt_lines if is_pct else pct_lines).append(Line(mid, list(periods), vals, approx))
    out = []
    if pct_lines:
        out.append(PanelData(CHANGE_UNIT, pct_lines))
    if pt_lines:
        out.append(PanelData(POINTS_UNIT, pt_lines))
    notes = [Text("Verandering ten opzichte van het jaar ervoor (bij halfjaren: hetzelfde halfjaar een jaar "
                  "eerder); leeg waar een van beide waarden ontbreekt of waar de reeks anders "
                  "gaat tellen dan de periode ervoor (een breuk in de reeks).",
                  "Change on the year before (for half-years: the same half a year earlier); "
                  "empty where either value is missing or where the series starts counting "
                  "differently from the period before (a break in the series).")]
    guard = _unit_guard(ds, [ln.metric for ln in pct_lines])
    notes.extend(guard)
    return ChartData(out, notes, tuple(ln.metric for ln in pct_lines) if guard else ())


def _unit_guard(ds: Dataset, metrics: list[str]) -> list[Text]:
    """Lines of different series on one axis get a note: they count different things. It names
    the units compared and sends the reader to the definitions (beside the chart in the window,
    under it in an export), which say what each series counts; written out here, four
    definitions filled the space above a laptop's chart and pushed the chart below the fold."""
    if len(metrics) < 2:
        return []
    units = list(dict.fromkeys(ds.unit_of(m).label for m in metrics))
    where = Text(f"wat elke reeks telt, staat onder ‘{DEFINITIONS.nl}’",
                 f"what each series counts is under ‘{DEFINITIONS.en}’")
    if len(units) == 1:
        return [Text(f"Let op: deze lijnen tellen elk iets anders (alle in {units[0].nl}) en staan "
                     f"alleen als verhouding naast elkaar; {where.nl}.",
                     f"Note: these lines each count something else (all in {units[0].en}) and are "
                     f"only compared as ratios; {where.en}.")]
    return [Text(f"Let op: deze lijnen tellen verschillende dingen "
                 f"({'; '.join(u.nl for u in units)}) en staan alleen als verhouding naast "
                 f"elkaar; {where.nl}.",
                 f"Note: these lines count different things ({'; '.join(u.en for u in units)}) "
                 f"and are only compared as ratios; {where.en}.")]


SHARE_UNIT = Unit("share", "percent", Text("% van het totaal", "% of the total"), 1)


def _parts(ds: Dataset, state: ViewState, periods: list[Period], shares: bool) -> ChartData:
    """Parts of a whole as stacked bars, absolute or as shares of their sum; the whole's own
    value is drawn beside them so a reader sees whether the parts add up."""
    wholes: list[str] = []
    for mid in state.metrics:
        metric = ds.metrics.get(mid)
        if metric is None:
            continue
        whole = mid if ds.parts_of(mid) else metric.part_of
        if whole and whole not in wholes:
            wholes.append(whole)
    out = ChartData([])
    for whole in wholes:
        lines = [_raw(ds, part, periods) for part in ds.parts_of(whole)]
        if shares:
            for i in range(len(periods)):
                total = sum(v for ln in lines if not math.isnan(v := ln.values[i]))
                complete = all(not math.isnan(ln.values[i]) for ln in lines)
                for ln in lines:
                    v = ln.values[i]
                    ln.values[i] = v / total * 100 if complete and total else math.nan
        unit = SHARE_UNIT if shares else ds.unit_of(whole)
        out.panels.append(PanelData(unit, lines, stacked=True,
                                    whole=None if shares else _raw(ds, whole, periods)))
    if not wholes:
        out.notes.append(Text("Geen van de gekozen reeksen is in delen uitgesplitst; kies "
                              "bijvoorbeeld Meldingen totaal.",
                              "None of the chosen series is split into parts; choose for example "
                              "Total reports."))
    else:
        out.notes.append(Text("Staven: de delen op elkaar gestapeld; alleen jaren waarin elk deel "
                              "bekend is tellen als volledig.",
                              "Bars: the parts stacked; only years in which every part is known "
                              "count as complete."))
    return out
