"""The store's own series as a mapping that reads them when asked for.

A store with ten thousand own series made every command build ten thousand `Metric`s (and their
texts) before it did anything: 11 MiB and 40 ms for an export of one bundled series. Here a
series is read from the store (by the index on `metrics(id)`) the first time something names
it, and all of them only when something walks the whole mapping (the window's series picker,
`list-metrics`, an import that has to match names against all of them).

The rule is the one the overlay always had: a series the bundled data has is never replaced, a
series whose unit nobody knows is left out, and where several imports brought the same series
the latest counts. Walking the mapping gives the bundled series first, then the own ones in the
order they were first imported.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import TYPE_CHECKING

from meldpunt_gui.data.store_errors import StoreError
from meldpunt_gui.data.store_names import UNINDEXED
from meldpunt_gui.data.store_types import all_text
from meldpunt_gui.model.domain import Metric, Text
from meldpunt_gui.text.plain import printable

if TYPE_CHECKING:
    from meldpunt_gui.data.store_values import StoreValues

METRIC_ID_INDEX = "CREATE INDEX IF NOT EXISTS metrics_id ON metrics(id)"
_COLUMNS = "id, category, unit, label_nl, label_en, definition_nl, definition_en"


class StoreMetrics(Mapping[str, Metric]):
    """The bundled series, and behind them the store's own, read on use."""

    def __init__(self, bundled: Mapping[str, Metric], values: StoreValues, units: Collection[str]) -> None:
        self._bundled = bundled
        self._values = values
        self._units = list(units)  # a series in any other unit is left out
        self._seen: dict[str, Metric | None] = {}  # own series looked up one by one; None: none
        self._all: dict[str, Metric] | None = None  # every series, once something walked them
        self._late: list[tuple[str, str, frozenset[str]]] | None = None  # keys of unindexed imports

    @property
    def bundled(self) -> Mapping[str, Metric]:
        return self._bundled

    def named(self, keys: Collection[str],
              keys_of: Callable[[str, str, str], tuple[str, frozenset[str]]]) -> list[Metric] | None:
        """The own series known by one of `keys` (keys_of: id, labels -> id key and other keys),
        in the order first imported, through the store's name index (store_names.py); None
        when the store has none (a store kept read-only as it was)."""
        wanted = set(keys)
        if self._all is not None:
            return [m for m in self._all.values() if m.id not in self._bundled and _fits(m, wanted, keys_of)]
        marks = ",".join("?" * len(wanted))
        try:
            found = [r[0] for r in self._values.query(
                f"SELECT metric, min(import_id) AS first FROM metric_names WHERE key IN ({marks})"
                " GROUP BY metric ORDER BY first", list(wanted))]
            if self._late is None:  # imports made since the store was opened: keyed here, once
                self._late = [(r[0], *keys_of(*r)) for r in self._values.query(
                    f"SELECT id, label_nl, label_en FROM metrics WHERE import_id IN ({UNINDEXED})"
                    " ORDER BY import_id", []) if all_text(r)]
        except (StoreError, sqlite3.Error):  # through the store, or its file read on our own
            return None
        found += [mid for mid, id_key, other in self._late if id_key in wanted or not wanted.isdisjoint(other)]
        out = []
        for mid in dict.fromkeys(found):
            metric = None if mid in self._bundled else self._own(mid)
            if metric is not None and _fits(metric, wanted, keys_of):
                out.append(metric)
        return out

    def _marks(self) -> str:
        return ",".join("?" * len(self._units))

    def _own(self, mid: str) -> Metric | None:
        if mid in self._seen:
            return self._seen[mid]
        rows = self._values.query(f"SELECT {_COLUMNS} FROM metrics WHERE id = ? AND unit IN ({self._marks()})"
                                  " ORDER BY import_id DESC LIMIT 1", [mid, *self._units]) if self._units else []
        metric = self._seen[mid] = _metric(rows[0]) if rows and all_text(rows[0]) else None
        return metric

    def _every(self) -> dict[str, Metric]:
        if self._all is None:
            own: dict[str, Metric] = {}
            units = set(self._units)
            for row in self._values.query(f"SELECT {_COLUMNS} FROM metrics ORDER BY import_id", []):
                if row[0] not in self._bundled and row[2] in units and all_text(row):  # store_types.py
                    own[row[0]] = _metric(row)  # a later import's series takes the earlier one's place
            self._all = {**self._bundled, **own}
        return self._all

    def __getitem__(self, mid: str) -> Metric:
        metric = self.get(mid)
        if metric is None:
            raise KeyError(mid)
        return metric

    def get(self, mid: str, default: Metric | None = None) -> Metric | None:  # type: ignore[override]
        if self._all is not None:
            return self._all.get(mid, default)
        metric = self._bundled.get(mid)
        if metric is None:
            metric = self._own(mid)
        return default if metric is None else metric

    def __contains__(self, mid: object) -> bool:
        return isinstance(mid, str) and self.get(mid) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._every())

    # the dict's own views: the window's picker walks ten thousand series several times
    def keys(self) -> KeysView[str]:
        return self._every().keys()

    def values(self) -> ValuesView[Metric]:
        return self._every().values()

    def items(self) -> ItemsView[str, Metric]:
        return self._every().items()

    def __len__(self) -> int:
        return len(self._every())

    def __repr__(self) -> str:
        return f"StoreMetrics({self._every()!r})"


def _fits(m: Metric, wanted: set[str], keys_of: Callable[[str, str, str], tuple[str, frozenset[str]]]) -> bool:
    id_key, other = keys_of(m.id, m.label.nl, m.label.en)
    return id_key in wanted or not wanted.isdisjoint(other)


def _metric(row: tuple) -> Metric:
    mid, category, unit, lnl, len_, dnl, den = row
    # a label stored before imports left direction marks out still reads the right way round
    return Metric(mid, category, unit, Text(printable(str(lnl or mid)), printable(str(len_ or lnl or mid))),
                  Text(dnl, den), user=True)
