"""Cells to ImportRows: each row's period, flags, extras and value, read in both number styles.

Each value is parsed once into both readings; the file's style is decided from all values
together (`number_style.StyleVote`) and only then are the undecided rows given their value.
The series and unit a row names are found by `row_metrics.MetricLookup`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from meldpunt_gui.imports.files import col_letters
from meldpunt_gui.imports.header import Header, cell_text, grouped_year, parse_period, parse_published
from meldpunt_gui.imports.model import ImportResult
from meldpunt_gui.imports.number_style import StyleVote
from meldpunt_gui.imports.numbers import NumberError, cell_number, readings
from meldpunt_gui.imports.row_metrics import MAX_KEPT_TEXT as MAX_KEPT_TEXT  # where tests look for it
from meldpunt_gui.imports.row_metrics import MetricLookup, text_cut
from meldpunt_gui.imports.rowset import Rows
from meldpunt_gui.model.domain import FOREIGN_DIGITS, Dataset, Period, Text, Unit, foreign_digits
from meldpunt_gui.text.plain import printable

NO_VALUE = frozenset({"", "-", "–", "—", "n.b.", "nb", "n.v.t.", "nvt", "n/a", "na", "onbekend",
                      "unknown", "?", ".", "x"})
TRUE_WORDS = frozenset({"ja", "j", "yes", "y", "true", "waar", "1", "x", "ca", "ca.", "circa",
                        "approx", "approximate", "approximately", "benadering", "~", "±"})
FALSE_WORDS = frozenset({"", "nee", "n", "no", "false", "onwaar", "0", "exact", "-"})
ALTERNATIVE_WORDS = frozenset({"alternative", "alternatief", "alt", "nee", "no", "false", "onwaar", "0"})
_MISSING = object()
# metric id, unit, approximate, extras: (publisher, url, published, note), or () without such
# columns, and the numbers Rows gives the metric id and the extras
Extras = tuple[()] | tuple[str, str, str, str]
Head = tuple[str, Unit, bool, Extras, int, int]
# A cell as a file hands it over (text from a CSV, text, a number or nothing from a workbook)
# made into stripped text.
CellText = Callable[[Any], str]


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


def addresses(xlsx: bool, width: int) -> Callable[[int, int], str]:
    """where(line, col): the cell address in a workbook ("C7"); "" in a text file, whose problems
    have a line instead."""
    if not xlsx:
        return _no_address
    letters = [col_letters(i) for i in range(width)]

    def where(line: int, col: int) -> str:
        return f"{letters[col] if col < len(letters) else col_letters(col)}{line}"
    return where


def _no_address(line: int, col: int) -> str:
    return ""


class RowBuilder:
    """Collects the rows under one header; problems go to `res`."""

    def __init__(self, res: ImportResult, ds: Dataset, header: Header, flags: dict, kind: str) -> None:
        self.res, self.ds, self.h, self.flags = res, ds, header, flags
        self.xlsx = kind == "xlsx"
        self.text: CellText = cell_text if self.xlsx else str.strip
        self.rows = Rows(self.xlsx)
        self.period_cache: dict[object, Period | None] = {}
        self.flag_cache: dict[object, bool | None] = {}
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
        # where(line, col): a function, not a method, so the lookup and the vote can hold it
        # without a reference cycle (reading makes none: see reader.read_import_data)
        self.where = where = addresses(self.xlsx, header.width)
        self.lookup = MetricLookup(res, ds, header, where)
        # Values whose reading waits for the file's style: a row holds its Dutch reading (its
        # English one when it has no Dutch one) until settle() fixes or drops it. add_text puts
        # them in the vote's containers, held here too so that a cell reaches them in one
        # attribute lookup (the vote empties them in place, never replaces them).
        self.style = style = StyleVote(res, header, self.names, where)
        self.dutch_only, self.english_only, self.evidence = style.dutch_only, style.english_only, style.evidence
        self.two_readings, self.two_en, self.evidence_of = style.two_readings, style.two_en, style.evidence_of

    # ----- cells other than the value
    def period(self, raw: object, line: int, col: int) -> Period | None:
        hit = self.period_cache.get(raw, _MISSING)
        if hit is _MISSING:
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
        hit = self.flag_cache.get(raw, _MISSING)
        if hit is _MISSING:
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

        def kept(role: str) -> str:
            raw = text(cells[roles[role]])
            if len(raw) > MAX_KEPT_TEXT:  # said, not done silently: the store keeps the start only
                text_cut(res, line, self.h.name(roles[role]), len(raw))
            return _clean(raw)

        publisher = kept("source") if "source" in roles else ""
        note = kept("note") if "note" in roles else ""
        url = published = ""
        if "url" in roles:
            url = kept("url")
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
    def settle(self, given_style: str | None) -> bytearray | None:
        """Give undecided rows their value in the file's style; the rows to keep (1) and to drop
        (0) when some cannot be read, else None. Unknown series' problems get their row count."""
        keep = self.style.settle(given_style, self.rows)
        self.lookup.count_unknown()
        return keep


def _clean(text: str) -> str:
    """File text kept as text: no control characters, no novels."""
    return printable(text[:MAX_KEPT_TEXT])
