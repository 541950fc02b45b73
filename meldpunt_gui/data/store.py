"""The user store: one SQLite file with the values staff imported, and a log to undo them.

Every change is one `BEGIN IMMEDIATE` transaction, so a failed import changes nothing and two
windows on one store queue instead of corrupting it. A store that is not a store (damaged, or
made by something else) is moved aside, never deleted, and a fresh one is started. A data folder
that cannot be written gives an empty store in memory that refuses imports, so the viewer still
starts on the bundled data; `message` says so in both cases.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from meldpunt_gui.data.gcpause import collector_paused
from meldpunt_gui.data.store_values import METRIC_INDEX, StoreValues
from meldpunt_gui.files.aside import set_aside
from meldpunt_gui.files.bounded import ReadRefused, check_regular
from meldpunt_gui.model.domain import Category, Dataset, Metric, Source, Text, Unit

if TYPE_CHECKING:  # the import model is needed to write, not to read the store
    from meldpunt_gui.imports.model import ImportResult

STORE_NAME = "meldpunt.sqlite"
SCHEMA_VERSION = 2  # 2: units that new metrics bring (added to a version 1 store in place)
BUSY_TIMEOUT_MS = 10_000
USER_CATEGORY = Category("user", Text("Eigen reeksen", "Own series"), 10_000)

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
_SCHEMA_UNITS = """
CREATE TABLE units (
    import_id INTEGER NOT NULL REFERENCES imports(id), id TEXT NOT NULL, kind TEXT NOT NULL,
    label_nl TEXT NOT NULL, label_en TEXT NOT NULL, decimals INTEGER NOT NULL, PRIMARY KEY (import_id, id));
"""
_TABLES = {
    "imports": {"id", "file_name", "sha256", "time", "added", "changed"},
    "sources": {"id", "import_id", "publisher", "title", "url", "published"},
    "metrics": {"import_id", "id", "category", "unit", "label_nl", "label_en", "definition_nl",
                "definition_en"},
    "observations": {"id", "import_id", "metric", "year", "half", "value", "approximate", "source",
                     "note"},
}
_UNIT_COLUMNS = {"import_id", "id", "kind", "label_nl", "label_en", "decimals"}
_RECORD = "id, file_name, sha256, time, added, changed"
_DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


class StoreError(Exception):
    """A store operation that cannot be done; `message` says why in both languages."""

    def __init__(self, message: Text, code: str = "") -> None:
        super().__init__(message.en)
        self.message = message
        self.code = code


class _Damaged(Exception):
    def __init__(self, reason: Text) -> None:
        super().__init__(reason.en)
        self.reason = reason


class _Newer(Exception):
    """The store was written by a newer version of the viewer: keep it, open it read-only."""

    def __init__(self, version: int) -> None:
        super().__init__(f"schema version {version}")
        self.version = version


def _not_a_file(path: Path) -> Text | None:
    """Why the store's path cannot be a store (a folder, a named pipe, a device), or None."""
    try:
        check_regular(path, 1 << 62)
    except ReadRefused as refused:
        if refused.kind in ("missing", "no_permission", "unreadable"):
            return None  # a new store, or one SQLite will explain below
        what = refused.text
        return Text(f"{what.nl} Uw eigen gegevens ({path}) kunnen daarom niet worden gebruikt; de "
                    "viewer toont alleen de meegeleverde cijfers en kan nu niets importeren. Het is "
                    "niet aangeraakt.",
                    f"{what.en} Your own data ({path}) cannot be used; the viewer shows the bundled "
                    "figures only and cannot import now. It was left untouched.")
    return None


def _read_only_file_text(path: Path) -> Text:
    return Text(f"Het bestand met uw eigen gegevens ({path}) is alleen-lezen. Uw cijfers worden "
                "getoond, maar er kan niets worden geïmporteerd of ongedaan gemaakt; maak het "
                "bestand schrijfbaar om dat weer te kunnen.",
                f"The file with your own data ({path}) is read-only. Your figures are shown, but "
                "nothing can be imported or undone; make the file writable to do that again.")


def _read_only_folder_text(path: Path) -> Text:
    return Text(f"De map {path.parent} is alleen-lezen, dus {path.name} kan niet worden bijgewerkt. "
                "Uw cijfers worden getoond, maar er kan niets worden geïmporteerd of ongedaan "
                "gemaakt.",
                f"The folder {path.parent} is read-only, so {path.name} cannot be updated. Your "
                "figures are shown, but nothing can be imported or undone.")


