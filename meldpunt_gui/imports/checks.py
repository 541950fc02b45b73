"""Checks that need all rows: duplicates, impossible values, what changes, suspicious jumps.

Messages are built lazily (ImportResult.add takes a function) because a broken million-row file
would otherwise spend most of its time formatting messages nobody will read.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from operator import itemgetter

from meldpunt_gui.imports.model import ImportResult, ImportRow
from meldpunt_gui.model.domain import Dataset, Period, PeriodKind, Text, Unit, fits_kind
from meldpunt_gui.text.formatting import format_number

NON_NEGATIVE_KINDS = ("count", "rate", "duration")
JUMP = 10.0  # a value more than ten times, or less than a tenth of, the period before
LOW = 1 / JUMP
# A replacement (0) or jump (1) found on the way, to report in row order:
# (position among the kept rows, 0 or 1, row, value now shown or value before, more than ten times)
Change = tuple[int, int, ImportRow, float, bool]


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


def check_rows(rows: Iterable[ImportRow], res: ImportResult, ds: Dataset,
               value_column: str | None, period_column: str | None = None) -> list[ImportRow]:
    """The rows that can be imported, each with its status against `ds`; problems go to `res`.

    `value_column` names the value column of a long file; a wide file names the period's column
    (`period_column` the period column of a long file). A period that does not fit the series'
    kind (Dataset.period_kind: a first-half series takes only H1) is refused here, once per row.
    Made for a million rows: one pass does the per-row checks and, for a series in time order,
    the comparison with the period before; what needs rows further down or `ds` comes after
    (`_against_dataset`). Problems are reported as two passes would: the per-row ones by row, then
    replacements and jumps in the order the rows are kept.
    """
    style = res.number_style or "nl"
    units: dict[str, Unit] = {}
    # metric -> period number (year * 4 + half) -> the first row kept: int keys are quick to hash,
    # and the period before is the number minus 4
    by_metric: dict[str, dict[int, ImportRow]] = {}
    kept: list[ImportRow] = []
    keep = kept.append
    events: list[Change] = []
    later: list[tuple[int, ImportRow]] = []  # kept rows whose period before was not read yet
    last_mid: str | None = None  # rows come in series: the metric before, its rows and its unit
    seen: dict[int, ImportRow] = {}
    unit: Unit | None = None
    kind, decimals = "", 0
    period_kinds: dict[str, PeriodKind] = {}
    series_kind: PeriodKind = "any"
    for row in rows:
        mid, period = row.metric, row.period
        if mid is not last_mid:
            seen = by_metric.setdefault(mid, {})
            unit = units.get(mid)
            if unit is None:
                metric = ds.metrics.get(mid) or res.metrics[mid]
                unit = units[mid] = ds.units.get(metric.unit) or res.units[metric.unit]
                period_kinds[mid] = ds.period_kind(mid) if mid in ds.metrics else "any"
            last_mid, kind, decimals = mid, unit.kind, unit.decimals
            series_kind = period_kinds[mid]
        if series_kind != "any" and not fits_kind(period, series_kind):
            res.error(row.line, period_column or str(period), partial(lambda r, k: _wrong_kind(r, k), row, series_kind),
                      "period_kind", row.cell)
            continue
        number = period.year * 4 + period.half
        first = seen.setdefault(number, row)
        if first is not row:
            column = value_column or str(period)
            if first.value != row.value:
                res.error(row.line, column, partial(lambda r, f: Text(
                    f"{r.metric} {r.period} staat twee keer in het bestand met verschillende waarden "
                    f"({fmt(f.value, style)} {at(f).nl}, {fmt(r.value, style)} hier).",
                    f"{r.metric} {r.period} appears twice in the file with different values "
                    f"({fmt(f.value, style)} {at(f).en}, {fmt(r.value, style)} here)."), row, first),
                    "conflict", row.cell)
            else:
                res.warning(row.line, column, partial(lambda r, f: Text(
                    f"{r.metric} {r.period} staat ook {at(f).nl}; een keer gebruikt.",
                    f"{r.metric} {r.period} also appears {at(f).en}; used once."), row, first), "repeated", row.cell)
            continue
        v = row.value
        if not (kind == "count" and v >= 0 and (decimals or v.is_integer())):  # else nothing to say
            column = value_column or str(period)
            if v < 0 and kind in NON_NEGATIVE_KINDS:
                del seen[number]
                res.error(row.line, column, partial(lambda v, u: Text(
                    f"{fmt(v, style)} is negatief; {u.label.nl} kunnen niet negatief zijn.",
                    f"{fmt(v, style)} is negative; {u.label.en} cannot be negative."), v, unit), "negative", row.cell)
                continue
            if kind == "percent" and not 0 <= v <= 100:
                del seen[number]
                res.error(row.line, column, partial(lambda v: Text(
                    f"{fmt(v, style)}% ligt niet tussen 0 en 100%.",
                    f"{fmt(v, style)}% is not between 0 and 100%."), v), "percent_range", row.cell)
                continue
            if kind == "count" and decimals == 0 and not v.is_integer():
                res.warning(row.line, column, partial(lambda v, u: Text(
                    f"{fmt(v, style)} is geen heel getal, maar {u.label.nl} worden geteld; "
                    "klopt de getalnotatie?",
                    f"{fmt(v, style)} is not a whole number, but {u.label.en} are counted; "
                    "is the number style right?"), v, unit), "fraction", row.cell)
            if kind == "change":  # a change is not compared with the one before
                keep(row)
                continue
        keep(row)
        prev = seen.get(number - 4)
        if prev is None:
            later.append((len(kept) - 1, row))
            continue
        base = prev.value
        if base > 0 and v >= 0:
            ratio = v / base
            if ratio > JUMP or ratio < LOW:
                events.append((len(kept) - 1, 1, row, base, ratio > JUMP))
    _against_dataset(kept, by_metric, later, events, ds)
    _report_changes(events, res, style, value_column)
    return kept


_EVENT_ORDER = itemgetter(0, 1)


def _report_changes(events: list[Change], res: ImportResult, style: str,
                    value_column: str | None) -> None:
    """Replacements and jumps in the order of the kept rows, a replacement before a jump."""
    events.sort(key=_EVENT_ORDER)
    for _pos, what, row, base, more in events:
        column = value_column or str(row.period)
        if what == 0:
            res.warning(row.line, column, partial(lambda r, s, a: Text(
                f"Vervangt de nu getoonde waarde van {r.metric} {r.period}: "
                f"{fmt(s, style, a)} -> {fmt(r.value, style, r.approximate)}.",
                f"Replaces the value now shown for {r.metric} {r.period}: "
                f"{fmt(s, style, a)} -> {fmt(r.value, style, r.approximate)}."),
                row, row.old_value, row.old_approximate),
                "replaces", row.cell)
        else:
            prev_period = Period(row.period.year - 1, row.period.half)
            res.warning(row.line, column, partial(lambda r, b, p, more: Text(
                f"{fmt(r.value, style)} is {'meer dan tien keer' if more else 'minder dan een tiende van'} "
                f"de waarde van {p} ({fmt(b, style)}); klopt de getalnotatie of de eenheid?",
                f"{fmt(r.value, style)} is {'more than ten times' if more else 'less than a tenth of'} "
                f"the value for {p} ({fmt(b, style)}); are the number style and unit right?"),
                row, base, prev_period, more),
                "jump", row.cell)


def _against_dataset(kept: list[ImportRow], by_metric: dict[str, dict[int, ImportRow]],
                     later: list[tuple[int, ImportRow]], events: list[Change],
                     ds: Dataset) -> None:
    """Statuses against the data now shown, and jumps from a period read later or shown in `ds`."""
    shown_of = ds.shown  # per metric: a large user store reads only the metrics in the file
    for pos, row in later:
        year, half = row.period.year, row.period.half
        prev = by_metric[row.metric].get(year * 4 + half - 4)
        if prev is not None:
            base: float | None = prev.value
        else:
            base_obs = shown_of(row.metric, Period(year - 1, half))
            if base_obs is None:
                continue
            base = base_obs.value
        if base is None or base <= 0 or row.value < 0:
            continue
        ratio = row.value / base
        if ratio > JUMP or ratio < LOW:
            events.append((pos, 1, row, base, ratio > JUMP))
    hits = {(metric, p.year, p.half) for metric, rows in by_metric.items()
            for p in ds.periods_with_data(metric) if p.year * 4 + p.half in rows}
    if not hits:
        return
    for pos, row in enumerate(kept):  # rows are created with status "new"
        if (row.metric, row.period.year, row.period.half) not in hits:
            continue
        shown = shown_of(row.metric, row.period)
        if shown is None:
            continue
        if shown.value == row.value and shown.approximate == row.approximate:
            row.status = "unchanged"
        else:
            row.status = "changed"
            row.old_value, row.old_approximate = shown.value, shown.approximate
            events.append((pos, 0, row, shown.value, False))
