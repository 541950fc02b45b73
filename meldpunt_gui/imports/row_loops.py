"""The row loops under a header: each row's head (series, unit, flags) and period looked up once
per distinct cells, and its value read, for a long file (a value per row) or a wide one (a
value per period column).

The long loop of a text file (CSV) reads the shapes nearly every value has (see
`numbers.readings`) and appends the row's columns itself; anything else goes the general way
(`RowBuilder.add_text`), so both give the same rows and problems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter

from meldpunt_gui.imports.header import cell_text
from meldpunt_gui.imports.model import MAX_LISTED_PROBLEMS
from meldpunt_gui.imports.numbers import FAST_MAX, FAST_SHAPES
from meldpunt_gui.imports.rows import ALTERNATIVE_WORDS, Extras, Head, RowBuilder
from meldpunt_gui.imports.rowset import Rows
from meldpunt_gui.model.domain import Period, Text


def _blank(cells: Sequence[object]) -> bool:
    return not any(c != "" and c is not None for c in cells)


def _too_many(b: RowBuilder, line: int, n: int) -> None:
    hint = Text("", "")
    if b.res.delimiter == ",":
        hint = Text(" Staat er een decimale komma in een komma-gescheiden bestand? Zet de waarde tussen "
                    "aanhalingstekens of gebruik ';'.",
                    " Is there a decimal comma in a comma-separated file? Quote the value or use ';'.")
    b.res.add(line, "", "warning" if b.xlsx else "error", Text(
        f"De rij heeft {n} cellen, de kopregel {b.h.width}.{hint.nl}",
        f"The row has {n} cells, the header {b.h.width}.{hint.en}"), "cell_count")


def _fit(b: RowBuilder, cells: Sequence[object], line: int, strict: bool) -> Sequence[object] | None:
    """A row cut or padded to the header's width, or None when its cell count is wrong."""
    width, n = b.h.width, len(cells)
    if n > width:
        if any(c != "" and c is not None for c in cells[width:]):
            _too_many(b, line, n)
            if not b.xlsx:
                return None
        return cells
    if _blank(cells):
        return None
    if strict:
        b.res.error(line, "", Text(f"De rij heeft {n} cellen, de kopregel {width}.",
                                   f"The row has {n} cells, the header {width}."), "cell_count")
        return None
    return list(cells) + [""] * (width - n)


def _head(b: RowBuilder, cells: Sequence[object], line: int) -> Head | None:
    """(metric id, unit, approximate, extras) for a row, or None when the row is skipped."""
    h, text = b.h, b.text
    mi = h.metric_col
    name = text(cells[mi])
    if not name:
        if not _blank(cells):
            b.res.error(line, h.name(mi), Text("Deze rij heeft geen reeks.", "This row has no series."),
                        "no_metric", b.where(line, mi))
        return None
    b.data_rows += 1  # counts distinct heads only: enough to tell a header-only file
    if b.shown_col is not None and cell_text(cells[b.shown_col]).lower() in ALTERNATIVE_WORDS:
        b.skipped_alternatives += 1
        return None
    unit_text = text(cells[b.unit_col]) if b.unit_col is not None else ""
    label = text(cells[b.label_col]) if b.label_col is not None else ""
    nl_col, en_col = b.unit_label_cols
    unit_labels = (text(cells[nl_col]) if nl_col is not None else "",
                   text(cells[en_col]) if en_col is not None else "")
    lookup = b.lookup
    hit = lookup.cache.get((name, unit_text, label))
    if hit is None:
        hit = lookup.metric(name, unit_text, label, line, unit_labels)
        if hit is None:
            return None
    approx = False
    if b.approx_col is not None:
        flag = b.approximate(cells[b.approx_col], line, b.approx_col)
        if flag is None:
            return None
        approx = flag
    extras = b.extras(cells, line) if b.has_extras else NO_EXTRAS
    return hit[0], hit[1], approx, extras, b.rows.metric_number(hit[0]), b.rows.extras_number(extras)


NO_EXTRAS: Extras = ()  # the file has no source, url, published or note column
HEAD_ROLES = ("unit", "unit_label_nl", "unit_label_en", "label", "approximate", "shown", "source", "url",
              "published", "note")
KeyOf = Callable[[Sequence[object]], object]  # a row's cells -> the key of its head in the cache