def _newer_text(path: Path, version: int) -> Text:
    return Text(f"Uw eigen gegevens ({path}) zijn opgeslagen door een nieuwere versie van de viewer "
                f"(opslagversie {version}, deze versie kent {SCHEMA_VERSION}). Het bestand is "
                "ongewijzigd gelaten en alleen-lezen geopend; werk de viewer bij om te importeren.",
                f"Your own data ({path}) was saved by a newer version of the viewer (store version "
                f"{version}, this version knows {SCHEMA_VERSION}). The file was left unchanged and "
                "opened read-only; update the viewer to import.")


@dataclass(frozen=True)
class ImportRecord:
    """One line of the import log."""

    id: int
    file_name: str
    sha256: str
    time: str  # ISO 8601 with the local offset
    added: int
    changed: int

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "file": self.file_name, "sha256": self.sha256, "time": self.time,
                "added": self.added, "changed": self.changed}


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _DAMAGED_CODES
    return type(exc) is sqlite3.DatabaseError


class UserStore:
    """The SQLite user store in `data_dir`; use `UserStore.open`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, message: Text | None) -> None:
        self.path = path
        self.message = message  # a damaged store moved aside, or a read-only folder; show it once
        self._conn = conn
        self._lock = threading.Lock()
        self.writable = True  # False: the data folder is read-only; nothing can be imported
        self.refusal: Text | None = None  # why it is not writable, when not the folder's fault

    # ----- opening
    @classmethod
    def open(cls, data_dir: str | os.PathLike[str]) -> UserStore:
        folder = Path(data_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                return cls.read_only(folder)
            reason = exc.strerror or exc
            raise StoreError(Text(f"De gegevensmap {folder} kan niet worden gemaakt: {reason}.",
                                  f"The data folder {folder} cannot be created: {reason}."),
                             "no_folder") from None
        path = folder / STORE_NAME
        refused = _not_a_file(path)
        if refused is not None:  # a folder or a named pipe of that name: left where it is
            return cls._memory_refusing(path, refused)
        if path.exists() and not os.access(path, os.W_OK):
            return cls._kept_read_only(path, _read_only_file_text(path))
        if path.exists() and not os.access(folder, os.W_OK):
            return cls._kept_read_only(path, _read_only_folder_text(path))
        try:
            return cls(path, _connect_checked(path), None)
        except _Newer as newer:
            return cls._kept_read_only(path, _newer_text(path, newer.version))
        except StoreError as exc:
            if exc.code == "unopenable" and not os.access(folder, os.W_OK):
                return cls.read_only(folder)
            raise
        except _Damaged as damaged:
            aside = _move_aside(path)
            message = Text(
                f"De eigen gegevens in {path.name} waren beschadigd ({damaged.reason.nl}). Het bestand is "
                f"bewaard als {aside.name}; de viewer begint met alleen de meegeleverde cijfers.",
                f"Your own data in {path.name} was damaged ({damaged.reason.en}). The file was kept as "
                f"{aside.name}; the viewer starts with the bundled figures only.")
            try:
                return cls(path, _connect_checked(path), message)
            except _Damaged as again:  # pragma: no cover - a fresh file cannot be damaged
                raise StoreError(again.reason, "damaged") from None

    @classmethod
    def read_only(cls, folder: Path, message: Text | None = None) -> UserStore:
        """An empty store in memory when the data folder cannot be written (a locked-down
        profile, a read-only drive): the viewer starts on the bundled data and says so."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        _check_schema(conn)
        store = cls(folder / STORE_NAME, conn, message or Text(
            f"De map voor eigen gegevens ({folder}) is alleen-lezen; de viewer toont alleen de "
            "meegeleverde cijfers en kan nu niets importeren.",
            f"The folder for your own data ({folder}) is read-only; the viewer shows the bundled "
            "figures only and cannot import now."))
        store.writable = False
        return store

    @classmethod
    def _kept_read_only(cls, path: Path, message: Text) -> UserStore:
        """The store as it is, opened read-only: its figures show, nothing can change it."""
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            for table, columns in _TABLES.items():
                found = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
                if not columns <= found:  # a newer layout we cannot read: show none of it
                    conn.close()
                    return cls._memory_refusing(path, message)
        except sqlite3.Error:
            return cls._memory_refusing(path, message)
        store = cls(path, conn, message)
        store.writable = False
        store.refusal = message
        return store

    @classmethod
    def _memory_refusing(cls, path: Path, message: Text) -> UserStore:
        store = cls.read_only(path.parent, message)
        store.refusal = message
        return store

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> UserStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- writing
    def apply(self, result: ImportResult,
              file_path: str | os.PathLike[str] | None = None) -> ImportRecord:
        """Store the new and changed rows of `result` as one import; all or nothing."""
        if result.has_errors or result.unusable:
            raise StoreError(Text(f"{result.file} heeft fouten; er is niets geïmporteerd.",
                                  f"{result.file} has errors; nothing was imported."), "has_errors")
        name = Path(file_path).name if file_path else result.file
        rows = result.to_store
        added = sum(1 for r in rows if r.status == "new")
        changed = len(rows) - added
        import datetime as _dt

        time = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
        with self._write() as cur:
            cur.execute("INSERT INTO imports (file_name, sha256, time, added, changed) "
                        "VALUES (?, ?, ?, ?, ?)", (name, result.sha256, time, added, changed))
            import_id = int(cur.lastrowid or 0)
            source_ids: dict[tuple[str, str, str], str] = {}
            for r in rows:
                key = (r.publisher, r.url, r.published)
                if key not in source_ids:
                    sid = f"user-{import_id}" + (f"-{len(source_ids) + 1}" if source_ids else "")
                    source_ids[key] = sid
                    cur.execute("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?)",
                                (sid, import_id, r.publisher or name, name, r.url, r.published))
            used = {r.metric for r in rows}
            units = {m.unit for m in result.metrics.values() if m.id in used}
            cur.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?)", [
                (import_id, u.id, u.kind, u.label.nl, u.label.en, u.decimals)
                for u in result.units.values() if u.id in units])
            cur.executemany("INSERT INTO metrics VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
                (import_id, m.id, m.category, m.unit, m.label.nl, m.label.en, m.definition.nl,
                 m.definition.en)
                for m in result.metrics.values() if m.id in used])
            cur.executemany(
                "INSERT INTO observations (import_id, metric, year, half, value, approximate, source, note) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ((import_id, r.metric, r.period.year, r.period.half, r.value, int(r.approximate),
                  source_ids[(r.publisher, r.url, r.published)], r.note) for r in rows))
        return ImportRecord(import_id, name, result.sha256, time, added, changed)

    def undo(self, import_id: int) -> ImportRecord:
        """Remove exactly the rows of one import, in one transaction."""
        with self._write() as cur:
            row = cur.execute(f"SELECT {_RECORD} FROM imports WHERE id = ?", (int(import_id),)).fetchone()
            if row is None:
                raise StoreError(Text(f"Er is geen import met nummer {import_id}.",
                                      f"There is no import with number {import_id}."), "unknown_import")
            for table in ("observations", "metrics", "units", "sources"):
                cur.execute(f"DELETE FROM {table} WHERE import_id = ?", (row[0],))
            cur.execute("DELETE FROM imports WHERE id = ?", (row[0],))
        return ImportRecord(*row)

    # ----- reading
    def imports(self) -> list[ImportRecord]:
        with self._read() as conn:
            rows = conn.execute(f"SELECT {_RECORD} FROM imports ORDER BY id")
            return [ImportRecord(*r) for r in rows.fetchall()]

    def overlay(self, dataset: Dataset) -> Dataset:
        """`dataset` with the user's metrics and sources laid over it, and the user's values
        read per metric when they are asked for (store_values.py); nothing deferred when the
        store holds no values."""
        with self._read() as conn:
            conn.execute("BEGIN")  # one consistent snapshot of the small tables
            try:
                unit_rows = conn.execute("SELECT id, kind, label_nl, label_en, decimals FROM units "
                                         "ORDER BY import_id").fetchall()
                metric_rows = conn.execute("SELECT * FROM metrics ORDER BY import_id").fetchall()
                source_rows = conn.execute("SELECT * FROM sources ORDER BY import_id, id").fetchall()
                has_values = conn.execute("SELECT 1 FROM observations LIMIT 1").fetchone()
            finally:
                conn.execute("COMMIT")
        units: dict[str, Unit] = {}
        for uid, kind, lnl, len_, decimals in unit_rows:
            if uid not in dataset.units and kind in ("count", "percent", "change", "rate", "duration"):
                units[uid] = Unit(uid, kind, Text(lnl, len_), int(decimals))
        metrics: dict[str, Metric] = {}
        with collector_paused():  # ten thousand series: no collections of what stays anyway
            for _imp, mid, category, unit, lnl, len_, dnl, den in metric_rows:
                if mid not in dataset.metrics and (unit in dataset.units or unit in units):
                    metrics[mid] = Metric(mid, category, unit, Text(lnl, len_), Text(dnl, den),
                                          user=True)
        used_units = {m.unit for m in metrics.values()}
        new_units = [u for u in units.values() if u.id in used_units]  # a new series' own unit
        sources = [Source(sid, publisher, title, url, published, primary=False, user=True)
                   for sid, _imp, publisher, title, url, published in source_rows]
        if has_values:
            out = dataset.with_deferred(StoreValues(self), metrics.values(), sources, new_units)
        else:
            out = dataset.with_observations((), metrics.values(), sources, new_units)
        if any(m.category not in out.categories for m in metrics.values()):
            out.categories = {**out.categories, USER_CATEGORY.id: USER_CATEGORY}
        return out

    # ----- transactions
    def _write(self) -> _Transaction:
        if not self.writable and self.refusal is not None:
            raise StoreError(Text(f"Er is niets gewijzigd. {self.refusal.nl}",
                                  f"Nothing was changed. {self.refusal.en}"), "read_only")
        if not self.writable:
            raise StoreError(Text(f"{self.path.name} kan niet worden bijgewerkt: de map {self.path.parent} "
                                  "is alleen-lezen. Er is niets gewijzigd.",
                                  f"{self.path.name} cannot be updated: the folder {self.path.parent} is "
                                  "read-only. Nothing was changed."), "read_only")
        return _Transaction(self, immediate=True)

    def _read(self) -> _Transaction:
        return _Transaction(self, immediate=False)


