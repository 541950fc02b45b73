"""Cells to ImportRows: metric and unit lookup, and values read in both number styles.

Each value is parsed once into both readings; the file's style is decided from all values
together (`decide_style`) and only then are the undecided rows given their value.
"""

from __future__ import annotations

import difflib
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from meldpunt_gui.imports.files import col_letters
from meldpunt_gui.imports.header import (
    Header,
    cell_text,
    compact,
    grouped_year,
    norm,
    parse_period,
    parse_published,
    slug,
)
from meldpunt_gui.imports.model import MAX_LISTED_PROBLEMS, ImportResult
from meldpunt_gui.imports.names import MetricNames
from meldpunt_gui.imports.numbers import NumberError, cell_number, parse_number, readings
from meldpunt_gui.imports.rowset import Rows
from meldpunt_gui.model.domain import FOREIGN_DIGITS, Dataset, Metric, Period, Text, Unit, foreign_digits

NO_VALUE = frozenset({"", "-", "–", "—", "n.b.", "nb", "n.v.t.", "nvt", "n/a", "na", "onbekend",
                      "unknown", "?", ".", "x"})
TRUE_WORDS = frozenset({"ja", "j", "yes", "y", "true", "waar", "1", "x", "ca", "ca.", "circa",
                        "approx", "approximate", "approximately", "benadering", "~", "±"})
FALSE_WORDS = frozenset({"", "nee", "n", "no", "false", "onwaar", "0", "exact", "-"})
ALTERNATIVE_WORDS = frozenset({"alternative", "alternatief", "alt", "nee", "no", "false", "onwaar", "0"})
PERCENT_WORDS = ("%", "procent", "percent", "percentage")
USER_CATEGORY = "user"
MISSING = object()
# metric id, unit, approximate, extras: (publisher, url, published, note), or () without such
# columns, and the numbers Rows gives the metric id and the extras
Extras = tuple[()] | tuple[str, str, str, str]
Head = tuple[str, Unit, bool, Extras, int, int]
# A cell as a file hands it over (text from a CSV, text, a number or nothing from a workbook)
# made into stripped text.
CellText = Callable[[Any], str]


def lookup_tables(ds: Dataset) -> tuple[MetricNames, dict[str, str | None]]:
    """Typed name -> metric id and unit id; None marks a name that fits several. The metric
    names of a store's own series are looked up as the file names them (names.py)."""
    metrics = MetricNames(ds)
    units: dict[str, str | None] = {norm(u.id): u.id for u in ds.units.values()}
    for u in ds.units.values():
        for key in {norm(u.label.nl), norm(u.label.en)} - {""}:
            if units.setdefault(key, u.id) != u.id:
                units[key] = None
    percent = [u.id for u in ds.units.values() if u.kind == "percent"]
    for word in PERCENT_WORDS:
        units.setdefault(word, percent[0] if len(percent) == 1 else None)
    return metrics, units


