"""Reading import files: one fixture per format and per bad case, plus properties on any bytes."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fixtures.make_xlsx import ErrorCell, Formula, xlsx_bytes, zip_bytes
from fixtures.sample_dataset import small_dataset
from meldpunt_gui.imports.numbers import parse_number
from meldpunt_gui.imports.reader import read_import, read_import_data
from meldpunt_gui.model.domain import Period, Text
from meldpunt_gui.text.formatting import format_number

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture(scope="module")
def ds():
    return small_dataset()


def read(name, ds, **kw):
    return read_import(FIX / name, ds, **kw)


def values(res):
    return {(r.metric, str(r.period)): r.value for r in res.rows}


def codes(res, severity=None):
    return [p.code for p in res.problems if severity is None or p.severity == severity]


def assert_bilingual(res):
    for p in res.problems:
        assert p.message.nl and p.message.en and p.file == res.file


# ----- files that read well

def test_long_dutch_semicolon(ds):
    res = read("long_nl_semicolon.csv", ds)
    assert (res.kind, res.encoding, res.delimiter, res.number_style, res.layout) == ("csv", "utf-8", ";", "nl", "long")
    assert values(res) == {("hotline_reports", "2023"): 420000, ("removed_urls", "2023"): 1234567,
                           ("nl_share_pct", "2023"): 55.5, ("analyst_fte", "2023"): 5.5}
    rows = {r.metric: r for r in res.rows}
    assert rows["removed_urls"].approximate and not rows["hotline_reports"].approximate
    assert rows["hotline_reports"].publisher == "Offlimits"
    assert rows["hotline_reports"].url == "https://offlimits.nl/jaarcijfers-2023"
    assert rows["removed_urls"].note == "geschat" and rows["removed_urls"].line == 3
    assert not res.has_errors and res.problems == []


def test_long_english_comma_with_quoted_thousands(ds):
    res = read("long_en_comma.csv", ds)
    assert (res.delimiter, res.number_style, res.number_style_source) == (",", "en", "detected")
    assert values(res)[("removed_urls", "2023")] == 1234567  # English label, any case
    assert values(res)[("nl_share_pct", "2023")] == 55.5
    assert res.rows[0].note == "annual figures, rounded"


def test_spaces_beside_the_separator_keep_cells_quoted(ds):
    # a hand-typed or exported file with `"reeks" ; "periode"`: the quotes still quote
    data = (b'"reeks" ; "periode" ; "waarde" ; "opmerking"\n'
            b'"hotline_reports" ; "2023" ; "420.000" ; "eerste; voorlopig"\n')
    res = read_import_data(data, "spaces.csv", ds)
    assert res.layout == "long" and not res.has_errors
    assert values(res) == {("hotline_reports", "2023"): 420000}
    assert res.rows[0].note == "eerste; voorlopig"


def test_wide_tab_with_half_year_column(ds):
    res = read("wide_tab.csv", ds)
    assert (res.delimiter, res.layout) == ("\t", "wide")
    # nl_share_pct is a year series: its half-year column is refused, named by line and column
    wrong = [(p.line, p.column, p.code) for p in res.errors]
    assert wrong == [(3, "2024-H1", "period_kind")] and ("nl_share_pct", "2024-H1") not in values(res)
    assert ("hotline_reports", "2024-H1") not in values(res)  # an empty cell is no value
    status = {(r.metric, str(r.period)): r.status for r in res.rows}
    assert status[("hotline_reports", "2022")] == "unchanged" and status[("hotline_reports", "2023")] == "new"


def test_utf16_with_bom_tab_separated_excel_unicode_text(ds):
    res = read("wide_utf16_tab.txt", ds)
    assert (res.encoding, res.delimiter, res.layout) == ("utf-16", "\t", "wide")
    assert values(res)[("hotline_reports", "2024")] == 430000  # Dutch label
    assert values(res)[("nl_share_pct", "2023")] == 41.5


def test_utf8_bom_wide_with_title_row_and_empty_corner(ds):
    res = read("wide_bom_semicolon.csv", ds)
    assert res.encoding == "utf-8-sig" and res.layout == "wide"
    assert values(res)[("removed_urls", "2024")] == 1100000  # typographic apostrophe in the label
    assert [r for r in res.rows if str(r.period) == "2024" and r.metric == "hotline_reports"][0].approximate
    assert codes(res) == ["above_header"]


def test_sep_line(ds):
    res = read("sep_line.csv", ds)
    assert res.delimiter == ";" and values(res) == {("hotline_reports", "2023"): 420000}
    assert res.rows[0].line == 3


def test_cp1252(ds):
    res = read("cp1252.csv", ds)
    assert res.encoding == "cp1252"
    assert res.rows[0].note == "geschat door één analist – voorlopig"


def test_qualifiers(ds):
    res = read("qualifiers.csv", ds)
    assert not res.has_errors
    assert all(r.approximate for r in res.rows) and len(res.rows) == 9
    assert values(res)[("hotline_reports", "2018")] == 200000


def test_half_years_from_a_half_column_or_h1_text(ds):
    res = read("half_years.csv", ds)
    assert [str(r.period) for r in res.rows] == ["2023-H1", "2023-H2", "2024-H1"]


def test_unknown_metric_with_unit_becomes_a_user_metric(ds):
    res = read("user_metric.csv", ds)
    assert not res.has_errors
    assert res.new_metrics == {"chatmeldingen"}
    m = res.metrics["chatmeldingen"]
    assert m.user and m.unit == "reports" and m.category == "user" and m.label.nl == "Chatmeldingen"
    assert {r.metric for r in res.rows} == {"chatmeldingen"}


def test_unit_that_contradicts_the_metric_is_an_error(ds):
    res = read_import_data(b"metriek;periode;waarde;eenheid\nhotline_reports;2023;5;procent\n", "u.csv", ds)
    assert "unit_mismatch" in codes(res) and not res.rows


def test_a_new_metric_brings_its_own_unit_with_labels_in_both_languages(ds):
    """Staff add series the viewer does not know, such as the ATKM's removal orders ('bevelen'):
    the new unit is accepted, not refused, and its axis label is the one the file gives."""
    res = read("new_unit.csv", ds)
    assert not res.has_errors, [p.format("en") for p in res.problems]
    assert res.new_metrics == {"verwijderbevelen_atkm"}
    metric = res.metrics["verwijderbevelen_atkm"]
    assert metric.unit == "bevelen" and "bevelen" not in ds.units
    unit = res.units["bevelen"]
    assert (unit.kind, unit.label.nl, unit.label.en, unit.decimals) == ("count", "verwijderbevelen",
                                                                        "removal orders", 0)
    assert [(str(r.period), r.value) for r in res.rows] == [("2024", 3), ("2025", 5)]


def test_a_new_unit_without_labels_is_labelled_as_typed(ds):
    res = read_import_data(b"metriek;periode;waarde;eenheid\nnieuw;2023;5;appels\n", "u.csv", ds)
    assert not res.has_errors
    assert res.units["appels"].label == ("appels", "appels") and res.metrics["nieuw"].unit == "appels"


def test_a_new_unit_is_a_count(ds):
    res = read_import_data(b"metriek;periode;waarde;eenheid\nnieuw;2023;-5;bevelen\n", "u.csv", ds)
    assert "negative" in codes(res)


def test_an_unknown_unit_for_a_known_metric_is_not_a_new_unit(ds):
    res = read_import_data(b"metriek;periode;waarde;eenheid\nhotline_reports;2023;5;bevelen\n", "u.csv", ds)
    assert "unit_unknown" in codes(res) and not res.units


def test_label_matching_ignores_case_spaces_and_punctuation(ds):
    data = "metric;period;value\nREPORTS TO THE HOTLINE;2023;1\nverwijderde  urls;2023;2\nNl_Share_Pct;2023;3\n"
    res = read_import_data(data.encode(), "l.csv", ds)
    assert {r.metric for r in res.rows} == {"hotline_reports", "removed_urls", "nl_share_pct"}


def test_export_round_trip_keeps_values_and_skips_alternatives(ds):
    res = read("export_roundtrip.csv", ds)
    assert not res.has_errors and codes(res) == ["alternatives"]
    assert [r.status for r in res.rows] == ["unchanged", "unchanged"]
    assert res.rows[0].published == "2023-07-13"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_exporter_output_imports_to_the_same_values(ds, lang):
    from meldpunt_gui.exports import data_export as exporters

    rows = exporters.export_rows(ds, list(ds.metrics), [Period(2017), Period(2021), Period(2022),
                                                         Period(2022, 1)], lang)
    res = read_import_data(exporters.to_csv_bytes(rows, lang), f"export-{lang}.csv", ds)
    assert not res.has_errors, [p.format("en") for p in res.problems]
    shown = {(r.metric_id, r.period): r.value for r in rows if r.shown}
    assert {(r.metric, str(r.period)): r.value for r in res.rows} == shown
    assert {r.status for r in res.rows} == {"unchanged"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_exported_workbook_imports_to_the_same_values(ds, lang):
    from meldpunt_gui.exports import data_export as exporters

    periods = [Period(2017), Period(2021), Period(2022), Period(2022, 1)]
    rows = exporters.export_rows(ds, list(ds.metrics), periods, lang)
    data = exporters.to_xlsx_bytes(rows, ds, list(ds.metrics), lang)
    res = read_import_data(data, f"export-{lang}.xlsx", ds)
    assert not res.has_errors, [p.format("en") for p in res.problems]
    assert {(r.metric, str(r.period)): r.value for r in res.rows} == \
        {(r.metric_id, r.period): r.value for r in rows if r.shown}


def test_text_in_files_stays_text(ds):
    res = read("formulas.csv", ds)
    note = [r for r in res.rows if r.metric == "removed_urls"][0].note
    assert note == '=HYPERLINK("http://evil.example","klik")'
    assert "formula" in codes(res, "error")


# ----- files with problems

@pytest.mark.parametrize("name, code", [
    ("empty.csv", "empty"), ("whitespace_only.csv", "empty"), ("binary.csv", "binary"),
    ("old.xls", "xls"), ("bad_encoding.csv", "encoding"), ("header_only.csv", "header_only"),
    ("bomb.xlsx", "zip_bomb"), ("lying_sizes.xlsx", "bad_zip"), ("not_a_workbook.xlsx", "not_workbook"),
    ("does_not_exist.csv", "missing"),
])
def test_unusable_files_say_so_in_one_sentence(ds, name, code):
    res = read(name, ds)
    assert res.unusable and res.has_errors and not res.rows
    assert codes(res) == [code]
    assert name in res.problems[0].message.nl and name in res.problems[0].message.en


def test_a_folder_is_unusable(ds, tmp_path):
    res = read_import(tmp_path, ds)
    assert res.unusable and codes(res) == ["unreadable"]


@pytest.mark.parametrize("name, expected", [
    ("bad_period.csv", ["bad_period"] * 5),
    ("negative_count.csv", ["negative", "negative"]),
    ("percent_over_100.csv", ["percent_range", "percent_range"]),
    ("excel_errors.csv", ["excel_error"] * 4),
    ("not_numbers.csv", ["not_a_number", "too_large", "not_a_number"]),
    ("wide_wrong_cells.csv", ["cell_count", "cell_count"]),
    ("unknown_metric.csv", ["unknown_metric", "unknown_metric"]),
    ("ambiguous_style.csv", ["number_style_ambiguous"]),
    ("mixed_style.csv", ["number_style_mixed"]),
    ("comma_decimal_unquoted.csv", ["cell_count"]),
    ("no_header.csv", ["no_header"]),
    ("one_column.csv", ["no_header"]),
])
def test_errors_are_listed_with_line_and_column(ds, name, expected):
    res = read(name, ds)
    assert codes(res, "error") == expected
    assert not res.unusable
    assert_bilingual(res)
    assert all(p.line for p in res.problems if p.code not in ("number_style_mixed",))


def test_negative_change_is_allowed(ds):
    res = read("negative_count.csv", ds)
    assert values(res) == {("reports_change_pct", "2023"): -12.5}


def test_bad_period_message_names_the_range(ds):
    p = read("bad_period.csv", ds).problems[0]
    assert (p.line, p.column) == (2, "periode") and "1990-2100" in p.message.en and "2023-H1" in p.message.nl


def test_unknown_metric_suggests_and_counts(ds):
    res = read("unknown_metric.csv", ds)
    first, second = res.problems
    assert "(2 rows)" in first.message.en and "(2 rijen)" in first.message.nl
    assert "hotline_reports" in second.message.en


def test_duplicates_same_value_warns_different_value_errors(ds):
    res = read("duplicates.csv", ds)
    assert codes(res) == ["repeated", "conflict"]
    conflict = res.problems[1]
    assert conflict.line == 5 and "line 4" in conflict.message.en and "regel 4" in conflict.message.nl
    assert values(res) == {("hotline_reports", "2023"): 420000, ("hotline_reports", "2024"): 430000}


def test_comma_decimal_in_comma_file_gets_a_hint(ds):
    p = read("comma_decimal_unquoted.csv", ds).problems[0]
    assert "decimal comma" in p.message.en and "decimale komma" in p.message.nl


def test_ambiguous_style_asks_and_a_chosen_style_reads_it(ds):
    res = read("ambiguous_style.csv", ds)
    assert res.needs == {"number_style"} and not res.rows
    assert values(read("ambiguous_style.csv", ds, number_style="en"))[("analyst_fte", "2023")] == 5.5
    assert values(read("ambiguous_style.csv", ds, number_style="nl"))[("analyst_fte", "2023")] == 5500


def test_dutch_headers_settle_an_ambiguous_style_with_a_warning(ds):
    res = read("ambiguous_dutch_headers.csv", ds)
    assert res.number_style_source == "header" and codes(res) == ["number_style_from_header"]
    assert values(res)[("analyst_fte", "2023")] == 5500


def test_counts_are_whole_so_thousands_points_are_not_decimals(ds):
    res = read_import_data(b"metric;period;value\nhotline_reports;2023;413.262\n", "c.csv", ds)
    assert res.number_style == "nl" and values(res)[("hotline_reports", "2023")] == 413262


def test_minority_style_values_are_errors(ds):
    data = b"metriek;periode;waarde\nnl_share_pct;2023;55,5\nnl_share_pct;2024;56,5\nnl_share_pct;2025;57.5\n"
    res = read_import_data(data, "m.csv", ds)
    assert res.number_style == "nl" and codes(res, "error") == ["wrong_style"]
    assert res.problems[0].line == 4


def test_changed_values_warn_and_keep_the_old_value(ds):
    res = read_import_data(b"metriek;periode;waarde\nhotline_reports;2022;420.000\n", "c.csv", ds)
    row = res.rows[0]
    assert (row.status, row.old_value, row.old_approximate) == ("changed", 413262, False)
    assert codes(res) == ["replaces"] and "413.262 -> 420.000" in res.problems[0].message.nl


def test_approximate_difference_alone_is_a_change(ds):
    res = read_import_data(b"metriek;periode;waarde\nhotline_reports;2022;ca. 413.262\n", "c.csv", ds)
    assert res.rows[0].status == "changed"


def test_jump_against_the_comparable_period_warns(ds):
    data = b"metriek;periode;waarde\nhotline_reports;2023;5.000.000\nhotline_reports;2023-H1;10.000\n"
    res = read_import_data(data, "j.csv", ds)
    jumps = [p for p in res.problems if p.code == "jump"]
    assert len(jumps) == 2 and not res.has_errors
    assert "2022" in jumps[0].message.en and "2022-H1" in jumps[1].message.en


def test_jump_against_an_earlier_row_of_the_same_file(ds):
    data = b"metric;period;value\nremoved_urls;2024;5\nremoved_urls;2023;170000\n"
    res = read_import_data(data, "j.csv", ds)
    assert [p.line for p in res.problems if p.code == "jump"] == [2]


def test_problems_on_one_line_keep_their_order(ds):
    # the per-row check (fraction) comes before the jump; the replacement before the jump
    data = "metriek;periode;waarde\nremoved_urls;2023;1.600.000,5\nhotline_reports;2022;5.000.000\n"
    res = read_import_data(data.encode(), "o.csv", ds)
    assert [(p.line, p.code) for p in res.problems] == [
        (2, "fraction"), (2, "jump"), (3, "replaces"), (3, "jump")]


def test_a_refused_row_does_not_claim_its_period(ds):
    data = b"metriek;periode;waarde\nhotline_reports;2023;-5\nhotline_reports;2023;420.000\n"
    res = read_import_data(data, "r.csv", ds)
    assert codes(res) == ["negative"] and values(res) == {("hotline_reports", "2023"): 420000}


@pytest.mark.parametrize("style, expected, refused", [
    ("en", {"2022": 1234.5, "2023": 1.234, "2024": 7}, [2]),
    ("nl", {"2021": 1234.5, "2023": 1234, "2024": 7}, [3]),
    (None, {"2024": 7}, []),  # one Dutch-only, one English-only value: the file must say
])
def test_the_style_settles_values_read_one_way_the_other_way_or_both(ds, style, expected, refused):
    data = (b"metric;period;value\nanalyst_fte;2021;1.234,5\nanalyst_fte;2022;1,234.5\n"
            b"analyst_fte;2023;1.234\nanalyst_fte;2024;7\n")
    res = read_import_data(data, "s.csv", ds, number_style=style)
    assert {period: v for (_m, period), v in values(res).items()} == expected
    assert [p.line for p in res.problems if p.code == "wrong_style"] == refused
    assert (res.needs == {"number_style"}) == (style is None)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10 ** 9), st.integers(0, 3), st.booleans()), min_size=1, max_size=40))
def test_a_dutch_file_reads_every_value_as_parse_number_does(ds, cells):
    texts = [format_number(n / 10 ** d, "nl", group=g, exact=True) for n, d, g in cells]
    data = "metriek;periode;waarde\n" + "".join(f"analyst_fte;{1990 + i};{t}\n" for i, t in enumerate(texts))
    res = read_import_data(data.encode(), "d.csv", ds, number_style="nl")
    assert not res.has_errors
    assert [r.value for r in res.rows] == [parse_number(t, "nl").value for t in texts]


def test_choosing_delimiter_and_encoding(ds):
    res = read("long_nl_semicolon.csv", ds, delimiter=",")
    assert res.delimiter == "," and "no_header" in codes(res)
    res = read("cp1252.csv", ds, encoding="utf-8")
    assert res.unusable and codes(res) == ["encoding"]
    res = read("cp1252.csv", ds, encoding="windows-1252")
    assert res.rows and res.encoding == "cp1252"
    res = read("cp1252.csv", ds, encoding="latin-1")  # C1 control characters: not text
    assert res.unusable and codes(res) == ["binary"]


def test_delimiter_tie_is_reported(ds):
    data = b"metric,period;value,x\nhotline_reports,2023;5,1\n"
    res = read_import_data(data, "t.csv", ds)
    assert "delimiter" not in res.needs or "delimiter_ambiguous" in codes(res)


def test_bad_url_and_date_are_warned_and_dropped(ds):
    data = b"metric;period;value;url;date\nhotline_reports;2023;1;javascript:alert(1);31-02-2023\n"
    res = read_import_data(data, "u.csv", ds)
    assert {"bad_url", "bad_date"} <= set(codes(res, "warning"))
    assert res.rows[0].url == "" and res.rows[0].published == ""


def test_dutch_dates_are_normalised(ds):
    data = b"metric;period;value;brondatum\nhotline_reports;2023;1;13-07-2023\n"
    assert read_import_data(data, "d.csv", ds).rows[0].published == "2023-07-13"


def test_problem_format(ds):
    p = read("negative_count.csv", ds).problems[0]
    assert p.format("en").startswith("negative_count.csv:2: waarde: -5 is negative")
    w = read("duplicates.csv", ds).problems[0]
    assert w.format("nl").startswith("duplicates.csv:3: waarde: waarschuwing: ")


def test_a_giant_cell_stops_reading_at_its_line(ds):
    data = b'metric;period;value\nhotline_reports;2023;5\nhotline_reports;2024;"' + b"x" * 200_000 + b'"\n'
    res = read_import_data(data, "g.csv", ds)
    assert [(p.line, p.code) for p in res.errors] == [(3, "unreadable")] and len(res.rows) == 1


def test_an_unclosed_quote_swallows_lines_but_is_reported_as_text(ds):
    data = b'metric;period;value\nhotline_reports;2023;"5\nhotline_reports;2024;6\n'
    p = read_import_data(data, "q.csv", ds).problems[0]
    assert p.code == "not_a_number" and "\n" not in p.message.en


def test_line_numbers_count_physical_lines_with_multiline_cells(ds):
    data = b'metric;period;value;note\r\nhotline_reports;2023;5;"two\r\nlines"\r\nhotline_reports;2024;veel;\r\n'
    res = read_import_data(data, "m.csv", ds)
    assert res.rows[0].note.split() == ["two", "lines"] and [p.line for p in res.errors] == [4]


def test_progress_is_reported_and_can_cancel(ds):
    data = ("metriek;periode;waarde\n" + "".join(f"hotline_reports;{1990 + i % 100};{i}\n"
                                                  for i in range(40000))).encode()
    seen: list[float] = []
    res = read_import_data(data, "p.csv", ds, progress=lambda f: seen.append(f))
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 3 and not res.unusable
    res = read_import_data(data, "p.csv", ds, progress=lambda f: f < 0.3)
    assert res.unusable and res.codes == {"cancelled"} and not res.rows


def test_many_problems_are_capped_but_counted(ds):
    data = "metriek;periode;waarde\n" + "".join(f"hotline_reports;{1990 + i % 100};veel\n" for i in range(6000))
    res = read_import_data(data.encode(), "many.csv", ds)
    assert res.error_count == 6000 and res.omitted == 1000 and res.problems[-1].code == "omitted"


# ----- workbooks

def test_xlsx_long(ds):
    res = read("long.xlsx", ds)
    assert (res.kind, res.sheets, res.sheet, res.layout) == ("xlsx", ["Cijfers"], "Cijfers", "long")
    assert values(res) == {("hotline_reports", "2023"): 420000, ("removed_urls", "2023"): 1234567,
                           ("nl_share_pct", "2023"): 41.5}
    assert res.rows[1].cell == "C3" and res.rows[1].approximate
    assert res.rows[2].note.startswith("=HYPERLINK")


def test_xlsx_wide_first_sheet_and_chosen_sheet(ds):
    res = read("wide.xlsx", ds)
    assert res.sheets == ["Blad1", "Toelichting"] and res.sheet == "Blad1" and res.layout == "wide"
    assert values(res)[("hotline_reports", "2024")] == 420000
    assert [(p.cell, p.code) for p in res.errors] == [("D5", "period_kind")]  # a year series' H1
    other = read("wide.xlsx", ds, sheet="Toelichting")
    assert values(other) == {("analyst_fte", "2024"): 5.5}
    missing = read("wide.xlsx", ds, sheet="Nope")
    assert missing.unusable and codes(missing) == ["no_sheet"] and "Toelichting" in missing.problems[0].message.en


def test_xlsx_error_cells_formulas_and_booleans(ds):
    res = read("cells.xlsx", ds)
    by_cell = {p.cell: p.code for p in res.problems}
    assert by_cell == {"C2": "excel_error", "C3": "formula", "C5": "not_a_number", "C6": "excel_error"}
    assert "#DIV/0!" in res.problems[0].message.en
    assert values(res) == {("removed_urls", "2023"): 170000}  # a formula with its stored result


def test_xlsx_offset_table(ds):
    res = read("offset.xlsx", ds)
    assert values(res) == {("hotline_reports", "2023"): 420000} and res.rows[0].cell == "D4"


def test_xlsx_percent_formatted_cells_are_warned(ds, tmp_path):
    data = xlsx_bytes({"S": [["metric", "period", "value"], ["nl_share_pct", 2030, 0.415]]})
    res = read_import_data(data, "p.xlsx", ds)
    assert codes(res) == ["percent_fraction"]


def test_csv_named_xlsx_and_workbook_named_csv(ds):
    res = read("text_named.xlsx", ds)
    assert res.kind == "csv" and codes(res) == ["named_xlsx"] and res.rows
    res = read_import_data((FIX / "long.xlsx").read_bytes(), "mailed.csv", ds)
    assert res.kind == "xlsx" and "named_csv" in codes(res) and len(res.rows) == 3


def test_huge_sparse_sheet_is_refused(ds):
    sheet = [["metric", "period", "value"]] + [[]] * 3
    data = bytearray(xlsx_bytes({"S": sheet}))
    # move a cell to XFD1048576 so the dense range would be 17 billion cells
    zf = zipfile.ZipFile(io.BytesIO(bytes(data)))
    parts = {n: zf.read(n) for n in zf.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
    res = read_import_data(zip_bytes(parts), "sparse.xlsx", ds)
    assert res.unusable and codes(res) == ["sheet_too_big"]


def _sheet_parts(rows: list[list[object]]) -> dict[str, bytes]:
    zf = zipfile.ZipFile(io.BytesIO(xlsx_bytes({"S": rows})))
    return {n: zf.read(n) for n in zf.namelist()}


def test_a_far_cell_is_bounded_without_row_numbers_and_wherever_the_sheet_is_stored(ds):
    """calamine allocates the sheet's whole box: one cell at XFD1048576 in a row without a
    number, or in a sheet stored outside xl/worksheets/, had it ask for 512 GB and abort the
    process (the window with it) on a 1.6 KB file."""
    parts = _sheet_parts([["metric", "period", "value"]])
    sheet = parts["xl/worksheets/sheet1.xml"]
    unnumbered = re.sub(rb'<row r="\d+"', b"<row", sheet).replace(
        b"</sheetData>", b'<row><c r="XFD1048576"><v>1</v></c></row></sheetData>')
    res = read_import_data(zip_bytes({**parts, "xl/worksheets/sheet1.xml": unnumbered}), "far.xlsx", ds)
    assert res.unusable and codes(res) == ["sheet_too_big"]
    moved = {n: v for n, v in parts.items() if n != "xl/worksheets/sheet1.xml"}
    moved["xl/sheets/s1.xml"] = sheet.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
    moved["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"worksheets/sheet1.xml", b"sheets/s1.xml")
    res = read_import_data(zip_bytes(moved), "elsewhere.xlsx", ds)
    assert res.unusable and codes(res) == ["sheet_too_big"]
    # four thousand unnumbered rows across the full width: 65 million cells
    rows = b"".join(b"<row/>" for _ in range(4000))
    wide = sheet.replace(b"</sheetData>", rows + b'<row><c r="XFD4002"><v>1</v></c></row></sheetData>')
    res = read_import_data(zip_bytes({**parts, "xl/worksheets/sheet1.xml": wide}), "wide.xlsx", ds)
    assert res.unusable and codes(res) == ["sheet_too_big"]


def test_shared_strings_named_by_many_cells_are_bounded(ds):
    """Every cell that names a shared string gets its own copy: 2.000 cells naming one string
    of a million characters took 4 GB. The text such a sheet would hold is bounded."""
    from meldpunt_gui.imports.xlsx import MAX_SHEET_TEXT

    parts = _sheet_parts([["metric", "period", "value"]])
    import random
    import string

    long = "".join(random.Random(1).choices(string.ascii_letters, k=2 ** 20))  # does not pack small
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>' + long.encode() + b"</t></si></sst>")
    cells = b"".join(b'<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (r, r) for r in range(2, 70))
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", cells + b"</sheetData>")
    assert 68 * len(long) > MAX_SHEET_TEXT
    res = read_import_data(zip_bytes(parts), "shared.xlsx", ds)
    assert res.unusable and codes(res) == ["sheet_too_big"]


def test_committed_workbook_fixtures_match_their_generator(tmp_path):
    from fixtures import make_xlsx

    out = tmp_path / "made"
    make_xlsx.main(out)
    for made in out.iterdir():
        assert made.read_bytes() == (FIX / made.name).read_bytes(), made.name


# ----- properties: whatever the bytes, an answer

# deadline: a file of a few kB must never take seconds, whatever its bytes
FUZZ = settings(max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt", ".xls"]))
def test_any_bytes_give_a_result_or_problems(ds, tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes(data)
    res = read_import(path, ds)
    assert "internal" not in codes(res)
    assert res.rows or res.problems
    assert_bilingual(res)


cell_text = st.sampled_from(["hotline_reports", "nl_share_pct", "Removed URLs", "2023", "2024-H1", "1990",
                             "413.262", "55,5", "ca. 1.000", "-5", "120%", "#N/B", "=SUM(A1)", "", " ",
                             '"', '"a;b"', "metriek", "waarde", "periode", "eenheid", "meldingen", "x",
                             "1,234.5", "\u00a0", "é", "sep=;", "ja", "2101"])


@FUZZ
@given(rows=st.lists(st.lists(cell_text, max_size=6), max_size=12), sep=st.sampled_from([";", ",", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_table_like_text_gives_a_result_or_problems(ds, rows, sep, encoding):
    text = "\r\n".join(sep.join(r) for r in rows)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    res = read_import_data(data, "t.csv", ds)
    assert "internal" not in codes(res)
    assert_bilingual(res)
    for r in res.rows:
        assert r.status in ("new", "changed", "unchanged") and r.value == r.value


@pytest.fixture(scope="module")
def workbook():
    return xlsx_bytes({"S": [["metric", "period", "value", "ca"], ["hotline_reports", 2023, 5, True],
                             ["nl_share_pct", "2023", "41,5", None], ["x", 2023, ErrorCell("#N/A"), None],
                             ["hotline_reports", 2021, Formula("A1"), None]]})


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(0, 10 ** 6), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_workbooks_give_a_result_or_problems(ds, workbook, flips):
    data = bytearray(workbook)
    for pos, byte in flips:
        data[pos % len(data)] = byte
    res = read_import_data(bytes(data), "w.xlsx", ds)
    assert "internal" not in codes(res)
    assert res.rows or res.problems


# ----- the bundled data

@pytest.fixture(scope="module")
def bundled_ds():
    bundled = pytest.importorskip("meldpunt_gui.data.bundled")
    try:
        return bundled.load_bundled()
    except Exception as exc:  # the bundled data is still being written
        pytest.skip(f"bundled data not loadable yet: {exc}")


def test_bundled_figures_import_unchanged(bundled_ds):
    """Every shown bundled value, typed back in Dutch notation, passes every check and changes nothing."""
    from meldpunt_gui.text.formatting import format_number

    lines = ["metriek;periode;waarde;ca"]
    for mid in bundled_ds.metrics:
        for period in bundled_ds.periods_with_data(mid):
            shown = bundled_ds.shown(mid, period)
            lines.append(f"{mid};{period};{format_number(shown.value, 'nl', group=False, exact=True)};"
                         f"{'ja' if shown.approximate else 'nee'}")
    res = read_import_data("\n".join(lines).encode(), "bundled.csv", bundled_ds, number_style="nl")
    assert not res.has_errors, [p.format("en") for p in res.errors[:5]]
    assert {r.status for r in res.rows} == {"unchanged"} and len(res.rows) == len(lines) - 1


def test_a_new_year_over_the_bundled_data(bundled_ds, tmp_path):
    from meldpunt_gui.data.store import UserStore

    mid = next(m for m in bundled_ds.metrics if bundled_ds.unit_of(m).kind == "count")
    last = max(bundled_ds.periods_with_data(mid, "year"))
    data = f"metric;period;value\n{mid};{last.year + 1};{int(bundled_ds.shown(mid, last).value)}\n"
    res = read_import_data(data.encode(), "next.csv", bundled_ds)
    assert not res.has_errors and res.rows[0].status == "new"
    with UserStore.open(tmp_path) as store:
        rec = store.apply(res)
        over = store.overlay(bundled_ds)
        assert over.shown(mid, Period(last.year + 1)).user
        store.undo(rec.id)
        assert store.overlay(bundled_ds).shown(mid, Period(last.year + 1)) is None


@pytest.mark.parametrize("name, data", [
    ("long.csv", b"reeks;eenheid;periode;waarde\nhotline_reports;;2020;1.234\nonbekend;;2021;5\n"
                 b"eigen reeks;meldingen;2022;12,5\n"),
    ("wide.csv", b"reeks;2020;2021\nhotline_reports;1.234;x\nnl_share_pct;55,5;12.345\n"),
    ("long.xlsx", xlsx_bytes({"Blad1": [["reeks", "periode", "waarde"], ["hotline_reports", 2020, 1234],
                                        ["hotline_reports", 2021, "1.234"], ["onbekend", 2022, 5]]})),
])
def test_reading_leaves_no_reference_cycles(ds, name, data):
    """What a reading leaves behind is freed at once, also in the window, whose collector runs
    only between events (a million rows' builder would otherwise stay until then)."""
    import gc

    read_import_data(data, name, ds)  # first: caches of the modules it uses fill up
    gc.collect()
    gc.disable()
    try:
        read_import_data(data, name, ds)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_thousands_of_warnings_never_hide_the_error_that_blocks_the_import():
    """A header with 5.000 columns too many gave 5.000 warnings; the one error (or why the file
    was unusable) came after them and was only counted, so the file was refused without a reason."""
    from meldpunt_gui.imports.model import MAX_LISTED_PROBLEMS, ImportResult

    res = ImportResult(file="f.csv")
    for i in range(MAX_LISTED_PROBLEMS + 10):
        res.warning(1, f"k{i}", Text("kolom wordt niet gebruikt", "column not used"), "unused_column")
    res.error(2, "waarde", Text("geen getal", "not a number"), "not_a_number")
    res.fail(Text("f.csv is onleesbaar vanaf regel 3.", "f.csv is unreadable from line 3."), "unreadable", 3)
    assert [p.code for p in res.errors] == ["not_a_number", "unreadable"]
    assert res.omitted == 10 and res.unusable
    note = res.omitted_note()
    assert note is not None and note.nl == "... en nog 10 problemen die niet afzonderlijk getoond worden."
    one = ImportResult(file="g.csv", omitted=1).omitted_note()
    assert one is not None and one.nl == "... en nog 1 probleem dat niet afzonderlijk getoond wordt."


@pytest.mark.parametrize("encoding", ["rot13", "hex", "zlib", "base64", "punycode", "bogus"])
def test_a_codec_that_is_no_character_set_is_named_not_an_internal_error(ds, encoding):
    """--encoding rot13 (or hex, zlib) is a Python codec but no character set, and punycode
    fails without saying where: each ended the read in 'interne fout: TypeError'."""
    res = read_import_data(b"metriek;periode;waarde\nreports_total;2025;1\n", "x.csv", ds, encoding=encoding)
    assert res.unusable
    assert all("interne fout" not in p.message.nl for p in res.problems), res.problems
    assert codes(res) in (["encoding"], ["strict_decode"]) or res.problems[0].message.nl.startswith(
        "x.csv is niet te lezen als"), codes(res)


def test_a_long_source_text_is_kept_in_part_and_the_import_says_so(ds):
    """A 5.000-character source name was cut to 2.000 without a word; now a warning names the
    line and column, and the start is kept."""
    from meldpunt_gui.imports.rows import MAX_KEPT_TEXT

    data = ("metriek;periode;waarde;bron\nhotline_reports;2025;120.000;" + "x" * 5000 + "\n").encode()
    res = read_import_data(data, "lang.csv", ds)
    assert not res.has_errors
    [warning] = res.warnings
    assert (warning.line, warning.column, warning.code) == (2, "bron", "text_cut")
    assert warning.message.nl == "De tekst in kolom bron is 5.000 tekens lang; de eerste 2.000 worden bewaard."
    assert res.rows[0].publisher == "x" * MAX_KEPT_TEXT


def test_a_series_name_loses_direction_overrides_and_control_characters_with_a_warning(ds):
    """A U+202E in a series' name turned the years after it in the title backwards; an ESC
    from a workbook reached the terminal through list-metrics. CSV and XLSX take the same rule."""
    csv = "reeks;periode;waarde;eenheid\nRLO\u202e reeks;2021;100;meldingen\n".encode()
    res = read_import_data(csv, "bidi.csv", ds)
    [(mid, metric)] = res.metrics.items()
    assert metric.label.nl == "RLO reeks" and not res.has_errors
    [warn] = [p for p in res.problems if p.code == "control_chars"]
    assert warn.line == 2 and "onzichtbare stuur- of richtingstekens weggelaten" in warn.message.nl
    book = xlsx_bytes({"Blad1": [["reeks", "periode", "waarde", "eenheid"],
                                 ["Mijn_x0007_reeks", "2025", 5, "st_x001B_k"]]})
    res = read_import_data(book, "c.xlsx", ds)
    [metric] = res.metrics.values()
    [unit] = res.units.values()
    assert metric.label.nl == "Mijnreeks" and unit.label.nl == "stk"
    assert sorted(p.cell for p in res.problems if p.code == "control_chars") == ["A2", "D2"]


def test_a_workbook_number_too_small_to_be_a_figure_is_refused(ds):
    """1e-320 was taken as a value and quoted back in a warning with over 300 digits."""
    for tiny in (1e-320, -5e-12):
        book = xlsx_bytes({"Blad1": [["metriek", "periode", "waarde"], ["hotline_reports", "2023", tiny]]})
        res = read_import_data(book, "t.xlsx", ds)
        [err] = res.errors
        assert err.code == "too_small" and err.cell == "C2" and len(err.message.nl) < 200
    zero = read_import_data(xlsx_bytes({"Blad1": [["metriek", "periode", "waarde"], ["hotline_reports", "2023", 0.0]]}),
                            "t.xlsx", ds)
    assert not zero.has_errors


@FUZZ
@given(rows=st.lists(st.lists(cell_text, min_size=1, max_size=6), min_size=1, max_size=12),
       sep=st.sampled_from([";", ",", "\t"]), order=st.sampled_from(["utf-16-le", "utf-16-be"]),
       chosen=st.sampled_from([None, "utf-16"]))
def test_utf16_without_a_bom_reads_as_its_utf8_twin(ds, rows, sep, order, chosen):
    """Some exporters (Java and .NET tools, SQL Server's bcp) write UTF-16 without a BOM: the file
    was "geen tekstbestand" (a NUL at every second byte), and choosing UTF-16 read it as garbage
    from byte 1. It reads as the same text in UTF-8 does, found or chosen."""
    text = "\r\n".join(sep.join(r) for r in rows)
    assume(text.strip() and all(ord(ch) < 0x100 and ch != "\x00" for ch in text))
    twin = read_import_data(text.encode("utf-8"), "t.csv", ds)
    assume(not twin.unusable)
    res = read_import_data(text.encode(order), "t.csv", ds, encoding=chosen)
    assert res.encoding == order
    assert [(r.metric, str(r.period), r.value) for r in res.rows] == \
        [(r.metric, str(r.period), r.value) for r in twin.rows]
    assert [(p.line, p.code) for p in res.errors] == [(p.line, p.code) for p in twin.errors]


def test_utf16_without_a_bom_is_named_so(ds):
    data = "reeks;periode;waarde\nhotline_reports;2026;5\n".encode("utf-16-be")
    res = read_import_data(data, "bcp.csv", ds)
    assert res.encoding == "utf-16-be" and values(res)[("hotline_reports", "2026")] == 5
    from meldpunt_gui.imports.encoding import encoding_label
    assert encoding_label(res.encoding, "nl") == "UTF-16 (zonder BOM)"


def test_xlsx_long_names_the_cell_of_a_period_of_the_wrong_kind(ds):
    """A half-year for a year series in a long table was named at the value's cell (C3), with
    the field 'periode': the reader looked for it in the wrong column."""
    data = xlsx_bytes({"S": [["reeks", "periode", "waarde"], ["hotline_reports", "2023", 5],
                             ["nl_share_pct", "2024-H1", 40]]})
    res = read_import_data(data, "pers.xlsx", ds)
    assert [(p.cell, p.column, p.code) for p in res.errors] == [("B3", "periode", "period_kind")]


@pytest.mark.parametrize("heading", ["2101", "1989", "2024-H3", "H3 2024", "0000"])
def test_a_wide_period_column_outside_the_rules_is_an_error_naming_it(ds, heading):
    """Its figures were dropped with only 'column not used'; the long layout refuses the same
    period as an error, in these words."""
    res = read_import_data(f"reeks;2023;{heading}\nhotline_reports;130.000;140.000\n".encode(), "breed.csv", ds)
    (p,) = res.errors
    assert (p.line, p.column, p.code) == (1, heading, "bad_period")
    assert p.message.nl == f"Periode '{heading}' is geen jaar (1990-2100) of halfjaar (zoals 2023-H1)."
    assert p.message.en == f"Period '{heading}' is not a year (1990-2100) or a half-year (such as 2023-H1)."
    assert "unused_column" not in codes(res)


def test_a_wide_file_keeps_other_unused_columns_as_a_warning(ds):
    res = read_import_data(b"reeks;2023;opmerking intern\nhotline_reports;130.000;x\n", "breed.csv", ds)
    assert codes(res) == ["unused_column"] and not res.has_errors
