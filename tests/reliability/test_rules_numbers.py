"""One rule set for numbers and periods: every notation, every path (CSV, XLSX number and text
cells, wide headers) gives the same verdict; digits are 0-9 only; a series' periods fit its kind."""

from __future__ import annotations

import os

from hypothesis import example, given, settings
from hypothesis import strategies as st

from fixtures.make_xlsx import Formula, xlsx_bytes
from fixtures.sample_dataset import small_dataset
from meldpunt_gui.imports.reader import read_import_data
from meldpunt_gui.model.domain import MAX_MAGNITUDE, Dataset, Observation, Period
from meldpunt_gui.text.formatting import format_number

RULES = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "reliability"))
RULES = settings(RULES, max_examples=min(RULES.max_examples, 300))
DS = small_dataset()


def verdict(res) -> tuple[str, float | None]:
    """('ok', value) or ('refused', None) with the error codes joined, for the one value cell."""
    if res.rows:
        assert len(res.rows) == 1
        return "ok", res.rows[0].value
    return ",".join(sorted({p.code for p in res.errors})) or "nothing", None


def notations(value: float, style: str) -> list[str]:
    """The value as people type it: plain, grouped, and in exponent notation."""
    decimal = "," if style == "nl" else "."
    plain = format_number(value, style, group=False, exact=True)
    grouped = format_number(value, style, group=True, exact=True)
    mantissa, _, exp = f"{value:.6e}".partition("e")
    exponent = f"{mantissa.replace('.', decimal)}e{int(exp)}"
    return [plain, grouped, exponent]


def csv_of(period: str, cell: str, style: str) -> bytes:
    return f"metriek;periode;waarde\nremoved_urls;{period};{cell}\n".encode()


magnitudes = st.one_of(st.integers(0, 10**18).map(float),
                       st.builds(lambda m, e: float(f"{m}e{e}"), st.integers(1, 9), st.integers(10, 300)))


@RULES
@given(magnitudes, st.sampled_from(["nl", "en"]))
@example(999_999_999_999_999.0, "nl")  # rounds to the limit itself in exponent notation
def test_a_number_gets_one_verdict_in_every_notation_and_path(value, style):
    if value < MAX_MAGNITUDE:  # exponent notation keeps 7 significant digits only; rounded
        value = float(f"{value:.6e}")  # first, as 999.999.999.999.999 becomes 1e15, the limit
    expected = ("ok", value) if value < MAX_MAGNITUDE else ("too_large", None)
    got = {"xlsx number": verdict(read_import_data(
        xlsx_bytes({"S": [["metric", "period", "value"], ["removed_urls", 2023, value]]}), "a.xlsx", DS,
        number_style=style))}
    for text in notations(value, style):
        if len(text) > 60:  # a 300-digit number typed out is no notation anyone uses
            continue
        got[f"csv {text}"] = verdict(read_import_data(csv_of("2023", text, style), "a.csv", DS,
                                                      number_style=style))
        got[f"xlsx text {text}"] = verdict(read_import_data(
            xlsx_bytes({"S": [["metric", "period", "value"], ["removed_urls", "2023", text]]}), "a.xlsx", DS,
            number_style=style))
    assert {k: v for k, v in got.items() if v != expected} == {}


def test_a_formula_cell_too_large_is_refused_with_its_cell():
    res = read_import_data(xlsx_bytes({"S": [["metric", "period", "value"],
                                             ["removed_urls", 2023, Formula("10^300", 1e300)]]}), "a.xlsx", DS)
    assert [(p.cell, p.code) for p in res.errors] == [("C2", "too_large")] and not res.rows


# every Unicode script's decimal digits that are not 0-9
FOREIGN_ZEROS = [c for c in map(chr, range(0x80, 0x20000)) if c.isdecimal() and int(c) == 0
                 and all(chr(ord(c) + d).isdecimal() and int(chr(ord(c) + d)) == d for d in range(10))]


