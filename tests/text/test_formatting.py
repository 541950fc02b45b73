from hypothesis import given
from hypothesis import strategies as st

from meldpunt_gui.model.domain import Change, Observation, Period, Text, Unit
from meldpunt_gui.text.formatting import (
    format_change,
    format_date,
    format_number,
    format_pct_change,
    format_period,
    format_points,
    format_value,
    format_year,
    format_year_range,
    tick_decimals,
)

COUNT = Unit("reports", "count", Text("meldingen", "reports"))
PCT = Unit("percent", "percent", Text("%", "%"), 1)


def test_dutch_and_english_grouping():
    assert format_number(145000, "nl") == "145.000"
    assert format_number(145000, "en") == "145,000"
    assert format_number(1234567.5, "nl") == "1.234.567,5"
    assert format_number(4.6, "nl") == "4,6"
    assert format_number(4.6, "en") == "4.6"
    assert format_number(-65, "nl") == "-65"


def test_values_with_units_and_approximation():
    assert format_value(4.6, PCT, "nl") == "4,6%"
    assert format_value(4.6, PCT, "en") == "4.6%"
    assert format_value(145000, COUNT, "nl", approximate=True) == "ca. 145.000"
    assert format_value(145000, COUNT, "en", approximate=True) == "approx. 145,000"
    assert format_value(19.79, PCT, "nl") == "19,79%"  # exact values are never rounded away


def test_years_are_never_grouped():
    assert format_year(2019) == "2019"
    assert format_year_range(2015, 2024, "nl") == "2015 t/m 2024"
    assert format_year_range(2015, 2024, "en") == "2015-2024"
    assert format_year_range(2022, 2022, "nl") == "2022"


def test_periods():
    assert format_period(Period(2022, 1), "nl") == "1e halfjaar 2022"
    assert format_period(Period(2022, 2), "en") == "H2 2022"
    assert format_period(Period(2022), "en") == "2022"


def test_changes():
    assert format_pct_change(-64.9, "nl") == "-65%"
    assert format_pct_change(38, "en") == "+38%"
    assert format_pct_change(2.34, "nl") == "+2,3%"
    assert format_points(2.3, "nl") == "+2,3 procentpunt"
    assert format_points(2.3, "en") == "+2.3 percentage points"
    obs = Observation("m", Period(2021), 89, False, "published", "s")
    assert format_change(Change(Period(2021), obs, -29.2, -26.0), PCT, "nl") == "-26 procentpunt ten opzichte van 2021"
    assert format_change(Change(Period(2021), obs, -64.9, None), COUNT, "en") == "-65% vs 2021"


def test_dates():
    assert format_date("2023-07-13", "nl") == "13-07-2023"
    assert format_date("2023-07-13", "en") == "13 Jul 2023"
    assert format_date("2022-04", "nl") == "apr 2022"
    assert format_date("2023", "en") == "2023"
    assert format_date("", "nl") == "ongedateerd"


def test_tick_decimals():
    assert tick_decimals(50000) == 0
    assert tick_decimals(0.5) == 1
    assert tick_decimals(0.25) == 1 or tick_decimals(0.25) == 2


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.sampled_from(["nl", "en"]))
def test_number_text_reads_back(value, lang):
    """Whatever we print, a reader (or our own parser) gets the same number back to 2 decimals."""
    text = format_number(value, lang)
    group, dec = (".", ",") if lang == "nl" else (",", ".")
    back = float(text.replace(group, "").replace(dec, "."))
    assert abs(back - round(value, 2)) <= 0.0051 + abs(value) * 1e-12


@given(st.integers(min_value=1990, max_value=2100), st.sampled_from([0, 1, 2]))
def test_period_text_round_trip(year, half):
    p = Period(year, half)
    assert Period.parse(str(p)) == p
    assert str(year) in format_period(p, "nl")


def test_a_moment_is_told_in_local_time():
    import os
    import time

    from meldpunt_gui.text.formatting import format_moment

    if not hasattr(time, "tzset"):  # Windows: the zone cannot be switched inside the process
        return
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Amsterdam"
    time.tzset()
    try:
        assert format_moment("2026-12-03T06:05:59+00:00", "nl") == "03-12-2026 07:05"
        assert format_moment("2026-07-03T06:05:59+00:00", "en") == "3 Jul 2026 08:05"
        assert format_moment("2026-12-03T06:05:59", "nl") == "03-12-2026 06:05"  # no zone: as written
        assert format_moment("gisteren", "nl") == "gisteren"  # written by hand: shown as it is
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


@given(st.text(max_size=40))
def test_any_stored_time_text_is_shown_without_failing(text):
    from meldpunt_gui.text.formatting import format_moment

    assert isinstance(format_moment(text, "nl"), str)


@given(st.datetimes(timezones=st.timezones()))
def test_every_moment_reads_back_to_its_minute(moment):
    from meldpunt_gui.text.formatting import format_moment

    shown = format_moment(moment.isoformat(), "nl")
    assert shown.endswith(f"{moment.astimezone():%H:%M}") or shown.endswith(f"{moment:%H:%M}")


def test_a_half_year_inside_a_dutch_sentence_is_named_in_full():
    from meldpunt_gui.model.domain import Period
    from meldpunt_gui.text.formatting import format_period_in

    assert format_period_in(Period(2021, 1), "nl") == "het 1e halfjaar van 2021"
    assert format_period_in(Period(2021, 1), "en") == "H1 2021"
    assert format_period_in(Period(2021), "nl") == "2021"


def test_a_change_carries_its_sign_a_level_does_not():
    """'INHOPE: records, change according to INHOPE in 2024: 218%' read as a level; a % change
    and a published change in points now say '+', a share or a count does not."""
    from meldpunt_gui.model.domain import Text, Unit
    from meldpunt_gui.text.formatting import format_value

    change = Unit("change_pct", "change", Text("%", "%"), 0)
    points = Unit("change_points", "rate", Text("procentpunt", "points"), 0)
    share = Unit("percent", "percent", Text("%", "%"), 0)
    assert format_value(218, change, "nl") == "+218%"
    assert format_value(-93, change, "nl") == "-93%"
    assert format_value(0, change, "nl") == "0%"
    assert format_value(11, points, "en") == "+11"
    assert format_value(62, share, "nl") == "62%"
    assert format_value(5, change, "nl", approximate=True) == "ca. +5%"
