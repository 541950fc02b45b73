"""What the store's derived tables (the name index, the value spans) share: they are made by each
import in its own transaction and, for imports that lack them, when the store is opened; best
effort both times; and they forget the imports an undo removed.

A derived table only speeds a question up; the values themselves can always answer it. So a
store that cannot take one now (a full disk, a read-only file) opens without it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def best_effort(conn: sqlite3.Connection, name: str, make: Callable[[sqlite3.Connection], None]) -> None:
    """Run `make` inside a savepoint of the opening's or the import's transaction; a failure
    undoes only it."""
    conn.execute(f"SAVEPOINT {name}")
    try:
        make(conn)
    except sqlite3.OperationalError:
        conn.execute(f"ROLLBACK TO {name}")
    conn.execute(f"RELEASE {name}")


def forget_undone(conn: sqlite3.Connection, table: str, made: str) -> None:
    """Drop the rows of `table` and its `made` log whose import is no longer in the import log."""
    for (import_id,) in conn.execute(
            f"SELECT import_id FROM {made} WHERE import_id NOT IN (SELECT id FROM imports)").fetchall():
        conn.execute(f"DELETE FROM {table} WHERE import_id = ?", (import_id,))
        conn.execute(f"DELETE FROM {made} WHERE import_id = ?", (import_id,))