def in_script(text: str, zero: str) -> str:
    return "".join(chr(ord(zero) + int(ch)) if ch.isdigit() else ch for ch in text)


@RULES
@given(st.sampled_from(FOREIGN_ZEROS), st.integers(1990, 2100), st.integers(0, 10**6),
       st.sampled_from(["period", "value", "both"]), st.sampled_from(["csv", "xlsx", "wide csv"]))
def test_digits_other_than_0_9_are_refused_alike_in_periods_and_values(zero, year, value, where, path):
    period = in_script(str(year), zero) if where in ("period", "both") else str(year)
    cell = in_script(str(value), zero) if where in ("value", "both") else str(value)
    if path == "csv":
        res = read_import_data(csv_of(period, cell, "nl"), "a.csv", DS)
    elif path == "xlsx":
        res = read_import_data(xlsx_bytes({"S": [["metric", "period", "value"], ["removed_urls", period, cell]]}),
                               "a.xlsx", DS)
    else:
        res = read_import_data(f"metric;{period}\nremoved_urls;{cell}\n".encode(), "a.csv", DS)
    assert not res.rows
    digits = [p for p in res.errors if p.code == "digits"]
    assert digits, [p.format("en") for p in res.problems]
    for p in digits:
        assert p.line in (1, 2) and p.column  # the line and the column are named
        assert "0-9" in p.message.nl and "0-9" in p.message.en


def dataset_with(kind: str) -> Dataset:
    """The small dataset plus a series of `kind` ('year', 'h1', 'h2'), as the bundled data holds one."""
    base = small_dataset()
    halves = {"year": [0], "h1": [1], "h2": [2]}[kind]
    obs = [Observation("removed_urls", Period(y, h), 100.0, False, "published", "offlimits-2023")
           for y in (2019, 2020) for h in halves]
    ds = Dataset(base.units, base.categories, base.metrics, base.sources,
                 [o for o in base.observations if o.metric != "removed_urls"] + obs)
    assert ds.period_kind("removed_urls") == kind
    return ds


@RULES
@given(st.sampled_from(["year", "h1", "h2"]), st.integers(1990, 2100), st.sampled_from([0, 1, 2]),
       st.sampled_from(["long csv", "long xlsx", "wide csv"]), st.sampled_from(["{y}-H{h}", "H{h} {y}"]))
def test_a_series_takes_only_periods_of_its_kind(kind, year, half, path, spelling):
    ds = dataset_with(kind)
    period = str(year) if half == 0 else spelling.format(y=year, h=half)
    if path == "long csv":
        res = read_import_data(csv_of(period, "150", "nl"), "a.csv", ds)
    elif path == "long xlsx":
        res = read_import_data(xlsx_bytes({"S": [["metric", "period", "value"], ["removed_urls", period, 150]]}),
                               "a.xlsx", ds)
    else:
        res = read_import_data(f"metric;{period}\nremoved_urls;150\n".encode(), "a.csv", ds)
    fits = {"year": 0, "h1": 1, "h2": 2}[kind] == half
    if fits:
        assert [str(r.period) for r in res.rows] == [str(Period(year, half))] and not res.errors
    else:
        assert not res.rows
        [problem] = res.errors
        assert problem.code == "period_kind" and problem.line == 2 and problem.column
        assert "removed_urls" in problem.message.nl and str(Period(year, half)) in problem.message.en


def test_the_bundled_first_half_series_refuses_a_year_and_h2():
    from meldpunt_gui.data.bundled import load_bundled

    ds = load_bundled()
    assert ds.period_kind("reports_h1") == "h1" and ds.period_kind("reports_total") == "year"
    res = read_import_data(b"metric;period;value\nreports_h1;2023;5\nreports_h1;2023-H2;5\nreports_h1;2024-H1;5\n",
                           "a.csv", ds)
    assert [(p.line, p.code) for p in res.errors] == [(2, "period_kind"), (3, "period_kind")]
    assert [str(r.period) for r in res.rows] == ["2024-H1"]
