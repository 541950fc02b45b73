"""What the user has selected, and what follows from it: periods, panels, defaults.

Kept apart from Qt so the command line (`export`, `screenshot`) and the window resolve a
selection the same way, and so the rules (one panel per unit, half-years never joined to years)
are tested without a window.
"""

from __future__ import annotations

from meldpunt_gui.model.domain import Dataset, Granularity, Period
from meldpunt_gui.model.values import Frozen
from meldpunt_gui.model.vocabulary import DEFAULT_MODE, YEAR_MAX, YEAR_MIN, in_year_range

_set = object.__setattr__  # frozen: set once, in __init__

DEFAULT_METRICS = ("reports_total",)


class SelectionError(ValueError):
    """A selection the data cannot satisfy; the message is bilingual (nl, en)."""

    def __init__(self, nl: str, en: str):
        super().__init__(en)
        self.nl, self.en = nl, en

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class ViewState(Frozen):
    """What the user picked; frozen, changed through `with_` (values.Frozen)."""

    __slots__ = ("metrics", "first_year", "last_year", "excluded_years", "granularity", "tab",
                 "show_events", "all_events", "mode", "base_year", "story")
    metrics: tuple[str, ...]
    first_year: int | None  # None = first year with data
    last_year: int | None
    excluded_years: frozenset[int]
    granularity: Granularity
    tab: str
    show_events: bool
    all_events: bool  # every event in range, not only those touching the series
    mode: str  # one of vocabulary.MODES
    base_year: int | None  # for the index; None = first year in range
    story: str  # the story this view came from, if any

    def __init__(self, metrics: tuple[str, ...] = DEFAULT_METRICS, first_year: int | None = None,
                 last_year: int | None = None, excluded_years: frozenset[int] = frozenset(),
                 granularity: Granularity = "year", tab: str = "chart", show_events: bool = True,
                 all_events: bool = False, mode: str = DEFAULT_MODE, base_year: int | None = None,
                 story: str = "") -> None:
        _set(self, "metrics", metrics)
        _set(self, "first_year", first_year)
        _set(self, "last_year", last_year)
        _set(self, "excluded_years", excluded_years)
        _set(self, "granularity", granularity)
        _set(self, "tab", tab)
        _set(self, "show_events", show_events)
        _set(self, "all_events", all_events)
        _set(self, "mode", mode)
        _set(self, "base_year", base_year)
        _set(self, "story", story)


class Panel(Frozen):
    """One chart panel: the metrics that share a unit."""

    __slots__ = ("unit", "metrics")
    unit: str
    metrics: tuple[str, ...]

    def __init__(self, unit: str, metrics: tuple[str, ...]) -> None:
        _set(self, "unit", unit)
        _set(self, "metrics", metrics)


def data_years(ds: Dataset, metrics: tuple[str, ...], granularity: Granularity) -> tuple[int, int] | None:
    years: list[int] = []
    for m in metrics:
        ends = ds.year_ends(m, granularity) if m in ds.metrics else None
        if ends is not None:
            years += ends
    return (min(years), max(years)) if years else None


def year_range(ds: Dataset, state: ViewState) -> tuple[int, int]:
    """The years on the axis: the chosen range, or the span of the selected data; never outside
    the years a period may name (YEAR_MIN-YEAR_MAX), whatever a settings file, a story or a
    store holds: a range to the year 10.000.000 made every view of it millions of periods."""
    span = data_years(ds, state.metrics, state.granularity) or ds.year_span()
    first = state.first_year if state.first_year is not None else span[0]
    last = state.last_year if state.last_year is not None else span[1]
    if first > last:
        first, last = last, first
    return min(max(first, YEAR_MIN), YEAR_MAX), max(min(last, YEAR_MAX), YEAR_MIN)


def selected_periods(ds: Dataset, state: ViewState) -> list[Period]:
    """Every period in range, including empty ones, so a missing year shows as a gap."""
    first, last = year_range(ds, state)
    years = [y for y in range(first, last + 1) if y not in state.excluded_years]
    if state.granularity == "half":
        return [Period(y, h) for y in years for h in (1, 2)]
    return [Period(y) for y in years]


