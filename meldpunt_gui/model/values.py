"""The small value types of the data model: periods, units, categories, sources, metrics,
observations, events, themes, reasons and changes, and the rule that picks the shown value.

They behave as frozen dataclasses did (equality and hash by their fields, in order; a repr that
names them; no assignment once made; `with_` for a changed copy, as `dataclasses.replace`), but
are written out instead of generated: `@dataclass` spent about 1 ms a class generating code at
import, 8 ms of every command. `__slots__` keeps them small.

Everything here is plain Python so that loading, importing, exporting and the command line work
(and are tested) without Qt. The dataset that holds them is in domain.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NamedTuple, TypeVar, final

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


_set = object.__setattr__  # the one way in: __init__; everything after that is refused
_F = TypeVar("_F", bound="Frozen")


class Frozen:
    """Field-wise equality, hash, repr, copy and `with_` for the value types below (and the
    view state); each lists its fields in `__slots__`, in constructor order."""

    __slots__: ClassVar[tuple[str, ...]] = ()
    _fields: ClassVar[attrgetter[Any]]

    def __init_subclass__(cls) -> None:
        cls._fields = attrgetter(*cls.__slots__)

    def _values(self) -> tuple[Any, ...]:
        values = self._fields(self)
        return values if len(self.__slots__) > 1 else (values,)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return bool(self._fields(self) == self._fields(other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._fields(self))

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={value!r}" for name, value in zip(self.__slots__, self._values()))
        return f"{type(self).__qualname__}({inner})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__}.{name} cannot be assigned: it is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__}.{name} cannot be deleted: it is frozen")

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:  # copy and pickle through __init__
        return type(self), self._values()

    def with_(self: _F, **changes: Any) -> _F:
        """A copy with these fields changed (as dataclasses.replace)."""
        return type(self)(**{**dict(zip(self.__slots__, self._values())), **changes})


class Period(tuple[int, int]):
    """A whole year (half=0) or a half-year (half=1 or 2); ordered in time.

    A (year, half) tuple: the key of every cell in the dataset's index and of most lookups of a
    change, so its hash, equality and order are the tuple's own, in C (as frozen Python methods
    they ran some 4,000 times per change of a forty-series view). Frozen as a tuple is; it
    equals the plain tuple (year, half), which nothing here mixes with periods.
    """

    __slots__ = ()

    def __new__(cls, year: int, half: int = 0) -> Period:
        return tuple.__new__(cls, (year, half))

    if TYPE_CHECKING:
        @property
        def year(self) -> int: ...

        @property
        def half(self) -> int: ...
    else:
        year = property(itemgetter(0), doc="The year.")
        half = property(itemgetter(1), doc="0 for the whole year, else 1 or 2.")

    def __repr__(self) -> str:
        return f"Period(year={self[0]!r}, half={self[1]!r})"

    def __reduce__(self) -> tuple[type, tuple[int, int]]:  # copy and pickle through __new__
        return Period, (self[0], self[1])

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


class Unit(Frozen):
    """What a value counts; different units never share a y axis."""

    __slots__ = ("id", "kind", "label", "decimals")
    id: str
    kind: UnitKind
    label: Text  # axis label, e.g. "meldingen" / "reports"
    decimals: int

    def __init__(self, id: str, kind: UnitKind, label: Text, decimals: int = 0) -> None:
        _set(self, "id", id)
        _set(self, "kind", kind)
        _set(self, "label", label)
        _set(self, "decimals", decimals)

    @property
    def in_points(self) -> bool:
        """A percentage, or a published % change, changes in points: 45% growth followed by 38%
        is 7 points less, not "16% less" growth."""
        return self.kind in ("percent", "change")


class Category(Frozen):
    __slots__ = ("id", "label", "order")
    id: str
    label: Text
    order: int

    def __init__(self, id: str, label: Text, order: int = 0) -> None:
        _set(self, "id", id)
        _set(self, "label", label)
        _set(self, "order", order)


class Source(Frozen):
    __slots__ = ("id", "publisher", "title", "url", "published", "primary", "user", "date_note",
                 "appeared")
    id: str
    publisher: str
    title: str
    url: str
    published: str  # "2023-07-13", "2022-04", "2023" or "" when undated
    primary: bool  # published by the organisation that counts
    user: bool
    date_note: Text  # why `published` is empty or doubtful ("ongedateerd, 2023")
    appeared: str  # the year an undated page appeared, where its date note knows it; else ""

    def __init__(self, id: str, publisher: str, title: str, url: str, published: str,
                 primary: bool = False, user: bool = False, date_note: Text = EMPTY,
                 appeared: str = "") -> None:
        _set(self, "id", id)
        _set(self, "publisher", publisher)
        _set(self, "title", title)
        _set(self, "url", url)
        _set(self, "published", published)
        _set(self, "primary", primary)
        _set(self, "user", user)
        _set(self, "date_note", date_note)
        _set(self, "appeared", appeared)

    @property
    def date_key(self) -> str:
        return self.published or ""

    @property
    def year(self) -> str:
        """The year the page came out ("" when not known): a reference needs one even for an
        undated page."""
        return self.published[:4] or self.appeared


class Metric(Frozen):
    __slots__ = ("id", "category", "unit", "label", "definition", "themes", "note", "user", "part_of",
                 "breaks", "change_of", "share_of")
    id: str
    category: str
    unit: str
    label: Text
    definition: Text
    themes: tuple[str, ...]
    note: Text  # e.g. a break in series
    user: bool
    part_of: str  # the metric this one is a part of (national + international = total)
    breaks: frozenset[Period]  # periods counted differently from the one before: no change there
    change_of: str  # the series whose % change against the earlier period this one publishes
    # what a share is a share of, as it follows the value: "van de door de IWF bevestigde URL's"
    # (a copied "29%" alone reads as a share of everything)
    share_of: Text

    def __init__(self, id: str, category: str, unit: str, label: Text, definition: Text,
                 themes: tuple[str, ...] = (), note: Text = EMPTY, user: bool = False,
                 part_of: str = "", breaks: frozenset[Period] = frozenset(),
                 change_of: str = "", share_of: Text = EMPTY) -> None:
        _set(self, "id", id)
        _set(self, "category", category)
        _set(self, "unit", unit)
        _set(self, "label", label)
        _set(self, "definition", definition)
        _set(self, "themes", themes)
        _set(self, "note", note)
        _set(self, "user", user)
        _set(self, "part_of", part_of)
        _set(self, "breaks", breaks)
        _set(self, "change_of", change_of)
        _set(self, "share_of", share_of)


@final  # a cell of the dataset's index is an Observation or a list of them, told apart by type()
class Observation(Frozen):  # hundreds of thousands in an import: keep them small
    __slots__ = ("metric", "period", "value", "approximate", "status", "source", "note", "user",
                 "import_id", "off_definition")
    metric: str
    period: Period
    value: float
    approximate: bool
    status: str
    source: str
    note: Text
    user: bool
    import_id: int | None
    off_definition: bool  # counts something other than the metric's definition (the note says what)

    def __init__(self, metric: str, period: Period, value: float, approximate: bool, status: str,
                 source: str, note: Text = EMPTY, user: bool = False, import_id: int | None = None,
                 off_definition: bool = False) -> None:
        _set(self, "metric", metric)
        _set(self, "period", period)
        _set(self, "value", value)
        _set(self, "approximate", approximate)
        _set(self, "status", status)
        _set(self, "source", source)
        _set(self, "note", note)
        _set(self, "user", user)
        _set(self, "import_id", import_id)
        _set(self, "off_definition", off_definition)


class Event(Frozen):
    __slots__ = ("id", "date", "year", "title", "source", "themes", "note")
    id: str
    date: str  # as published: "2020-10-08", "2021-06", "2021"
    year: int
    title: Text
    source: str
    themes: tuple[str, ...]
    note: Text

    def __init__(self, id: str, date: str, year: int, title: Text, source: str,
                 themes: tuple[str, ...] = (), note: Text = EMPTY) -> None:
        _set(self, "id", id)
        _set(self, "date", date)
        _set(self, "year", year)
        _set(self, "title", title)
        _set(self, "source", source)
        _set(self, "themes", themes)
        _set(self, "note", note)

    @property
    def x(self) -> float:
        """Position on the time axis, inside its year by month where known."""
        m = re.match(r"^(\d{4})-(\d{2})", self.date)
        month = int(m.group(2)) if m else 7
        return self.year + (month - 0.5) / 12.0 if m else self.year + 0.5


class Theme(Frozen):
    """An explanatory text; tied to metrics through Metric.themes and to years by years."""

    __slots__ = ("id", "title", "body", "years", "sources", "lead_sources")
    id: str
    title: Text
    body: Text
    years: tuple[int, int] | None  # relevant from..to (inclusive); None = always
    sources: tuple[str, ...]
    # what the text's lead sentence rests on (some of `sources`): 'Waarom' may quote that
    # sentence, and must then cite its own sources, not whichever the text lists first
    lead_sources: tuple[str, ...]

    def __init__(self, id: str, title: Text, body: Text, years: tuple[int, int] | None = None,
                 sources: tuple[str, ...] = (), lead_sources: tuple[str, ...] = ()) -> None:
        _set(self, "id", id)
        _set(self, "title", title)
        _set(self, "body", body)
        _set(self, "years", years)
        _set(self, "sources", sources)
        _set(self, "lead_sources", lead_sources)


class Reason(Frozen):
    """A short, attributed and dated sentence that explains a movement in some series over some
    years ("Waarom"); picked for a selection by metric, years and priority (1 = the first)."""

    __slots__ = ("id", "text", "metrics", "years", "priority", "sources")
    id: str
    text: Text
    metrics: tuple[str, ...]
    years: tuple[int, int]  # the years it explains, inclusive
    priority: int
    sources: tuple[str, ...]

    def __init__(self, id: str, text: Text, metrics: tuple[str, ...], years: tuple[int, int],
                 priority: int, sources: tuple[str, ...]) -> None:
        _set(self, "id", id)
        _set(self, "text", text)
        _set(self, "metrics", metrics)
        _set(self, "years", years)
        _set(self, "priority", priority)
        _set(self, "sources", sources)


class Change(NamedTuple):
    """A change between two values; `points` for percentages, `ratio` for everything else."""

    base_period: Period
    base: Observation
    pct: float | None  # relative change in percent (None when base is 0)
    points: float | None  # difference in percentage points (percent units only)
    rounded: bool = False  # worked out from a rounded value: itself only about so much


def preference_key(obs: Observation, sources: dict[str, Source]) -> tuple:
    """The rule that picks the shown value among disagreeing sources.

    Own input first; then a value that counts what the metric defines over one that counts
    something else; then exact over rounded; then the organisation that counts over press (a
    figure an official source passes on from another organisation is `secondary` and ranks with
    the press); then the latest publication. Stated in the README and the explanation panel.
    """
    src = sources.get(obs.source)
    return (
        obs.user,
        obs.import_id or 0,
        not obs.off_definition,
        not obs.approximate,
        bool(src and src.primary) and obs.status != "secondary",
        src.date_key if src else "",
    )
