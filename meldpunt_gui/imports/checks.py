"""Checks that need all rows: duplicates, impossible values, what changes, suspicious jumps.

Messages are built lazily (ImportResult.add takes a function) because a broken million-row file
would otherwise spend most of its time formatting messages nobody will read.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import count
from operator import itemgetter

from meldpunt_gui.imports.files import col_letters
from meldpunt_gui.imports.model import ImportResult, ImportRow
from meldpunt_gui.imports.rowset import Rows
from meldpunt_gui.model.domain import Dataset, Period, PeriodKind, Text, Unit, fits_kind
from meldpunt_gui.text.formatting import format_number

NON_NEGATIVE_KINDS = ("count", "rate", "duration")
JUMP = 10.0  # a value more than ten times, or less than a tenth of, the period before
LOW = 1 / JUMP
# A replacement (0) or jump (1) found on the way, to report in row order:
# (row index, 0 or 1, row index, value now shown or value before, more than ten times); rows keep
# their order when the dropped ones go, so the index orders them as the kept rows
Change = tuple[int, int, int, float, bool]


def fmt(value: float, style: str, approximate: bool = False) -> str:
    text = format_number(value, style, exact=True)
    return f"ca. {text}" if approximate else text


def at(row: ImportRow) -> Text:
    return Text(f"in cel {row.cell}", f"in cell {row.cell}") if row.cell else \
        Text(f"op regel {row.line}", f"at line {row.line}")


KIND_WORDS: dict[str, Text] = {
    "year": Text("jaren (zoals 2023)", "years (such as 2023)"),
    "h1": Text("eerste halfjaren (zoals 2023-H1)", "first half-years (such as 2023-H1)"),
    "h2": Text("tweede halfjaren (zoals 2023-H2)", "second half-years (such as 2023-H2)"),
}


def _wrong_kind(row: ImportRow, kind: PeriodKind) -> Text:
    words = KIND_WORDS[kind]
    return Text(f"Periode {row.period} past niet bij {row.metric}: die reeks heeft alleen {words.nl}.",
                f"Period {row.period} does not fit {row.metric}: that series holds only {words.en}.")


def check_rows(rows: Rows, keep: bytearray | None, res: ImportResult, ds: Dataset,
               value_column: str | None, period_column: str | None = None,
               tick: Callable[[int], None] | None = None, period_index: int | None = None) -> Rows:
    """The rows that can be imported, each with its status against `ds`; problems go to `res`.

    `keep` marks the rows settling the number style dropped (0); None keeps all. `value_column`
    names the value column of a long file; a wide file names the period's column (`period_column`
    the period column of a long file, `period_index` its place for a workbook's cell). A period
    that does not fit the series' kind (Dataset.period_kind: a first-half series takes only H1) is
    refused here, once per row.
    Made for a million rows: one pass does the per-row checks and, for a series in time order,
    the comparison with the period before; what needs rows further down or `ds` comes after
    (`_against_dataset`). Problems are reported as two passes would: the per-row ones by row, then
    replacements and jumps in the order the rows are kept. `tick(i)` is called every 65536 rows.
    """
    style = res.number_style or "nl"
    n = len(rows)
    keep = keep if keep is not None else bytearray(b"\x01") * n
    metric_col, period_col, values = rows.metric, rows.period, rows.value
    seen_by = SeenPeriods()
    events: list[Change] = []
    later = array("i")  # kept rows whose period before was not read yet
    last_m = -1  # rows come in series: the metric before, its periods and its unit
    seen: dict[int, int] = {}
    unit: Unit | None = None
    kind, decimals = "", 0
    series_kind: PeriodKind = "any"
    allowed: tuple[int, ...] | None = None
    series: dict[int, tuple[Unit, PeriodKind]] = {}  # metric -> its unit and period kind
    # the columns walked side by side (no index per row); `keep` changes only at the row walked
    for i, m, number, v, kept in zip(count(), metric_col, period_col, values, keep):
        if tick is not None and not i & 0xFFFF:
            tick(i)
        if not kept:
            continue
        if m != last_m:
            seen = seen_by.open(m)
            known = series.get(m)
            if known is None:
                mid = rows.metric_ids[m]
                metric = ds.metrics.get(mid) or res.metrics[mid]
                known = series[m] = (ds.units.get(metric.unit) or res.units[metric.unit],
                                     ds.period_kind(mid) if mid in ds.metrics else "any")
            unit, series_kind = known
            allowed = _halves(series_kind)
            last_m, kind, decimals = m, unit.kind, unit.decimals
        if allowed is not None and number & 3 not in allowed:
            keep[i] = 0
            row = rows.row(i)
            # a workbook's long table names the period's own cell, not the value's beside it
            cell = f"{col_letters(period_index)}{row.line}" if row.cell and period_index is not None else row.cell
            res.error(row.line, period_column or str(row.period),
                      partial(_wrong_kind, row, series_kind), "period_kind", cell)
            continue
        first = seen.setdefault(number, i)
        if first != i:
            keep[i] = 0
            _repeated(rows, i, first, res, style, value_column)
            continue
        if not (kind == "count" and v >= 0 and (decimals or v.is_integer())):  # else nothing to say
            if v < 0 and kind in NON_NEGATIVE_KINDS:
                del seen[number]
                keep[i] = 0
                res.error(rows.line[i], value_column or str(rows.period_of(i)), partial(lambda v, u: Text(
                    f"{fmt(v, style)} is negatief; {u.label.nl} kunnen niet negatief zijn.",
                    f"{fmt(v, style)} is negative; {u.label.en} cannot be negative."), v, unit), "negative",
                    rows.cell(i))
                continue
            if kind == "percent" and not 0 <= v <= 100:
                del seen[number]
                keep[i] = 0
                res.error(rows.line[i], value_column or str(rows.period_of(i)), partial(lambda v: Text(
                    f"{fmt(v, style)}% ligt niet tussen 0 en 100%.",
                    f"{fmt(v, style)}% is not between 0 and 100%."), v), "percent_range", rows.cell(i))
                continue
            if kind == "count" and decimals == 0 and not v.is_integer():
                res.warning(rows.line[i], value_column or str(rows.period_of(i)), partial(lambda v, u: Text(
                    f"{fmt(v, style)} is geen heel getal, maar {u.label.nl} worden geteld; "
                    "klopt de getalnotatie?",
                    f"{fmt(v, style)} is not a whole number, but {u.label.en} are counted; "
                    "is the number style right?"), v, unit), "fraction", rows.cell(i))
            if kind == "change":  # a change is not compared with the one before
                continue
        prev = seen.get(number - 4)
        if prev is None:
            later.append(i)
            continue
        base = values[prev]
        if base > 0 and v >= 0:
            ratio = v / base
            if ratio > JUMP or ratio < LOW:
                events.append((i, 1, i, base, ratio > JUMP))
    seen_by.close()
    _against_dataset(rows, seen_by, later, events, ds)
    _report_changes(rows, events, res, style, value_column)
    return rows.kept(keep)


_HALVES: dict[str, tuple[int, ...] | None] = {}


def _halves(kind: PeriodKind) -> tuple[int, ...] | None:
    """The halves (0 year, 1, 2) a series of `kind` takes; None: any."""
    if kind not in _HALVES:
        fits = tuple(h for h in (0, 1, 2) if fits_kind(Period(2000, h), kind))
        _HALVES[kind] = None if len(fits) == 3 else fits
    return _HALVES[kind]


def _repeated(rows: Rows, i: int, first: int, res: ImportResult, style: str,
              value_column: str | None) -> None:
    """Row i holds a metric and period that row `first` held already."""
    row_of = rows.row
    column = value_column or str(rows.period_of(i))
    if rows.value[first] != rows.value[i]:
        res.error(rows.line[i], column, lambda: (lambda r, f: Text(
            f"{r.metric} {r.period} staat twee keer in het bestand met verschillende waarden "
            f"({fmt(f.value, style)} {at(f).nl}, {fmt(r.value, style)} hier).",
            f"{r.metric} {r.period} appears twice in the file with different values "
            f"({fmt(f.value, style)} {at(f).en}, {fmt(r.value, style)} here)."))(row_of(i), row_of(first)),
            "conflict", rows.cell(i))
    else:
        res.warning(rows.line[i], column, lambda: (lambda r, f: Text(
            f"{r.metric} {r.period} staat ook {at(f).nl}; een keer gebruikt.",
            f"{r.metric} {r.period} also appears {at(f).en}; used once."))(row_of(i), row_of(first)),
            "repeated", rows.cell(i))


class SeenPeriods:
    """Per metric: period number -> the first row kept for it, compact once the metric's rows
    have passed. Rows come in series, so the series being read is a dict and every series
    before it two small arrays (6 bytes a row instead of a dict entry and two ints, ~100 bytes).
    A metric whose rows come back later stays a dict."""

    def __init__(self) -> None:
        self.open_dicts: dict[int, dict[int, int]] = {}
        self.packed: dict[int, tuple[array, array]] = {}  # metric -> (sorted periods, rows)
        self.current = -1

    def open(self, m: int) -> dict[int, int]:
        if self.current != -1:
            self._pack(self.current)
        self.current = m
        seen = self.open_dicts.get(m)
        if seen is None:
            packed = self.packed.pop(m, None)
            seen = self.open_dicts[m] = dict(zip(*packed)) if packed else {}
            if packed:
                self.current = -1  # back again: it stays a dict
        else:
            self.current = -1
        return seen

    def _pack(self, m: int) -> None:
        seen = self.open_dicts.pop(m)
        keys = sorted(seen)
        self.packed[m] = (array("H", keys), array("i", [seen[k] for k in keys]))

    def close(self) -> None:
        if self.current != -1:
            self._pack(self.current)
            self.current = -1

    def get(self, m: int, number: int) -> int | None:
        seen = self.open_dicts.get(m)
        if seen is not None:
            return seen.get(number)
        packed = self.packed.get(m)
        if packed is None:
            return None
        keys, found = packed
        k = bisect_left(keys, number)
        return found[k] if k < len(keys) and keys[k] == number else None

    def items(self) -> Iterator[tuple[int, Iterable[int], Callable[[int], int | None]]]:
        """(metric, its period numbers, lookup of a number's row) for every metric."""
        for m, seen in self.open_dicts.items():
            yield m, seen.keys(), seen.get
        for m, (keys, _found) in self.packed.items():
            yield m, keys, partial(self.get, m)


_EVENT_ORDER = itemgetter(0, 1)


def _replaces(row_of: Callable[[int], ImportRow], i: int, style: str) -> Text:
    r = row_of(i)
    old = fmt(r.old_value or 0.0, style, bool(r.old_approximate))
    return Text(f"Vervangt de nu getoonde waarde van {r.metric} {r.period}: "
                f"{old} -> {fmt(r.value, style, r.approximate)}.",
                f"Replaces the value now shown for {r.metric} {r.period}: "
                f"{old} -> {fmt(r.value, style, r.approximate)}.")


def _report_changes(rows: Rows, events: list[Change], res: ImportResult, style: str,
                    value_column: str | None) -> None:
    """Replacements and jumps in the order of the kept rows, a replacement before a jump."""
    events.sort(key=_EVENT_ORDER)
    row_of = rows.row
    for _pos, what, i, base, more in events:
        period = rows.period_of(i)
        column = value_column or str(period)
        if what == 0:
            res.warning(rows.line[i], column, partial(_replaces, row_of, i, style), "replaces", rows.cell(i))
        else:
            prev_period = Period(period.year - 1, period.half)
            res.warning(rows.line[i], column, partial(lambda i, b, p, more: (lambda r: Text(
                f"{fmt(r.value, style)} is {'meer dan tien keer' if more else 'minder dan een tiende van'} "
                f"de waarde van {p} ({fmt(b, style)}); klopt de getalnotatie of de eenheid?",
                f"{fmt(r.value, style)} is {'more than ten times' if more else 'less than a tenth of'} "
                f"the value for {p} ({fmt(b, style)}); are the number style and unit right?"))(row_of(i)),
                i, base, prev_period, more),
                "jump", rows.cell(i))


def _against_dataset(rows: Rows, seen_by: SeenPeriods, later: array, events: list[Change],
                     ds: Dataset) -> None:
    """Statuses against the data now shown, and jumps from a period read later or shown in `ds`."""
    shown_of = ds.shown  # per metric: a large user store reads only the metrics in the file
    metric_col, period_col, values = rows.metric, rows.period, rows.value
    for i in later:
        m, number = metric_col[i], period_col[i]
        prev = seen_by.get(m, number - 4)
        if prev is not None:
            base: float | None = values[prev]
        else:
            base_obs = shown_of(rows.metric_ids[m], Period((number - 4) >> 2, number & 3))
            if base_obs is None:
                continue
            base = base_obs.value
        v = values[i]
        if base is None or base <= 0 or v < 0:
            continue
        ratio = v / base
        if ratio > JUMP or ratio < LOW:
            events.append((i, 1, i, base, ratio > JUMP))
    for m, _numbers, lookup in list(seen_by.items()):
        mid = rows.metric_ids[m]
        for p in ds.periods_with_data(mid):
            i = lookup(p.year * 4 + p.half)
            if i is None:
                continue
            shown = shown_of(mid, p)
            if shown is None:
                continue
            if shown.value == values[i] and shown.approximate == bool(rows.approximate[i]):
                rows.set_status(i, "unchanged")
            else:
                rows.set_status(i, "changed", (shown.value, shown.approximate))
                events.append((i, 0, i, shown.value, False))
