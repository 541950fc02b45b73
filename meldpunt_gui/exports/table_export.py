"""'Tabel exporteren': the Table tab written exactly as shown, as CSV or XLSX.

Where the data export writes one long row per value (for analysis), this writes the table a
reader sees: periods as rows, per series its value with ca. and status marks and its change,
and the key to the marks below. Every text cell is neutralised for Excel; the file is written
safely (temporary file, then renamed).
"""

from __future__ import annotations

import csv
import io
import os

from meldpunt_gui.exports.data_export import csv_dialect, neutralise
from meldpunt_gui.exports.workbook import Sheet, build_xlsx
from meldpunt_gui.files.safewrite import write_atomic
from meldpunt_gui.model.bilingual import Text
from meldpunt_gui.text.tabular import Table

FORMATS = ("csv", "xlsx")
SHEET = Text("Tabel", "Table")


def _body(table: Table) -> tuple[list[str], list[list[str]]]:
    """Header and rows; the headers carry series labels from files and are neutralised. The
    cells are our own text ('ca. 145.000', '-65%': a sign that Excel reads as a number, never a
    formula) and stay as shown."""
    head, *rows = table.shown_rows()
    body = [list(row) for row in rows]
    if table.key:
        body.append([])
        body.extend([k] for k in table.key)
    return [neutralise(h) for h in head], body


def table_csv_bytes(table: Table) -> bytes:
    """UTF-8 with BOM, CRLF, the language's delimiter (';' in Dutch), as in the data export."""
    delimiter, _ = csv_dialect(table.lang)
    head, body = _body(table)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(head)
    writer.writerows(body)
    return buf.getvalue().encode("utf-8-sig")


def table_xlsx_bytes(table: Table) -> bytes:
    head, body = _body(table)
    widths = [14.0] + [max(12.0, min(40.0, len(h) * 0.9)) for h in head[1:]]
    return build_xlsx([Sheet(SHEET.get(table.lang), head, body, widths=widths)])


def export_table(path: str | os.PathLike[str], fmt: str, table: Table) -> int:
    """Write `table` to `path`; returns the number of period rows. Raises ValueError for an
    unknown format and safewrite.SaveError when the file cannot be written."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown table export format: {fmt!r} (use csv or xlsx)")
    write_atomic(path, table_csv_bytes(table) if fmt == "csv" else table_xlsx_bytes(table))
    return len(table.rows)
