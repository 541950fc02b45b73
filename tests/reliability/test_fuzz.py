"""Property-based fuzzing of the importers, number parsing and period parsing.

Each property runs 1.000 examples in CI (profile "reliability") and 50.000 with
HYPOTHESIS_PROFILE=long (see README.md in this folder). The properties are stronger than "no
exception": generated files carry the values they were made from, and must read back to exactly
those values at exactly their physical lines.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from fixtures.make_xlsx import ErrorCell, Formula, xlsx_bytes
from fixtures.sample_dataset import small_dataset
from meldpunt_gui.imports.header import parse_period
from meldpunt_gui.imports.numbers import NumberError, analyse, parse_number
from meldpunt_gui.imports.reader import read_import_data
from meldpunt_gui.model.domain import YEAR_MAX, YEAR_MIN, Period, PeriodError

PROFILE = "long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "reliability"
FUZZ = settings.get_profile(PROFILE)
DS = small_dataset()

# NumberError codes the parser may give; anything else is a new, unexplained failure
NUMBER_CODES = {"empty", "not_a_number", "excel_error", "formula", "too_many_digits", "too_large",
                "digits"}
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def check_result(res, physical_lines: int | None = None) -> None:
    """What every import result must satisfy, whatever went in."""
    assert "internal" not in res.codes, [p.message.en for p in res.problems]
    assert res.rows or res.problems
    for p in res.problems:
        assert p.message.nl.strip() and p.message.en.strip() and p.file == res.file
        assert p.severity in ("error", "warning")
        if physical_lines is not None and p.line is not None:
            assert 1 <= p.line <= physical_lines + 1, (p.line, physical_lines)
    for r in res.rows:
        assert math.isfinite(r.value) and r.status in ("new", "changed", "unchanged")
        assert YEAR_MIN <= r.period.year <= YEAR_MAX and r.period.half in (0, 1, 2)
    if res.unusable:
        assert not res.rows


# ----- importers: arbitrary bytes

MAGIC = [b"", b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf", b"\xff\xfe",
         b"sep=;\n", b"metriek;periode;waarde\n", b"metric,2023,2024\n"]


@FUZZ
@given(prefix=st.sampled_from(MAGIC), body=st.binary(max_size=3000),
       name=st.sampled_from(["f.csv", "f.xlsx", "f.txt", "f.xls", "f"]))
def test_importer_on_arbitrary_bytes(prefix, body, name):
    data = prefix + body
    res = read_import_data(data, name, DS)
    check_result(res)
    assert res.sha256 and len(res.sha256) == 64


# ----- importers: near-valid CSV made from known values

METRIC_NAMES = {
    "hotline_reports": ["hotline_reports", "Meldingen bij het Meldpunt", "Reports to the hotline",
                        "HOTLINE_REPORTS"],
    "removed_urls": ["removed_urls", "Verwijderde URL's", "removed urls"],
    "nl_share_pct": ["nl_share_pct", "Aandeel in Nederland gehost"],
    "reports_change_pct": ["reports_change_pct", "Change in reports"],
}
YEAR_SERIES = {m: small_dataset().period_kind(m) == "year" for m in METRIC_NAMES}
HEADERS = {"nl": ("metriek", "periode", "waarde", "opmerking"), "en": ("metric", "period", "value", "note")}
QUALIFIERS = ["", "", "", "ca. ", "circa ", "ruim ", "± ", "about ", "~"]
NOTES = st.sampled_from(["", "", "geschat", "a; b, c", 'zei "ca."', "twee\nregels", "é ë ü", "=SUM(A1)",
                         "\tinsprong", "100%"])
SEPARATORS = {"nl": [".", " ", "\u00a0", ""], "en": [",", " ", "\u00a0", ""]}


def number_text(value: float, decimals: int, style: str, grouping: str) -> str:
    """`value` written the way someone using `style` types it."""
    sign = "-" if value < 0 else ""
    int_part, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    if grouping and len(int_part) > 3:
        head = len(int_part) % 3 or 3
        int_part = int_part[:head] + "".join(grouping + int_part[i:i + 3] for i in range(head, len(int_part), 3))
    return sign + int_part + (("," if style == "nl" else ".") + frac if frac else "")


@st.composite
def value_for(draw, metric: str):
    if metric in ("hotline_reports", "removed_urls"):
        return float(draw(st.integers(0, 10 ** 9))), 0
    if metric == "nl_share_pct":
        return draw(st.integers(0, 1000)) / 10, 1
    return draw(st.integers(-1000, 1000)) / 10, 1


@st.composite
def csv_files(draw):
    """(bytes, {(metric, period): (value, approximate, line)}, physical line count)."""
    style = draw(st.sampled_from(["nl", "en"]))
    lang = draw(st.sampled_from(["nl", "en"]))
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    grouping = draw(st.sampled_from(SEPARATORS[style]))
    order = draw(st.permutations([0, 1, 2, 3]))
    keys = draw(st.lists(st.tuples(st.sampled_from(sorted(METRIC_NAMES)), st.integers(YEAR_MIN, YEAR_MAX),
                                   st.sampled_from([0, 0, 0, 1, 2])),
                         min_size=1, max_size=12, unique_by=lambda k: k))
    rows, expected, seen = [], {}, set()
    for metric, year, half in keys:
        if YEAR_SERIES.get(metric):  # a year series takes no half-years (Dataset.period_kind)
            half = 0
            if (metric, year, 0) in seen:
                continue
        seen.add((metric, year, half))
        value, decimals = draw(value_for(metric))
        qualifier = draw(st.sampled_from(QUALIFIERS))
        period = str(Period(year, half))
        if half and draw(st.booleans()):
            period = f"H{half} {year}"
        cells = [draw(st.sampled_from(METRIC_NAMES[metric])), period,
                 qualifier + number_text(value, decimals, style, grouping), draw(NOTES)]
        rows.append(([cells[i] for i in order], (metric, str(Period(year, half))), (value, bool(qualifier))))
    header = [HEADERS[lang][i] for i in order]
    enders = draw(st.lists(st.sampled_from(["\r\n", "\n", "\r"]), min_size=len(rows) + 1,
                           max_size=len(rows) + 1))
    text = "sep=" + delimiter + enders[-1] if draw(st.booleans()) and delimiter != "\t" else ""

    def line(cells):
        buf = io.StringIO()
        csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerow(cells)  # quotes \r, \n
        return buf.getvalue()[:-2]

    text += line(header) + enders[0]
    for (cells, key, (value, approx)), end in zip(rows, enders[1:]):
        start_line = len(LINE_BREAK.findall(text)) + 1
        expected[key] = (value, approx, start_line)
        text += line(cells) + end
    if draw(st.booleans()):
        text += "\r\n" * draw(st.integers(1, 3))  # trailing empty lines, as Excel leaves them
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    return data, expected, len(LINE_BREAK.findall(text)) + 1


@FUZZ
@given(csv_files())
def test_generated_csv_reads_back_exactly(file):
    data, expected, lines = file
    res = read_import_data(data, "gegenereerd.csv", DS)
    check_result(res, lines)
    assert not res.has_errors, [p.format("en") for p in res.errors]
    # the only warnings a clean file may get compare it with the data shown now
    assert {p.code for p in res.warnings} <= {"replaces", "jump"}, [p.format("en") for p in res.warnings]
    got = {(r.metric, str(r.period)): (r.value, r.approximate, r.line) for r in res.rows}
    assert got == expected


@st.composite
def damaged_csv(draw):
    data, _expected, _lines = draw(csv_files())
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["delete", "insert", "replace"]))
        byte = draw(st.sampled_from(list(b';,\t"\r\n0123456789.-%=# \xa0\xc2\xe2\x88\x92HhaZ\x00\xff')))
        if action == "delete" and data:
            del data[pos]
        elif action == "insert":
            data.insert(pos, byte)
        elif data:
            data[pos] = byte
    return bytes(data)


@FUZZ
@given(damaged_csv(), st.sampled_from([None, ";", ",", "\t"]), st.sampled_from([None, "nl", "en"]))
def test_damaged_csv_gives_located_problems(data, delimiter, style):
    res = read_import_data(data, "beschadigd.csv", DS, delimiter=delimiter, number_style=style)
    text_lines = len(LINE_BREAK.findall(data.decode("latin-1"))) + 1
    check_result(res, text_lines)
    for r in res.rows:
        assert 1 <= r.line <= text_lines


# ----- importers: near-valid workbooks (cell types calamine hands over)

CELLS = st.one_of(
    st.sampled_from(["hotline_reports", "nl_share_pct", "metric", "period", "value", "waarde", "2023",
                     "2024-H1", "ca. 1.000", "#N/B", "=SUM(A1)", "", "ja", "nee", "41,5%"]),
    st.integers(-10 ** 6, 10 ** 16), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([2023, 2023.0, 1990, 2101, 2.023, True, False, None]),
    st.builds(ErrorCell, st.sampled_from(["#DIV/0!", "#N/A", "#REF!"])),
    st.builds(Formula, st.just("SUM(A1:A2)"), st.one_of(st.none(), st.floats(-1e6, 1e6))),
)


@FUZZ
@given(st.lists(st.lists(CELLS, max_size=6), max_size=8),
       st.sampled_from([["metric", "period", "value"], ["metriek", 2023, 2024], ["metric", "2023", "2024-H1"]]))
def test_generated_workbook_gives_a_result(rows, header):
    data = xlsx_bytes({"Blad1": [header, *rows]})
    res = read_import_data(data, "werkmap.xlsx", DS)
    check_result(res, len(rows) + 1)
    for p in res.problems:
        if p.line is not None and p.code not in ("jump", "replaces", "repeated", "conflict"):
            assert p.cell == "" or re.fullmatch(r"[A-Z]{1,3}[0-9]+", p.cell)


# ----- numbers

@st.composite
def typed_numbers(draw):
    """(text, style, value, approximate, percent) as someone types a number."""
    style = draw(st.sampled_from(["nl", "en"]))
    int_part = draw(st.integers(0, 10 ** 11))
    decimals = draw(st.integers(0, 3))
    frac = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=decimals, max_size=decimals)))
    grouping = draw(st.sampled_from(SEPARATORS[style] + ["\u202f"]))
    digits = str(int_part)
    if grouping and len(digits) > 3:
        head = len(digits) % 3 or 3
        digits = digits[:head] + "".join(grouping + digits[i:i + 3] for i in range(head, len(digits), 3))
    body = digits + (("," if style == "nl" else ".") + frac if frac else "")
    minus = draw(st.sampled_from(["", "", "-", "\u2212", "\u2013"]))
    qualifier = draw(st.sampled_from(["", "", "ca. ", "circa ", "bijna ", "meer dan ", "±", "~ ", "ongeveer "]))
    percent = draw(st.sampled_from(["", "", "%", " %", " procent"]))
    space = draw(st.sampled_from(["", " ", "\u00a0"]))
    text = space + qualifier + minus + body + percent + space.replace("\u00a0", " ")
    value = float(f"{int_part}.{frac}" if frac else str(int_part)) * (-1 if minus else 1)
    return text, style, value, bool(qualifier), bool(percent)


@FUZZ
@given(typed_numbers())
def test_typed_numbers_read_as_typed(case):
    text, style, value, approximate, percent = case
    reading = analyse(text)
    assert reading.value(style) == value, (text, reading)
    assert (reading.approximate, reading.percent) == (approximate, percent)
    parsed = parse_number(text, style)
    assert (parsed.value, parsed.approximate, parsed.percent) == (value, approximate, percent)


NUMBERISH = st.text(alphabet=st.sampled_from(list("0123456789.,-+ %eE#=/\u00a0\u202f\u2212\u2013±~caprocentmeerdan")),
                    max_size=30)


@FUZZ
@given(st.one_of(NUMBERISH, st.text(max_size=30)), st.sampled_from(["nl", "en"]))
def test_any_text_is_a_number_or_a_clear_refusal(text, style):
    try:
        reading = analyse(text)
    except NumberError as exc:
        assert exc.code in NUMBER_CODES
        assert exc.message.nl.strip() and exc.message.en.strip()
        with pytest.raises(NumberError):
            parse_number(text, style)
        return
    assert reading.nl is not None or reading.en is not None
    assert all(v is None or math.isfinite(v) for v in (reading.nl, reading.en))
    value = reading.value(style)
    if value is None:
        with pytest.raises(NumberError) as info:
            parse_number(text, style)
        assert info.value.code == "wrong_style"
    else:
        assert parse_number(text, style).value == value


# ----- periods

PERIODISH = st.from_regex(r"\A\s{0,2}[0-9]{1,5}\s{0,2}(?:[-/ ]?\s?[HhQq]\s?[0-9])?\s{0,2}\Z")


@FUZZ
@given(st.one_of(PERIODISH, st.text(max_size=20)))
def test_period_parse_is_a_period_in_range_or_a_period_error(text):
    try:
        p = Period.parse(text)
    except PeriodError:
        assert parse_period(text) is None or re.match(r"\s*[Hh]", text)  # "H1 2023" only via the import
        return
    assert YEAR_MIN <= p.year <= YEAR_MAX and p.half in (0, 1, 2)
    assert Period.parse(str(p)) == p and parse_period(text) == p
    ascii_digits = re.sub(r"\D", "", text.split("H")[0].split("h")[0])
    if ascii_digits.isascii():
        assert p.year == int(ascii_digits)


@FUZZ
@given(st.integers(YEAR_MIN - 50, YEAR_MAX + 50), st.sampled_from([0, 1, 2, 3]),
       st.sampled_from(["{y}", "{y}-H{h}", "{y}-h{h}", "{y} H{h}", "{y}/H{h}", "H{h} {y}", " {y}H{h} "]))
def test_period_spellings(year, half, pattern):
    has_half = "{h}" in pattern
    assume(has_half or half == 0)
    text = pattern.format(y=year, h=half)
    valid = YEAR_MIN <= year <= YEAR_MAX and (half in (1, 2) if has_half else True)
    assert (parse_period(text) == Period(year, half)) if valid else parse_period(text) is None
    if not text.strip().startswith("H"):
        if valid:
            assert Period.parse(text) == Period(year, half)
        else:
            with pytest.raises(PeriodError):
                Period.parse(text)
