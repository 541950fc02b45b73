"""The store's name index: every key by which a typed name can mean an own series, per import.

Checking or importing a file must find the series its names mean (imports/names.py). With ten
thousand own series, keying all of them for a two-row file took most of a `check`; the index
answers for the names the file uses. Each import keys its own series in its own transaction,
and an opening keys each import the index does not cover yet (stores from before it, an
import that could not take it), in the opening transaction; best effort both times. It holds
keys of rows that an undo has since removed until the next opening, which the lookup
tolerates: it only proposes series, which are then read and keyed themselves.
`NAMES_VERSION` changes when the keys do; an index of another version is made again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence

from meldpunt_gui.data.store_derived import best_effort, forget_undone

NAMES_VERSION = 1
NAMES_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS metric_names (import_id INTEGER NOT NULL, metric TEXT NOT NULL,"
    " key TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS metric_names_key ON metric_names(key)",
    "CREATE INDEX IF NOT EXISTS metric_names_import ON metric_names(import_id)",
    "CREATE TABLE IF NOT EXISTS metric_names_made (import_id INTEGER PRIMARY KEY, version INTEGER NOT NULL)",
)
UNINDEXED = ("SELECT id FROM imports WHERE id NOT IN"
             f" (SELECT import_id FROM metric_names_made WHERE version = {NAMES_VERSION})")


def index_names(conn: sqlite3.Connection, known: Mapping[int, Sequence[tuple[str, str]]] | None = None) -> None:
    """Key the series of every import the index lacks (inside the opening's or an import's
    transaction), taking the (series, key) pairs in `known` as given (an import's own, from
    `series_keys`). Best effort: a store that cannot take the index now (a full disk) goes on
    without it, and the lookup keys what the index lacks itself."""
    best_effort(conn, "names", (lambda c: _index(c, known)) if known else _index)


def series_keys(series: Iterable[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(series, key) for every key of the given (id, label nl, label en)."""
    from meldpunt_gui.imports.names import metric_keys  # the import's rules for typed names

    return [(mid, key) for mid, nl, en in series for key in _all_keys(metric_keys(mid, nl, en))]


def _index(conn: sqlite3.Connection, known: Mapping[int, Sequence[tuple[str, str]]] | None = None) -> None:
    for statement in NAMES_SCHEMA:
        conn.execute(statement)
    forget_undone(conn, "metric_names", "metric_names_made")
    missing = [r[0] for r in conn.execute(UNINDEXED)]
    for import_id in missing:
        conn.execute("DELETE FROM metric_names WHERE import_id = ?", (import_id,))
        keys = known.get(import_id) if known else None
        if keys is None:
            rows = conn.execute("SELECT id, label_nl, label_en FROM metrics WHERE import_id = ?", (import_id,))
            keys = series_keys(r for r in rows.fetchall() if all(type(v) is str for v in r))  # store_types.py
        conn.executemany("INSERT INTO metric_names VALUES (?, ?, ?)", ((import_id, *k) for k in keys))
        conn.execute("INSERT OR REPLACE INTO metric_names_made VALUES (?, ?)", (import_id, NAMES_VERSION))


def _all_keys(keys: tuple[str, frozenset[str]]) -> set[str]:
    return {keys[0], *keys[1]}
