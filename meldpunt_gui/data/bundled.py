"""Load the bundled dataset (resources/data/*.csv and resources/texts) into a Dataset.

The bundled files are checked as strictly as a user import: a figure in a memo must never rest on a
typo. The first problem stops loading with a BundledDataError naming file, line and field, so the
person editing the CSV can fix it at once. The format is described in resources/data/README.md.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from meldpunt_gui.data.gcpause import collector_paused
from meldpunt_gui.files.resources import resource_root
from meldpunt_gui.model.domain import (
    LANGS,
    MAX_MAGNITUDE,
    STATUSES,
    YEAR_MAX,
    YEAR_MIN,
    Category,
    Dataset,
    Event,
    Metric,
    Observation,
    Period,
    PeriodError,
    Reason,
    Source,
    Text,
    Theme,
    Unit,
)
from meldpunt_gui.model.vocabulary import PUBLISHED_POINTS_UNIT

UNIT_KINDS = ("count", "percent", "change", "rate", "duration")
BUNDLED_STATUSES = tuple(s for s in STATUSES if s != "user")  # "user" marks own input only
_T = TypeVar("_T")

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_PERIOD = re.compile(r"^[0-9]{4}(-H[12])?$")  # digits 0-9 only, as in every import
_DATE = re.compile(r"^(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>")
_MD_LINK = re.compile(r"\]\(|<https?://")


class BundledDataError(ValueError):
    """The bundled data is broken; says where (file relative to resources/, 1-based line, column)."""

    def __init__(self, file: str, line: int, field: str, reason: str) -> None:
        self.file, self.line, self.field, self.reason = file, line, field, reason
        super().__init__(f"{file}:{line}: {field}: {reason}")


class _Row:
    """One CSV record with its position, so every check can say where it failed."""

    def __init__(self, file: str, line: int, values: dict[str, str]) -> None:
        self.file, self.line, self.values = file, line, values

    def fail(self, field: str, reason: str) -> BundledDataError:
        return BundledDataError(self.file, self.line, field, reason)

    def text(self, field: str, required: bool = True) -> str:
        value = self.values.get(field, "")
        if required and not value:
            raise self.fail(field, "empty")
        return value

    def ident(self, field: str = "id") -> str:
        value = self.text(field)
        if not _ID.match(value):
            raise self.fail(field, f"not a valid id: {value!r}")
        return value

    def ref(self, field: str, known: dict | set, what: str) -> str:
        value = self.text(field)
        if value not in known:
            raise self.fail(field, f"unknown {what} {value!r}")
        return value

    def refs(self, field: str, known: dict | set, what: str, required: bool = False) -> tuple[str, ...]:
        items = tuple(self.text(field, required).split())
        for item in items:
            if item not in known:
                raise self.fail(field, f"unknown {what} {item!r}")
        if len(set(items)) != len(items):
            raise self.fail(field, "lists an id twice")
        return items

    def flag(self, field: str) -> bool:
        value = self.text(field)
        if value not in ("true", "false"):
            raise self.fail(field, f"must be true or false, not {value!r}")
        return value == "true"

    def integer(self, field: str, lo: int, hi: int) -> int:
        value = self.text(field)
        if not re.fullmatch(r"-?\d+", value) or not lo <= int(value) <= hi:
            raise self.fail(field, f"must be a whole number from {lo} to {hi}, not {value!r}")
        return int(value)

    def optional_integer(self, field: str, lo: int, hi: int) -> int | None:
        return self.integer(field, lo, hi) if self.values.get(field) else None

    def bilingual(self, prefix: str, required: bool = True) -> Text:
        return Text(self.text(f"{prefix}_nl", required), self.text(f"{prefix}_en", required))


def _read_csv(root: Path, name: str, required: tuple[str, ...]) -> Iterator[_Row]:
    """Yield the rows of data/<name>; refuses missing files/columns, ragged rows and HTML."""
    rel = f"data/{name}"
    path = root / "data" / name
    if not path.is_file():
        raise BundledDataError(rel, 0, "-", "file is missing")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BundledDataError(rel, raw[: err.start].count(b"\n") + 1, "-", "not UTF-8 text") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise BundledDataError(rel, 1, "-", "file is empty") from None
    for column in required:
        if column not in header:
            raise BundledDataError(rel, 1, column, "required column is missing")
    if len(set(header)) != len(header):
        raise BundledDataError(rel, 1, "-", "a column name appears twice")
    while True:
        line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise BundledDataError(rel, line, "-", f"broken CSV: {err}") from None
        if not record or record == [""]:
            continue
        if len(record) != len(header):
            raise BundledDataError(rel, line, "-", f"{len(record)} fields where the header has {len(header)}")
        values = {h: v.strip() for h, v in zip(header, record)}
        for column, value in values.items():
            if _TAG.search(value):
                raise BundledDataError(rel, line, column, "contains HTML; plain text only")
        yield _Row(rel, line, values)


def _unique(rows: Iterator[_Row], make: Callable[[_Row], _T]) -> dict[str, _T]:
    """Build id -> object, refusing a repeated id."""
    out: dict[str, _T] = {}
    for row in rows:
        key = row.ident("id")
        if key in out:
            raise row.fail("id", f"duplicate id {key!r}")
        out[key] = make(row)
    return out


def _unit(row: _Row) -> Unit:
    kind = row.text("kind")
    if kind not in UNIT_KINDS:
        raise row.fail("kind", f"must be one of {', '.join(UNIT_KINDS)}, not {kind!r}")
    return Unit(row.values["id"], kind, row.bilingual("label"), row.integer("decimals", 0, 6))  # type: ignore[arg-type]


def _category(row: _Row) -> Category:
    return Category(row.values["id"], row.bilingual("label"), row.integer("order", 0, 9999))


def _source(row: _Row) -> Source:
    url = row.text("url")
    if not re.match(r"^https?://\S+$", url):
        raise row.fail("url", "must start with http:// or https:// and contain no spaces")
    published = row.text("published", required=False)
    if published and not _DATE.match(published):
        raise row.fail("published", f"must be YYYY, YYYY-MM or YYYY-MM-DD, not {published!r}")
    # optional columns: what is known about an empty or doubtful date, in both languages
    note = Text(row.text("date_note_nl", required=False), row.text("date_note_en", required=False))
    if bool(note.nl) != bool(note.en):
        raise row.fail("date_note_en" if note.nl else "date_note_nl", "give the date note in both languages")
    appeared = row.text("appeared", required=False)
    if appeared and (published or not re.fullmatch(r"(19|20)\d\d", appeared)):
        raise row.fail("appeared", "the year an undated page appeared (YYYY), only where published is empty")
    if appeared and not note.nl:
        raise row.fail("date_note_nl", "an undated page says in its date note how its year is known")
    return Source(row.values["id"], row.text("publisher"), row.text("title"), url, published,
                  row.flag("primary"), date_note=note, appeared=appeared)


def _theme_text(root: Path, theme_id: str, lang: str, row: _Row) -> tuple[str, str]:
    """(title, body) of texts/<lang>/<id>.md; plain text, first line '# Title'."""
    rel = f"texts/{lang}/{theme_id}.md"
    path = root / "texts" / lang / f"{theme_id}.md"
    if not path.is_file():
        raise row.fail("id", f"no text file {rel}")
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise BundledDataError(rel, 0, "text", "not UTF-8 text") from None
    for number, line in enumerate(lines, 1):
        if _TAG.search(line):
            raise BundledDataError(rel, number, "text", "contains HTML; plain text only")
        if _MD_LINK.search(line):
            raise BundledDataError(rel, number, "text", "contains a link; sources go in themes.csv")
    if not lines or not lines[0].startswith("# ") or not lines[0][2:].strip():
        raise BundledDataError(rel, 1, "title", "first line must be '# Title'")
    body = "\n".join(lines[1:]).strip()
    if not body:
        raise BundledDataError(rel, 2, "text", "no text after the title")
    return lines[0][2:].strip(), body


def _value(row: _Row, unit: Unit) -> float:
    raw = row.text("value")
    if not _NUMBER.match(raw):
        raise row.fail("value", f"not a plain number (decimal point, no grouping): {raw!r}")
    value = float(raw)
    if not math.isfinite(value):
        raise row.fail("value", "not a finite number")
    if abs(value) >= MAX_MAGNITUDE:  # the import's rule: 10^15 or more is no figure
        raise row.fail("value", f"too large: values must be smaller than 10^15, not {raw}")
    if unit.kind == "percent" and not 0 <= value <= 100:
        raise row.fail("value", f"a percentage must lie between 0 and 100, not {raw}")
    if unit.kind == "change" and value < -100:
        raise row.fail("value", f"a fall cannot exceed 100%, not {raw}")
    if unit.kind in ("count", "rate", "duration") and value < 0:
        raise row.fail("value", f"a {unit.kind} cannot be negative: {raw}")
    return value


def _period(row: _Row, field: str, text: str) -> Period:
    """A year (2022) or half-year (2022-H1) in a bundled file's `field`, or the row's error."""
    try:
        if not _PERIOD.match(text):
            raise PeriodError(text)
        return Period.parse(text)
    except PeriodError:
        raise row.fail(field, f"not a year (2022) or half-year (2022-H1): {text!r}") from None


def _gives_change_of(m: Metric, metrics: dict[str, Metric], units: dict[str, Unit]) -> bool:
    """A published change series fits the series it is the change of: a % change of a count, or
    a change in points of a percentage."""
    target = metrics.get(m.change_of)
    if target is None:
        return False
    kind = units[target.unit].kind
    return (kind == "count" and units[m.unit].kind == "change") or \
        (kind == "percent" and m.unit == PUBLISHED_POINTS_UNIT)


def load_bundled(root: Path | None = None) -> Dataset:
    """Read and check the bundled dataset under `root` (default: the shipped resources/)."""
    with collector_paused():  # thousands of new objects and no cycles: see gcpause
        return _load(Path(root) if root is not None else resource_root())


def _load(root: Path) -> Dataset:
    units = _unique(_read_csv(root, "units.csv", ("id", "kind", "label_nl", "label_en", "decimals")), _unit)
    categories = _unique(_read_csv(root, "categories.csv", ("id", "order", "label_nl", "label_en")), _category)
    sources = _unique(_read_csv(root, "sources.csv", ("id", "publisher", "title", "url", "published", "primary")),
                      _source)

    def theme(row: _Row) -> Theme:
        first = row.optional_integer("year_from", YEAR_MIN, YEAR_MAX)
        last = row.optional_integer("year_to", YEAR_MIN, YEAR_MAX)
        if first is not None and last is not None and first > last:
            raise row.fail("year_to", "lies before year_from")
        years = None if first is None and last is None else (first or YEAR_MIN, last or YEAR_MAX)
        cited = row.refs("sources", sources, "source", required=True)
        lead = row.refs("lead_sources", set(cited), "source of this text", required=True)
        texts = {lang: _theme_text(root, row.values["id"], lang, row) for lang in LANGS}
        return Theme(row.values["id"], Text(texts["nl"][0], texts["en"][0]), Text(texts["nl"][1], texts["en"][1]),
                     years, cited, lead)

    themes = _unique(_read_csv(root, "themes.csv", ("id", "year_from", "year_to", "sources", "lead_sources")),
                     theme)

    metric_lines: dict[str, int] = {}

    def _breaks(row: _Row) -> frozenset[Period]:
        """`breaks`: the periods a series counts differently from the one before, e.g. '2018 2022'
        (each must hold a value of the series: checked once the values are read)."""
        return frozenset(_period(row, "breaks", text) for text in (row.values.get("breaks") or "").split())

    def metric(row: _Row) -> Metric:
        metric_lines[row.values["id"]] = row.line
        return Metric(row.values["id"], row.ref("category", categories, "category"), row.ref("unit", units, "unit"),
                      row.bilingual("label"), row.bilingual("definition"), row.refs("themes", themes, "theme"),
                      row.bilingual("note", required=False) if "note_nl" in row.values else Text("", ""),
                      part_of=(row.values.get("part_of") or "").strip(), breaks=_breaks(row),
                      change_of=(row.values.get("change_of") or "").strip(),
                      share_of=row.bilingual("share_of", required=False) if "share_of_nl" in row.values
                      else Text("", ""))

    metrics = _unique(_read_csv(root, "metrics.csv", ("id", "category", "unit", "label_nl", "label_en",
                                                      "definition_nl", "definition_en", "themes")), metric)

    for m in metrics.values():
        if m.part_of and (m.part_of not in metrics or metrics[m.part_of].unit != m.unit):
            raise BundledDataError("data/metrics.csv", metric_lines[m.id], "part_of",
                                   f"{m.part_of!r} is not a metric with the same unit")
        if m.change_of and not _gives_change_of(m, metrics, units):
            raise BundledDataError("data/metrics.csv", metric_lines[m.id], "change_of",
                                   f"{m.change_of!r} is not a count whose % change this series gives, "
                                   f"nor a percentage whose change in points ({PUBLISHED_POINTS_UNIT}) it gives")
        if units[m.unit].kind == "percent" and not (m.share_of.nl and m.share_of.en):
            # a quoted share must say what it is a share of, in both languages
            raise BundledDataError("data/metrics.csv", metric_lines[m.id], "share_of_nl",
                                   "a share needs what it is a share of (share_of_nl and share_of_en)")

    observations: list[Observation] = []
    seen: dict[tuple[str, Period, str], int] = {}
    periods: dict[str, Period] = {}  # one object per period text: a few hundred, shared by all rows
    for row in _read_csv(root, "observations.csv", ("metric", "period", "value", "approximate", "status", "source")):
        mid = row.ref("metric", metrics, "metric")
        raw_period = row.text("period")
        period = periods.get(raw_period)
        if period is None:
            period = periods[raw_period] = _period(row, "period", raw_period)
        value = _value(row, units[metrics[mid].unit])
        status = row.text("status")
        if status not in BUNDLED_STATUSES:
            raise row.fail("status", f"must be one of {', '.join(BUNDLED_STATUSES)}, not {status!r}")
        src = row.ref("source", sources, "source")
        key = (mid, period, src)
        if key in seen:
            raise row.fail("source", f"same metric, period and source as line {seen[key]}")
        seen[key] = row.line
        note = row.bilingual("note", required=False) if "note_nl" in row.values else Text("", "")
        # optional column: true when the value counts something other than the metric's definition
        off = row.flag("off_definition") if row.values.get("off_definition") else False
        if off and not note.nl:
            raise row.fail("note_nl", "a value off the metric's definition needs a note saying what it counts")
        observations.append(Observation(mid, period, value, row.flag("approximate"), status, src, note,
                                        off_definition=off))
    held = {(o.metric, o.period) for o in observations}
    for m in metrics.values():
        for period in sorted(m.breaks):
            if (m.id, period) not in held:
                raise BundledDataError("data/metrics.csv", metric_lines[m.id], "breaks",
                                       f"{m.id} has no value in {period}")

    def event(row: _Row) -> Event:
        date = row.text("date")
        match = _DATE.match(date)
        if not match:
            raise row.fail("date", f"must be YYYY, YYYY-MM or YYYY-MM-DD, not {date!r}")
        year = row.integer("year", YEAR_MIN, YEAR_MAX)
        if year != int(match.group(1)):
            raise row.fail("year", f"{year} does not match the date {date}")
        return Event(row.values["id"], date, year, row.bilingual("title"),
                      row.ref("source", sources, "source"), row.refs("themes", themes, "theme"),
                      row.bilingual("note", required=False) if "note_nl" in row.values else Text("", ""))

    events = _unique(_read_csv(root, "events.csv", ("id", "date", "year", "title_nl", "title_en", "source",
                                                    "themes")), event)

    def reason(row: _Row) -> Reason:
        first = row.integer("year_from", YEAR_MIN, YEAR_MAX)
        last = row.integer("year_to", YEAR_MIN, YEAR_MAX)
        if first > last:
            raise row.fail("year_to", "lies before year_from")
        return Reason(row.values["id"], row.bilingual("text"),
                      row.refs("metrics", metrics, "metric", required=True), (first, last),
                      row.integer("priority", 1, 99), row.refs("sources", sources, "source", required=True))

    reasons = _unique(_read_csv(root, "why.csv", ("id", "metrics", "year_from", "year_to", "priority",
                                                 "sources", "text_nl", "text_en")), reason)

    return Dataset(units=units, categories=categories, metrics=metrics, sources=sources,
                   observations=observations, events=list(events.values()), themes=themes,
                   data_date=newest_date(sources.values()), reasons=tuple(reasons.values()))


def newest_date(sources: Iterable[Source]) -> str:
    """The newest source's date for "Gegevens tot en met ...": the newest published date, or
    only its year where an undated page appeared in that year or later (an IWF report "from
    2025" may be newer than a dated item of May 2025: "tot en met 2025" is then what is known)."""
    listed = list(sources)
    dates = [s.published for s in listed if s.published]
    appeared = [s.appeared for s in listed if s.appeared]
    newest = max(dates, default="")
    if appeared and max(appeared) >= newest[:4]:
        return max(appeared)
    return newest
