"""The data model's dataset: every metric, source, observation, event and theme, with the index
that answers the window's questions per metric without walking the whole dataset.

Everything here is plain Python so that loading, importing, exporting and the command line work
(and are tested) without Qt. The small value types live in values.py, a dataset laid over
another (the user's own data) is made in overlay.py, and a whole series' changes are worked out
in changes.py.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Mapping
from typing import Protocol

from meldpunt_gui.data.gcpause import collector_paused

# The bilingual text, the vocabulary and the value types are re-exported: the domain is where
# callers look first.
from meldpunt_gui.model.bilingual import EMPTY as EMPTY
from meldpunt_gui.model.bilingual import LANGS as LANGS
from meldpunt_gui.model.bilingual import Lang as Lang
from meldpunt_gui.model.bilingual import Text as Text
from meldpunt_gui.model.changes import change_between, counted_alike, same_source_base  # used here, not re-exported
from meldpunt_gui.model.values import FOREIGN_DIGITS as FOREIGN_DIGITS
from meldpunt_gui.model.values import Category as Category
from meldpunt_gui.model.values import Change as Change
from meldpunt_gui.model.values import Event as Event
from meldpunt_gui.model.values import Metric as Metric
from meldpunt_gui.model.values import Observation as Observation
from meldpunt_gui.model.values import Period as Period
from meldpunt_gui.model.values import PeriodError as PeriodError
from meldpunt_gui.model.values import PeriodKind as PeriodKind
from meldpunt_gui.model.values import Reason as Reason
from meldpunt_gui.model.values import Source as Source
from meldpunt_gui.model.values import Theme as Theme
from meldpunt_gui.model.values import Unit as Unit
from meldpunt_gui.model.values import UnitKind as UnitKind
from meldpunt_gui.model.values import fits_kind as fits_kind
from meldpunt_gui.model.values import foreign_digits as foreign_digits
from meldpunt_gui.model.values import period_kind as period_kind
from meldpunt_gui.model.values import preference_key as preference_key
from meldpunt_gui.model.vocabulary import MAX_MAGNITUDE as MAX_MAGNITUDE
from meldpunt_gui.model.vocabulary import STATUSES as STATUSES
from meldpunt_gui.model.vocabulary import YEAR_MAX as YEAR_MAX
from meldpunt_gui.model.vocabulary import YEAR_MIN as YEAR_MIN
from meldpunt_gui.model.vocabulary import Granularity as Granularity


def _period_order(p: Period) -> tuple[int, int]:
    """Period's own ordering as a plain key: sorting by it avoids the rich comparison methods."""
    return (p.year, p.half)


class DeferredValues(Protocol):
    """Values kept out of a dataset until their metric is asked for (the user store): a large
    store then costs what is shown, not everything stored."""

    def load(self, metrics: Collection[str]) -> list[Observation]:
        """The deferred observations of these metrics, in the order they were stored."""

    def years(self) -> tuple[int, int] | None:
        """First and last year among all deferred values, without loading them."""

    def granularities(self, metrics: Collection[str]) -> dict[str, set[str]]:
        """Per metric, 'year' and/or 'half' where it has deferred values, without loading them."""


_Cell = Observation | list[Observation]  # one value, or where sources disagree all, best first
_Cells = dict[str, dict[Period, _Cell]]


