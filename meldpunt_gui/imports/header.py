"""Recognising the header row of an import file and the layout it implies.

Headers are matched loosely (case, spaces, underscores, a trailing "(...)" ignored) against Dutch
and English names, because colleagues type them by hand.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from meldpunt_gui.model.domain import Period, PeriodError, foreign_digits

# role -> (Dutch names, English names, names both languages use)
ROLE_ALIASES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "metric_id": (("reeks id", "reeksid", "metriek id", "metriekid"), ("metric id", "metricid", "series id"),
                  ("id", "indicator id")),
    "metric": (("metriek", "reeks", "kengetal"), ("metric", "series"), ("indicator",)),
    "label": (("naam", "omschrijving", "metriek label", "metriek naam", "indicator naam"),
              ("name", "description", "metric label", "metric name", "indicator name"), ("label",)),
    "period": (("periode", "jaar", "jaartal"), ("period", "year"), ()),
    "half": (("halfjaar", "half jaar"), ("half", "half year", "semester"), ()),
    "value": (("waarde", "aantal", "cijfer", "getal"), ("value", "count", "figure", "number"), ()),
    "approximate": (("benadering", "bij benadering", "afgerond", "schatting"),
                    ("approximate", "approx", "approximately", "rounded", "estimate"), ("ca", "circa")),
    "unit": (("eenheid", "eenheden"), ("unit", "units"), ()),
    # the axis label of a unit new to the viewer, as staff want it read in each language
    "unit_label_nl": (("eenheid nl", "eenheid label nl", "label eenheid nl"),
                      ("unit nl", "unit label nl", "unit label dutch"), ()),
    "unit_label_en": (("eenheid en", "eenheid label en", "label eenheid en"),
                      ("unit en", "unit label en", "unit label english"), ()),
    "source": (("bron", "uitgever", "bron uitgever", "organisatie"),
               ("source", "publisher", "source publisher", "organisation", "organization"), ()),
    "url": (("adres", "bron url", "bronadres", "bron adres", "webadres", "bronlink"),
            ("address", "source url", "source address", "web address", "source link"), ("url", "link")),
    "published": (("datum", "gepubliceerd", "publicatiedatum", "brondatum", "bron datum"),
                  ("date", "published", "publication date", "source date"), ()),
    "note": (("opmerking", "opmerkingen", "toelichting", "notitie"),
             ("note", "notes", "comment", "comments", "remark", "remarks"), ()),
    "status": ((), (), ("status",)),
    "shown": (("getoond", "getoond of alternatief", "weergave", "getoond alternatief"),
              ("shown", "shown or alternative", "display", "shown alternative"), ()),
}
ALIASES: dict[str, tuple[str, str]] = {
    alias: (role, lang)
    for role, groups in ROLE_ALIASES.items()
    for lang, names in zip(("nl", "en", ""), groups)
    for alias in names
}

_SEPARATORS = re.compile(r"[\s_\-]+")
_TRAILING_PARENS = re.compile(r"\s*\([^()]*\)\s*$")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_HALF_FIRST = re.compile(r"^\s*[Hh]\s*([12])\s*[-/ ]?\s*([0-9]{4})\s*$")


def norm(text: str) -> str:
    """Case- and space-insensitive form of a name typed by hand."""
    return " ".join(text.casefold().split())


def slug(text: str) -> str:
    """An id such as 'removed_urls' from a typed name; '' when nothing usable is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("_", ascii_text.lower()).strip("_")[:80]


def compact(text: str) -> str:
    """Letters and digits only, so "URL's" and "URLs" meet."""
    return slug(text).replace("_", "")  # a slug holds only a-z, 0-9 and "_"


def header_key(text: str) -> str:
    key = _TRAILING_PARENS.sub("", text.strip().lstrip("\ufeff"))
    return _SEPARATORS.sub(" ", key.casefold()).strip(" .:")


def cell_text(value: object) -> str:
    """A cell as the text a person sees; whole numbers without '.0'."""
    if isinstance(value, str):
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    return str(value)


