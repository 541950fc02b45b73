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
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from meldpunt_gui.data.store_errors import (
    Damaged,
    Newer,
    StoreError,
    mark_damaged,
    newer_text,
    not_a_file,
    out_of_rules_text,
    read_error,
    read_only_file_text,
    read_only_folder_text,
    store_error,
)
from meldpunt_gui.data.store_metrics import StoreMetrics
from meldpunt_gui.data.store_schema import (
    FULL_CHECK_BYTES,
    SCHEMA_VERSION,
    TABLES,
    check_schema,
    connect_checked,
    move_aside,
)
from meldpunt_gui.data.store_summary import spans_out_of_rules
from meldpunt_gui.data.store_types import all_text, not_text_imports, not_text_text, record_fields
from meldpunt_gui.data.store_values import StoreValues
from meldpunt_gui.files.locations import STORE_NAME as STORE_NAME
from meldpunt_gui.files.os_reason import os_reason
from meldpunt_gui.model.domain import Category, Dataset, Source, Text, Unit
from meldpunt_gui.model.overlay import with_store
from meldpunt_gui.model.values import Frozen
from meldpunt_gui.model.vocabulary import YEAR_MAX, YEAR_MIN
from meldpunt_gui.text.plain import printable, shown_name

if TYPE_CHECKING:  # the import model is needed to write, not to read the store
    from meldpunt_gui.imports.model import ImportResult

_set = object.__setattr__  # Frozen types set their fields once, in __init__
USER_CATEGORY = Category("user", Text("Eigen reeksen", "Own series"), 10_000)

_RECORD = "id, file_name, sha256, time, added, changed"


