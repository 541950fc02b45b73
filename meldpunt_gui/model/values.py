"""The small value types of the data model: periods, units, categories, sources, metrics,
observations, events, themes, reasons and changes, and the rule that picks the shown value.

Everything here is plain Python so that loading, importing, exporting and the command line work
(and are tested) without Qt. The dataset that holds them is in domain.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple, final

from meldpunt_gui.model.bilingual import EMPTY, Text
from meldpunt_gui.model.vocabulary import YEAR_MAX, YEAR_MIN, Granularity


class PeriodError(ValueError):
    """A period string that is not a year or a half-year in range."""


# ASCII digits only, as in values: "２０２３" or "٢٠٢٣" is refused in a period exactly as in a value
# (a regex \d would accept every script's digits, and int() reads them).
_PERIOD_RE = re.compile(r"^\s*([0-9]{4})\s*(?:[-/ ]?\s*[Hh]\s*([12]))?\s*$")


def foreign_digits(text: str) -> bool:
    """Whether `text` holds a decimal digit other than 0-9 (full-width, Arabic-Indic, ...)."""
    return not text.isascii() and any(ch.isdecimal() and not ch.isascii() for ch in text)


FOREIGN_DIGITS = Text("bevat cijfers die geen 0-9 zijn (zoals ２ of ٢); typ de cijfers 0-9",
                      "holds digits other than 0-9 (such as ２ or ٢); type the digits 0-9")


@dataclass(frozen=True, order=True, slots=True)  # slots: compact, values stored inline
class Period:
    """A whole year (half=0) or a half-year (half=1 or 2)."""

    year: int
    half: int = 0

    @classmethod
    def parse(cls, text: str) -> Period:
        m = _PERIOD_RE.match(str(text))
        if not m:
            raise PeriodError(text)
        year = int(m.group(1))
        half = int(m.group(2)) if m.group(2) else 0
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise PeriodError(text)
        return cls(year, half)

    @property
    def is_half(self) -> bool:
        return self.half != 0

    @property
    def granularity(self) -> Granularity:
        return "half" if self.half else "year"

    def comparable_before(self) -> Period:
        """The period a change is measured against: last year, or the same half a year earlier."""
        return Period(self.year - 1, self.half)

    @property
    def x(self) -> float:
        """Position on a time axis: a year at its start, a half-year at its midpoint."""
        return float(self.year) if not self.half else self.year + (0.25 if self.half == 1 else 0.75)

    def __str__(self) -> str:
        return f"{self.year}-H{self.half}" if self.half else str(self.year)


PeriodKind = Literal["year", "h1", "h2", "any"]
_KIND_HALVES: dict[str, frozenset[int] | None] = {
    "year": frozenset({0}), "h1": frozenset({1}), "h2": frozenset({2}), "any": None}


def period_kind(periods: Iterable[Period]) -> PeriodKind:
    """What periods a series holds: only years, only first (or second) halves, or any mix.

    A series with no periods yet is "any": it takes whatever its first import brings.
    """
    halves = {p.half for p in periods}
    if halves == {0}:
        return "year"
    if halves == {1}:
        return "h1"
    if halves == {2}:
        return "h2"
    return "any"


def fits_kind(period: Period, kind: PeriodKind) -> bool:
    """Whether `period` belongs in a series of `kind` (a first-half series takes only H1)."""
    allowed = _KIND_HALVES[kind]
    return allowed is None or period.half in allowed


UnitKind = Literal["count", "percent", "change", "rate", "duration"]


@dataclass(frozen=True)
class Unit:
    """What a value counts; different units never share a y axis."""

    id: str
    kind: UnitKind
    label: Text  # axis label, e.g. "meldingen" / "reports"
    decimals: int = 0


@dataclass(frozen=True)
class Category:
    id: str
    label: Text
    order: int = 0


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    url: str
    published: str  # "2023-07-13", "2022-04", "2023" or "" when undated
    primary: bool = False  # published by the organisation that counts
    user: bool = False
    date_note: Text = EMPTY  # why `published` is empty or doubtful ("ongedateerd, 2023")

    @property
    def date_key(self) -> str:
        return self.published or ""


@dataclass(frozen=True)
class Metric:
    id: str
    category: str
    unit: str
    label: Text
    definition: Text
    themes: tuple[str, ...] = ()
    note: Text = EMPTY  # e.g. a break in series
    user: bool = False
    part_of: str = ""  # the metric this one is a part of (national + international = total)


@final  # a cell of the dataset's index is an Observation or a list of them, told apart by type()
@dataclass(frozen=True, slots=True)  # hundreds of thousands in an import: keep them small
class Observation:
    metric: str
    period: Period
    value: float
    approximate: bool
    status: str
    source: str
    note: Text = EMPTY
    user: bool = False
    import_id: int | None = None
    off_definition: bool = False  # counts something other than the metric's definition (the note says what)


@dataclass(frozen=True)
class Event:
    id: str
    date: str  # as published: "2020-10-08", "2021-06", "2021"
    year: int
    title: Text
    source: str
    themes: tuple[str, ...] = ()
    note: Text = EMPTY

    @property
    def x(self) -> float:
        """Position on the time axis, inside its year by month where known."""
        m = re.match(r"^(\d{4})-(\d{2})", self.date)
        month = int(m.group(2)) if m else 7
        return self.year + (month - 0.5) / 12.0 if m else self.year + 0.5


@dataclass(frozen=True)
class Theme:
    """An explanatory text; tied to metrics through Metric.themes and to years by years."""

    id: str
    title: Text
    body: Text
    years: tuple[int, int] | None = None  # relevant from..to (inclusive); None = always
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reason:
    """A short, attributed and dated sentence that explains a movement in some series over some
    years ("Waarom"); picked for a selection by metric, years and priority (1 = the first)."""

    id: str
    text: Text
    metrics: tuple[str, ...]
    years: tuple[int, int]  # the years it explains, inclusive
    priority: int
    sources: tuple[str, ...]


class Change(NamedTuple):
    """A change between two values; `points` for percentages, `ratio` for everything else."""

    base_period: Period
    base: Observation
    pct: float | None  # relative change in percent (None when base is 0)
    points: float | None  # difference in percentage points (percent units only)


def preference_key(obs: Observation, sources: dict[str, Source]) -> tuple:
    """The rule that picks the shown value among disagreeing sources.

    Own input first; then a value that counts what the metric defines over one that counts
    something else; then exact over rounded; then the organisation that counts over press;
    then the latest publication. Stated in the README and the explanation panel.
    """
    src = sources.get(obs.source)
    return (
        obs.user,
        obs.import_id or 0,
        not obs.off_definition,
        not obs.approximate,
        bool(src and src.primary),
        src.date_key if src else "",
    )