class _Transaction:
    """`with store._write() as cur`: BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error."""

    def __init__(self, store: UserStore, immediate: bool) -> None:
        self.store, self.immediate = store, immediate

    def __enter__(self):
        self.store._lock.acquire()
        conn = self.store._conn
        if not self.immediate:
            return conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            self.store._lock.release()
            raise _store_error(exc, self.store.path) from None
        return conn.cursor()

    def __exit__(self, exc_type, exc, tb) -> None:
        conn, path = self.store._conn, self.store.path
        try:
            if self.immediate and exc_type is None:
                try:
                    conn.execute("COMMIT")
                    return
                except sqlite3.Error as commit_exc:
                    _rollback(conn)
                    raise _store_error(commit_exc, path) from None
            if exc_type is not None:
                _rollback(conn)
            if isinstance(exc, sqlite3.Error):  # reads too: a locked or broken file is a message
                raise _store_error(exc, path) from None
        finally:
            self.store._lock.release()


def _rollback(conn: sqlite3.Connection) -> None:
    """Undo the open transaction, if any; a failure here must not hide the first error."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass


_SQLITE_READONLY, _SQLITE_FULL = 8, 13


def _store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError) and "locked" in text:
        return StoreError(Text(f"{path.name} is bezet door een ander venster; probeer het zo opnieuw.",
                               f"{path.name} is busy in another window; try again in a moment."), "busy")
    if code == _SQLITE_FULL or "disk is full" in text:
        return StoreError(Text(f"{path.name} kan niet worden bijgewerkt: de schijf is vol. Er is niets "
                               "gewijzigd; maak ruimte vrij en probeer het opnieuw.",
                               f"{path.name} cannot be updated: the disk is full. Nothing was changed; "
                               "free some space and try again."), "disk_full")
    if code == _SQLITE_READONLY or "readonly" in text:
        return StoreError(Text(f"{path.name} kan niet worden bijgewerkt: de map {path.parent} is "
                               "alleen-lezen. Er is niets gewijzigd.",
                               f"{path.name} cannot be updated: the folder {path.parent} is read-only. "
                               "Nothing was changed."), "read_only")
    why = _sqlite_reason(exc)
    return StoreError(Text(f"{path} kan niet worden bijgewerkt: {why.nl}. Er is niets gewijzigd.",
                           f"{path} cannot be updated: {why.en}. Nothing was changed."), "sqlite")


_SQLITE_REASONS = (
    ("unable to open", Text("het bestand kan niet worden geopend (is het een map, of mag de map "
                            "niet worden beschreven?)",
                            "the file cannot be opened (is it a folder, or may the folder not be "
                            "written?)")),
    ("disk i/o error", Text("de schijf gaf een lees- of schrijffout",
                            "the drive reported a read or write error")),
    ("readonly", Text("het bestand is alleen-lezen", "the file is read-only")),
    ("malformed", Text("het bestand is beschadigd", "the file is damaged")),
    ("not a database", Text("het is geen SQLite-bestand", "it is not an SQLite file")),
)


def _sqlite_reason(exc: sqlite3.Error) -> Text:
    """SQLite's English error in our own words, in both languages."""
    text = str(exc).lower()
    for key, reason in _SQLITE_REASONS:
        if key in text:
            return reason
    return Text(f"onverwachte fout van SQLite ({exc})", f"unexpected SQLite error ({exc})")


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


