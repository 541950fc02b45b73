"""Workbooks (XLSX) written with XlsxWriter, the field's well-kept library for it.

It gives Excel what a hand-written writer had to approximate: number formats, column widths, a
frozen, bold header row, wrapped text and document properties. Two things stay ours:
- every text cell is written as text (`write_string`), never guessed into a formula, number or
  link, so `=HYPERLINK(...)` in a note stays a note; the caller neutralises leading = + - @;
- a text longer than a cell holds (32.767 characters) refuses the export instead of being cut
  short without a word.

Knows nothing about the domain; `data_export` decides what goes into the cells.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import xlsxwriter

Cell = str | int | float | None

MAX_CELL_TEXT = 32767  # Excel's limit for one cell
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
# Excel reads "_x0041_" in a string as an escaped character; the underscore of a literal one is
# written escaped itself so the text comes back as it was.
_OOXML_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
# A fixed creation date keeps the same table's workbook byte for byte the same.
_CREATED = dt.datetime(2000, 1, 1)


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a header row (bold, frozen) and data rows."""

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    widths: Sequence[float] = ()  # column widths in characters; empty = estimated
    wrap: frozenset[int] = field(default_factory=frozenset)  # 0-based columns with wrapped text


class CellTooLong(ValueError):
    """A text longer than an Excel cell holds: the export is refused, nothing is cut."""

    def __init__(self, sheet: str, row: int, column: int, length: int) -> None:
        super().__init__(f"{sheet}!R{row}C{column}: {length} characters, at most {MAX_CELL_TEXT}")
        self.sheet, self.row, self.column, self.length = sheet, row, column, length


def _check_sheet_name(name: str) -> None:
    if not name or len(name) > 31 or _BAD_SHEET_CHARS.search(name) or name[0] == "'" or name[-1] == "'":
        raise ValueError(f"not a valid sheet name: {name!r}")


def _estimated_widths(sheet: Sheet) -> list[float]:
    columns = max((len(r) for r in [sheet.header, *sheet.rows]), default=0)
    widths = []
    for c in range(columns):
        cells = [row[c] for row in [sheet.header, *sheet.rows[:200]] if c < len(row)]
        longest = max((len(str(v)) for v in cells if v is not None), default=0)
        widths.append(float(min(max(longest + 2, 8), 60)))
    return widths


def build_xlsx(sheets: Sequence[Sheet], title: str = "") -> bytes:
    """The bytes of a workbook with these sheets, in this order."""
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    names = [s.name for s in sheets]
    for name in names:
        _check_sheet_name(name)
    if len({n.lower() for n in names}) != len(names):
        raise ValueError(f"sheet names must differ: {names}")
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": title, "created": _CREATED})
    header = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    for sheet in sheets:
        ws = book.add_worksheet(sheet.name)
        for c, width in enumerate(list(sheet.widths) or _estimated_widths(sheet)):
            ws.set_column(c, c, width, wrap if c in sheet.wrap else None)
        ws.freeze_panes(1, 0)
        for r, row in enumerate([list(sheet.header), *sheet.rows]):
            for c, value in enumerate(row):
                _write(ws, sheet.name, r, c, value, header if r == 0 else None)
    book.close()
    return buf.getvalue()


def _write(ws: xlsxwriter.worksheet.Worksheet, sheet: str, r: int, c: int, value: Cell,
           fmt: xlsxwriter.format.Format | None) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        raise TypeError(f"booleans are written as text by the caller ({sheet}!R{r + 1}C{c + 1})")
    if isinstance(value, (int, float)):
        if math.isfinite(value):  # NaN and infinity have no cell
            ws.write_number(r, c, value, fmt)
        return
    text = _OOXML_ESCAPE_LIKE.sub(r"_x005F_\1", str(value))
    if len(text) > MAX_CELL_TEXT:
        raise CellTooLong(sheet, r + 1, c + 1, len(text))
    ws.write_string(r, c, text, fmt)
