"""Numbers as typed in Dutch and English sheets: both readings, styles, qualifiers, refusals."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meldpunt_gui.imports import numbers
from meldpunt_gui.imports.header import parse_period
from meldpunt_gui.imports.numbers import (
    EXCEL_ERRORS,
    NumberError,
    analyse,
    decide_style,
    parse_number,
    readings,
)
from meldpunt_gui.model.domain import Period, PeriodError
from meldpunt_gui.text.formatting import format_number


@pytest.mark.parametrize("text, nl, en", [
    ("413262", 413262, 413262),
    ("413.262", 413262, 413.262),  # one separator and three digits: both styles read it
    ("413,262", 413.262, 413262),
    ("55,5", 55.5, None),
    ("55.5", None, 55.5),
    ("1.234.567,8", 1234567.8, None),
    ("1,234,567.8", None, 1234567.8),
    ("1.234.567", 1234567, None),
    ("1,234,567", None, 1234567),
    ("0,123", 0.123, None),
    ("0.123", None, 0.123),
    ("1234,5", 1234.5, None),
    (",5", 0.5, None),
    (".5", None, 0.5),
    ("1 234", 1234, 1234),
    ("1\u00a0234\u00a0567", 1234567, 1234567),
    ("1\u202f234,5", 1234.5, None),
    ("1,82E+10", 1.82e10, None),
    ("1.82E+10", None, 1.82e10),
    ("2e3", 2000, 2000),
    ("007", 7, 7),
])
def test_readings(text, nl, en):
    r = analyse(text)
    assert r.nl == nl and r.en == en
    assert not r.approximate and not r.percent


@pytest.mark.parametrize("text, evidence", [
    ("413.262", "ambiguous"), ("55,5", "nl"), ("55.5", "en"), ("1.234.567", "nl"),
    ("1,234.5", "en"), ("2023", None), ("1 234", None),
])
def test_evidence(text, evidence):
    assert analyse(text).evidence == evidence


@pytest.mark.parametrize("text", ["ca. 1.000", "ca 1.000", "ca1.000", "circa 1.000", "ruim 1.000",
                                  "bijna 1.000", "meer dan 1.000", "Meer dan 1.000", "ongeveer 1.000",
                                  "about 1.000", "almost 1.000", "over 1.000", "more than 1.000",
                                  "± 1.000", "±1.000", "~1.000", "≈ 1.000", "1.000+", "minstens 1.000"])
def test_qualifiers_make_a_value_approximate(text):
    r = analyse(text)
    assert r.approximate
    assert parse_number(text, "nl").value == 1000


def test_a_word_that_only_starts_like_a_qualifier_is_not_one():
    with pytest.raises(NumberError):
        analyse("canada")
    with pytest.raises(NumberError):
        analyse("overmaat")


@pytest.mark.parametrize("text, value", [("55,5%", 55.5), ("55,5 %", 55.5), ("ruim 4,6%", 4.6),
                                         ("12 procent", 12), ("12 percent", 12)])
def test_percent_sign(text, value):
    p = parse_number(text, "nl")
    assert p.percent and p.value == value


@pytest.mark.parametrize("text", ["-5", "\u22125", "\u20135", "- 5"])
def test_minus_signs(text):
    assert parse_number(text, "nl").value == -5


@pytest.mark.parametrize("text", sorted(EXCEL_ERRORS))
def test_excel_errors_are_named(text):
    with pytest.raises(NumberError) as info:
        analyse(text)
    assert info.value.code == "excel_error"
    assert text in info.value.message.nl and text in info.value.message.en


@pytest.mark.parametrize("text", ["=SUM(A1:A3)", "=B2*2", "=HYPERLINK(\"http://x\")"])
def test_formulas_are_not_numbers(text):
    with pytest.raises(NumberError) as info:
        analyse(text)
    assert info.value.code == "formula"


@pytest.mark.parametrize(("text", "code"), [
    ("1234567890123456", "too_large"), ("12345678901234567890", "too_large"),
    ("1.234.567.890.123.456", "too_large"), ("0,1234567890123456", "too_many_digits")])
def test_absurdly_long_digit_strings_are_refused(text, code):
    """Sixteen whole digits are 10^15 or more (too large, as 1e15 is); sixteen decimals too precise."""
    with pytest.raises(NumberError) as info:
        analyse(text)
    assert info.value.code == code


def test_fifteen_digits_and_leading_zeros_are_fine():
    assert analyse("123456789012345").nl == 123456789012345
    assert analyse("0000000000000000001").nl == 1


@pytest.mark.parametrize("text", ["", "  ", "veel", "4,5,6", "1.2.3,4,5", "12 34", "1e999", "--5", "5-",
                                  "٤١٣", "1..2", "#", "NaN", "inf", "1_000", "0x10", "(5)", "5.", "5,"])
def test_not_numbers(text):
    with pytest.raises(NumberError) as info:
        analyse(text)
    assert info.value.message.nl and info.value.message.en


def test_wrong_style_names_the_style():
    with pytest.raises(NumberError) as info:
        parse_number("55.5", "nl")
    assert info.value.code == "wrong_style" and "1.234,5" in info.value.message.en
    with pytest.raises(NumberError) as info:
        parse_number("55,5", "en")
    assert "1,234.5" in info.value.message.nl


def test_decide_style_majority_and_tie():
    assert decide_style(["nl", "nl", "en", None]).style == "nl"
    assert decide_style(["en", "ambiguous"]).style == "en"
    assert decide_style(["nl", "en"]).style is None
    assert decide_style(["ambiguous"]).style is None
    assert decide_style([]).ambiguous == 0


@pytest.mark.parametrize("value, style, text", [
    (1234567.8, "nl", "1.234.567,8"), (1234567.8, "en", "1,234,567.8"), (-0.5, "nl", "-0,5"),
    (413262, "nl", "413.262"), (100, "en", "100"), (1e20, "nl", "100.000.000.000.000.000.000"),
    (1.5e-7, "en", "0.00000015"), (0.0, "nl", "0"), (-0.0, "nl", "0"),
])
def test_format_number(value, style, text):
    assert format_number(value, style, exact=True) == text


def test_format_number_fixed_decimals_and_no_grouping():
    assert format_number(4.6, "nl", decimals=1, exact=True) == "4,6"
    assert format_number(1234.5, "en", group=False, exact=True) == "1234.5"


# ----- properties

decimal_values = st.builds(lambda n, d: n / 10 ** d, st.integers(-10 ** 12, 10 ** 12), st.integers(0, 3))


@given(decimal_values, st.sampled_from(["nl", "en"]), st.booleans())
def test_format_then_parse_round_trips(value, style, grouping):
    text = format_number(value, style, group=grouping, exact=True)
    assert parse_number(text, style).value == value


@given(decimal_values, st.sampled_from(["nl", "en"]))
def test_format_in_one_style_is_never_misread_as_a_different_number_in_the_same_style(value, style):
    r = analyse(format_number(value, style, exact=True))
    assert r.value(style) == value


@given(st.from_regex(r"\A-?[0-9]{1,16}[.,][0-9]{1,16}\Z"))
def test_fast_path_agrees_with_the_general_parser(text):
    try:
        fast = readings(text)
    except NumberError as exc:
        fast_error = exc.code
    else:
        fast_error = None
    try:
        slow = numbers._readings(text)
    except NumberError as exc:
        assert fast_error == exc.code
    else:
        assert fast_error is None and fast == slow


def both_paths(text):
    """What `readings` (one match for common shapes) and the general parser make of `text`."""
    out = []
    for read in (readings, numbers._readings):
        try:
            out.append(read(text))
        except NumberError as exc:
            out.append(exc.code)
    return out


# thousands groups of the right and wrong length, one or two separator kinds, leading zeros
typed_numbers = st.one_of(
    st.from_regex(r"\A0?[1-9][0-9]{0,3}(?:[.,][0-9]{2,4}){0,5}(?:[.,][0-9]{0,6})?\Z"),
    st.text(alphabet="0123456789.,", max_size=20),
)


@settings(max_examples=400)
@given(typed_numbers)
def test_shapes_read_in_one_match_agree_with_the_general_parser(text):
    fast, slow = both_paths(text)
    assert fast == slow
    if isinstance(fast, tuple):  # the same types too: a float is never an int, None stays None
        assert [type(v) for v in fast] == [type(v) for v in slow]


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_any_text_is_a_number_or_a_number_error(text):
    try:
        r = analyse(text)
    except NumberError as exc:
        assert exc.message.nl and exc.message.en
    else:
        assert r.nl is not None or r.en is not None
        for v in (r.nl, r.en):
            assert v is None or math.isfinite(v)


@given(st.integers(1990, 2100), st.sampled_from([0, 1, 2]))
def test_period_text_round_trips(year, half):
    p = Period(year, half)
    assert Period.parse(str(p)) == p
    assert parse_period(str(p)) == p
    if half:
        assert parse_period(f"H{half} {year}") == p
        assert parse_period(f"{year} H{half}") == p
    else:
        assert parse_period(float(year)) == p and parse_period(year) == p


@given(st.one_of(st.integers(-10 ** 6, 1989), st.integers(2101, 10 ** 6)))
def test_years_out_of_range_are_refused(year):
    assert parse_period(str(year)) is None
    with pytest.raises(PeriodError):
        Period.parse(str(year))


@given(st.text(max_size=20))
def test_parse_period_never_raises(text):
    p = parse_period(text)
    assert p is None or 1990 <= p.year <= 2100


def test_parse_period_refuses_fractions_and_booleans():
    assert parse_period(2023.5) is None
    assert parse_period(True) is None
    assert parse_period("2023-H3") is None
