"""Data export: the long table of DESIGN §4 as CSV or XLSX, exactly the current selection.

One row per value: for each selected metric and period the shown value first, then its
alternatives (other sources for the same cell), each with its own source. Numbers stay numbers
(no thousands separator, no trailing ".0"); Dutch CSV uses ';' and a decimal comma so that Dutch
Excel reads it as numbers. Both CSV flavours start with a UTF-8 byte order mark: without it Excel
on Windows reads UTF-8 as the local code page and garbles é, ë and curly quotes.

Text cells that a spreadsheet could take for a formula (starting with = + - @ tab or CR) get a
leading apostrophe (DESIGN §5); the value column is numeric and never touched, so -5 stays a
number. No Qt here: the window, the command line and the tests all call these functions.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Iterable, Sequence
from typing import Literal

from meldpunt_gui.files.safewrite import SaveError, write_atomic
from meldpunt_gui.model.domain import Dataset, Period, Text
from meldpunt_gui.model.values import Frozen
from meldpunt_gui.model.vocabulary import STATUS_LABELS
from meldpunt_gui.text.formatting import format_number

_set = object.__setattr__  # Frozen types set their fields once, in __init__

Format = Literal["csv", "xlsx"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx")

# Leading characters that make Excel or LibreOffice treat a text cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportRow(Frozen):
    """One value of the selection, with the texts already in the export language."""

    __slots__ = ("metric_id", "metric_label", "period", "value", "unit", "approximate", "status", "shown",
                 "source_publisher", "source_date", "source_url", "note", "source_id")
    metric_id: str
    metric_label: str
    period: str  # "2022" or "2022-H1"
    value: float
    unit: str
    approximate: bool
    status: str
    shown: bool  # False: an alternative value from another source
    source_publisher: str
    source_date: str
    source_url: str
    note: str
    source_id: str  # not a column; links the row to the sources sheet

    def __init__(self, metric_id: str, metric_label: str, period: str, value: float, unit: str,
                 approximate: bool, status: str, shown: bool, source_publisher: str,
                 source_date: str, source_url: str, note: str, source_id: str = "") -> None:
        _set(self, "metric_id", metric_id)
        _set(self, "metric_label", metric_label)
        _set(self, "period", period)
        _set(self, "value", value)
        _set(self, "unit", unit)
        _set(self, "approximate", approximate)
        _set(self, "status", status)
        _set(self, "shown", shown)
        _set(self, "source_publisher", source_publisher)
        _set(self, "source_date", source_date)
        _set(self, "source_url", source_url)
        _set(self, "note", note)
        _set(self, "source_id", source_id)


# (field, header) in column order; the headers are the first row of CSV and XLSX.
COLUMNS: tuple[tuple[str, Text], ...] = (
    ("metric_id", Text("reeks_id", "metric_id")),
    ("metric_label", Text("reeks", "metric")),
    ("period", Text("periode", "period")),
    ("value", Text("waarde", "value")),
    ("unit", Text("eenheid", "unit")),
    ("approximate", Text("bij_benadering", "approximate")),
    ("status", Text("status", "status")),
    ("shown", Text("getoond_of_alternatief", "shown_or_alternative")),
    ("source_publisher", Text("bron_uitgever", "source_publisher")),
    ("source_date", Text("bron_datum", "source_date")),
    ("source_url", Text("bron_adres", "source_url")),
    ("note", Text("toelichting", "note")),
)

_YES_NO = (Text("ja", "yes"), Text("nee", "no"))
_SHOWN = (Text("getoond", "shown"), Text("alternatief", "alternative"))

TITLE = Text("Meldpunt-viewer: gegevens met bronnen", "Meldpunt viewer: data with sources")
SHEET_DATA = Text("Gegevens", "Data")
SHEET_ABOUT = Text("Over deze export", "About this export")
ABOUT_HEADER = (Text("wat", "what"), Text("waarde", "value"))
ABOUT_DATE = Text("Gegevens tot en met", "Data up to")
ABOUT_SOURCES = Text("De bron van elke waarde", "The source of every value")
ABOUT_MADE = Text("Gemaakt met", "Made with")
SHEET_SOURCES = Text("Bronnen", "Sources")
SHEET_DEFINITIONS = Text("Definities", "Definitions")
SOURCE_HEADER = (Text("uitgever", "publisher"), Text("titel", "title"),
                 Text("datum", "date"), Text("adres", "url"))
DEFINITION_HEADER = (Text("reeks_id", "metric_id"), Text("reeks", "metric"),
                     Text("eenheid", "unit"), Text("categorie", "category"),
                     Text("definitie", "definition"), Text("opmerking", "note"))


def headers(lang: str) -> list[str]:
    """The header row of the data table in `lang`."""
    return [h.get(lang) for _, h in COLUMNS]


def _pick(text: Text, lang: str) -> str:
    """The text in `lang`, or in the other language when that one is empty (nothing is lost)."""
    return text.get(lang) or text.get("nl" if lang == "en" else "en")


def neutralise(text: str) -> str:
    """A text cell that cannot run as a formula: a leading apostrophe before = + - @ tab CR."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _unique(items: Iterable) -> list:
    return list(dict.fromkeys(items))