class ImportRecord(Frozen):
    """One line of the import log."""

    __slots__ = ("id", "file_name", "sha256", "time", "added", "changed")
    id: int
    file_name: str
    sha256: str
    time: str  # ISO 8601 with the local offset
    added: int
    changed: int

    def __init__(self, id: int, file_name: str, sha256: str, time: str, added: int, changed: int) -> None:
        _set(self, "id", id)
        _set(self, "file_name", shown_name(file_name))  # also a name read from an older store
        _set(self, "sha256", sha256)
        _set(self, "time", time)
        _set(self, "added", added)
        _set(self, "changed", changed)

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "file": self.file_name, "sha256": self.sha256, "time": self.time,
                "added": self.added, "changed": self.changed}


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
            why = os_reason(exc)
            raise StoreError(Text(f"De gegevensmap {folder} kan niet worden gemaakt: {why.nl}.",
                                  f"The data folder {folder} cannot be created: {why.en}."),
                             "no_folder") from None
        path = folder / STORE_NAME
        refused = not_a_file(path)
        if refused is not None:  # a folder or a named pipe of that name: left where it is
            return cls._memory_refusing(path, refused)
        if path.exists() and not os.access(path, os.W_OK):
            return cls._kept_read_only(path, read_only_file_text(path))
        if path.exists() and not os.access(folder, os.W_OK):
            return cls._kept_read_only(path, read_only_folder_text(path))
        try:
            store = cls(path, connect_checked(path), None)
        except Newer as newer:
            return cls._kept_read_only(path, newer_text(path, newer.version, SCHEMA_VERSION))
        except StoreError as exc:
            if exc.code == "unopenable" and not os.access(folder, os.W_OK):
                return cls.read_only(folder)
            raise
        except Damaged as damaged:
            aside = move_aside(path)
            message = Text(
                f"De eigen gegevens in {path.name} waren beschadigd ({damaged.reason.nl}). Het bestand is "
                f"bewaard als {aside.name}; de viewer begint met alleen de meegeleverde cijfers.",
                f"Your own data in {path.name} was damaged ({damaged.reason.en}). The file was kept as "
                f"{aside.name}; the viewer starts with the bundled figures only.")
            try:
                return cls(path, connect_checked(path), message)
            except Damaged as again:  # pragma: no cover - a fresh file cannot be damaged
                raise StoreError(again.reason, "damaged") from None
        with store._read() as conn:
            odd = spans_out_of_rules(conn, YEAR_MIN, YEAR_MAX)
            small = path.stat().st_size <= FULL_CHECK_BYTES  # its values are scanned too
            binary = not_text_imports(conn, with_values=small)
        said = [t for t in (out_of_rules_text(path, odd) if odd else None,
                            not_text_text(path, binary) if binary else None) if t is not None]
        if said:
            store.message = Text(" ".join(t.nl for t in said), " ".join(t.en for t in said))
        return store

    @classmethod
    def read_only(cls, folder: Path, message: Text | None = None) -> UserStore:
        """An empty store in memory when the data folder cannot be written (a locked-down
        profile, a read-only drive): the viewer starts on the bundled data and says so."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        check_schema(conn)
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
            for table, columns in TABLES.items():
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
        name = shown_name(Path(file_path).name) if file_path else shown_name(result.file)
        from meldpunt_gui.data.store_names import index_names, series_keys
        from meldpunt_gui.data.store_summary import sum_up
        from meldpunt_gui.data.store_write import insert_values
        from meldpunt_gui.imports.rowset import stored_spans, stored_values

        counts = result.counts()
        added, changed = counts["new"], counts["changed"]
        source_keys, used, values = stored_values(result.rows)
        import datetime as _dt

        time = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
        with self._write() as cur:
            cur.execute("INSERT INTO imports (file_name, sha256, time, added, changed) "
                        "VALUES (?, ?, ?, ?, ?)", (name, result.sha256, time, added, changed))
            import_id = int(cur.lastrowid or 0)
            source_ids: list[str] = []
            for publisher, url, published in source_keys:  # one source per combination, in row order
                sid = f"user-{import_id}" + (f"-{len(source_ids) + 1}" if source_ids else "")
                source_ids.append(sid)
                cur.execute("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?)",
                            (sid, import_id, publisher or name, name, url, published))
            units = {m.unit for m in result.metrics.values() if m.id in used}
            cur.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?)", [
                (import_id, u.id, u.kind, u.label.nl, u.label.en, u.decimals)
                for u in result.units.values() if u.id in units])
            cur.executemany("INSERT INTO metrics VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
                (import_id, m.id, m.category, m.unit, m.label.nl, m.label.en, m.definition.nl,
                 m.definition.en)
                for m in result.metrics.values() if m.id in used])
            conn = cur.connection
            insert_values(conn, values(import_id, source_ids), added + changed)
            # the derived tables of this import, in its transaction: none to make at the next
            # opening; from what it writes, not read back
            keys = series_keys((m.id, m.label.nl, m.label.en) for m in result.metrics.values() if m.id in used)
            index_names(conn, {import_id: keys})
            sum_up(conn, {import_id: stored_spans(result.rows)})
        return ImportRecord(import_id, name, result.sha256, time, added, changed)

    def undo(self, import_id: int) -> ImportRecord:
        """Remove exactly the rows of one import, in one transaction."""
        with self._write() as cur:
            # SQLite holds 64-bit numbers: a larger one names no import either (it ended in
            # an OverflowError)
            fits = -(2 ** 63) <= int(import_id) < 2 ** 63
            row = cur.execute(f"SELECT {_RECORD} FROM imports WHERE id = ?",
                              (int(import_id),)).fetchone() if fits else None
            if row is None:
                raise StoreError(Text(f"Er is geen import met nummer {import_id}.",
                                      f"There is no import with number {import_id}."), "unknown_import")
            for table in ("observations", "metrics", "units", "sources"):
                cur.execute(f"DELETE FROM {table} WHERE import_id = ?", (row[0],))
            cur.execute("DELETE FROM imports WHERE id = ?", (row[0],))
        return ImportRecord(*record_fields(row))

    # ----- reading
    def imports(self) -> list[ImportRecord]:
        with self._read() as conn:
            rows = conn.execute(f"SELECT {_RECORD} FROM imports ORDER BY id")
            return [ImportRecord(*record_fields(r)) for r in rows.fetchall()]

    def overlay(self, dataset: Dataset) -> Dataset:
        """`dataset` with the user's metrics and sources laid over it, the metrics and values
        read from the store when they are asked for (store_metrics.py, store_values.py); nothing
        deferred when the store holds no values."""
        bundled = list(dataset.metrics)
        with self._read() as conn:
            conn.execute("BEGIN")  # one consistent snapshot of the small tables
            try:
                unit_rows = conn.execute("SELECT id, kind, label_nl, label_en, decimals FROM units "
                                         "ORDER BY import_id").fetchall()
                source_rows = conn.execute("SELECT * FROM sources ORDER BY import_id, id").fetchall()
                has_values = conn.execute("SELECT 1 FROM observations LIMIT 1").fetchone()
                units: dict[str, Unit] = {}
                for uid, kind, lnl, len_, decimals in unit_rows:
                    if not (all_text((uid, kind, lnl, len_)) and type(decimals) is int):
                        continue  # a row edited outside the viewer (store_types.py)
                    if uid not in dataset.units and kind in ("count", "percent", "change", "rate", "duration"):
                        units[uid] = Unit(uid, kind, Text(printable(str(lnl)), printable(str(len_))), int(decimals))
                known = [*dataset.units, *units]
                # the units and categories of the series that count (the latest import of each)
                # (SQLite takes the bare columns of a max() query from the row with the max)
                used = conn.execute(
                    "SELECT DISTINCT unit, category FROM (SELECT unit, category, max(import_id)"
                    f" FROM metrics WHERE unit IN ({','.join('?' * len(known))})"
                    f" AND id NOT IN ({','.join('?' * len(bundled))}) GROUP BY id)",
                    [*known, *bundled]).fetchall()
            finally:
                conn.execute("COMMIT")
        used_units = {unit for unit, _category in used}
        new_units = [u for u in units.values() if u.id in used_units]  # a new series' own unit
        sources = [Source(sid, publisher, title, url, published, primary=False, user=True)
                   for sid, _imp, publisher, title, url, published in source_rows
                   if all_text((sid, publisher, title, url, published))]
        values = StoreValues(self)
        metrics = StoreMetrics(dataset.metrics, values, known) if used else dataset.metrics
        out = with_store(dataset, metrics, sources, new_units, values if has_values else None)
        if any(category not in out.categories for _unit, category in used):
            out.categories = {**out.categories, USER_CATEGORY.id: USER_CATEGORY}
        return out

    # ----- transactions
    def _write(self) -> _Writing:
        if not self.writable and self.refusal is not None:
            raise StoreError(Text(f"Er is niets gewijzigd. {self.refusal.nl}",
                                  f"Nothing was changed. {self.refusal.en}"), "read_only")
        if not self.writable:
            raise StoreError(Text(f"{self.path.name} kan niet worden bijgewerkt: de map {self.path.parent} "
                                  "is alleen-lezen. Er is niets gewijzigd.",
                                  f"{self.path.name} cannot be updated: the folder {self.path.parent} is "
                                  "read-only. Nothing was changed."), "read_only")
        return _Writing(self)

    def _read(self) -> _Reading:
        return _Reading(self)


class _Transaction:
    """The store's lock for one `with`, and on leaving it COMMIT (writes) or ROLLBACK on any
    error; an SQLite error inside becomes a StoreError that says what happened."""

    immediate = False

    def __init__(self, store: UserStore) -> None:
        self.store = store

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        conn, path = self.store._conn, self.store.path
        try:
            if self.immediate and exc_type is None:
                try:
                    conn.execute("COMMIT")
                    return
                except sqlite3.Error as commit_exc:
                    _rollback(conn)
                    raise store_error(commit_exc, path) from None
            if exc_type is not None:
                _rollback(conn)
            if isinstance(exc, sqlite3.Error):  # reads too: a locked or broken file is a message
                if self.immediate:
                    raise store_error(exc, path) from None
                failed = read_error(exc, path)
                if failed.code == "damaged":
                    mark_damaged(path)  # the next opening checks the whole file and sets it aside
                raise failed from None
        finally:
            self.store._lock.release()


class _Reading(_Transaction):
    """`with store._read() as conn`: the connection, under the store's lock."""

    def __enter__(self) -> sqlite3.Connection:
        self.store._lock.acquire()
        return self.store._conn


class _Writing(_Transaction):
    """`with store._write() as cur`: BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error."""

    immediate = True

    def __enter__(self) -> sqlite3.Cursor:
        self.store._lock.acquire()
        conn = self.store._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            self.store._lock.release()
            raise store_error(exc, self.store.path) from None
        return conn.cursor()


def _rollback(conn: sqlite3.Connection) -> None:
    """Undo the open transaction, if any; a failure here must not hide the first error."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass
