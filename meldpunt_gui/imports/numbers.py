"""Numbers as people type them in Dutch and English spreadsheets: the one rule set for values.

A value such as "1.234" means 1234 to a Dutch reader and 1.234 to an English one, so a single
value cannot always be read on its own: `analyse` returns both readings and the importer decides
the file's number style from all of its values (`decide_style`) before picking one.

Every value of every file passes here: `readings` for a value typed as text (a CSV cell, a text
cell in a workbook), `cell_number` for a workbook's number cell. Both hold the same rules: digits
0-9 only, and a magnitude below MAX_MAGNITUDE (10^15), refused with the same code ("too_large")
whether it was typed as 1e300, as 1.000.000.000.000.000 or stored as a number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

from meldpunt_gui.model.domain import FOREIGN_DIGITS, MAX_MAGNITUDE, Text, foreign_digits

# below this (and not 0) a value is a formula's rounding error or a corrupt cell, not a figure:
# 1e-320 from a workbook was taken and quoted back with more than 300 digits
MIN_MAGNITUDE = 1e-9

NumberStyle = Literal["nl", "en"]
STYLES: tuple[NumberStyle, ...] = ("nl", "en")
STYLE_LABELS: dict[str, Text] = {
    "nl": Text("Nederlands (1.234,5)", "Dutch (1.234,5)"),
    "en": Text("Engels (1,234.5)", "English (1,234.5)"),
}

MAX_DIGITS = 15  # what a double holds exactly; longer digit strings are typing accidents
MAX_TEXT = 80

# Longest first, so "meer dan" wins over a shorter prefix; all lower case.
QUALIFIERS: tuple[str, ...] = tuple(sorted((
    "ca.", "ca", "c.", "circa", "ruim", "bijna", "meer dan", "minder dan", "ongeveer", "rond",
    "zo'n", "ten minste", "tenminste", "minstens", "about", "almost", "nearly", "around", "over",
    "more than", "less than", "at least", "approx.", "approx", "approximately", "±", "+/-", "~", "≈",
), key=len, reverse=True))

EXCEL_ERRORS = frozenset({
    "#DEEL/0!", "#DIV/0!", "#N/B", "#N/A", "#WAARDE!", "#VALUE!", "#REF!", "#VERW!", "#NAME?",
    "#NAAM?", "#NUM!", "#GETAL!", "#NULL!", "#LEEG!", "#SPILL!", "#OVERLOOP!", "#CALC!",
    "#BEREKENEN!", "#GETTING_DATA", "#FIELD!", "#VELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!",
})

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})
_MINUS = ("-", "\u2212", "\u2013")
_GROUPED = {".": re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+"),
            ",": re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")}
_SPACE_GROUPS = re.compile(r"[0-9]{1,3}(?: [0-9]{3})+(?:[.,][0-9]+)?")
# The shapes nearly every typed number has, told apart in one match (possessive, so a miss costs
# little); `readings` reads them without the general parser. The empty group that took part
# (Match.lastindex) says which shape it was:
_FAST = re.compile(
    r"[0-9]++,[0-9]++()"  # 1: one comma, 55,5 (or 12,345: either style)
    r"|[0-9]++\.[0-9]++()"  # 2: one point, 55.5 (or 12.345)
    r"|[1-9][0-9]{0,2}(?:\.[0-9]{3})++(?:,[0-9]++)?()"  # 3: 1.234.567 or 1.234,5: Dutch only
    r"|[1-9][0-9]{0,2}(?:,[0-9]{3})++(?:\.[0-9]++)?()"  # 4: 1,234,567 or 1,234.5: English only
).fullmatch
_FAST_MAX = MAX_DIGITS + 1  # one separator or more: at most 15 digits, so never too many
FAST_SHAPES, FAST_MAX = _FAST, _FAST_MAX  # for the CSV row loop, which reads these shapes as readings() does
_EXPONENT = re.compile(r"[eE]([+-]?[0-9]{1,3})\Z")
_PERCENT_WORDS = (" procent", " percent", "procent", "percent")


class NumberError(ValueError):
    """A cell that is not a number; `message` says why in both languages."""

    def __init__(self, code: str, message: Text) -> None:
        super().__init__(message.en)
        self.code = code
        self.message = message


class Reading(NamedTuple):
    """Both readings of one value: `nl` and `en` are None where that style cannot read it."""

    nl: float | None
    en: float | None
    approximate: bool
    percent: bool

    @property
    def evidence(self) -> str | None:
        """'nl' or 'en' when only one style reads it, 'ambiguous' when both do differently."""
        if self.nl is None:
            return "en" if self.en is not None else None
        if self.en is None:
            return "nl"
        return None if self.nl == self.en else "ambiguous"

    def value(self, style: str) -> float | None:
        return self.en if style == "en" else self.nl


class Parsed(NamedTuple):
    value: float
    approximate: bool
    percent: bool


def _not_a_number(text: str) -> NumberError:
    shown = " ".join(text.split())
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return NumberError("not_a_number", Text(f"'{shown}' is geen getal.", f"'{shown}' is not a number."))


def _shown(text: str) -> str:
    shown = " ".join(str(text).split())
    return shown if len(shown) <= 40 else shown[:37] + "..."


def too_large(text: str) -> NumberError:
    """The one refusal of a value too large to be a figure, wherever and however it was written."""
    shown = _shown(text)
    return NumberError("too_large", Text(
        f"'{shown}' is te groot: waarden moeten kleiner zijn dan 10^15 (1.000.000.000.000.000).",
        f"'{shown}' is too large: values must be smaller than 10^15 (1,000,000,000,000,000)."))


def check_magnitude(value: float, text: str) -> float:
    """`value` when it is finite and below MAX_MAGNITUDE, and 0 or at least MIN_MAGNITUDE;
    else the too-large or too-small refusal."""
    if not -MAX_MAGNITUDE < value < MAX_MAGNITUDE:
        raise too_large(text)
    if value and -MIN_MAGNITUDE < value < MIN_MAGNITUDE:
        shown = _shown(text)
        raise NumberError("too_small", Text(
            f"'{shown}' is te klein om een telling of percentage te zijn: een waarde is 0 of minstens "
            "0,000000001.",
            f"'{shown}' is too small to be a count or a percentage: a value is 0 or at least 0.000000001."))
    return value


def cell_number(raw: object) -> float:
    """A workbook's number cell under the rules typed values follow; raises NumberError."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise _not_a_number(str(raw))
    if isinstance(raw, float) and math.isnan(raw):
        raise _not_a_number(repr(raw))
    number = float(raw) if not isinstance(raw, int) or abs(raw) < 2**63 else math.inf
    return check_magnitude(number, repr(raw) if isinstance(raw, float) else str(raw))


def _interpret(body: str, thousands: str, decimal: str) -> float | None:
    """One style's reading of digits and separators, or None when that style cannot read it."""
    if body.count(decimal) > 1:
        return None
    int_part, has_dec, frac = body.partition(decimal)
    if has_dec and not (frac.isdigit() and thousands not in frac):
        return None
    if thousands in int_part:
        if not _GROUPED[thousands].fullmatch(int_part):
            return None
        int_part = int_part.replace(thousands, "")
    elif int_part and not int_part.isdigit():
        return None
    if not int_part and not has_dec:
        return None
    digits = int_part.lstrip("0")
    if len(digits) > MAX_DIGITS:  # 10^15 or more: the same refusal as 1e15 or a number cell
        raise too_large(body)
    significant = len(digits) + len(frac.rstrip("0")) if digits else len(frac.strip("0"))
    if significant > MAX_DIGITS:
        raise NumberError("too_many_digits", Text(
            f"'{body}' heeft meer dan {MAX_DIGITS} cijfers; dat is geen gewoon getal.",
            f"'{body}' has more than {MAX_DIGITS} digits; that is not an ordinary number."))
    return float(f"{int_part or '0'}.{frac}") if has_dec else float(int_part)


def analyse(text: str) -> Reading:
    """Both readings of a typed value; raises NumberError when neither style reads it."""
    return Reading(*readings(text))


def readings(text: str) -> tuple[float | None, float | None, bool, bool]:
    """`analyse` as a plain tuple (nl, en, approximate, percent), for the import's inner loop.

    The shapes nearly every typed number has (plain digits, one separator, thousands groups) are
    read after one match instead of once per style through `_interpret`. Each reading is the float
    `_readings` gives: float() of the same decimal text, or digits / 1000, which is correctly
    rounded as well. A property test holds both paths to the same answers.
    """
    m = _FAST(text) if len(text) <= _FAST_MAX else None
    if m is None:
        if text.isdigit() and text.isascii():  # plain digits
            if len(text) > MAX_DIGITS and len(text.lstrip("0")) > MAX_DIGITS:
                raise too_large(text)
            v = float(text)
            return v, v, False, False
        return _readings(text)
    shape = m.lastindex
    if shape == 3:  # 1.234,5
        return float(text.replace(".", "").replace(",", ".")), None, False, False
    if shape == 2:  # 55.5; 12.345 reads either way (1-3 digits, a point, 3 digits, no leading 0)
        if 3 < len(text) < 8 and text[-4] == "." and text[0] != "0":
            whole = int(text.replace(".", ""))  # int / 1000 is correctly rounded, as float() is
            return float(whole), whole / 1000, False, False
        return None, float(text), False, False
    if shape == 1:  # 55,5; 12,345 reads either way
        if 3 < len(text) < 8 and text[-4] == "," and text[0] != "0":
            whole = int(text.replace(",", ""))
            return whole / 1000, float(whole), False, False
        return float(text.replace(",", ".")), None, False, False
    return None, float(text.replace(",", "")), False, False  # 1,234.5