class Dataset:
    """Everything the program shows, with per-metric lookups; written out rather than a
    dataclass (the command line starts without generating its code), with the same fields,
    equality and repr."""

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value: no hash

    def __init__(self, units: dict[str, Unit], categories: dict[str, Category], metrics: Mapping[str, Metric],
                 sources: dict[str, Source], observations: list[Observation], events: list[Event] | None = None,
                 themes: dict[str, Theme] | None = None, data_date: str = "",
                 deferred: DeferredValues | None = None, reasons: tuple[Reason, ...] = ()) -> None:
        self.units = units
        self.categories = categories
        self.metrics = metrics
        self.sources = sources
        self._observations = observations  # all of them: `observations` loads what is deferred
        self.events: list[Event] = [] if events is None else events
        self.themes: dict[str, Theme] = {} if themes is None else themes
        self.data_date = data_date
        self.deferred = deferred
        self.reasons = reasons
        # Per metric, period -> its observation (a list, best first, only where sources
        # disagree: no key tuples and no one-item lists), and per metric its periods in time
        # order. Every question the window asks per metric (which periods, which granularities,
        # which years) is then a dict lookup, so its cost does not grow with the whole dataset;
        # deferred values join a metric's lookups the first time that metric is asked for.
        self._cells: _Cells = {}
        self._periods: dict[str, list[Period]] = {}
        self._done: set[str] = set()  # metrics whose deferred values are read (or that have none)
        self._loading = threading.Lock()  # the import preview reads from a worker thread
        self._loaded: list[Observation] = []  # deferred values read so far
        self._kinds: dict[str, set[str]] | None = None  # granularities of what is deferred
        # metric -> granularity -> first and last year with a value: every change of selection
        # asks it of each selected series several times (the year range on the axis)
        self._ends: dict[str, dict[str | None, tuple[int, int] | None]] = {}
        # metric -> (year, half) -> its period and shown value: the changes of a series look
        # up the same half a year before by number, with no period made or hashed
        self._by_half: dict[str, dict[tuple[int, int], tuple[Period, Observation]]] = {}
        self._change_series: dict[str, str] | None = None  # metric -> the series of its published changes
        self._index(self._observations)
        self._year_span: tuple[int, int] | None = None  # on first use: a store's span is a query

    def _index(self, observations: list[Observation]) -> None:
        """Add observations to the lookups (after those already there, as one list would)."""
        cells, touched = self._cells, set()
        with collector_paused():
            metric: str | None = None
            per: dict[Period, _Cell] = {}
            for obs in observations:
                if obs.metric != metric:  # files list a metric's values together: look it up once
                    metric = obs.metric
                    touched.add(metric)
                    known = cells.get(metric)
                    if known is None:
                        known = cells[metric] = {}
                    per = known
                size = len(per)
                cur = per.setdefault(obs.period, obs)  # one hash of the period, not two
                if len(per) == size:  # the cell was there already
                    if type(cur) is Observation:
                        per[obs.period] = [cur, obs]
                    else:
                        cur.append(obs)
            for metric in touched:
                self._ends.pop(metric, None)
                self._by_half.pop(metric, None)
                for group in cells[metric].values():
                    if type(group) is list:
                        group.sort(key=lambda o: preference_key(o, self.sources), reverse=True)
                self._periods[metric] = sorted(cells[metric], key=_period_order)

    def _is_pending(self, metric: str) -> bool:
        """Whether a metric of this dataset still has deferred values to read. (Asking the
        metrics mapping, not a set of all of them made up front: a store's own series are read
        only when named, see data/store_metrics.py.)"""
        return self.deferred is not None and metric not in self._done and metric in self.metrics

    def _pending_metrics(self) -> list[str]:
        return [m for m in self.metrics if m not in self._done] if self.deferred is not None else []

    def _cells_of(self, metric: str) -> dict[Period, _Cell]:
        if self._is_pending(metric):
            self._load((metric,))
        return self._cells.get(metric, {})

    def _load(self, metrics: Collection[str]) -> None:
        assert self.deferred is not None
        with self._loading, collector_paused():  # many new objects, no cycles among them
            wanted = [m for m in metrics if self._is_pending(m)]
            if not wanted:
                return
            extra = self.deferred.load(wanted)
            self._loaded.extend(extra)
            self._index(extra)
            self._done.update(wanted)

    def load(self, metrics: Collection[str]) -> None:
        """Read the deferred values of these metrics at once (one query instead of one each)."""
        if any(self._is_pending(m) for m in metrics):
            self._load(metrics)

    def all_observations(self) -> list[Observation]:
        """Every observation, deferred ones read now (what `observations` gives)."""
        if self.deferred is None:
            return self._observations
        pending = self._pending_metrics()
        if pending:
            self._load(pending)
        return [*self._observations, *self._loaded]

    @property
    def observations(self) -> list[Observation]:
        """Every value, deferred ones too, so no caller can miss some."""
        return self.all_observations()

    @observations.setter
    def observations(self, observations: list[Observation]) -> None:
        self._observations = observations

    @property
    def given_observations(self) -> list[Observation]:
        """The values this dataset was made with: none of the deferred ones, none read (what a
        dataset laid over this one starts from, model/overlay.py)."""
        return self._observations

    def _fields(self) -> tuple[object, ...]:
        return (self.units, self.categories, self.metrics, self.sources, self.observations,
                self.events, self.themes, self.data_date, self.reasons)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._fields() == other._fields()
        return NotImplemented

    def __repr__(self) -> str:
        names = ("units", "categories", "metrics", "sources", "observations", "events", "themes",
                 "data_date", "reasons")
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(names, self._fields()))
        return f"Dataset({inner})"

    # ----- single values
    def values_at(self, metric: str, period: Period) -> list[Observation]:
        """All observations for one cell, the shown one first."""
        cell = self._cells_of(metric).get(period)
        return [] if cell is None else [cell] if type(cell) is Observation else list(cell)

    def shown(self, metric: str, period: Period) -> Observation | None:
        cell = self._cells_of(metric).get(period)
        return cell if type(cell) is Observation or cell is None else cell[0]

    def shown_in(self, metric: str, periods: Iterable[Period]) -> list[Observation | None]:
        """`shown` for each period in turn: one metric lookup for a whole series."""
        per = self._cells_of(metric)
        cells = [per.get(p) for p in periods]
        return [c if c is None or type(c) is Observation else c[0] for c in cells]

    def values_in(self, metric: str, periods: Iterable[Period]) -> list[list[Observation]]:
        """`values_at` for each period in turn: one metric lookup for a whole series."""
        per = self._cells_of(metric)
        cells = [per.get(p) for p in periods]
        return [[] if c is None else [c] if type(c) is Observation else list(c) for c in cells]

    def alternatives(self, metric: str, period: Period) -> list[Observation]:
        cell = self._cells_of(metric).get(period)
        return cell[1:] if type(cell) is list else []

    # ----- series
    def periods_with_data(self, metric: str, granularity: Granularity | None = None) -> list[Period]:
        """The periods holding a value for `metric`, in time order (a new list each call)."""
        if self._is_pending(metric):
            self._load((metric,))
        ps = self._periods.get(metric, ())
        return [p for p in ps if p.granularity == granularity] if granularity else list(ps)

    def year_ends(self, metric: str, granularity: Granularity | None = None) -> tuple[int, int] | None:
        """The first and last year holding a value for `metric` (of that granularity), or None."""
        known = self._ends.get(metric)
        if known is not None and granularity in known and not self._is_pending(metric):
            return known[granularity]
        periods = self.periods_with_data(metric, granularity)  # in time order; loads a deferred one
        ends = (periods[0].year, periods[-1].year) if periods else None
        self._ends.setdefault(metric, {})[granularity] = ends
        return ends

    def period_kind(self, metric: str) -> PeriodKind:
        """The kind of periods a bundled series holds, from its bundled values (README, data).

        Own input does not widen it, so one stray import cannot turn a first-half series into
        a mixed one; a series of the user's own is "any".
        """
        bundled: list[Period] = []
        for period, cell in self._cells.get(metric, {}).items():
            group = cell if isinstance(cell, list) else [cell]
            if any(not o.user for o in group):
                bundled.append(period)
        return period_kind(bundled)

    def granularities(self, metric: str) -> set[str]:
        kinds: set[str] = {p.granularity for p in self._periods.get(metric, ())}
        if self._kinds is None and self._is_pending(metric):  # the picker asks this of every series:
            with self._loading:                               # one query for all
                if self._kinds is None:
                    assert self.deferred is not None
                    self._kinds = self.deferred.granularities(sorted(self._pending_metrics()))
        if self._kinds is not None and metric not in self._done:  # (only pending metrics are in it)
            kinds |= self._kinds.get(metric, kinds)
        return kinds

    def year_span(self) -> tuple[int, int]:
        if self._year_span is None:
            years = [ps[0].year for ps in self._periods.values()] + \
                [ps[-1].year for ps in self._periods.values()]
            years += (self.deferred.years() if self.deferred is not None else None) or ()
            self._year_span = (min(years), max(years)) if years else (YEAR_MIN, YEAR_MIN)
        return self._year_span

    def series(self, metric: str, periods: Iterable[Period]) -> list[tuple[Period, Observation | None]]:
        periods = list(periods)
        return list(zip(periods, self.shown_in(metric, periods)))

    def change(self, metric: str, period: Period) -> Change | None:
        """Change against the comparable earlier period (never the previous half); none where
        the series counts that period differently from the one before (`Metric.breaks`)."""
        if not counted_alike(self, metric, period):
            return None
        base_p = period.comparable_before()
        cur, base = self.shown(metric, period), self.shown(metric, base_p)
        if cur is not None and base is not None:
            base = same_source_base(self, metric, cur, base_p, base)
        return change_between(cur, base_p, base, self.unit_of(metric).in_points)

    def published_change(self, metric: str, period: Period) -> Observation | None:
        """The % change of `metric` in `period` as a source published it (a series whose
        `change_of` is `metric`), shown beside the one worked out from two values: the source
        had exact figures where the data may only have rounded ones (8.100 against 129.000 is
        circa 94% fewer; every source said 93%)."""
        of = self._change_series
        if of is None:
            of = self._change_series = {m.change_of: m.id for m in self.metrics.values() if m.change_of}
        series = of.get(metric)
        return self.shown(series, period) if series is not None else None

    def shown_by_half(self, metric: str) -> dict[tuple[int, int], tuple[Period, Observation]]:
        """(year, half) -> period and shown value of `metric`, made once per metric (the
        changes of a whole series, model/changes.py, look their bases up in it). Read only."""
        cells = self._cells_of(metric)  # first: reading deferred values clears the cache entry
        by = self._by_half.get(metric)
        if by is None:
            by = self._by_half[metric] = {(q.year, q.half): (q, c if type(c) is Observation else c[0])
                                          for q, c in cells.items()}
        return by

    # ----- lookups
    def unit_of(self, metric: str) -> Unit:
        return self.units[self.metrics[metric].unit]

    def source_of(self, obs: Observation) -> Source | None:
        return self.sources.get(obs.source)

    def metrics_in(self, category: str) -> list[Metric]:
        return [m for m in self.metrics.values() if m.category == category]

    def events_between(self, first: int, last: int) -> list[Event]:
        return sorted((e for e in self.events if first <= e.year <= last), key=lambda e: e.x)

    def themes_for(self, metric_ids: Iterable[str], first: int, last: int) -> list[Theme]:
        """Themes tied to the metrics whose years overlap the range, in first-mention order."""
        out: list[Theme] = []
        for mid in metric_ids:
            metric = self.metrics.get(mid)
            for tid in metric.themes if metric else ():
                theme = self.themes.get(tid)
                if theme is None or theme in out:
                    continue
                if theme.years and (theme.years[1] < first or theme.years[0] > last):
                    continue
                out.append(theme)
        return out

    def parts_of(self, whole: str) -> list[str]:
        """The metrics that add up to `whole`, in file order."""
        return [m.id for m in self.metrics.values() if m.part_of == whole]