def index_base(ds: Dataset, state: ViewState) -> Period:
    """The period an index is 100 in: the chosen base year (its first half in a half-year view),
    or else the first period in view where every selected series has a value counted as its
    latest value in view is (no break between them, so the index reaches the latest figure);
    failing that, the first where every series has a value, then where any has one. The first
    year of the range was the default, so a view from 1996 opened on an empty chart ("geen
    waarde in basisjaar 1996")."""
    half = 1 if state.granularity == "half" else 0
    if state.base_year:
        return Period(state.base_year, half)
    known = [m for m in state.metrics if m in ds.metrics]
    periods = selected_periods(ds, state)
    has = {m: [p for p in periods if ds.shown(m, p) is not None] for m in known}

    def alike_latest(m: str, p: Period) -> bool:  # no break between p and the series' latest value
        return not has[m] or not any(p < b <= has[m][-1] for b in ds.metrics[m].breaks)

    tests = ((lambda p: all(p in has[m] and alike_latest(m, p) for m in known)),
             (lambda p: all(p in has[m] for m in known)),
             (lambda p: any(p in has[m] for m in known)))
    for test in tests if known else ():
        found = next((p for p in periods if test(p)), None)
        if found is not None:
            return found
    return Period(year_range(ds, state)[0], half)


def periods_with_values(ds: Dataset, state: ViewState) -> list[Period]:
    """Selected periods that hold at least one shown value (columns of the table, export rows)."""
    return [p for p in selected_periods(ds, state)
            if any(ds.shown(m, p) is not None for m in state.metrics if m in ds.metrics)]


def panels(ds: Dataset, metrics: tuple[str, ...]) -> list[Panel]:
    """Group metrics by unit, in order of first selection: counts of different things and
    percentages never share a y axis."""
    order: list[str] = []
    groups: dict[str, list[str]] = {}
    for mid in metrics:
        metric = ds.metrics.get(mid)
        if metric is None:
            continue
        if metric.unit not in groups:
            order.append(metric.unit)
            groups[metric.unit] = []
        groups[metric.unit].append(mid)
    return [Panel(u, tuple(groups[u])) for u in order]


def validate(ds: Dataset, state: ViewState) -> ViewState:
    """Drop unknown metrics (e.g. from old settings); fall back to the default view."""
    metrics = tuple(m for m in dict.fromkeys(state.metrics) if m in ds.metrics)
    if not metrics:
        metrics = tuple(m for m in DEFAULT_METRICS if m in ds.metrics)
    return state.with_(metrics=metrics)


def fit_granularity(ds: Dataset, state: ViewState) -> ViewState:
    """Metrics with only half-year (or only year) figures switch the view to where their data
    is, instead of showing an empty chart; the two are never drawn as one line."""
    have: set[str] = set()
    for m in state.metrics:
        if m in ds.metrics:
            have |= set(ds.granularities(m))
    if have and state.granularity not in have:
        return state.with_(granularity=sorted(have)[0])
    return state


def parse_metric_list(ds: Dataset, text: str) -> tuple[str, ...]:
    ids = tuple(t.strip() for t in text.split(",") if t.strip())
    unknown = [i for i in ids if i not in ds.metrics]
    if unknown:
        raise SelectionError(
            f"Onbekende reeks: {', '.join(unknown)}. Zie 'meldpunt list-metrics'.",
            f"Unknown series: {', '.join(unknown)}. See 'meldpunt list-metrics'.",
        )
    if not ids:
        raise SelectionError("Geen reeks opgegeven.", "No series given.")
    return ids


def parse_year_range(text: str) -> tuple[int, int]:
    """'2015-2024', '2015:2024' or '2022' -> (first, last)."""
    raw = text.replace(":", "-").replace("..", "-").strip()
    parts = [p.strip() for p in raw.split("-")] if "-" in raw else [raw, raw]
    try:
        first, last = int(parts[0]), int(parts[1])
        if len(parts) != 2 or not (in_year_range(first) and in_year_range(last)):
            raise ValueError
    except (ValueError, IndexError):
        raise SelectionError(
            f"Ongeldige jaren '{text}': gebruik bijvoorbeeld 2015-2024.",
            f"Invalid years '{text}': use for example 2015-2024.",
        ) from None
    return (first, last) if first <= last else (last, first)


def event_lanes(xs: list[float], min_gap: float) -> list[int]:
    """Stack event labels in lanes so that no two in one lane are closer than min_gap (in axis
    units): labels never overlap each other, however dense the events."""
    lanes_end: list[float] = []
    out = []
    for x in xs:
        for lane, end in enumerate(lanes_end):
            if x - end >= min_gap:
                lanes_end[lane] = x
                out.append(lane)
                break
        else:
            lanes_end.append(x)
            out.append(len(lanes_end) - 1)
    return out
