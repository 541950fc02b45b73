"""The store's column types are not trusted: SQLite keeps a BLOB (or a number) in a TEXT column
as it is, and a store edited in DB Browser, or copied from one, may hold one.

Such a value broke pack export (`bytes` has no `isprintable`), the import history (a table cell
cannot hold bytes) and `imports` (a format of bytes), and `str()` showed it as `b'\\xff\\x00'`
in list-metrics and every tooltip. A value, series, unit or source row with one is left out
like a value outside the import's rules; a line of the import log is kept (so the import can
still be undone) with the bytes read as text. At opening the imports holding such rows are
named, in the message the window shows and the command line prints.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from meldpunt_gui.model.domain import Text
from meldpunt_gui.text.plain import printable

# the columns an import writes as text, per table (their import_id names the import)
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "metrics": ("id", "category", "unit", "label_nl", "label_en", "definition_nl", "definition_en"),
    "units": ("id", "kind", "label_nl", "label_en"),
    "sources": ("id", "publisher", "title", "url", "published"),
    "observations": ("metric", "source", "note"),
}


def all_text(values: Iterable[object]) -> bool:
    """True when every value is a str, as an import writes it."""
    return all(type(v) is str for v in values)


def as_text(value: object) -> str:
    """A log field shown as text: bytes read as UTF-8 (a bad byte as U+FFFD), never `b'..'`."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return printable(bytes(value).decode("utf-8", "replace"))
    return "" if value is None else str(value)


def as_count(value: object) -> int:
    return value if type(value) is int and value >= 0 else 0


def record_fields(row: Sequence[object]) -> tuple[int, str, str, str, int, int]:
    """An import log row (id, file_name, sha256, time, added, changed) with its types made right."""
    rid, file_name, sha256, time, added, changed = row
    return as_count(rid), as_text(file_name), as_text(sha256), as_text(time), as_count(added), as_count(changed)


def not_text_imports(conn: sqlite3.Connection, with_values: bool) -> list[int]:
    """The imports with a row whose text columns hold something else; the values table only
    with `with_values` (a full scan: done for a small store only, as its full check is)."""
    found: set[int] = set()
    for table, columns in TEXT_COLUMNS.items():
        if table == "observations" and not with_values:
            continue
        where = " OR ".join(f"typeof({c}) != 'text'" for c in columns)
        try:
            found.update(r[0] for r in conn.execute(f"SELECT DISTINCT import_id FROM {table} WHERE {where}")
                         if type(r[0]) is int)
        except sqlite3.Error:  # a table a store kept read-only as it was lacks: nothing known
            continue
    return sorted(found)


def not_text_text(path: Path, imports: list[int]) -> Text:
    listed = ", ".join(str(i) for i in imports[:10]) + (" …" if len(imports) > 10 else "")
    return Text(f"{path.name} bevat rijen met binaire gegevens waar tekst hoort, in import {listed}; het "
                "bestand is buiten de viewer bewerkt. Die rijen zijn weggelaten; de rest wordt getoond. "
                "Maak de import zo nodig ongedaan in Gegevens > Importgeschiedenis.",
                f"{path.name} holds rows with binary data where text belongs, in import {listed}; the "
                "file was edited outside the viewer. Those rows are left out; the rest is shown. Undo "
                "the import if need be in Data > Import history.")
