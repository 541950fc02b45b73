"""The rows of an import kept column by column, so a million rows are a few compact arrays.

An `ImportRow` object per row costs about 300 bytes with its float and int, a million of them
are a million objects the cyclic collector walks and the window's thread frees one by one. Here
each row is one entry in typed arrays (line, metric, period, value, ...); metric ids, periods and
source columns are kept once and referred to by number. `Rows` reads as a sequence of ImportRow:
indexing or iterating makes each row's object when asked for (a copy: changes go through the
methods here).

Work over all rows runs in slices of CHUNK, never one C call over the whole column, so a reading
thread gives the window its turn (the interpreter switches threads only between such calls).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, compress, count, islice, repeat
from operator import and_, ne, rshift
from typing import overload

from meldpunt_gui.imports.files import col_letters
from meldpunt_gui.imports.model import ImportRow
from meldpunt_gui.model.domain import Period

CHUNK = 1 << 16
STATUSES = ("new", "changed", "unchanged")
_STATUS_CODE = {s: i for i, s in enumerate(STATUSES)}
Extras = tuple[()] | tuple[str, str, str, str]
_STORED = bytes([1, 1, 0]) + bytes(253)  # status -> 1 for the rows an import writes


class Rows(Sequence[ImportRow]):
    """Rows read from one file: appended while reading, then checked, then stored."""

    def __init__(self, xlsx: bool = False) -> None:
        self.xlsx = xlsx
        self.line = array("i")
        self.col = array("H")  # workbooks only: the cell's column, for its address
        self.metric = array("I")
        self.period = array("H")  # year * 4 + half: 1990 -> 7960
        self.value = array("d")
        self.approximate = bytearray()
        self.extras = array("I")
        self.status = bytearray()  # index into STATUSES
        self.old: dict[int, tuple[float, bool]] = {}  # changed rows: the value shown before
        self.metric_ids: list[str] = []
        self.metric_index: dict[str, int] = {}
        self.extras_list: list[Extras] = [()]
        self.extras_index: dict[Extras, int] = {(): 0}

    # ----- building
    def metric_number(self, metric: str) -> int:
        n = self.metric_index.get(metric)
        if n is None:
            n = self.metric_index[metric] = len(self.metric_ids)
            self.metric_ids.append(metric)
        return n

    def extras_number(self, extras: Extras) -> int:
        n = self.extras_index.get(extras)
        if n is None:
            n = self.extras_index[extras] = len(self.extras_list)
            self.extras_list.append(extras)
        return n

    def add(self, line: int, col: int, metric: str, period: Period, value: float, approximate: bool,
            extras: Extras = ()) -> int:
        """Append one row; its index."""
        self.line.append(line)
        if self.xlsx:
            self.col.append(col)
        self.metric.append(self.metric_number(metric))
        self.period.append(period.year * 4 + period.half)
        self.value.append(value)
        self.approximate.append(approximate)
        self.extras.append(self.extras_number(extras) if extras else 0)
        self.status.append(0)
        return len(self.value) - 1

    def add_known(self, line: int, col: int, metric: int, period: int, value: float, approximate: bool,
                  extras: int) -> int:
        """`add` with the metric and extras numbers known and the period as year * 4 + half."""
        self.line.append(line)
        if self.xlsx:
            self.col.append(col)
        self.metric.append(metric)
        self.period.append(period)
        self.value.append(value)
        self.approximate.append(approximate)
        self.extras.append(extras)
        self.status.append(0)
        return len(self.value) - 1

    def adder(self) -> Callable[[int, int, int, float, bool, int], None]:
        """A quick append for the row loops: (line, metric number, year * 4 + half, value,
        approximate, extras number), for a CSV file."""
        line, metric, period, value = self.line.append, self.metric.append, self.period.append, \
            self.value.append
        approx, extras, status = self.approximate.append, self.extras.append, self.status.append

        def add(ln: int, m: int, p: int, v: float, a: bool, e: int) -> None:
            line(ln)
            metric(m)
            period(p)
            value(v)
            approx(a)
            extras(e)
            status(0)
        return add

    # ----- reading one row
    def __len__(self) -> int:
        return len(self.value)

    def cell(self, i: int) -> str:
        if not self.xlsx:
            return ""
        return f"{col_letters(self.col[i])}{self.line[i]}"

    def metric_of(self, i: int) -> str:
        return self.metric_ids[self.metric[i]]

    def period_of(self, i: int) -> Period:
        n = self.period[i]
        return Period(n >> 2, n & 3)

    def status_of(self, i: int) -> str:
        return STATUSES[self.status[i]]

    def row(self, i: int) -> ImportRow:
        extras = self.extras_list[self.extras[i]]
        old_value, old_approx = self.old.get(i, (None, None))
        return ImportRow(self.line[i], self.cell(i), self.metric_ids[self.metric[i]],
                         self.period_of(i), self.value[i], bool(self.approximate[i]),
                         *(extras or ("", "", "", "")), status=STATUSES[self.status[i]],
                         old_value=old_value, old_approximate=old_approx)

    @overload
    def __getitem__(self, i: int) -> ImportRow: ...
    @overload
    def __getitem__(self, i: slice) -> list[ImportRow]: ...
    def __getitem__(self, i: int | slice) -> ImportRow | list[ImportRow]:
        if isinstance(i, slice):
            return [self.row(j) for j in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("row index out of range")
        return self.row(i)

    def __iter__(self) -> Iterator[ImportRow]:
        row = self.row
        return (row(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Rows: {len(self)} rows>"

    # ----- changing
    def set_status(self, i: int, status: str, old: tuple[float, bool] | None = None) -> None:
        self.status[i] = _STATUS_CODE[status]
        if old is not None:
            self.old[i] = old

    def map_extras(self, change: Callable[[tuple[str, str, str, str]], tuple[str, str, str, str]]) -> None:
        """Change the source columns of every row (each distinct combination once)."""
        self.extras_list = [change(e or ("", "", "", "")) for e in self.extras_list]
        self.extras_index = {e: i for i, e in enumerate(self.extras_list)}

    def kept(self, keep: bytearray) -> Rows:
        """A copy with the rows whose byte in `keep` is not 0; statuses and old values go along."""
        if keep.count(0) == 0:
            return self
        out = Rows(self.xlsx)
        out.metric_ids, out.metric_index = self.metric_ids, self.metric_index
        out.extras_list, out.extras_index = self.extras_list, self.extras_index
        pairs: list[tuple[array | bytearray, array | bytearray]] = [
                 (self.line, out.line), (self.metric, out.metric), (self.period, out.period),
                 (self.value, out.value), (self.approximate, out.approximate),
                 (self.extras, out.extras), (self.status, out.status)]
        if self.xlsx:
            pairs.append((self.col, out.col))
        n = len(self)
        for start in range(0, n, CHUNK):
            mask = keep[start:start + CHUNK]
            for src, dst in pairs:
                dst.extend(compress(src[start:start + CHUNK], mask))
        if self.old:
            new_index = 0
            for i in range(n):
                if keep[i]:
                    if i in self.old:
                        out.old[new_index] = self.old[i]
                    new_index += 1
        return out

    # ----- after the checks
    def counts(self) -> dict[str, int]:
        status = self.status
        return {s: sum(status.count(i, k, k + CHUNK) for k in range(0, len(status), CHUNK))
                for i, s in enumerate(STATUSES)}

    def stored(self) -> StoreView:
        return StoreView(self)

    def to_store(self) -> Iterator[int]:
        """The indices of the rows an import writes: new and changed ones."""
        status = self.status
        for start in range(0, len(status), CHUNK):
            part = status[start:start + CHUNK]
            yield from (start + j for j, s in enumerate(part) if s != 2)


def counts(rows: Sequence[ImportRow]) -> dict[str, int]:
    """How many rows are new, changed and unchanged (quick for `Rows`)."""
    if isinstance(rows, Rows):
        return rows.counts()
    out = {"new": 0, "changed": 0, "unchanged": 0}
    for row in rows:
        out[row.status] += 1
    return out


class StoreView:
    """The rows an import writes (new and changed), walked without a list of them."""

    def __init__(self, rows: Rows) -> None:
        self.rows = rows

    def __len__(self) -> int:
        counts = self.rows.counts()
        return counts["new"] + counts["changed"]

    def __bool__(self) -> bool:
        status = self.rows.status
        return any(status.count(2, k, k + CHUNK) < len(status[k:k + CHUNK])
                   for k in range(0, len(status), CHUNK))

    def __iter__(self) -> Iterator[ImportRow]:
        row = self.rows.row
        return (row(i) for i in self.rows.to_store())

    def __contains__(self, item: object) -> bool:
        return any(r == item for r in self)


SourceKey = tuple[str, str, str]  # publisher, url, published
# import, metric, year, half, value, approximate (0/1), source id, note: a row of `observations`
StoredValue = tuple[int, str, int, int, float, int, str, str]


Walk = Callable[[int, Sequence[str]], Iterator[StoredValue]]


def stored_values(rows: Sequence[ImportRow]) -> tuple[list[SourceKey], set[str], Walk]:
    """What the store writes for the new and changed rows: their distinct sources in the order
    they first appear, the metrics they hold, and a walk over their rows of `observations`
    given the import's id and the ids of those sources."""
    if not isinstance(rows, Rows):
        keys: dict[SourceKey, int] = {}
        plain = [r for r in rows if r.status != "unchanged"]
        for r in plain:
            keys.setdefault((r.publisher, r.url, r.published), len(keys))

        def walk_plain(import_id: int, source_ids: Sequence[str]) -> Iterator[StoredValue]:
            for r in plain:
                yield (import_id, r.metric, r.period.year, r.period.half, r.value, int(r.approximate),
                       source_ids[keys[(r.publisher, r.url, r.published)]], r.note)
        return list(keys), {r.metric for r in plain}, walk_plain
    extras_list = rows.extras_list
    key_of_extras = [(e[0], e[1], e[2]) if e else ("", "", "") for e in extras_list]
    note_of_extras = [e[3] if e else "" for e in extras_list]
    order: dict[SourceKey, int] = {}
    seen: dict[int, None] = {}  # extras numbers in the order they first appear, made in C
    used: set[int] = set()
    for metric, extras in _stored_slices(rows, rows.metric, rows.extras):
        used.update(metric)
        seen.update(dict.fromkeys(extras))
    for e in seen:
        order.setdefault(key_of_extras[e], len(order))
    source_of = [order.get(k, -1) for k in key_of_extras]

    def walk(import_id: int, source_ids: Sequence[str]) -> Iterator[StoredValue]:
        # zipped a slice at a time and chained: the rows are made in C and executemany takes
        # them from there, with no Python frame resumed per row
        ids, metric, period, value, approx, status, extras = rows.metric_ids, rows.metric, rows.period, \
            rows.value, rows.approximate, rows.status, rows.extras

        def part(start: int) -> Iterator[StoredValue]:
            end = start + CHUNK
            p, e = period[start:end], extras[start:end]
            values = zip(repeat(import_id), map(ids.__getitem__, metric[start:end]), map(rshift, p, repeat(2)),
                         map(and_, p, repeat(3)), value[start:end], approx[start:end],
                         map(source_ids.__getitem__, map(source_of.__getitem__, e)),
                         map(note_of_extras.__getitem__, e))
            stat = status[start:end]
            return compress(values, stat.translate(_STORED)) if 2 in stat else values

        return chain.from_iterable(map(part, range(0, len(rows), CHUNK)))

    return list(order), {rows.metric_ids[m] for m in used}, walk


