"""Per import and series: the halves and years its values span, so that the window's questions
about all own series (which are half-year series, which years the store spans) are answered
from ten thousand rows instead of a million.

Made like the name index (store_names.py): by the import itself, in its own transaction, from
the rows it writes (`rowset.stored_spans`), and at opening for each import it does not cover
(stores from before, an import that could not take them); best effort both times. Imports
without spans are summed up when asked, from their own rows; rows of an undone import are left
out by joining the import log and dropped at the next opening.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

from meldpunt_gui.data.store_derived import best_effort, forget_undone

SUMMARY_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS value_spans (import_id INTEGER NOT NULL, metric TEXT NOT NULL,"
    " low_half INTEGER NOT NULL, high_half INTEGER NOT NULL, first_year INTEGER NOT NULL,"
    " last_year INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS value_spans_metric ON value_spans(metric)",
    "CREATE INDEX IF NOT EXISTS value_spans_import ON value_spans(import_id)",
    "CREATE TABLE IF NOT EXISTS value_spans_made (import_id INTEGER PRIMARY KEY)",
)
_SPANS = "SELECT import_id, metric, min(half), max(half), min(year), max(year) FROM observations"
UNSUMMED = "SELECT id FROM imports WHERE id NOT IN (SELECT import_id FROM value_spans_made)"
# the spans of every import in the log: made ones from the table, others from their values
SPANS = (f"SELECT metric, low_half, high_half, first_year, last_year FROM value_spans"
         f" WHERE import_id IN (SELECT id FROM imports) AND import_id NOT IN ({UNSUMMED})"
         f" UNION ALL SELECT metric, min(half), max(half), min(year), max(year) FROM observations"
         f" WHERE import_id IN ({UNSUMMED}) GROUP BY import_id, metric")


# metric, lowest half, highest half, first year, last year
Span = tuple[str, int, int, int, int]


def sum_up(conn: sqlite3.Connection, known: Mapping[int, Sequence[Span]] | None = None) -> None:
    """Sum up every import the table lacks (inside the opening's or the import's transaction),
    taking the spans in `known` as given (an import's own, from the rows it writes); a store
    that cannot take it now goes on without it, and the spans are then read from the values."""
    best_effort(conn, "spans", lambda c: _sum_up(c, known or {}))


def _sum_up(conn: sqlite3.Connection, known: Mapping[int, Sequence[Span]]) -> None:
    for statement in SUMMARY_SCHEMA:
        conn.execute(statement)
    forget_undone(conn, "value_spans", "value_spans_made")
    for (import_id,) in conn.execute(UNSUMMED).fetchall():
        conn.execute("DELETE FROM value_spans WHERE import_id = ?", (import_id,))
        spans = known.get(import_id)
        if spans is None:
            conn.execute(f"INSERT INTO value_spans {_SPANS} WHERE import_id = ? GROUP BY metric", (import_id,))
        else:
            conn.executemany("INSERT INTO value_spans VALUES (?, ?, ?, ?, ?, ?)",
                             [(import_id, *span) for span in spans])
        conn.execute("INSERT INTO value_spans_made VALUES (?)", (import_id,))


def spans_out_of_rules(conn: sqlite3.Connection, first: int, last: int) -> list[int]:
    """The imports with values outside the years `first`-`last` or with a half that is not 0, 1
    or 2 (a store edited in another program): found from the spans, so at opening without
    reading a million values. An import never writes such values; reading leaves them out."""
    try:
        rows = conn.execute("SELECT DISTINCT import_id FROM value_spans WHERE first_year < ? OR last_year > ?"
                            " OR low_half < 0 OR high_half > 2 ORDER BY import_id", (first, last)).fetchall()
    except sqlite3.Error:  # no spans table (a store opened read-only as it was): nothing known
        return []
    return [int(r[0]) for r in rows if isinstance(r[0], int)]
