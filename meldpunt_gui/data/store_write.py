"""Writing an import's values into the store: many at once without paying for the indexes row by row.

SQLite keeps every index of `observations` up to date as each row goes in: for a million rows
that was more than half of the import's write (about 1 s of 1.8 s). Building an index once over
the whole table costs about 0.2 s a million rows, so when an import brings at least as many
values as the store holds already, its indexes are dropped, the values inserted and the indexes
made again from their own definitions, all in the import's one transaction: a failure or a
killed process leaves the store as before (the journal brings the indexes back), never without
them. A small import into a large store keeps them, since rebuilding would cost more.

The rows go in about a hundred to one statement (`INSERT ... VALUES (...), (...), ...`): SQLite
then runs one statement per batch instead of per row, which takes about a third off the insert.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from meldpunt_gui.imports.rowset import StoredValue

REBUILD_FROM = 10_000  # below this many values the indexes are kept up to date as they go in
_INSERT = "INSERT INTO observations (import_id, metric, year, half, value, approximate, source, note) VALUES "
_ROW = "(?, ?, ?, ?, ?, ?, ?, ?)"
_COLUMNS = 8
BATCH_ROWS = 999 // _COLUMNS  # rows per statement: 999 parameters, the fewest any SQLite allows


def insert_values(conn: sqlite3.Connection, values: Iterable[StoredValue], count: int) -> None:
    """Insert `count` rows of `observations` (inside the caller's transaction)."""
    indexes: list[tuple[str, str]] = []
    if count >= REBUILD_FROM:
        (top,) = conn.execute("SELECT max(id) FROM observations").fetchone()  # a seek, not a count
        if count >= (top or 0):
            indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                   "tbl_name = 'observations' AND sql IS NOT NULL").fetchall()
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name.replace(chr(34), chr(34) * 2)}"')
    rest: list[StoredValue] = []
    conn.executemany(_INSERT + ",".join([_ROW] * BATCH_ROWS), _batches(iter(values), BATCH_ROWS, rest))
    conn.executemany(_INSERT + _ROW, rest)
    for _name, sql in indexes:
        conn.execute(sql)


def _batches(values: Iterator[StoredValue], size: int, rest: list[StoredValue]) -> Iterator[list[object]]:
    """The parameters of `size` rows at a time, flat; the rows of a last, shorter batch go to `rest`."""
    while True:
        rows = list(islice(values, size))
        if len(rows) < size:
            rest.extend(rows)
            return
        yield list(chain.from_iterable(rows))