def _stored_slices(rows: Rows, *columns: array) -> Iterator[list[array]]:
    """The columns' values for the rows an import writes, a slice of CHUNK rows at a time."""
    status = rows.status
    for start in range(0, len(rows), CHUNK):
        end = start + CHUNK
        part = status[start:end]
        if 2 in part:
            mask = part.translate(_STORED)
            yield [array(c.typecode, compress(c[start:end], mask)) for c in columns]
        else:
            yield [c[start:end] for c in columns]


# metric id, lowest half, highest half, first year, last year: a row of the store's `value_spans`
Span = tuple[str, int, int, int, int]


def stored_spans(rows: Sequence[ImportRow]) -> list[Span]:
    """Per metric of the rows an import writes: the halves and years they span, as the store's
    `value_spans` holds them (store_summary.py), without a second query over the stored values."""
    found: dict[str, list[int]] = {}
    if not isinstance(rows, Rows):
        for r in rows:
            if r.status != "unchanged":
                _widen(found, r.metric, r.period.half, r.period.half, r.period.year, r.period.year)
        return [(m, *span) for m, span in found.items()]  # type: ignore[misc]
    ids = rows.metric_ids
    for metric, period in _stored_slices(rows, rows.metric, rows.period):
        # rows come in series: one min and max per run of a metric, in C
        cuts = [0, *compress(count(1), map(ne, metric, islice(metric, 1, None))), len(metric)]
        if len(cuts) > len(metric) // 8 + 2:  # no runs to speak of: row by row
            for m, p in zip(metric, period):
                _widen(found, ids[m], p & 3, p & 3, p >> 2, p >> 2)
            continue
        halves = bytes(map(and_, period, repeat(3)))  # 0 a year, 1 or 2 a half
        find = halves.find
        for a, b in zip(cuts, islice(cuts, 1, None)):
            if a == b:
                continue
            part = period[a:b]
            low = 0 if find(0, a, b) >= 0 else 1 if find(1, a, b) >= 0 else 2
            high = 2 if find(2, a, b) >= 0 else 1 if find(1, a, b) >= 0 else 0
            _widen(found, ids[metric[a]], low, high, min(part) >> 2, max(part) >> 2)
    return [(m, *span) for m, span in found.items()]  # type: ignore[misc]


def _widen(found: dict[str, list[int]], metric: str, low: int, high: int, first: int, last: int) -> None:
    span = found.get(metric)
    if span is None:
        found[metric] = [low, high, first, last]
        return
    span[0], span[1] = min(span[0], low), max(span[1], high)
    span[2], span[3] = min(span[2], first), max(span[3], last)
