"""Opening and checking the user store's SQLite file: its schema, the connection settings, the
check that tells a damaged or foreign file from a store, and moving a damaged one aside.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from meldpunt_gui.data.store_errors import (
    Damaged,
    Newer,
    StoreError,
    busy_text,
    damage_marker,
    is_busy,
    sqlite_reason,
)
from meldpunt_gui.data.store_metrics import METRIC_ID_INDEX
from meldpunt_gui.data.store_names import index_names
from meldpunt_gui.data.store_summary import sum_up
from meldpunt_gui.data.store_values import METRIC_INDEX
from meldpunt_gui.files.aside import set_aside
from meldpunt_gui.files.os_reason import os_reason
from meldpunt_gui.model.domain import Text

SCHEMA_VERSION = 2  # 2: units that new metrics bring (added to a version 1 store in place)
# how long a write or read waits for another window or program holding the file: an import of
# a few thousand rows takes well under a second, so two windows importing at once still take
# turns; a file held for longer (DB Browser with unsaved changes) is said after two seconds,
# not after ten in which the window seemed to hang
BUSY_TIMEOUT_MS = 2_000

_SCHEMA = """
CREATE TABLE imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT, file_name TEXT NOT NULL, sha256 TEXT NOT NULL,
    time TEXT NOT NULL, added INTEGER NOT NULL, changed INTEGER NOT NULL);
CREATE TABLE sources (
    id TEXT PRIMARY KEY, import_id INTEGER NOT NULL REFERENCES imports(id), publisher TEXT NOT NULL,
    title TEXT NOT NULL, url TEXT NOT NULL, published TEXT NOT NULL);
CREATE TABLE metrics (
    import_id INTEGER NOT NULL REFERENCES imports(id), id TEXT NOT NULL, category TEXT NOT NULL,
    unit TEXT NOT NULL, label_nl TEXT NOT NULL, label_en TEXT NOT NULL, definition_nl TEXT NOT NULL,
    definition_en TEXT NOT NULL, PRIMARY KEY (import_id, id));
CREATE TABLE observations (
    id INTEGER PRIMARY KEY, import_id INTEGER NOT NULL REFERENCES imports(id), metric TEXT NOT NULL,
    year INTEGER NOT NULL, half INTEGER NOT NULL, value REAL NOT NULL, approximate INTEGER NOT NULL,
    source TEXT NOT NULL, note TEXT NOT NULL);
CREATE INDEX observations_import ON observations(import_id);
CREATE INDEX observations_metric ON observations(metric, half);
CREATE INDEX sources_import ON sources(import_id);
"""
# IF NOT EXISTS: a version 1 store may hold this table already (its version set back by a
# database tool, or copied from a later viewer); creating it again failed and the store could
# not be opened at all
_SCHEMA_UNITS = """
CREATE TABLE IF NOT EXISTS units (
    import_id INTEGER NOT NULL REFERENCES imports(id), id TEXT NOT NULL, kind TEXT NOT NULL,
    label_nl TEXT NOT NULL, label_en TEXT NOT NULL, decimals INTEGER NOT NULL, PRIMARY KEY (import_id, id));
