"""Checks that need all rows: duplicates, impossible values, what changes, suspicious jumps.

Messages are built lazily (ImportResult.add takes a function) because a broken million-row file
would otherwise spend most of its time formatting messages nobody will read.
"""

from __future__ import annotations

from typing import Iterable

from .domain import Dataset, Period, Text, Unit
from .import_model import ImportResult, ImportRow
from .numbers import format_number

NON_NEGATIVE_KINDS = ("count", "rate", "duration")
JUMP = 10.0


def fmt(value: float, style: str, approximate: bool = False) -> str:
    text = format_number(value, style)
    return f"ca. {text}" if approximate else text


def at(row: ImportRow) -> Text:
    return Text(f"in cel {row.cell}", f"in cell {row.cell}") if row.cell else \
        Text(f"op regel {row.line}", f"at line {row.line}")


def check_rows(rows: Iterable[ImportRow], res: ImportResult, ds: Dataset,
               value_column: str | None) -> list[ImportRow]:
    """The rows that can be imported, each with its status against `ds`; problems go to `res`.

    `value_column` names the value column of a long file; a wide file names the period's column.
    """
    style = res.number_style or "nl"
    units: dict[str, Unit] = {}
    kept: dict[tuple[str, int, int], ImportRow] = {}
    get = kept.get
    for row in rows:
        period = row.period
        key = (row.metric, period.year, period.half)
        first = get(key)
        if first is not None:
            column = value_column or str(period)
            if first.value != row.value:
                res.error(row.line, column, lambda r=row, f=first: Text(
                    f"{r.metric} {r.period} staat twee keer in het bestand met verschillende waarden "
                    f"({fmt(f.value, style)} {at(f).nl}, {fmt(r.value, style)} hier).",
                    f"{r.metric} {r.period} appears twice in the file with different values "
                    f"({fmt(f.value, style)} {at(f).en}, {fmt(r.value, style)} here)."),
                    "conflict", row.cell)
            else:
                res.warning(row.line, column, lambda r=row, f=first: Text(
                    f"{r.metric} {r.period} staat ook {at(f).nl}; een keer gebruikt.",
                    f"{r.metric} {r.period} also appears {at(f).en}; used once."), "repeated", row.cell)
            continue
        unit = units.get(row.metric)
        if unit is None:
            metric = ds.metrics.get(row.metric) or res.metrics[row.metric]
            unit = units[row.metric] = ds.units[metric.unit]
        v = row.value
        kind = unit.kind
        if kind == "count" and v >= 0 and (unit.decimals or v.is_integer()):
            kept[key] = row  # the usual case, nothing to say
            continue
        column = value_column or str(period)
        if v < 0 and kind in NON_NEGATIVE_KINDS:
            res.error(row.line, column, lambda v=v, u=unit: Text(
                f"{fmt(v, style)} is negatief; {u.label.nl} kunnen niet negatief zijn.",
                f"{fmt(v, style)} is negative; {u.label.en} cannot be negative."), "negative", row.cell)
            continue
        if kind == "percent" and not 0 <= v <= 100:
            res.error(row.line, column, lambda v=v: Text(
                f"{fmt(v, style)}% ligt niet tussen 0 en 100%.",
                f"{fmt(v, style)}% is not between 0 and 100%."), "percent_range", row.cell)
            continue
        if kind == "count" and unit.decimals == 0 and not v.is_integer():
            res.warning(row.line, column, lambda v=v, u=unit: Text(
                f"{fmt(v, style)} is geen heel getal, maar {u.label.nl} worden geteld; "
                "klopt de getalnotatie?",
                f"{fmt(v, style)} is not a whole number, but {u.label.en} are counted; "
                "is the number style right?"), "fraction", row.cell)
        kept[key] = row
    _statuses(kept, res, ds, units, style, value_column)
    return list(kept.values())


def _statuses(kept: dict[tuple[str, int, int], ImportRow], res: ImportResult, ds: Dataset,
              units: dict[str, Unit], style: str, value_column: str | None) -> None:
    shown_of = ds.shown
    present = {(o.metric, o.period.year, o.period.half) for o in ds.observations}
    changes = {mid for mid, unit in units.items() if unit.kind == "change"}
    get = kept.get
    for key, row in kept.items():  # rows are created with status "new"
        mid, year, half = key
        if key in present:
            shown = shown_of(mid, row.period)
            if shown is None:
                pass
            elif shown.value == row.value and shown.approximate == row.approximate:
                row.status = "unchanged"
            else:
                row.status = "changed"
                row.old_value, row.old_approximate = shown.value, shown.approximate
                res.warning(row.line, value_column or str(row.period), lambda r=row, s=shown: Text(
                    f"Vervangt de nu getoonde waarde van {r.metric} {r.period}: "
                    f"{fmt(s.value, style, s.approximate)} -> {fmt(r.value, style, r.approximate)}.",
                    f"Replaces the value now shown for {r.metric} {r.period}: "
                    f"{fmt(s.value, style, s.approximate)} -> {fmt(r.value, style, r.approximate)}."),
                    "replaces", row.cell)
        if mid in changes:
            continue
        prev = get((mid, year - 1, half))
        if prev is not None:
            base: float | None = prev.value
        elif (mid, year - 1, half) in present:
            base_obs = shown_of(mid, Period(year - 1, half))
            base = base_obs.value if base_obs is not None else None
        else:
            continue
        if base is None or base <= 0 or row.value < 0:
            continue
        ratio = row.value / base
        if ratio > JUMP or ratio < 1 / JUMP:
            prev_period = Period(year - 1, half)
            res.warning(row.line, value_column or str(row.period), lambda r=row, b=base, p=prev_period,
                        more=ratio > JUMP: Text(
                f"{fmt(r.value, style)} is {'meer dan tien keer' if more else 'minder dan een tiende van'} "
                f"de waarde van {p} ({fmt(b, style)}); klopt de getalnotatie of de eenheid?",
                f"{fmt(r.value, style)} is {'more than ten times' if more else 'less than a tenth of'} "
                f"the value for {p} ({fmt(b, style)}); are the number style and unit right?"),
                "jump", row.cell)