def _head_key(b: RowBuilder) -> KeyOf:
    """The cells a row's head depends on: rows repeat them, so each combination is read once."""
    roles = b.h.roles
    return itemgetter(*sorted({b.h.metric_col, *(roles[r] for r in HEAD_ROLES if r in roles)}))


def _fitted_head(b: RowBuilder, cells: Sequence[object], line: int, key_of: KeyOf,
                 strict: bool) -> tuple[Sequence[object], Head] | None:
    """The row's cells at the header's width and its head, or None when the row is skipped.

    Both row loops call this only when the head cache misses or the width is off, so their
    common case stays a dictionary lookup in the loop itself.
    """
    if len(cells) != b.h.width:
        fitted = _fit(b, cells, line, strict)
        if fitted is None:
            return None
        cells = fitted
    key = key_of(cells)
    head = b.head_cache.get(key)
    if head is None:
        head = _head(b, cells, line)
        if head is None:
            return None
        if len(b.head_cache) < 200_000:
            b.head_cache[key] = head
    return cells, head


def long_rows(rows: Iterator[tuple[int, Sequence[object]]], b: RowBuilder,
              tick: Callable[[int], None] | None) -> None:
    """A value per row: a text file's rows read by `_long_text`, a workbook's (and a file with a
    half-year column) here."""
    roles, width, text = b.h.roles, b.h.width, b.text
    pi, vi, hi = roles["period"], roles["value"], roles.get("half")
    if not b.xlsx and hi is None:
        _long_text(rows, b, tick, pi, vi)
        return
    add, add_text, append, xlsx = b.add, b.add_text, b.rows.adder(), b.xlsx
    key_of, heads = _head_key(b), b.head_cache
    numbers: dict[object, tuple[Period, int]] = {}  # period cell -> its Period and number in Rows
    for line, cells in rows:
        if tick is not None and not line & 0x3FFF:
            tick(line)
        head = heads.get(key_of(cells)) if len(cells) == width else None
        if head is None:
            fitted = _fitted_head(b, cells, line, key_of, strict=False)
            if fitted is None:
                continue
            cells, head = fitted
        raw_period = cells[pi]
        if hi is not None and text(cells[hi]):
            raw_period = f"{cell_text(raw_period)}-H{cell_text(cells[hi]).upper().lstrip('H')}"
        hit = numbers.get(raw_period)
        if hit is None:
            period = b.period(raw_period, line, pi)
            if period is None:
                continue
            hit = numbers[raw_period] = period, period.year * 4 + period.half
        period = hit[0]
        raw = cells[vi]
        if xlsx:
            add(line, vi, head, period, raw, False)
        elif (cell := str(raw)).isdigit() and cell.isascii() and len(cell) <= 15:
            append(line, head[4], hit[1], float(cell), head[2], head[5])
        else:
            add_text(line, vi, head, period, cell.strip(), False)


KNOWN_VALUES = 1 << 14  # at most this many value texts kept with their readings (about 3 MB)