def _readings(text: str) -> tuple[float | None, float | None, bool, bool]:
    s = text.strip()
    if not s:
        raise NumberError("empty", Text("Er staat geen waarde.", "There is no value."))
    if len(s) > MAX_TEXT:
        raise _not_a_number(s)
    if s[0] == "#":
        if s.upper() in EXCEL_ERRORS:
            raise NumberError("excel_error", Text(
                f"Excel-foutwaarde {s}: de formule in het werkblad gaf geen getal.",
                f"Excel error value {s}: the formula in the sheet gave no number."))
        raise _not_a_number(s)
    if s[0] == "=":
        raise NumberError("formula", Text(
            f"Formule '{s[:40]}' zonder uitkomst: sla het bestand op met de berekende waarden.",
            f"Formula '{s[:40]}' without a result: save the file with the calculated values."))
    approximate = False
    if not s[0].isdigit():
        low = s.lower()
        for q in QUALIFIERS:
            if low.startswith(q):
                rest = s[len(q):]
                if q[-1].isalpha() and rest[:1].isalpha():
                    continue
                s, approximate = rest.lstrip(), True
                break
    negative = False
    if s[:1] in _MINUS:
        negative, s = True, s[1:].lstrip()
    elif s[:1] == "+":
        s = s[1:].lstrip()
    percent = False
    if s.endswith("%"):
        percent, s = True, s[:-1].rstrip()
    else:
        low = s.lower()
        for word in _PERCENT_WORDS:
            if low.endswith(word):
                percent, s = True, s[: -len(word)].rstrip()
                break
    if s.endswith("+") and len(s) > 1:  # "10.000+" is "more than 10.000"
        approximate, s = True, s[:-1].rstrip()
    exponent = 0
    if "e" in s or "E" in s:
        m = _EXPONENT.search(s)
        if not m:
            raise _not_a_number(text.strip())
        exponent, s = int(m.group(1)), s[: m.start()]
    s = s.translate(_SPACES)
    if " " in s:
        if not _SPACE_GROUPS.fullmatch(s):
            raise _not_a_number(text.strip())
        s = s.replace(" ", "")
    if not s.isascii():
        if foreign_digits(s):
            raise NumberError("digits", Text(f"'{_shown(text)}' {FOREIGN_DIGITS.nl}.",
                                             f"'{_shown(text)}' {FOREIGN_DIGITS.en}."))
        raise _not_a_number(text.strip())
    nl = _interpret(s, ".", ",")
    en = _interpret(s, ",", ".")
    if nl is None and en is None:
        raise _not_a_number(text.strip())
    sign = -1.0 if negative else 1.0
    if exponent:
        nl = _scaled(nl, sign, exponent, text)
        en = _scaled(en, sign, exponent, text)
    elif negative:
        nl = None if nl is None else -nl
        en = None if en is None else -en
    return nl, en, approximate, percent


def _scaled(v: float | None, sign: float, exponent: int, text: str) -> float | None:
    if v is None:
        return None
    out = sign * float(f"{v!r}e{exponent}")
    if out == 0.0 and v != 0.0:  # 1e-400: too small to be anything but a typing accident
        raise _not_a_number(text.strip())
    return check_magnitude(out, text.strip())


def parse_number(text: str, style: str) -> Parsed:
    """The value of `text` in one number style ('nl' or 'en'); raises NumberError."""
    r = analyse(text)
    v = r.value(style)
    if v is None:
        shown = text.strip()
        if style == "en":
            raise NumberError("wrong_style", Text(
                f"'{shown}' is geen getal in Engelse notatie (1,234.5) zoals de rest van het bestand.",
                f"'{shown}' is not a number in English notation (1,234.5) like the rest of the file."))
        raise NumberError("wrong_style", Text(
            f"'{shown}' is geen getal in Nederlandse notatie (1.234,5) zoals de rest van het bestand.",
            f"'{shown}' is not a number in Dutch notation (1.234,5) like the rest of the file."))
    return Parsed(v, r.approximate, r.percent)


class StyleDecision(NamedTuple):
    style: str | None  # None: the values do not say, or contradict each other evenly
    nl: int  # values only Dutch notation reads
    en: int
    ambiguous: int  # values both read, differently


def decide_style(evidence: Iterable[str | None]) -> StyleDecision:
    """The file's number style from per-value evidence; the majority wins, a tie decides nothing."""
    nl = en = amb = 0
    for e in evidence:
        if e == "nl":
            nl += 1
        elif e == "en":
            en += 1
        elif e == "ambiguous":
            amb += 1
    style = "nl" if nl > en else "en" if en > nl else None
    return StyleDecision(style, nl, en, amb)