def _connect_checked(path: Path) -> sqlite3.Connection:
    """A connection to a valid store at `path`, creating the schema in a new or empty file."""
    try:
        conn = _connect(path)
    except sqlite3.DatabaseError as exc:
        if _is_damage(exc):
            raise _Damaged(Text("geen SQLite-bestand", "not an SQLite file")) from None
        why = _sqlite_reason(exc)
        raise StoreError(Text(f"{path} kan niet worden geopend: {why.nl}.",
                              f"{path} cannot be opened: {why.en}."), "unopenable") from None
    try:
        _check_schema(conn)
    except (_Damaged, _Newer):
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        if _is_damage(exc):
            raise _Damaged(Text("geen geldig SQLite-bestand", "not a valid SQLite file")) from None
        why = _sqlite_reason(exc)
        raise StoreError(Text(f"{path} kan niet worden geopend: {why.nl}.",
                              f"{path} cannot be opened: {why.en}."), "unopenable") from None
    return conn


FULL_CHECK_BYTES = 8 << 20


def _quick_check(conn: sqlite3.Connection) -> bool:
    """SQLite's quick_check of the whole file, or of its small tables only when the file is
    large: a full check of a million values takes a third of a second at every start. The
    values table of a large store is checked by SQLite page by page as it is read."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    size = pages * conn.execute("PRAGMA page_size").fetchone()[0]
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if size <= FULL_CHECK_BYTES or not {"imports", "metrics", "sources"} <= names:
        return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
    return all(conn.execute(f"PRAGMA quick_check({table})").fetchone()[0] == "ok"
               for table in ("imports", "metrics", "sources"))


def _check_schema(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")  # two windows opening a new store at once create it once
    try:
        if not _quick_check(conn):
            raise _Damaged(Text("de inhoud is beschadigd", "its contents are corrupt"))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        tables.discard("sqlite_sequence")
        if version == 0 and not tables:
            for statement in (_SCHEMA + _SCHEMA_UNITS).split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        elif version > SCHEMA_VERSION:
            raise _Newer(version)
        elif version not in (1, SCHEMA_VERSION):
            raise _Damaged(Text("geen gegevensbestand van deze viewer",
                                "not a data file of this viewer"))
        else:
            for table, columns in _TABLES.items():
                found = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
                if not columns <= found:
                    raise _Damaged(Text(f"tabel {table} is onvolledig", f"table {table} is incomplete"))
            if version == 1:  # a store from before units could be imported: add their table
                conn.execute(_SCHEMA_UNITS)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            found = {r[1] for r in conn.execute("PRAGMA table_info(units)")}
            if not _UNIT_COLUMNS <= found:
                raise _Damaged(Text("tabel units is onvolledig", "table units is incomplete"))
            conn.execute(METRIC_INDEX)  # stores made before values were read per metric
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _move_aside(path: Path) -> Path:
    """Rename a damaged store (and its journal) to meldpunt.sqlite.damaged-YYYYMMDD-HHMMSS."""
    try:
        aside = set_aside(path)
        for suffix in ("-journal", "-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + suffix))
    except OSError as exc:
        reason = exc.strerror or exc
        raise StoreError(Text(f"{path} is beschadigd en kan niet opzij worden gezet: {reason}.",
                              f"{path} is damaged and cannot be moved aside: {reason}."),
                         "damaged") from None
    return aside

