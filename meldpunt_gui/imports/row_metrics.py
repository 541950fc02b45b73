"""The series and unit an import row names, found among the dataset's or made as the user's own.

A file names a series by id, by label or as its author spells it, and its unit by id or label
in either language. The lookup answers each distinct (name, unit, label) once, says what does
not fit (an unknown name, with a guess; a unit that is not the series' own; a name that fits
several), and makes a new own series, with a new unit when needed, where a row gives a unit
for a name nobody knows.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from meldpunt_gui.imports.header import Header, compact, norm, slug
from meldpunt_gui.imports.model import ImportResult
from meldpunt_gui.imports.names import MetricNames
from meldpunt_gui.model.domain import Dataset, Metric, Text, Unit
from meldpunt_gui.text.plain import printable, shorten

PERCENT_WORDS = ("%", "procent", "percent", "percentage")
USER_CATEGORY = "user"
_MISSING = object()
# Longer names are not compared with the known ones: difflib's work (and its index) grows with
# the name, and no series is called by a paragraph; a guess for such a name helps nobody.
MAX_MATCHED_NAME = 200
MAX_KEPT_TEXT = 2000  # characters of a text an import keeps: a source, link, note, label or unit label


def text_cut(res: ImportResult, line: int, column: str, length: int) -> None:
    """The warning that a text longer than MAX_KEPT_TEXT is kept in part (never done silently)."""
    res.warning(line, column, Text(
        f"De tekst in kolom {column} is {length:,} tekens lang; de eerste "
        f"{MAX_KEPT_TEXT:,} worden bewaard.".replace(",", "."),
        f"The text in column {column} is {length:,} characters long; the first "
        f"{MAX_KEPT_TEXT:,} are kept."), "text_cut")


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


class MetricLookup:
    """The metric and unit of the rows under one header; new own series and units go to
    `res.metrics` and `res.units`, problems to `res` (`where` gives a workbook cell's address)."""

    def __init__(self, res: ImportResult, ds: Dataset, header: Header, where: Callable[[int, int], str]) -> None:
        self.res, self.ds, self.h, self.where = res, ds, header, where
        self.metric_names, self.unit_names = lookup_tables(ds)
        self.cache: dict[tuple[str, str, str], tuple[str, Unit] | None] = {}
        self.unknown: dict[str, list[int]] = {}  # unknown metric name -> [problem index, rows]

    def metric(self, name: str, unit_text: str, label: str, line: int,
               unit_labels: tuple[str, str] = ("", "")) -> tuple[str, Unit] | None:
        """(metric id, unit) for a row's series, or None after the problem is recorded."""
        key = (name, unit_text, label)
        hit = self.cache.get(key, _MISSING)
        if hit is _MISSING:
            hit = self.cache[key] = self._resolve(name, unit_text, label, line, unit_labels)
        elif hit is None and name in self.unknown:
            self.unknown[name][1] += 1
        return hit  # type: ignore[return-value]

    def count_unknown(self) -> None:
        """After the last row: each unknown series' problem says on how many rows it was named."""
        problems = self.res.problems
        for _name, (index, count) in self.unknown.items():
            if count > 1 and 0 <= index < len(problems):
                p = problems[index]
                problems[index] = type(p)(p.file, p.line, p.column, p.severity, Text(
                    f"{p.message.nl} ({count} rijen)", f"{p.message.en} ({count} rows)"), p.code, p.cell)

    def _shown(self, text: str, line: int, role: str) -> str:
        """A name a new series or unit will be shown by, without control characters and the
        invisible marks that turn the direction of text (U+202E made the years after a series'
        name read backwards in the title); said where any were left out. Kept up to
        MAX_KEPT_TEXT characters, as other texts are (a 10 MB label was stored twice, whole)."""
        col = self.h.roles.get(role, self.h.metric_col)
        if len(text) > MAX_KEPT_TEXT:
            text_cut(self.res, line, self.h.name(col), len(text))
            text = text[:MAX_KEPT_TEXT]
        kept = printable(text)
        if kept != text:
            name = self.h.name(col)
            self.res.warning(line, name, Text(
                f"'{kept[:60]}' in kolom {name}: onzichtbare stuur- of richtingstekens weggelaten.",
                f"'{kept[:60]}' in column {name}: invisible control or direction characters left out."),
                "control_chars", self.where(line, col))
        return kept

    def _too_long(self, text: str, line: int, col: int, what: Text) -> bool:
        """A name that would become the id of a new series or unit is refused past MAX_KEPT_TEXT:
        cut, two long names with the same start would silently become one series."""
        if len(text) <= MAX_KEPT_TEXT:
            return False
        name = self.h.name(col)
        self.res.error(line, name, Text(
            f"De naam van {what.nl} in kolom {name} is {len(text):,} tekens lang; "
            f"hoogstens {MAX_KEPT_TEXT:,} mogen het zijn.".replace(",", "."),
            f"The name of {what.en} in column {name} is {len(text):,} characters long; "
            f"at most {MAX_KEPT_TEXT:,} are allowed."), "name_too_long", self.where(line, col))
        return True

    def _unit(self, unit_id: str) -> Unit:
        return self.ds.units.get(unit_id) or self.res.units[unit_id]

    def _new_unit(self, unit_text: str, labels: tuple[str, str], line: int) -> str | None:
        """A unit the viewer does not know yet ('bevelen'), brought by a new metric: a count with
        the axis label given in each language (the unit as typed where a label is missing)."""
        if self._too_long(unit_text, line, self.h.roles["unit"], Text("een nieuwe eenheid", "a new unit")):
            return None
        unit_id = slug(unit_text)
        if not unit_id:
            col = self.h.name(self.h.roles["unit"])
            self.res.error(line, col, Text(
                f"Eenheid '{shorten(unit_text)}' kan geen naam van een nieuwe eenheid zijn: gebruik letters "
                "of cijfers.",
                f"Unit '{shorten(unit_text)}' cannot name a new unit: use letters or digits."), "bad_unit_name",
                self.where(line, self.h.roles["unit"]))
            return None
        if unit_id not in self.ds.units and unit_id not in self.res.units:
            nl, en = (self._shown(lab.strip(), line, role) for lab, role in
                      zip(labels, ("unit_label_nl", "unit_label_en"), strict=True))
            unit_text = self._shown(unit_text, line, "unit")
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
            res.error(line, h.name(col), Text(f"'{shorten(name)}' past bij meer dan een reeks; gebruik het id.",
                                              f"'{shorten(name)}' matches more than one metric; use its id."),
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
                        f"Eenheid '{shorten(unit_text)}' past niet bij {mid}, dat telt in '{unit.label.nl}'.",
                        f"Unit '{shorten(unit_text)}' does not fit {mid}, which counts '{unit.label.en}'."),
                        "unit_mismatch", self.where(line, h.roles["unit"]))
                    return None
                res.warning(line, unit_col, Text(
                    f"Eenheid '{shorten(unit_text)}' onbekend; {mid} telt in '{unit.label.nl}'.",
                    f"Unit '{shorten(unit_text)}' not recognised; {mid} counts '{unit.label.en}'."),
                    "unit_unknown")
            return mid, unit
        if unit_text and self._too_long(name, line, col, Text("een nieuwe reeks", "a new series")):
            return None  # a name nobody knows, with a unit: it would name a new series
        if unit_id is None and unit_text and forms[1] and self.unit_names.get(norm(unit_text), _MISSING) is _MISSING:
            unit_id = self._new_unit(unit_text, unit_labels, line)  # a new series may bring a new unit
            if unit_id is None:
                return None
        if unit_id is not None and not forms[1]:
            res.error(line, h.name(col), Text(
                f"'{shorten(name)}' kan geen naam van een eigen reeks zijn: gebruik letters of cijfers.",
                f"'{shorten(name)}' cannot name your own series: use letters or digits."), "bad_metric_name",
                self.where(line, col))
            return None
        if unit_id is not None:
            new_id, display = forms[1], self._shown(label or name, line, "label" if label else "metric")
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
                f"Eenheid '{shorten(unit_text)}' past bij meer dan een eenheid; gebruik het id uit list-metrics.",
                f"Unit '{shorten(unit_text)}' matches more than one unit; use its id from list-metrics."),
                "ambiguous_unit")
            return None
        listed = len(res.problems)
        shown = shorten(name)
        res.error(line, h.name(col), lambda: self._unknown_message(forms[0], shown),
                  "unknown_metric", self.where(line, col))
        self.unknown[name] = [listed if len(res.problems) > listed else -1, 1]
        return None

    def _unknown_message(self, key: str, shown: str) -> Text:
        """The unknown series' problem with a guess at the name meant; worked out only for the
        problems that are listed (ImportResult.add calls it for those only, MAX_LISTED_PROBLEMS),
        and only for names of a sane length."""
        guess = ""
        if len(key) <= MAX_MATCHED_NAME:
            names = [k for k, v in self.metric_names.items() if v]
            close = difflib.get_close_matches(key, names, 1, 0.75)
            guess = (self.metric_names[close[0]] or "") if close else ""
        hint = Text(f" Bedoeld: {guess}?", f" Did you mean {guess}?") if guess else Text("", "")
        return Text(
            f"Onbekende reeks '{shown}'. Gebruik een naam uit de lijst Reeksen (of een id uit 'meldpunt "
            f"list-metrics'), of geef een eenheid om een eigen reeks te maken.{hint.nl}",
            f"Unknown series '{shown}'. Use a name from the Series list (or an id from 'meldpunt "
            f"list-metrics'), or give a unit to create your own series.{hint.en}")