def parse_flag(raw: object, words_true: frozenset[str], words_false: frozenset[str]) -> bool | None:
    """A yes/no cell ('ja', 'WAAR', 'x', TRUE, 1); None when it is neither."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return bool(raw)
    text = cell_text(raw).lower()
    if text in words_true:
        return True
    if text in words_false:
        return False
    return None


class RowBuilder:
    """Collects the rows under one header; problems go to `res`."""

    def __init__(self, res: ImportResult, ds: Dataset, header: Header, flags: dict, kind: str) -> None:
        self.res, self.ds, self.h, self.flags = res, ds, header, flags
        self.xlsx = kind == "xlsx"
        self.text: CellText = cell_text if self.xlsx else str.strip
        self.metric_names, self.unit_names = lookup_tables(ds)
        self.metric_cache: dict[tuple[str, str, str], tuple[str, Unit] | None] = {}
        self.unknown: dict[str, list[int]] = {}  # unknown metric name -> [problem index, rows]
        self.period_cache: dict[object, Period | None] = {}
        self.flag_cache: dict[object, bool | None] = {}
        self.rows = Rows(self.xlsx)
        # Values whose reading waits for the file's style. A row holds its Dutch reading (its
        # English one when it has no Dutch one); settle() fixes or drops it once the style is known.
        self.dutch_only = Waiting()
        self.english_only = Waiting()
        self.two_readings = array("i")  # rows with two readings, their English one in two_en
        self.two_en = array("d")
        self.evidence = {"nl": 0, "en": 0, "ambiguous": 0}  # for two_readings; see style_evidence()
        self.first_ambiguous: tuple[int, str, str, str] | None = None
        self.head_cache: dict[object, Head] = {}  # see importers._head_key
        self.data_rows = 0
        self.skipped_alternatives = 0
        roles = header.roles
        self.has_extras = any(r in roles for r in ("source", "url", "published", "note"))
        self.unit_col = roles.get("unit")
        self.unit_label_cols = (roles.get("unit_label_nl"), roles.get("unit_label_en"))
        self.label_col = roles["label"] if "label" in roles and "metric" in roles else None
        self.approx_col = roles.get("approximate")
        self.shown_col = roles.get("shown")
        self.names = [header.name(i) for i in range(header.width)]
        self.letters = [col_letters(i) for i in range(header.width)]

    def where(self, line: int, col: int) -> str:
        """The cell address in a workbook ("C7"); CSV problems have a line instead."""
        if not self.xlsx:
            return ""
        return f"{self.letters[col] if col < len(self.letters) else col_letters(col)}{line}"

    # ----- metrics
    def metric(self, name: str, unit_text: str, label: str, line: int,
               unit_labels: tuple[str, str] = ("", "")) -> tuple[str, Unit] | None:
        key = (name, unit_text, label)
        hit = self.metric_cache.get(key, MISSING)
        if hit is MISSING:
            hit = self.metric_cache[key] = self._resolve(name, unit_text, label, line, unit_labels)
        elif hit is None and name in self.unknown:
            self.unknown[name][1] += 1
        return hit  # type: ignore[return-value]

    def _unit(self, unit_id: str) -> Unit:
        return self.ds.units.get(unit_id) or self.res.units[unit_id]

    def _new_unit(self, unit_text: str, labels: tuple[str, str], line: int) -> str | None:
        """A unit the viewer does not know yet ('bevelen'), brought by a new metric: a count with
        the axis label given in each language (the unit as typed where a label is missing)."""
        unit_id = slug(unit_text)
        if not unit_id:
            col = self.h.name(self.h.roles["unit"])
            self.res.error(line, col, Text(
                f"Eenheid '{unit_text}' kan geen naam van een nieuwe eenheid zijn: gebruik letters of cijfers.",
                f"Unit '{unit_text}' cannot name a new unit: use letters or digits."), "bad_unit_name",
                self.where(line, self.h.roles["unit"]))
            return None
        if unit_id not in self.ds.units and unit_id not in self.res.units:
            nl, en = (lab.strip() for lab in labels)
            self.res.units[unit_id] = Unit(unit_id, "count", Text(nl or en or unit_text, en or nl or unit_text), 0)
        for key in {norm(unit_text), norm(unit_id)}:
            self.unit_names[key] = unit_id
        return unit_id

    def _resolve(self, name: str, unit_text: str, label: str, line: int,
                 unit_labels: tuple[str, str] = ("", "")) -> tuple[str, Unit] | None:
        res, ds, h = self.res, self.ds, self.h
        col = h.metric_col
        unit_id = self.unit_names.get(norm(unit_text)) if unit_text else None
        unit_col = h.name(h.roles["unit"]) if "unit" in h.roles else ""
        forms = (norm(name), slug(name), compact(name))  # computed once: a big file has many series
        keys = [k for k in forms if k in self.metric_names]
        mid = self.metric_names[keys[0]] if keys else None
        if keys and mid is None:
            res.error(line, h.name(col), Text(f"'{name}' past bij meer dan een reeks; gebruik het id.",
                                              f"'{name}' matches more than one metric; use its id."),
                      "ambiguous_metric", self.where(line, col))
            return None
        if mid is not None:
            metric = ds.metrics.get(mid) or res.metrics[mid]
            if metric.user:
                res.metrics.setdefault(mid, metric)
            unit = self._unit(metric.unit)
            percent_word = unit.kind == "percent" and norm(unit_text) in PERCENT_WORDS
            if unit_text and unit_id != metric.unit and not percent_word:
                if unit_id is not None:
                    res.error(line, unit_col, Text(
                        f"Eenheid '{unit_text}' past niet bij {mid}, dat telt in '{unit.label.nl}'.",
                        f"Unit '{unit_text}' does not fit {mid}, which counts '{unit.label.en}'."),
                        "unit_mismatch", self.where(line, h.roles["unit"]))
                    return None
                res.warning(line, unit_col, Text(
                    f"Eenheid '{unit_text}' onbekend; {mid} telt in '{unit.label.nl}'.",
                    f"Unit '{unit_text}' not recognised; {mid} counts '{unit.label.en}'."),
                    "unit_unknown")
            return mid, unit
        if unit_id is None and unit_text and forms[1] and self.unit_names.get(norm(unit_text), MISSING) is MISSING:
            unit_id = self._new_unit(unit_text, unit_labels, line)  # a new series may bring a new unit
            if unit_id is None:
                return None
        if unit_id is not None and not forms[1]:
            res.error(line, h.name(col), Text(
                f"'{name}' kan geen naam van een eigen reeks zijn: gebruik letters of cijfers.",
                f"'{name}' cannot name your own series: use letters or digits."), "bad_metric_name",
                self.where(line, col))
            return None
        if unit_id is not None:
            new_id, display = forms[1], label or name
            res.metrics[new_id] = Metric(
                id=new_id, category=USER_CATEGORY, unit=unit_id, label=Text(display, display),
                definition=Text(f"Eigen invoer, toegevoegd met {res.file}.",
                                f"Own input, added from {res.file}."),
                user=True)
            res.new_metrics.add(new_id)
            for key in forms:
                self.metric_names[key] = new_id
            return new_id, self._unit(unit_id)
        if unit_text:
            res.error(line, unit_col, Text(
                f"Eenheid '{unit_text}' past bij meer dan een eenheid; gebruik het id uit list-metrics.",
                f"Unit '{unit_text}' matches more than one unit; use its id from list-metrics."), "ambiguous_unit")
            return None
        names = [k for k, v in self.metric_names.items() if v]
        close = difflib.get_close_matches(forms[0], names, 1, 0.75)
        guess = self.metric_names[close[0]] if close else ""
        hint = Text(f" Bedoeld: {guess}?", f" Did you mean {guess}?") if guess else Text("", "")
        listed = len(res.problems)
        res.error(line, h.name(col), Text(
            f"Onbekende reeks '{name}'. Gebruik een id of naam uit list-metrics, of geef een eenheid "
            f"om een eigen reeks te maken.{hint.nl}",
            f"Unknown metric '{name}'. Use an id or name from list-metrics, or give a unit to create "
            f"your own series.{hint.en}"), "unknown_metric", self.where(line, col))
        self.unknown[name] = [listed if len(res.problems) > listed else -1, 1]
        return None

    # ----- other cells
    def period(self, raw: object, line: int, col: int) -> Period | None:
        hit = self.period_cache.get(raw, MISSING)
        if hit is MISSING:
            hit = self.period_cache[raw] = parse_period(raw)
        if hit is None:
            shown = cell_text(raw)[:40]
            if foreign_digits(shown):
                self.res.error(line, self.h.name(col), Text(
                    f"Periode '{shown}' {FOREIGN_DIGITS.nl}.", f"Period '{shown}' {FOREIGN_DIGITS.en}."),
                    "digits", self.where(line, col))
                return None
            year = grouped_year(raw)
            hint = Text(f" Bedoeld: {year}? Schrijf het jaar zonder punt of spatie.",
                        f" Did you mean {year}? Write the year without a thousands separator.") \
                if year else Text("", "")
            self.res.error(line, self.h.name(col), Text(
                f"Periode '{shown}' is geen jaar (1990-2100) of halfjaar (zoals 2023-H1).{hint.nl}",
                f"Period '{shown}' is not a year (1990-2100) or a half-year (such as 2023-H1).{hint.en}"),
                "bad_period", self.where(line, col))
        return hit  # type: ignore[return-value]

    def approximate(self, raw: object, line: int, col: int) -> bool | None:
        hit = self.flag_cache.get(raw, MISSING)
        if hit is MISSING:
            hit = self.flag_cache[raw] = parse_flag(raw, TRUE_WORDS, FALSE_WORDS)
        if hit is None:
            name = self.h.name(col)
            shown = cell_text(raw)[:30]
            self.res.error(line, name, Text(f"'{shown}' in kolom {name}: gebruik ja of nee.",
                                            f"'{shown}' in column {name}: use yes or no."),
                           "bad_flag", self.where(line, col))
        return hit  # type: ignore[return-value]

    def extras(self, cells: Sequence[object], line: int) -> tuple[str, str, str, str]:
        """(publisher, url, published, note): file text kept as text, bad links and dates dropped."""
        roles, text, res = self.h.roles, self.text, self.res
        publisher = _clean(text(cells[roles["source"]])) if "source" in roles else ""
        note = _clean(text(cells[roles["note"]])) if "note" in roles else ""
        url = published = ""
        if "url" in roles:
            url = _clean(text(cells[roles["url"]]))
            if url and not url[:8].lower().startswith(("http://", "https://")):
                res.warning(line, self.h.name(roles["url"]), Text(
                    f"'{url[:60]}' is geen webadres (http/https) en wordt niet als link bewaard.",
                    f"'{url[:60]}' is not a web address (http/https) and is not kept as a link."),
                    "bad_url")
                url = ""
        if "published" in roles:
            raw = cells[roles["published"]]
            parsed = parse_published(raw)
            if parsed is None:
                res.warning(line, self.h.name(roles["published"]), Text(
                    f"Datum '{cell_text(raw)[:40]}' niet herkend (gebruik 2024-07-13); niet bewaard.",
                    f"Date '{cell_text(raw)[:40]}' not recognised (use 2024-07-13); not kept."),
                    "bad_date")
            published = parsed or ""
        return publisher, url, published, note

    # ----- values
    def add(self, line: int, col: int, head: Head, period: Period, raw: object, wide: bool) -> None:
        """One value cell; plain digits take the short road."""
        if self.flags and self.flags.get((line - 1, col)) == "external" and raw != "" and raw is not None:
            self._external(line, col)
        if raw.__class__ is str:
            if raw.isdigit() and raw.isascii() and len(raw) <= 15:
                self.rows.add_known(line, col, head[4], period.year * 4 + period.half, float(raw), head[2],
                                    head[5])
                return
            self.add_text(line, col, head, period, raw.strip(), wide)
        else:
            self._add_cell(line, col, head, period, raw)

    def add_text(self, line: int, col: int, head: Head, period: Period, text: str, wide: bool) -> None:
        """A value typed as text: read in both styles now, settled once the file's style is known."""
        cell = self.where(line, col) if self.xlsx else ""
        try:
            nl, en, qualified, percent = readings(text)
        except NumberError as exc:
            self._not_read(text, exc, line, col, cell, wide)
            return
        mid, unit, approx, extras = head[:4]
        if percent and unit.kind != "percent":
            self.res.error(line, self.names[col], Text(
                f"'{text}' is een percentage, maar {mid} telt in '{unit.label.nl}'.",
                f"'{text}' is a percentage, but {mid} counts '{unit.label.en}'."), "percent_sign", cell)
            return
        value = en if nl is None else nl
        assert value is not None  # readings() gives at least one reading or raises
        row = self.rows.add_known(line, col, head[4], period.year * 4 + period.half, value, approx or qualified,
                                  head[5])
        if nl != en:  # the value waits for the file's style
            if en is None:
                self.dutch_only.add(row, text, col)
            elif nl is None:
                self.english_only.add(row, text, col)
            else:
                self.evidence[self.evidence_of(unit, nl, en, line, col, text)] += 1
                self.two_readings.append(row)
                self.two_en.append(en)

    def evidence_of(self, unit: Unit, nl: float, en: float, line: int, col: int, text: str) -> str:
        """What a value both styles read differently says of the file's style: 'nl', 'en' or
        'ambiguous' (the first such value is kept to name in a message)."""
        if unit.kind == "count" and unit.decimals == 0:
            return "nl" if abs(nl) > abs(en) else "en"  # 413.262 reports: counts have no three decimals
        if unit.kind == "percent" and (0 <= nl <= 100) != (0 <= en <= 100):
            return "nl" if 0 <= nl <= 100 else "en"  # 41.500%: only one reading is a percentage
        if self.first_ambiguous is None:
            self.first_ambiguous = (line, self.names[col], text, self.where(line, col) if self.xlsx else "")
        return "ambiguous"

    def _not_read(self, text: str, exc: NumberError, line: int, col: int, cell: str, wide: bool) -> None:
        """An empty or placeholder cell is no value (warned in a long file); anything else an error."""
        res, column = self.res, self.names[col]
        if text.lower() not in NO_VALUE:
            res.error(line, column, exc.message, exc.code, cell)
            return
        flag = self.flags.get((line - 1, col)) if self.xlsx else None
        if flag:
            self._flag_error(flag, line, col)
        elif not wide:
            shown = f" ('{text}')" if text else ""
            res.warning(line, column, Text(f"Geen waarde{shown}; de rij is overgeslagen.",
                                           f"No value{shown}; the row was skipped."), "no_value", cell)

    def _add_cell(self, line: int, col: int, head: Head, period: Period, raw: object) -> None:
        res, column, cell = self.res, self.h.name(col), self.where(line, col)
        mid, unit, approx, extras = head[:4]
        try:
            number = cell_number(raw)
        except NumberError as exc:
            res.error(line, column, exc.message, exc.code, cell)
            return
        if unit.kind == "percent" and 0 < number < 1:
            res.warning(line, column, Text(
                f"{number!r} is minder dan 1%. Als de cel als percentage is opgemaakt, staat er "
                f"eigenlijk {number * 100:g}%.",
                f"{number!r} is below 1%. If the cell is formatted as a percentage it really "
                f"holds {number * 100:g}%."), "percent_fraction", cell)
        self.rows.add_known(line, col, head[4], period.year * 4 + period.half, number, approx, head[5])

    def _external(self, line: int, col: int) -> None:
        """A value Excel cached from another workbook: read, but the reader is told which cell."""
        cell = self.where(line, col)
        self.res.warning(line, self.h.name(col), Text(
            f"Cel {cell} neemt zijn waarde uit een andere werkmap (externe koppeling); de laatst "
            "bewaarde waarde is gelezen en kan verouderd zijn. Controleer hem of plak de waarde zelf.",
            f"Cell {cell} takes its value from another workbook (external link); the value last "
            "saved was read and may be out of date. Check it or paste the value itself."),
            "external_link", cell)

    def _flag_error(self, flag: str, line: int, col: int) -> None:
        if flag == "external":
            msg = Text("De cel neemt zijn waarde uit een andere werkmap (externe koppeling) en heeft "
                       "geen bewaarde waarde; plak de waarde zelf.",
                       "The cell takes its value from another workbook (external link) and holds no "
                       "saved value; paste the value itself.")
            self.res.error(line, self.h.name(col), msg, "external_link", self.where(line, col))
            return
        if flag == "formula":
            msg = Text("Formule zonder berekende uitkomst: open het bestand in Excel en sla het "
                       "opnieuw op.", "Formula without a calculated result: open the file in Excel and "
                       "save it again.")
        else:
            msg = Text(f"Excel-foutwaarde {flag}: de formule gaf geen getal.",
                       f"Excel error value {flag}: the formula gave no number.")
        self.res.error(line, self.h.name(col), msg, "formula" if flag == "formula" else "excel_error",
                       self.where(line, col))

    # ----- after the last row
    def style_evidence(self) -> dict[str, int]:
        """How many values only Dutch notation reads, only English, or both differently."""
        ev = self.evidence
        return {"nl": ev["nl"] + len(self.dutch_only), "en": ev["en"] + len(self.english_only),
                "ambiguous": ev["ambiguous"]}

    def decide_style(self, given: str | None) -> str | None:
        res, ev = self.res, self.style_evidence()
        if given:
            res.number_style, res.number_style_source = given, "given"
            return given
        if ev["nl"] != ev["en"]:
            style = "nl" if ev["nl"] > ev["en"] else "en"
            res.number_style, res.number_style_source = style, "detected"
            return style
        header_style = self.h.language if self.h.language == "nl" or res.delimiter == "," else None
        if ev["ambiguous"] and not ev["nl"] and header_style:
            # Dutch column names (or English ones in a comma-separated file) settle it, visibly
            line, column, text, cell = self.first_ambiguous or (None, "", "", "")
            res.number_style, res.number_style_source = header_style, "header"
            reading = Text("Nederlands", "Dutch") if header_style == "nl" else Text("Engels", "English")
            res.warning(line, column, Text(
                f"Getalnotatie {reading.nl} afgeleid uit de kolomnamen; controleer waarden als '{text}'.",
                f"Number style {reading.en} taken from the column names; check values such as '{text}'."),
                "number_style_from_header", cell)
            return header_style
        if ev["nl"]:  # as many Dutch-only as English-only values
            res.needs.add("number_style")
            res.number_style_source = "ambiguous"
            res.error(None, "", Text(
                f"Het bestand mengt Nederlandse ({ev['nl']}x, zoals 55,5) en Engelse ({ev['en']}x, "
                "zoals 55.5) getalnotatie; kies de getalnotatie.",
                f"The file mixes Dutch ({ev['nl']}x, such as 55,5) and English ({ev['en']}x, "
                "such as 55.5) number notation; choose the number style."), "number_style_mixed")
            return None
        if ev["ambiguous"]:
            res.needs.add("number_style")
            res.number_style_source = "ambiguous"
            line, column, text, cell = self.first_ambiguous or (None, "", "", "")
            example = f" '{text}'" if text else ""
            res.error(line, column, Text(
                f"Niet te zien of getallen als{example} Nederlands (1.234 = duizend tweehonderdvierendertig) "
                "of Engels (1.234 = een komma twee drie vier) geschreven zijn; kies de getalnotatie.",
                f"Cannot tell whether numbers such as{example} are Dutch (1.234 = one thousand two hundred "
                "thirty-four) or English (1.234 = one point two three four); choose the number style."),
                "number_style_ambiguous", cell)
            return None
        res.number_style, res.number_style_source = "nl", "default"
        return "nl"

    def settle(self, given_style: str | None) -> bytearray | None:
        """Give undecided rows their value in the file's style; the rows to keep (1) and to drop
        (0) when some cannot be read, else None."""
        style = self.decide_style(given_style)
        rows = self.rows
        keep: bytearray | None = None
        if style is None:  # nothing undecided can be read
            dropped = [self.dutch_only.rows, self.english_only.rows, self.two_readings]
        else:
            if style == "en":
                values = rows.value
                for row, en in zip(self.two_readings, self.two_en):
                    values[row] = en
            losing = self.english_only if style == "nl" else self.dutch_only
            dropped = [losing.rows]
            for row, text, col in losing.listed():
                try:
                    parse_number(text, style)
                except NumberError as exc:
                    self.res.error(rows.line[row], self.names[col], exc.message, exc.code, rows.cell(row))
            for _ in range(len(losing.rows) - len(losing.details)):  # counted, never listed
                self.res.error(None, "", _UNLISTED, "wrong_style")
        if any(dropped):
            keep = bytearray(b"\x01") * len(rows)
            for indices in dropped:
                for row in indices:
                    keep[row] = 0
        self.dutch_only, self.english_only = Waiting(), Waiting()
        self.two_readings, self.two_en = array("i"), array("d")
        problems = self.res.problems
        for _name, (index, count) in self.unknown.items():
            if count > 1 and 0 <= index < len(problems):
                p = problems[index]
                problems[index] = type(p)(p.file, p.line, p.column, p.severity, Text(
                    f"{p.message.nl} ({count} rijen)", f"{p.message.en} ({count} rows)"), p.code, p.cell)
        return keep


_UNLISTED = Text("", "")  # a problem past MAX_LISTED_PROBLEMS: counted, its message never shown


class Waiting:
    """Rows waiting for the file's number style: their indices, and for as many as can ever be
    listed as problems also the text and column (a million texts would cost 60 MB)."""

    def __init__(self) -> None:
        self.rows = array("i")
        self.details: list[tuple[str, int]] = []

    def add(self, row: int, text: str, col: int) -> None:
        self.rows.append(row)
        if len(self.details) < MAX_LISTED_PROBLEMS:
            self.details.append((text, col))

    def listed(self) -> Iterator[tuple[int, str, int]]:
        return ((row, text, col) for row, (text, col) in zip(self.rows, self.details))

    def __len__(self) -> int:
        return len(self.rows)


def _clean(text: str) -> str:
    """File text kept as text: no control characters, no novels."""
    if text and not text.isprintable():
        text = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")
    return text[:2000]