"""
TABLES = {
    "imports": {"id", "file_name", "sha256", "time", "added", "changed"},
    "sources": {"id", "import_id", "publisher", "title", "url", "published"},
    "metrics": {"import_id", "id", "category", "unit", "label_nl", "label_en", "definition_nl",
                "definition_en"},
    "observations": {"id", "import_id", "metric", "year", "half", "value", "approximate", "source",
                     "note"},
}
_UNIT_COLUMNS = {"import_id", "id", "kind", "label_nl", "label_en", "decimals"}
_DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _DAMAGED_CODES
    return type(exc) is sqlite3.DatabaseError


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA temp_store = MEMORY")  # nothing written outside the data folder
        conn.execute("PRAGMA journal_mode = DELETE")  # a rollback journal also works on network drives
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()  # let go of the file so it can be moved aside
        raise
    return conn


def connect_checked(path: Path) -> sqlite3.Connection:
    """A connection to a valid store at `path`, creating the schema in a new or empty file."""
    try:
        conn = _connect(path)
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise Damaged(Text("geen SQLite-bestand", "not an SQLite file")) from None
        if is_busy(exc):
            raise StoreError(busy_text(path), "busy") from None
        why = sqlite_reason(exc)
        if path.is_symlink() and not path.exists():  # SQLite says only that it cannot open it
            why = Text("het is een koppeling die naar zichzelf of naar niets wijst",
                       "it is a link that points to itself or to nothing")
        raise StoreError(Text(f"{path} kan niet worden geopend: {why.nl}.",
                              f"{path} cannot be opened: {why.en}."), "unopenable") from None
    marked = damage_marker(path).exists()
    try:
        check_schema(conn, full=marked)
    except (Damaged, Newer):
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        if is_damage(exc):
            raise Damaged(Text("geen geldig SQLite-bestand", "not a valid SQLite file")) from None
        if is_busy(exc):  # held by another program: left as it is, said as that
            raise StoreError(busy_text(path), "busy") from None
        why = sqlite_reason(exc)
        raise StoreError(Text(f"{path} kan niet worden geopend: {why.nl}.",
                              f"{path} cannot be opened: {why.en}."), "unopenable") from None
    if marked:  # the whole file was checked and is sound
        damage_marker(path).unlink(missing_ok=True)
    return conn


FULL_CHECK_BYTES = 8 << 20


def _quick_check(conn: sqlite3.Connection, full: bool = False) -> bool:
    """SQLite's quick_check of the whole file, or of its small tables only when the file is
    large (unless `full`: a read found it damaged): a full check of a million values takes a
    third of a second at every start. The values table of a large store is checked by SQLite
    page by page as it is read."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    size = pages * conn.execute("PRAGMA page_size").fetchone()[0]
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if full or size <= FULL_CHECK_BYTES or not {"imports", "metrics", "sources"} <= names:
        return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
    return all(conn.execute(f"PRAGMA quick_check({table})").fetchone()[0] == "ok"
               for table in ("imports", "metrics", "sources"))


def check_schema(conn: sqlite3.Connection, full: bool = False) -> None:
    conn.execute("BEGIN IMMEDIATE")  # two windows opening a new store at once create it once
    try:
        if not _quick_check(conn, full):
            raise Damaged(Text("de inhoud is beschadigd", "its contents are corrupt"))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        tables.discard("sqlite_sequence")
        if version == 0 and not tables:
            for statement in (_SCHEMA + _SCHEMA_UNITS).split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute(METRIC_ID_INDEX)
        elif version > SCHEMA_VERSION:
            raise Newer(version)
        elif version not in (1, SCHEMA_VERSION):
            raise Damaged(Text("geen gegevensbestand van deze viewer",
                                "not a data file of this viewer"))
        else:
            for table, columns in TABLES.items():
                found = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
                if not columns <= found:
                    raise Damaged(Text(f"tabel {table} is onvolledig", f"table {table} is incomplete"))
            if version == 1:  # a store from before units could be imported: add their table
                conn.execute(_SCHEMA_UNITS)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            found = {r[1] for r in conn.execute("PRAGMA table_info(units)")}
            if not _UNIT_COLUMNS <= found:
                raise Damaged(Text("tabel units is onvolledig", "table units is incomplete"))
            conn.execute(METRIC_INDEX)  # stores made before values were read per metric
            conn.execute(METRIC_ID_INDEX)  # ... and before their series were read one by one
        index_names(conn)
        sum_up(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def move_aside(path: Path) -> Path:
    """Rename a damaged store (and its journal) to meldpunt.sqlite.damaged-YYYYMMDD-HHMMSS."""
    try:
        aside = set_aside(path)
        for suffix in ("-journal", "-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + suffix))
        damage_marker(path).unlink(missing_ok=True)
    except OSError as exc:
        why = os_reason(exc)
        raise StoreError(Text(f"{path} is beschadigd en kan niet opzij worden gezet: {why.nl}.",
                              f"{path} is damaged and cannot be moved aside: {why.en}."),
                         "damaged") from None
    return aside