def export_rows(dataset: Dataset, metric_ids: Sequence[str],
                periods: Iterable[Period | str], lang: str) -> list[ExportRow]:
    """The selection as rows: metrics in the order given, periods in the order given.

    Cells without data give no row. An unknown metric id raises ValueError, because silently
    leaving a requested series out of a table that goes to colleagues is worse than stopping.
    """
    mids = _unique(metric_ids)
    unknown = [m for m in mids if m not in dataset.metrics]
    if unknown:
        raise ValueError(f"unknown metric: {', '.join(unknown)}")
    pers = _unique(p if isinstance(p, Period) else Period.parse(p) for p in periods)
    rows: list[ExportRow] = []
    for mid in mids:
        metric = dataset.metrics[mid]
        unit = dataset.units.get(metric.unit)
        unit_label = _pick(unit.label, lang) if unit else metric.unit
        for period in pers:
            for i, obs in enumerate(dataset.values_at(mid, period)):
                src = dataset.source_of(obs)
                status = STATUS_LABELS.get(obs.status)
                rows.append(ExportRow(
                    metric_id=mid,
                    metric_label=_pick(metric.label, lang),
                    period=str(period),
                    value=float(obs.value),
                    unit=unit_label,
                    approximate=bool(obs.approximate),
                    status=status.get(lang) if status else obs.status,
                    shown=i == 0,
                    source_publisher=src.publisher if src else "",
                    source_date=(src.published or src.date_note.get(lang)) if src else "",
                    source_url=src.url if src else "",
                    note=_pick(obs.note, lang),
                    source_id=obs.source,
                ))
    return rows


def plain_number(value: float, lang: str) -> str:
    """A number for a data cell: every digit, no grouping, the language's decimal sign
    (145000, 4,6 in Dutch, 4.6 in English); an empty cell for NaN or infinity."""
    return format_number(value, lang, group=False, exact=True) if math.isfinite(value) else ""


def _cells(row: ExportRow, lang: str) -> list[str | float]:
    """The row as cells: the value a float, every other cell neutralised text."""
    out: list[str | float] = []
    for name, _ in COLUMNS:
        value = getattr(row, name)
        if name == "value":
            out.append(float(value))
        elif name == "approximate":
            out.append(_YES_NO[0 if value else 1].get(lang))
        elif name == "shown":
            out.append(_SHOWN[0 if value else 1].get(lang))
        else:
            out.append(neutralise(str(value)))
    return out


def csv_dialect(lang: str) -> tuple[str, str]:
    """(delimiter, decimal mark): ';' and ',' for Dutch, ',' and '.' for English."""
    return (",", ".") if lang == "en" else (";", ",")


def to_csv_bytes(rows: Sequence[ExportRow], lang: str) -> bytes:
    """The table as CSV: UTF-8 with BOM, CRLF line ends, fields quoted only where needed."""
    delimiter, _ = csv_dialect(lang)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers(lang))
    for row in rows:
        writer.writerow([plain_number(c, lang) if isinstance(c, float) else c
                         for c in _cells(row, lang)])
    return buf.getvalue().encode("utf-8-sig")


def _source_rows(rows: Sequence[ExportRow], dataset: Dataset, lang: str = "nl") -> list[list[str]]:
    out = []
    for sid in _unique(r.source_id for r in rows if r.source_id):
        src = dataset.sources.get(sid)
        if src is not None:
            date = src.published or src.date_note.get(lang)
            out.append([neutralise(x) for x in (src.publisher, src.title, date, src.url)])
    return out


