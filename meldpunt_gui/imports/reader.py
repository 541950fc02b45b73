"""Reading a year-figures file a colleague mailed: CSV or XLSX, long or wide, Dutch or English.

`read_import` never raises for anything inside the file: whatever the bytes, the answer is an
ImportResult whose problems say what is wrong, where, in Dutch and English. Nothing here writes;
the store applies a result only when it has no errors.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from meldpunt_gui.data.gcpause import collector_paused
from meldpunt_gui.files.bounded import ReadRefused, read_bounded
from meldpunt_gui.imports.checks import check_rows
from meldpunt_gui.imports.files import (
    DELIMITER_NAMES,
    ENCODINGS,
    MAX_FILE_BYTES,
    Table,
    TableError,
    csv_reason,
    read_table,
)
from meldpunt_gui.imports.header import Header, cell_text, grouped_year, read_header, recognise
from meldpunt_gui.imports.model import (
    LAYOUT_LABELS,
    STATUS_LABELS,
    ImportResult,
    ImportRow,
    Problem,
    RowStatus,
    Severity,
)
from meldpunt_gui.imports.numbers import STYLE_LABELS, STYLES
from meldpunt_gui.imports.row_loops import long_rows, wide_rows
from meldpunt_gui.imports.rows import RowBuilder
from meldpunt_gui.model.domain import FOREIGN_DIGITS, Dataset, Text, foreign_digits

__all__ = [
    "read_import", "read_import_data", "ImportResult", "ImportRow", "Problem", "RowStatus", "Severity",
    "DELIMITER_NAMES", "ENCODINGS", "STYLES", "STYLE_LABELS", "LAYOUT_LABELS", "STATUS_LABELS",
]

HEADER_SEARCH_ROWS = 20
Progress = Callable[[float], "bool | None"]


def read_import(path: str | os.PathLike[str], dataset: Dataset, *, encoding: str | None = None,
                delimiter: str | None = None, number_style: str | None = None,
                sheet: str | None = None, progress: Progress | None = None) -> ImportResult:
    """Read and check an import file against `dataset` (the data now shown).

    `progress`, when given, is called now and then with the fraction read (0..1) from the thread
    that reads; returning False cancels (the result is then unusable with code "cancelled").
    """
    p = Path(path)
    res = ImportResult(file=p.name or str(p), path=str(p))
    try:
        data = read_bounded(p, MAX_FILE_BYTES)
    except ReadRefused as refused:
        code = {"missing": "missing", "too_big": "too_big"}.get(refused.kind, "unreadable")
        res.fail(refused.text, code)
        return res
    return read_import_data(data, p.name, dataset, res=res, encoding=encoding, delimiter=delimiter,
                            number_style=number_style, sheet=sheet, progress=progress)


def read_import_data(data: bytes, file_name: str, dataset: Dataset, *, res: ImportResult | None = None,
                     encoding: str | None = None, delimiter: str | None = None,
                     number_style: str | None = None, sheet: str | None = None,
                     progress: Progress | None = None) -> ImportResult:
    """`read_import` for bytes already in memory (drag and drop, tests)."""
    if number_style not in (None, "nl", "en"):
        raise ValueError(f"number_style must be 'nl', 'en' or None, not {number_style!r}")
    if delimiter is not None and len(delimiter) != 1:
        raise ValueError(f"delimiter must be one character, not {delimiter!r}")
    res = res or ImportResult(file=file_name)
    res.sha256 = hashlib.sha256(data).hexdigest()
    with collector_paused():  # a million rows are a million new objects and no cycles
        try:
            checked = _ticker(progress, len(data), 0.0, DECODE_SHARE)  # every few MB
            table = read_table(data, Path(file_name).suffix.lower(), res, recognise,
                               encoding=encoding, delimiter=delimiter, sheet=sheet, checked=checked)
            if table is not None:
                _build(table, dataset, res, number_style, progress)
        except Cancelled:
            res.rows = []
            res.fail(Text(f"Inlezen van {res.file} afgebroken.", f"Reading {res.file} was cancelled."),
                     "cancelled")
        except MemoryError:
            res.rows = []
            res.fail(Text(f"{res.file} is te groot om te lezen.", f"{res.file} is too large to read."),
                     "too_big")
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # a bug must still end in a message, not a traceback
            res.rows = []
            res.fail(Text(f"{res.file} kon niet gelezen worden (interne fout: {type(exc).__name__}).",
                          f"{res.file} could not be read (internal error: {type(exc).__name__})."), "internal")
    res.problems.sort(key=lambda p: (p.line is not None, p.line or 0))  # file-level first, then by line
    note = res.omitted_note()
    if note:
        res.problems.append(Problem(res.file, None, "", "warning", note, "omitted"))
    return res


def _blank(cells: Sequence[object]) -> bool:
    return not any(c != "" and c is not None for c in cells)


class Cancelled(Exception):
    """The progress callback asked to stop."""


DECODE_SHARE = 0.05  # of the progress bar: deciding the encoding; then the rows, then the checks
READ_SHARE = 0.85


def _ticker(progress: Progress | None, total: int, start: float = 0.0,
            share: float = READ_SHARE) -> Callable[[int], None] | None:
    """A check the row loops call every 16384 lines; None when nobody is watching."""
    if progress is None:
        return None
    total = max(total, 1)

    def tick(line: int) -> None:
        if progress(start + share * min(line / total, 1.0)) is False:
            raise Cancelled

    return tick


def _build(table: Table, ds: Dataset, res: ImportResult, number_style: str | None,
           progress: Progress | None = None) -> None:
    rows = table.rows
    header: Header | None = None
    above: list[int] = []
    years: list[tuple[str, int]] = []  # header cells such as "2.023": a year shown with grouping
    first: Sequence[object] = ()
    try:
        for line, cells in rows:
            if _blank(cells):
                continue
            header = read_header(cells)
            if header is not None:
                header_line = line
                break
            if not above:
                first = cells
                years = [(cell_text(c), y) for c in cells if (y := grouped_year(c))]
            above.append(line)
            if len(above) >= HEADER_SEARCH_ROWS:
                break
    except csv.Error as exc:  # a broken quote or a giant cell before any header
        why = _why(exc)
        res.fail(Text(f"{res.file} is geen leesbare tabel: {why.nl}", f"{res.file} is not a readable table: "
                      f"{why.en}"), "unreadable", getattr(exc, "line", None))
        return
    if header is None:
        if not above:
            res.fail(Text(f"{res.file} is leeg.", f"{res.file} is empty."), "empty")
            return
        hint = Text("", "")
        other = _other_separator(first) if table.kind == "csv" else None
        if other:
            hint = Text(f" Het bestand lijkt '{other}' als scheidingsteken te gebruiken; gebruik ';', ',' "
                        "of tab.",
                        f" The file seems to use '{other}' as separator; use ';', ',' or tab.")
        elif years:
            hint = Text(f" Kolomkoppen als '{years[0][0]}' lijken jaartallen met een punt; schrijf "
                        f"{years[0][1]}.",
                        f" Column headings such as '{years[0][0]}' look like years with a thousands "
                        f"separator; write {years[0][1]}.")
        res.error(above[0], "", Text(
            "Geen kopregel gevonden. Verwacht kolommen als reeks, periode, waarde (lang) of "
            f"reeks, 2023, 2024 (breed).{hint.nl}",
            "No header row found. Expected columns such as metric, period, value (long) or "
            f"metric, 2023, 2024 (wide).{hint.en}"), "no_header")
        return
    res.layout = header.layout
    if above:
        span = str(above[0]) if len(above) == 1 else f"{above[0]}-{above[-1]}"
        res.warning(above[0], "", Text(f"Regel {span} boven de kopregel is overgeslagen.",
                                       f"Line {span} above the header row was skipped."), "above_header")
    for _col, text in header.duplicates:
        res.error(header_line, text, Text(f"Kolom '{text}' staat twee keer in de kopregel.",
                                          f"Column '{text}' appears twice in the header row."),
                  "duplicate_column")
    for _col, text in header.unknown:
        if header.layout == "wide" and foreign_digits(text):  # "２０２３": a year in other digits
            res.error(header_line, text, Text(f"Kolomkop '{text}' {FOREIGN_DIGITS.nl}.",
                                              f"Column heading '{text}' {FOREIGN_DIGITS.en}."), "digits")
            continue
        year = grouped_year(text) if header.layout == "wide" else None
        if year:  # a year column whose values would silently stay behind
            res.error(header_line, text, Text(
                f"Kolomkop '{text}' is geen jaar. Bedoeld: {year}? Schrijf het jaar zonder punt of spatie.",
                f"Column heading '{text}' is not a year. Did you mean {year}? Write the year without a "
                "thousands separator."), "bad_period")
            continue
        if header.layout == "wide" and _PERIOD_LIKE.match(text):  # 2101, 1989, 2024-H3: its figures would stay behind
            shown = text.strip()[:40]
            res.error(header_line, text, Text(
                f"Periode '{shown}' is geen jaar (1990-2100) of halfjaar (zoals 2023-H1).",
                f"Period '{shown}' is not a year (1990-2100) or a half-year (such as 2023-H1)."), "bad_period")
            continue
        res.warning(header_line, text, Text(f"Kolom '{text}' wordt niet gebruikt.",
                                            f"Column '{text}' is not used."), "unused_column")
    b = RowBuilder(res, ds, header, table.flags, table.kind)
    tick = _ticker(progress, table.lines, DECODE_SHARE, READ_SHARE - DECODE_SHARE)
    try:
        (long_rows if header.layout == "long" else wide_rows)(rows, b, tick)
    except csv.Error as exc:  # a broken quote or a giant cell halfway: report it, keep what was read
        why = _why(exc)
        res.error(getattr(exc, "line", None), "", Text(f"Het bestand is vanaf hier niet leesbaar: {why.nl}",
                                                       f"The file is unreadable from here on: {why.en}"),
                  "unreadable")
    if b.data_rows == 0 and not res.has_errors:
        res.fail(Text(f"{res.file} bevat alleen een kopregel en geen cijfers.",
                      f"{res.file} contains only a header row and no figures."), "header_only")
        return
    if b.skipped_alternatives:
        res.warning(None, header.name(header.roles["shown"]), Text(
            f"{b.skipped_alternatives} alternatieve waarden (niet getoond) zijn overgeslagen.",
            f"{b.skipped_alternatives} alternative values (not shown) were skipped."), "alternatives")
    keep = b.settle(number_style)
    value_column = header.name(header.roles["value"]) if header.layout == "long" else None
    period_column = header.name(header.roles["period"]) if header.layout == "long" else None
    res.rows = check_rows(b.rows, keep, res, ds, value_column, period_column,
                          tick=_ticker(progress, len(b.rows), READ_SHARE, 1 - READ_SHARE),
                          period_index=header.roles["period"] if header.layout == "long" else None)
    if not res.rows and not res.has_errors:  # every value cell empty: say so, not "nothing changes"
        res.fail(Text(f"{res.file} bevat geen cijfers: alle waardecellen zijn leeg.",
                      f"{res.file} contains no figures: every value cell is empty."), "no_values")
    if progress is not None:
        progress(1.0)


def _why(exc: csv.Error) -> Text:
    """What the csv module stumbled over, in both languages (TableError carries it already)."""
    return exc.message if isinstance(exc, TableError) else csv_reason(str(exc))


# a heading written as a period, of any year or half: in a wide file it is a period column
_PERIOD_LIKE = re.compile(r"^\s*(?:[0-9]{4}(?:\s*-?\s*[Hh][0-9]+)?|[Hh][0-9]+\s+[0-9]{4})\s*$")
OTHER_SEPARATORS = ("|", ":", "~", "^", "#", "!")


def _other_separator(cells: Sequence[object]) -> str | None:
    """A separator we do not read that would make `cells` a header ('metric|period|value')."""
    text = "".join(cell_text(c) for c in cells)
    return next((sep for sep in OTHER_SEPARATORS if sep in text and read_header(text.split(sep))), None)