def parse_period(value: object) -> Period | None:
    """A year or half-year from a cell (text, or a number such as 2023.0); None if not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if not math.isfinite(value) or value != int(value):  # a workbook may hold inf or NaN
            return None
        value = str(int(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = _HALF_FIRST.match(text)
    if m:
        text = f"{m.group(2)}-H{m.group(1)}"
    try:
        return Period.parse(text)
    except PeriodError:
        return None


_GROUPED_YEAR = re.compile(r"^\s*([12])[.,\u00a0\u202f ]([0-9]{3})\s*$")


def grouped_year(value: object) -> int | None:
    """A year typed or shown with a thousands separator ("2.023", as Excel shows a number cell
    with grouping), or None."""
    m = _GROUPED_YEAR.match(cell_text(value))
    if m is None:
        return None
    try:
        return Period.parse(m.group(1) + m.group(2)).year
    except PeriodError:
        return None


@dataclass
class Header:
    """Where each role sits in the header row, and the period columns of a wide file."""

    layout: str  # "long" or "wide"
    cells: list[str]
    roles: dict[str, int] = field(default_factory=dict)
    periods: list[tuple[int, Period, str]] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # (column, header text)
    unknown: list[tuple[int, str]] = field(default_factory=list)
    language: str | None = None  # "nl" or "en" when every language-specific header name agrees

    @property
    def width(self) -> int:
        return len(self.cells)

    @property
    def metric_col(self) -> int:
        return self.roles.get("metric", self.roles.get("label", 0))

    def name(self, col: int) -> str:
        text = self.cells[col] if col < len(self.cells) else ""
        return text or f"#{col + 1}"


def read_header(raw: Sequence[object]) -> Header | None:
    """The header this row would be, or None when it is not a header of either layout."""
    cells = [cell_text(c).lstrip("\ufeff") for c in raw]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) < 2:
        return None
    roles: dict[str, int] = {}
    periods: list[tuple[int, Period, str]] = []
    seen_periods: set[Period] = set()
    dups: list[tuple[int, str]] = []
    unknown: list[tuple[int, str]] = []
    langs: set[str] = set()
    foreign = False  # a year in other digits ("２０２３"): a period column, refused by the reader
    for i, text in enumerate(cells):
        if not text:
            continue
        role, lang = ALIASES.get(header_key(text), ("", ""))
        if role:
            if lang:
                langs.add(lang)
            if role in roles:
                dups.append((i, text))
            else:
                roles[role] = i
            continue
        period = parse_period(raw[i]) if not isinstance(raw[i], str) else parse_period(text)
        if period is not None:
            if period in seen_periods:
                dups.append((i, text))
            else:
                seen_periods.add(period)
                periods.append((i, period, text))
            continue
        if foreign_digits(text) and parse_period(_ascii_digits(text)) is not None:
            foreign = True
        unknown.append((i, text))
    if "metric_id" in roles:  # an export's "metric_id, metric": the id decides, the name is a label
        if "metric" in roles:
            if "label" in roles:
                unknown.append((roles["metric"], cells[roles["metric"]]))
            else:
                roles["label"] = roles["metric"]
        roles["metric"] = roles.pop("metric_id")
    language = langs.pop() if len(langs) == 1 else None
    has_metric = "metric" in roles or "label" in roles
    if has_metric and "period" in roles and "value" in roles:
        unknown += [(i, t) for i, _, t in periods]
        return Header("long", cells, roles, [], dups, unknown, language)
    if (periods or foreign) and (has_metric or (not cells[0] and "period" not in roles and "value" not in roles)):
        if not has_metric:
            roles["metric"] = 0
        return Header("wide", cells, roles, periods, dups, unknown, language)
    return None


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.digit(ch)) if ch.isdecimal() else ch for ch in text)


def recognise(raw: Sequence[str]) -> bool:
    return read_header(raw) is not None


_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_published(value: object) -> str | None:
    """A publication date as YYYY, YYYY-MM or YYYY-MM-DD; '' when empty, None when unreadable."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = cell_text(value)
    if not text:
        return ""
    m = _DATE_ISO.match(text)
    if m:
        return text if _valid_date(*(int(g) if g else 1 for g in m.groups())) else None
    m = _DATE_DMY.match(text)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if _valid_date(y, mo, d) else None
    return None


def _valid_date(y: int, mo: int, d: int) -> bool:
    try:
        _dt.date(y, mo, d)
    except ValueError:
        return False
    return 1900 <= y <= 2100