def _definition_rows(dataset: Dataset, metric_ids: Sequence[str], lang: str) -> list[list[str]]:
    out = []
    for mid in _unique(metric_ids):
        metric = dataset.metrics.get(mid)
        if metric is None:
            continue
        unit = dataset.units.get(metric.unit)
        category = dataset.categories.get(metric.category)
        out.append([neutralise(x) for x in (
            mid, _pick(metric.label, lang), _pick(unit.label, lang) if unit else metric.unit,
            _pick(category.label, lang) if category else metric.category,
            _pick(metric.definition, lang), _pick(metric.note, lang))])
    return out


def to_xlsx_bytes(rows: Sequence[ExportRow], dataset: Dataset, metric_ids: Sequence[str],
                  lang: str) -> bytes:
    """The table as a workbook: data, the sources of those values, the metric definitions."""
    from meldpunt_gui.exports.workbook import Sheet, build_xlsx  # XlsxWriter: not for a CSV

    data = Sheet(SHEET_DATA.get(lang), headers(lang), [_cells(r, lang) for r in rows],
                 wrap=frozenset({len(COLUMNS) - 1}))
    sources = Sheet(SHEET_SOURCES.get(lang), [h.get(lang) for h in SOURCE_HEADER],
                    _source_rows(rows, dataset, lang), widths=(30, 60, 12, 60))
    definitions = Sheet(SHEET_DEFINITIONS.get(lang), [h.get(lang) for h in DEFINITION_HEADER],
                        _definition_rows(dataset, metric_ids, lang),
                        widths=(28, 40, 20, 20, 80, 50), wrap=frozenset({1, 4, 5}))
    about = Sheet(SHEET_ABOUT.get(lang), [h.get(lang) for h in ABOUT_HEADER],
                  _about_rows(dataset, lang), widths=(30, 60))
    return build_xlsx([data, sources, definitions, about], title=TITLE.get(lang))


def _about_rows(dataset: Dataset, lang: str) -> list[list[str]]:
    """What a reader of the workbook must know beside the values: up to when the data go, and
    where each value's source is. (CSV rows carry each value's own source date instead.)"""
    from meldpunt_gui import __version__
    from meldpunt_gui.text.formatting import format_date

    return [[ABOUT_DATE.get(lang), format_date(dataset.data_date, lang) if dataset.data_date else ""],
            [ABOUT_SOURCES.get(lang), SHEET_SOURCES.get(lang)],
            [ABOUT_MADE.get(lang), f"Meldpunt-viewer {__version__}"]]


def export_data(path: str | os.PathLike[str], fmt: str, dataset: Dataset,
                metric_ids: Sequence[str], periods: Iterable[Period | str],
                lang: str) -> int:
    """Write the selection to `path` safely (see safewrite); returns the number of data rows.

    Raises ValueError for an unknown format or metric and safewrite.SaveError when the file
    cannot be written (the old file then stays as it was).
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown data export format: {fmt!r} (use csv or xlsx)")
    rows = export_rows(dataset, metric_ids, periods, lang)
    if fmt == "csv":
        data = to_csv_bytes(rows, lang)
    else:
        try:
            data = to_xlsx_bytes(rows, dataset, metric_ids, lang)
        except ValueError as exc:
            from meldpunt_gui.exports.workbook import MAX_CELL_TEXT, CellTooLong

            if not isinstance(exc, CellTooLong):
                raise
            # refused whole, rather than cut short without a word
            raise SaveError(path, "other", Text(
                f"{os.fspath(path)} is niet opgeslagen: een tekst in blad {exc.sheet}, rij "
                f"{exc.row}, kolom {exc.column} is {exc.length} tekens lang; een Excel-cel houdt "
                f"er {MAX_CELL_TEXT}. Exporteer als CSV om alles te houden.",
                f"{os.fspath(path)} was not saved: a text in sheet {exc.sheet}, row {exc.row}, "
                f"column {exc.column} is {exc.length} characters long; an Excel cell holds "
                f"{MAX_CELL_TEXT}. Export as CSV to keep all of it.")) from exc
    write_atomic(path, data)
    return len(rows)
