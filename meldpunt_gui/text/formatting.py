"""Numbers, periods and changes as Dutch or English text.

One module with the locale pinned per language (never the system locale), so a chart tick, a
tooltip, the table and the briefing PDF all say 145.000 / 4,6% the same way. No Qt: the command
line and the exporters use it too.
"""

from __future__ import annotations

import datetime as dt
import math

from meldpunt_gui.model.domain import Change, Period, Unit
from meldpunt_gui.model.vocabulary import PUBLISHED_POINTS_UNIT

_SEP = {"nl": (".", ","), "en": (",", ".")}  # (grouping, decimal)
APPROX = {"nl": "ca.", "en": "approx."}


def _group(digits: str, sep: str) -> str:
    out = []
    while len(digits) > 3:
        out.append(digits[-3:])
        digits = digits[:-3]
    out.append(digits)
    return sep.join(reversed(out))


def format_number(value: float, lang: str = "nl", decimals: int | None = None,
                  group: bool = True, sign: bool = False, exact: bool = False) -> str:
    """145000 -> '145.000' (nl) / '145,000' (en): the one number formatter of the program.

    decimals=None shows what the value needs (at most 2, trailing zeros dropped), so an exact
    value is never rounded away in a tooltip; a fixed count is for axis ticks and tables.
    `exact` writes every digit the value has (the shortest text that reads back as the same
    number: 0,00001, 12,345678), for exports and for quoting a value back to whoever typed it.
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    grp, dec = _SEP["en" if lang == "en" else "nl"]
    if exact and decimals is None:
        text = repr(abs(float(value)))  # the shortest text that reads back as the same number
        if "e" in text:  # 1e-05: written out in full
            from decimal import Decimal

            text = format(Decimal(text), "f")
        text = text.rstrip("0").rstrip(".") if "." in text else text
    elif decimals is None:
        text = f"{abs(value):.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{abs(value):.{max(decimals, 0)}f}"
    whole, _, frac = text.partition(".")
    whole = _group(whole, grp) if group else whole
    body = whole + (dec + frac if frac else "")
    negative = value < 0 and any(ch not in "0.," for ch in body)
    prefix = "-" if negative else ("+" if sign and value > 0 else "")
    return prefix + body


def format_year(year: int) -> str:
    """Years are never grouped: 2019, not 2.019."""
    return str(int(year))


def format_value(value: float, unit: Unit, lang: str = "nl", approximate: bool = False,
                 decimals: int | None = None) -> str:
    """A value with its unit sign where the unit has one: '4,6%', 'ca. 145.000'. A change
    (a % change, or a change in points as a source gave it) carries its sign either way,
    '+218%', so a rise pasted alone does not read as a level."""
    text = format_number(value, lang, decimals)
    if value > 0 and (unit.kind == "change" or unit.id == PUBLISHED_POINTS_UNIT):
        text = f"+{text}"
    if unit.kind in ("percent", "change"):
        text += "%"
    if approximate:
        text = f"{APPROX['en' if lang == 'en' else 'nl']} {text}"
    return text


def format_value_with_unit(value: float, unit: Unit, lang: str = "nl",
                           approximate: bool = False) -> str:
    """'ca. 145.000 meldingen' for sentences; percentages keep their sign instead."""
    text = format_value(value, unit, lang, approximate)
    if unit.kind in ("percent", "change"):
        return text
    return f"{text} {unit.label.get(lang)}"


def format_period(period: Period, lang: str = "nl") -> str:
    """'2022', '1e halfjaar 2022' / 'H1 2022'."""
    if not period.half:
        return format_year(period.year)
    if lang == "en":
        return f"H{period.half} {period.year}"
    return f"{period.half}e halfjaar {period.year}"


def format_period_in(period: Period, lang: str = "nl") -> str:
    """A period inside a sentence, after 'in', 'over' or 'vanaf': Dutch names a half-year in
    full ('in het 1e halfjaar van 2021', not 'in 1e halfjaar 2021'); a year and English stay short."""
    if period.half and lang != "en":
        return f"het {period.half}e halfjaar van {period.year}"
    return format_period(period, lang)


def format_year_range(first: int, last: int, lang: str = "nl") -> str:
    """'2015 t/m 2024' / '2015-2024'; a single year stays a single year."""
    if first == last:
        return format_year(first)
    return f"{first}-{last}" if lang == "en" else f"{first} t/m {last}"


def format_pct_change(pct: float, lang: str = "nl", whole: bool = False) -> str:
    """A relative change: '-65%', '+38%'; below 10% one decimal so small moves don't read as 0
    (`whole`: never a decimal, for a change only known to about a percent)."""
    decimals = 0 if whole or abs(pct) >= 10 or pct == 0 else 1
    return format_number(pct, lang, decimals, sign=True) + "%"


def format_points(points: float, lang: str = "nl") -> str:
    """A difference between two percentages: '+2,3 procentpunt' / '+2.3 percentage points'."""
    text = format_number(points, lang, 1 if points != round(points) else 0, sign=True)
    if lang == "en":
        word = "percentage point" if abs(points) == 1 else "percentage points"
    else:
        word = "procentpunt"
    return f"{text} {word}"


def format_change(change: Change, unit: Unit, lang: str = "nl", base: bool = True) -> str:
    """The change line of a tooltip, in points for percentages and in % otherwise.

    `base=False` gives the figure alone ('-65%'), for a table cell that names its period already.
    A change worked out from a rounded value is 'ca.' so much, in whole percents ('ca. -65%').
    """
    if unit.in_points and change.points is not None:
        figure = format_points(change.points, lang)
    elif change.pct is None:
        return ""
    else:
        figure = format_pct_change(change.pct, lang, whole=change.rounded)
    if change.rounded:
        figure = f"{APPROX[lang]} {figure}"
    if not base:
        return figure
    versus = "vs" if lang == "en" else "ten opzichte van"
    return f"{figure} {versus} {format_period(change.base_period, lang)}"


def format_date(iso: str, lang: str = "nl") -> str:
    """'2023-07-13' -> '13-07-2023' (nl) / '13 Jul 2023' (en); partial dates stay partial."""
    months_en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    months_nl = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    parts = iso.split("-") if iso else []
    try:
        if len(parts) == 3:
            y, m, d = int(parts[0]), int(parts[1]), int(parts[2])
            return f"{d} {months_en[m - 1]} {y}" if lang == "en" else f"{d:02d}-{m:02d}-{y}"
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            return f"{(months_en if lang == 'en' else months_nl)[m - 1]} {y}"
    except (ValueError, IndexError):
        return iso
    if len(parts) == 1 and parts[0]:
        return parts[0]
    return "undated" if lang == "en" else "ongedateerd"


def format_moment(iso: str, lang: str = "nl") -> str:
    """'2026-12-03T06:05:59+00:00' -> '03-12-2026 07:05' (nl) / '3 Dec 2026 07:05' (en), in the
    computer's own time zone: when an import was stored, as a reader tells the time. Text
    that is no such moment (a store written by hand) is shown as it is."""
    try:
        moment = dt.datetime.fromisoformat(iso.strip())
    except (ValueError, TypeError):
        return iso
    try:
        local = moment.astimezone() if moment.tzinfo else moment
    except (OverflowError, OSError, ValueError):  # beyond what the platform's clock can convert
        local = moment
    return f"{format_date(local.date().isoformat(), lang)} {local:%H:%M}"


def tick_decimals(spacing: float) -> int:
    """Decimals an axis needs for ticks this far apart (0 for 50.000, 1 for 0,5)."""
    if spacing <= 0 or not math.isfinite(spacing):
        return 0
    return max(0, min(3, -math.floor(math.log10(spacing) + 1e-9)))
