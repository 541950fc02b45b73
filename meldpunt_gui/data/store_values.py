"""The query side of the user store: its values read per metric, when a view asks for them.

A store with a million own values (ten thousand series) used to be read whole at every start
and every command: seconds and hundreds of megabytes before anything showed. Now the overlay
reads the store's metrics and sources (small), and the values of one metric only when something
asks for that metric (`Dataset.shown`, `periods_with_data`, ...), through the index on
`observations(metric)`; within a metric the dataset indexes them by period. Bundled figures are
never deferred, so a view of bundled series costs about what it costs with an empty store.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from meldpunt_gui.data.store_errors import StoreError, mark_damaged, read_error
from meldpunt_gui.data.store_summary import SPANS
from meldpunt_gui.data.store_types import all_text
from meldpunt_gui.model.domain import Observation, Period, Text
from meldpunt_gui.model.vocabulary import MAX_MAGNITUDE, YEAR_MAX, YEAR_MIN

if TYPE_CHECKING:
    from meldpunt_gui.data.store import UserStore

# by metric (a metric's values), with the half so that a metric's granularities are two seeks
METRIC_INDEX = "CREATE INDEX IF NOT EXISTS observations_metric ON observations(metric, half)"
_COLUMNS = "import_id, metric, year, half, value, approximate, source, note"
_NO_SPANS = (StoreError, sqlite3.OperationalError)  # through the store, or its file on our own
_BATCH = 500  # metrics per query (SQLite allows 32,766 parameters; keep statements short)


class StoreValues:
    """`DeferredValues` over a user store: reads through the store's connection while it is
    open, and through a read-only connection of its own once the store is closed (the command
    line closes it before it reads the import file)."""

    def __init__(self, store: UserStore) -> None:
        self._store = store
        self._own: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self.left_out = 0  # values read that break the import's rules (the store edited by hand)

    def load(self, metrics: Collection[str]) -> list[Observation]:
        ids = list(metrics)
        rows: list[tuple] = []
        for start in range(0, len(ids), _BATCH):
            batch = ids[start:start + _BATCH]
            marks = ",".join("?" * len(batch))
            rows += self._fetch(f"SELECT {_COLUMNS}, id FROM observations WHERE metric IN ({marks})"
                                " ORDER BY id", batch)
        if len(ids) > _BATCH:  # several queries: back into the order they were stored in
            rows.sort(key=lambda r: r[-1])
        kept = [r for r in rows if _within_rules(r)]
        self.left_out += len(rows) - len(kept)
        return [Observation(mid, Period(year, half), value, bool(approx), "user", source,
                            Text(note, note), user=True, import_id=imp)
                for imp, mid, year, half, value, approx, source, note, _id in kept]

    def years(self) -> tuple[int, int] | None:
        try:  # from the spans of each import and series (store_summary.py)
            first, last = self._fetch(f"SELECT min(first_year), max(last_year) FROM ({SPANS})", [])[0]
        except _NO_SPANS:  # a store kept read-only as it was: from every value
            first, last = self._fetch("SELECT min(year), max(year) FROM observations", [])[0]
        if first is None:
            return None
        # a value edited in by hand (year 5.000.000) must not stretch every view to it
        first, last = max(int(first), YEAR_MIN), min(int(last), YEAR_MAX)
        return (first, last) if first <= last else None

    def granularities(self, metrics: Collection[str]) -> dict[str, set[str]]:
        try:
            rows = self._fetch(f"SELECT metric, min(low_half), max(high_half) FROM ({SPANS}) GROUP BY metric", [])
        except _NO_SPANS:
            rows = self._halves(metrics)
        wanted = set(metrics)
        return {metric: ({"year"} if low == 0 else set()) | ({"half"} if high else set())
                for metric, low, high in rows if metric in wanted and low is not None}

    def _halves(self, metrics: Collection[str]) -> list[tuple]:
        """(metric, lowest half, highest half) from the values, two index seeks per metric."""
        rows: list[tuple] = []
        ids = list(metrics)
        for start in range(0, len(ids), _BATCH):
            batch = ids[start:start + _BATCH]
            marks = ",".join("(?)" * 1 for _ in batch)
            rows += self._fetch(
                f"WITH wanted(metric) AS (VALUES {marks}) SELECT metric,"
                " (SELECT min(half) FROM observations o WHERE o.metric = wanted.metric),"
                " (SELECT max(half) FROM observations o WHERE o.metric = wanted.metric)"
                " FROM wanted", batch)
        return rows

    def query(self, sql: str, params: list[str]) -> list[tuple]:
        """The rows of one query of the store (its own series are read through this too)."""
        return self._fetch(sql, params)

    def _fetch(self, sql: str, params: list[str]) -> list[tuple]:
        if not self._store_closed():
            with self._store._read() as conn:
                return conn.execute(sql, params).fetchall()
        with self._lock:  # the store was closed: read the file on our own
            try:
                if self._own is None:
                    self._own = _read_only(self._store.path)
                return self._own.execute(sql, params).fetchall()
            except sqlite3.Error as exc:  # a message, as through the store
                failed = read_error(exc, self._store.path)
                if failed.code == "damaged":
                    mark_damaged(self._store.path)
                raise failed from None

    def _store_closed(self) -> bool:
        try:
            self._store._conn.in_transaction  # noqa: B018 - raises once the connection is closed
        except sqlite3.ProgrammingError:
            return True
        return False


def _within_rules(row: tuple) -> bool:
    """A stored value the import would have taken: a year a period can name, a whole year or a
    half, a finite number below the import's bound. An import never writes anything else, but a
    store edited in another program, or copied from one, may hold it (year 5.000.000 made every
    view millions of periods; inf could not be drawn; a BLOB note broke pack export)."""
    _imp, mid, year, half, value, _approx, source, note, _id = row
    return (all_text((mid, source, note)) and type(year) is int and YEAR_MIN <= year <= YEAR_MAX and half in (0, 1, 2)
            and type(value) in (int, float) and math.isfinite(value) and abs(value) < MAX_MAGNITUDE)


def _read_only(path: Path) -> sqlite3.Connection:
    uri = f"file:{quote(str(path.absolute()))}?mode=ro"
    return sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