def _long_text(rows: Iterator[tuple[int, Sequence[object]]], b: RowBuilder,
               tick: Callable[[int], None] | None, pi: int, vi: int) -> None:
    """`long_rows` for text cells, a million rows in mind: the shapes `numbers.readings` reads
    after one match (plain digits, 55,5, 12.345, 1.234,5, 1,234.5) are read here as it reads
    them and the row goes into the columns and the file's style evidence as `add_text` would
    put it; every other value (signs, words, spaces, percentages, errors) goes through
    `add_text`. The statuses (all new until the checks) are added once at the end.

    The readings of the first KNOWN_VALUES distinct value texts are kept: values repeat (small
    counts, percentages and fte with one decimal, the same figure in several series), and a
    dictionary lookup costs a fifth of the match and the conversion."""
    width, rows_, add_text = b.h.width, b.rows, b.add_text
    key_of, heads = _head_key(b), b.head_cache
    line_col, metric_col, period_col, value_col = rows_.line, rows_.metric, rows_.period, rows_.value
    line_add, metric_add, period_add, value_add = line_col.append, metric_col.append, period_col.append, \
        value_col.append
    approx_add, extras_add = rows_.approximate.append, rows_.extras.append
    vote = b.style
    dutch, english, evidence, evidence_of = vote.dutch_only, vote.english_only, vote.evidence, vote.evidence_of
    dutch_rows, dutch_details, english_rows, english_details = dutch.rows, dutch.details, english.rows, \
        english.details
    two_add, two_en_add = vote.two_readings.append, vote.two_en.append
    fast, fast_max = FAST_SHAPES, FAST_MAX
    numbers: dict[object, tuple[Period, int]] = {}  # period cell -> its Period and number in Rows
    known: dict[str, tuple[float | None, float | None]] = {}  # value text -> its two readings
    try:
        for line, cells in rows:
            if tick is not None and not line & 0x3FFF:
                tick(line)
            head = heads.get(key_of(cells)) if len(cells) == width else None
            if head is None:
                fitted = _fitted_head(b, cells, line, key_of, strict=False)
                if fitted is None:
                    continue
                cells, head = fitted
            raw_period = cells[pi]
            hit = numbers.get(raw_period)
            if hit is None:
                period = b.period(raw_period, line, pi)
                if period is None:
                    continue
                hit = numbers[raw_period] = period, period.year * 4 + period.half
            cell: str = cells[vi]  # type: ignore[assignment]  # a CSV cell is text
            both = known.get(cell)
            if both is not None:
                nl, en = both
            else:
                m = fast(cell) if len(cell) <= fast_max else None
                if m is None:
                    if cell.isdigit() and cell.isascii() and len(cell) <= 15:
                        nl = en = float(cell)
                    else:
                        add_text(line, vi, head, hit[0], cell.strip(), False)
                        continue
                else:
                    shape = m.lastindex
                    if shape == 3:  # 1.234,5
                        nl, en = float(cell.replace(".", "").replace(",", ".")), None
                    elif shape == 2:  # 55.5; 12.345 reads either way
                        if 3 < len(cell) < 8 and cell[-4] == "." and cell[0] != "0":
                            whole = int(cell.replace(".", ""))
                            nl, en = float(whole), whole / 1000
                        else:
                            nl, en = None, float(cell)
                    elif shape == 1:  # 55,5; 12,345 reads either way
                        if 3 < len(cell) < 8 and cell[-4] == "," and cell[0] != "0":
                            whole = int(cell.replace(",", ""))
                            nl, en = whole / 1000, float(whole)
                        else:
                            nl, en = float(cell.replace(",", ".")), None
                    else:  # 1,234.5
                        nl, en = None, float(cell.replace(",", ""))
                if len(known) < KNOWN_VALUES:
                    known[cell] = nl, en
            row = len(value_col)
            line_add(line)
            metric_add(head[4])
            period_add(hit[1])
            value_add(en if nl is None else nl)  # type: ignore[arg-type]  # one of them is a number
            approx_add(head[2])
            extras_add(head[5])
            if nl == en:
                continue
            if en is None:
                dutch_rows.append(row)
                if len(dutch_details) < MAX_LISTED_PROBLEMS:
                    dutch_details.append((cell, vi))
            elif nl is None:
                english_rows.append(row)
                if len(english_details) < MAX_LISTED_PROBLEMS:
                    english_details.append((cell, vi))
            else:
                evidence[evidence_of(head[1], nl, en, line, vi, cell)] += 1
                two_add(row)
                two_en_add(en)
    finally:
        _settle_statuses(rows_)


def _settle_statuses(rows: Rows) -> None:
    """The status column as long as the others: rows appended without one are new."""
    missing = len(rows.value) - len(rows.status)
    if missing:
        rows.status.extend(bytes(missing))


def wide_rows(rows: Iterator[tuple[int, Sequence[object]]], b: RowBuilder,
          tick: Callable[[int], None] | None) -> None:
    periods, flags, width, add = b.h.periods, b.flags, b.h.width, b.add
    key_of, heads = _head_key(b), b.head_cache
    for line, cells in rows:
        if tick is not None and not line & 0x3FFF:
            tick(line)
        head = heads.get(key_of(cells)) if len(cells) == width else None
        if head is None:
            fitted = _fitted_head(b, cells, line, key_of, strict=True)
            if fitted is None:
                continue
            cells, head = fitted
        for col, period, _text in periods:
            raw = cells[col]
            if (raw == "" or raw is None) and not (flags and (line - 1, col) in flags):
                continue
            add(line, col, head, period, raw, True)
