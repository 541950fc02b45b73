"""Data export: CSV and XLSX read back to the same values, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import math
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from meldpunt_gui.exports.data_export import (
    ExportRow,
    export_data,
    export_rows,
    neutralise,
    plain_number,
    to_csv_bytes,
    to_xlsx_bytes,
)
from meldpunt_gui.files import safewrite
from meldpunt_gui.files.safewrite import SaveError
from meldpunt_gui.model.domain import Category, Dataset, Metric, Observation, Period, Source, Text, Unit

HEADER_NL = ["reeks_id", "reeks", "periode", "waarde", "eenheid", "bij_benadering",
             "status", "getoond_of_alternatief", "bron_uitgever", "bron_datum", "bron_adres",
             "toelichting"]
HEADER_EN = ["metric_id", "metric", "period", "value", "unit", "approximate", "status",
             "shown_or_alternative", "source_publisher", "source_date", "source_url", "note"]
INJECTIONS = ['=HYPERLINK("http://x")', "+1", "-cmd", "@SUM(A1)", "\tx", "\rx"]
URL1 = "https://offlimits.nl/nieuws/trend-dalende-cijfers-meldpunt-kinderporno-zet-door"


def make_dataset(notes: dict[tuple[str, str], Text] | None = None) -> Dataset:
    notes = notes or {}

    def obs(metric: str, period: str, value: float, source: str, approx: bool = False,
            status: str = "published") -> Observation:
        return Observation(metric, Period.parse(period), value, approx, status, source,
                           notes.get((metric, period), Text("", "")))

    return Dataset(
        units={
            "reports": Unit("reports", "count", Text("meldingen", "reports")),
            "pct": Unit("pct", "percent", Text("procent", "percent"), 1),
            "chg": Unit("chg", "change", Text("verandering (%)", "change (%)"), 1),
        },
        categories={"hotline": Category("hotline", Text("Meldpunt", "Hotline"), 1)},
        metrics={
            "reports": Metric("reports", "hotline", "reports", Text("Meldingen", "Reports"),
                              Text("Alle meldingen; dubbele niet geteld.",
                                   "All reports; duplicates not counted."),
                              note=Text("Breuk in reeks in 2021.", "Break in series in 2021.")),
            "share": Metric("share", "hotline", "pct", Text("Aandeel NL", "Share NL"),
                            Text("Aandeel gehost in Nederland.", "Share hosted in NL.")),
            "halfyear": Metric("halfyear", "hotline", "reports", Text("Per half jaar", "Per half"),
                               Text("Meldingen per halfjaar.", "Reports per half-year.")),
            "change": Metric("change", "hotline", "chg", Text("Verandering", "Change"),
                             Text("Verandering t.o.v. vorig jaar.", "Change on last year.")),
            "empty": Metric("empty", "hotline", "reports", Text("Zonder data", "No data"),
                            Text("=geen cijfers", "=no figures")),
        },
        sources={
            "offlimits": Source("offlimits", "Offlimits", "Trend dalende cijfers", URL1,
                                "2023-07-13", primary=True),
            "press": Source("press", "=Krant", "Artikel", "https://example.nl/a", "2023-08"),
        },
        observations=[
            obs("reports", "2021", 145000.0, "offlimits"),
            obs("reports", "2021", 150000.0, "press", approx=True, status="secondary"),
            obs("reports", "2022", 120000.0, "offlimits"),
            obs("share", "2021", 12.25, "offlimits"),
            obs("share", "2022", 4.6, "offlimits"),
            obs("halfyear", "2022-H1", 50.0, "offlimits", status="partial"),
            obs("change", "2022", -5.0, "offlimits"),
        ],
    )


@pytest.fixture
def ds() -> Dataset:
    return make_dataset({
        ("reports", "2022"): Text("Daling door één hoster.", "Fall due to one host."),
        ("reports", "2021"): Text('=HYPERLINK("http://x")', ""),
    })


YEARS = [Period(2021), Period(2022)]
ALL = ["reports", "share", "halfyear", "change"]


def read_csv(data: bytes, lang: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if lang == "nl" else ","))


def read_xlsx(data: bytes) -> dict[str, list[list]]:
    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}


# ----- rows


def test_rows_follow_selection_shown_first(ds: Dataset) -> None:
    rows = export_rows(ds, ["share", "reports"], [Period(2022), Period(2021)], "nl")
    assert [(r.metric_id, r.period, r.value, r.shown) for r in rows] == [
        ("share", "2022", 4.6, True), ("share", "2021", 12.25, True),
        ("reports", "2022", 120000.0, True),
        ("reports", "2021", 145000.0, True), ("reports", "2021", 150000.0, False),
    ]
    alt = rows[-1]
    assert alt == ExportRow("reports", "Meldingen", "2021", 150000.0, "meldingen", True,
                            "secundaire bron", False, "=Krant", "2023-08",
                            "https://example.nl/a", '=HYPERLINK("http://x")', "press")


def test_rows_in_english_and_note_fallback(ds: Dataset) -> None:
    rows = export_rows(ds, ["reports"], ["2021", "2022", "2021"], "en")
    assert [r.period for r in rows] == ["2021", "2021", "2022"]
    first = rows[0]
    assert (first.metric_label, first.unit, first.status) == ("Reports", "reports", "published")
    assert (first.source_publisher, first.source_date, first.source_url) == (
        "Offlimits", "2023-07-13", URL1)
    assert first.note == '=HYPERLINK("http://x")'  # only given in Dutch: kept, not lost
    assert rows[2].note == "Fall due to one host."


def test_rows_half_years_and_gaps(ds: Dataset) -> None:
    periods = [Period(2022, 1), Period(2022, 2), Period(2023)]
    rows = export_rows(ds, ["halfyear", "empty", "reports"], periods, "nl")
    assert [(r.metric_id, r.period, r.status) for r in rows] == [
        ("halfyear", "2022-H1", "deel van het jaar")]
    assert export_rows(ds, ["reports"], [], "nl") == []


def test_unknown_metric_is_an_error(ds: Dataset) -> None:
    with pytest.raises(ValueError, match="nope"):
        export_rows(ds, ["reports", "nope"], YEARS, "nl")


# ----- numbers


@pytest.mark.parametrize("value, nl, en", [
    (145000.0, "145000", "145000"), (4.6, "4,6", "4.6"), (-5.0, "-5", "-5"),
    (12.25, "12,25", "12.25"), (0.00001, "0,00001", "0.00001"), (1e16, "10000000000000000",
                                                                  "10000000000000000"),
    (-0.0, "0", "0"), (1234567.5, "1234567,5", "1234567.5"), (float("nan"), "", ""),
])
def test_plain_number(value: float, nl: str, en: str) -> None:
    assert (plain_number(value, "nl"), plain_number(value, "en")) == (nl, en)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_plain_number_round_trips(value: float) -> None:
    en = plain_number(value, "en")
    assert float(en) == value
    assert float(plain_number(value, "nl").replace(",", ".")) == value
    assert "e" not in en.lower() and not en.endswith(".0")


# ----- CSV


def test_csv_dutch(ds: Dataset) -> None:
    data = to_csv_bytes(export_rows(ds, ALL, YEARS, "nl"), "nl")
    assert data.startswith(b"\xef\xbb\xbf" + b";".join(h.encode() for h in HEADER_NL) + b"\r\n")
    table = read_csv(data, "nl")
    assert table[0] == HEADER_NL
    by_key = {(r[0], r[1 + 1], r[7]): r for r in table[1:]}
    assert by_key[("share", "2022", "getoond")][3] == "4,6"
    assert by_key[("share", "2021", "getoond")][3] == "12,25"
    assert by_key[("reports", "2021", "getoond")][3] == "145000"
    alt = by_key[("reports", "2021", "alternatief")]
    assert alt[3] == "150000" and alt[5] == "ja" and alt[6] == "secundaire bron"
    assert by_key[("reports", "2021", "getoond")][5] == "nee"
    assert by_key[("change", "2022", "getoond")][3] == "-5"
    values = [float(r[3].replace(",", ".")) for r in table[1:]]
    assert values == [r.value for r in export_rows(ds, ALL, YEARS, "nl")]
    assert b"145.000" not in data and b"145000.0" not in data and b"4.6" not in data


def test_csv_english(ds: Dataset) -> None:
    rows = export_rows(ds, ALL, YEARS, "en")
    data = to_csv_bytes(rows, "en")
    assert data.startswith(b"\xef\xbb\xbf" + ",".join(HEADER_EN).encode() + b"\r\n")
    table = read_csv(data, "en")
    assert table[0] == HEADER_EN
    assert [float(r[3]) for r in table[1:]] == [r.value for r in rows]
    assert {r[5] for r in table[1:]} == {"yes", "no"}
    assert {r[7] for r in table[1:]} == {"shown", "alternative"}
    assert "4.6" in [r[3] for r in table[1:]]
    assert all(len(r) == 12 for r in table)


def test_csv_neutralises_formulas_but_not_numbers(ds: Dataset) -> None:
    data = to_csv_bytes(export_rows(ds, ["reports", "change"], YEARS, "nl"), "nl")
    table = read_csv(data, "nl")
    assert table[1][11] == '\'=HYPERLINK("http://x")'
    assert table[2][8] == "'=Krant"  # a publisher name is text from a file too
    change = [r for r in table if r[0] == "change"][0]
    assert change[3] == "-5"
    assert b";-5;" in data  # unquoted, a number for the spreadsheet


@pytest.mark.parametrize("note", INJECTIONS + ["-5", "=1+1", "@"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_injection_cases_csv_and_xlsx(note: str, lang: str) -> None:
    ds = make_dataset({("change", "2022"): Text(note, note)})
    rows = export_rows(ds, ["change"], [Period(2022)], lang)
    csv_row = read_csv(to_csv_bytes(rows, lang), lang)[1]
    assert csv_row[11] == "'" + note
    assert csv_row[3] == "-5"
    data_sheet = next(iter(read_xlsx(to_xlsx_bytes(rows, ds, ["change"], lang)).values()))
    assert data_sheet[1][11] == "'" + note
    assert data_sheet[1][3] == -5.0 and isinstance(data_sheet[1][3], float)


@pytest.mark.parametrize("text", ["", "a=b", " =1", "'quoted", "ok", "5", "€"])
def test_harmless_text_is_left_alone(text: str) -> None:
    assert neutralise(text) == text


@settings(max_examples=200)
@given(note=st.text(), lang=st.sampled_from(["nl", "en"]))
def test_any_note_survives_csv_round_trip(note: str, lang: str) -> None:
    ds = make_dataset({("share", "2022"): Text(note, note)})
    rows = export_rows(ds, ["share"], [Period(2022)], lang)
    table = read_csv(to_csv_bytes(rows, lang), lang)
    assert len(table) == 2
    assert table[1][11] == neutralise(note)
    assert float(table[1][3].replace(",", ".")) == 4.6


_XML_SAFE = st.text(st.characters(blacklist_categories=("Cs",),
                                  blacklist_characters="\ufffe\uffff"))


@settings(max_examples=100, deadline=None)
@given(note=_XML_SAFE)
def test_any_note_survives_xlsx_round_trip(note: str) -> None:
    ds = make_dataset({("share", "2022"): Text(note, note)})
    rows = export_rows(ds, ["share"], [Period(2022)], "en")
    sheet = read_xlsx(to_xlsx_bytes(rows, ds, ["share"], "en"))["Data"]
    assert sheet[1][11] == neutralise(note)


# ----- XLSX


@pytest.mark.parametrize("lang, names, header", [
    ("nl", ["Gegevens", "Bronnen", "Definities", "Over deze export"], HEADER_NL),
    ("en", ["Data", "Sources", "Definitions", "About this export"], HEADER_EN),
])
def test_xlsx_round_trip(ds: Dataset, lang: str, names: list[str], header: list[str]) -> None:
    rows = export_rows(ds, ALL, YEARS, lang)
    book = read_xlsx(to_xlsx_bytes(rows, ds, ALL + ["empty"], lang))
    assert list(book) == names
    data, sources, definitions, _about = (book[n] for n in names)
    assert data[0] == header
    assert len(data) == len(rows) + 1
    for row, cells in zip(rows, data[1:]):
        assert isinstance(cells[3], float) and cells[3] == row.value
        assert cells[0] == row.metric_id and cells[2] == row.period
        assert cells[10] == row.source_url
    assert data[1 + [r.value for r in rows].index(-5.0)][3] == -5.0

    assert sources[0] == (["uitgever", "titel", "datum", "adres"] if lang == "nl"
                          else ["publisher", "title", "date", "url"])
    assert sources[1:] == [["Offlimits", "Trend dalende cijfers", "2023-07-13", URL1],
                           ["'=Krant", "Artikel", "2023-08", "https://example.nl/a"]]

    assert [d[0] for d in definitions[1:]] == ALL + ["empty"]
    reports = definitions[1]
    if lang == "nl":
        assert reports[1:] == ["Meldingen", "meldingen", "Meldpunt",
                               "Alle meldingen; dubbele niet geteld.", "Breuk in reeks in 2021."]
        assert definitions[-1][4] == "'=geen cijfers"
    else:
        assert reports[4] == "All reports; duplicates not counted."


def test_xlsx_only_sources_of_exported_values(ds: Dataset) -> None:
    rows = export_rows(ds, ["share"], YEARS, "en")
    book = read_xlsx(to_xlsx_bytes(rows, ds, ["share"], "en"))
    assert [s[0] for s in book["Sources"][1:]] == ["Offlimits"]
    assert len(book["Definitions"]) == 2


def test_xlsx_empty_selection_still_opens(ds: Dataset) -> None:
    book = read_xlsx(to_xlsx_bytes([], ds, [], "nl"))
    assert book["Gegevens"] == [HEADER_NL]


def test_xlsx_package_is_well_formed_and_deterministic(ds: Dataset) -> None:
    import xml.dom.minidom

    rows = export_rows(ds, ALL, YEARS, "nl")
    data = to_xlsx_bytes(rows, ds, ALL, "nl")
    assert data == to_xlsx_bytes(rows, ds, ALL, "nl")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        assert names[0] == "[Content_Types].xml"
        assert {"xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml",
                "xl/worksheets/sheet3.xml"} <= set(names)
        for name in names:
            xml.dom.minidom.parseString(zf.read(name))  # every part is well-formed XML
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
        assert "<f>" not in sheet  # never a formula


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_xlsx_opens_in_libreoffice(ds: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    export_data(path, "xlsx", ds, ALL, YEARS, "en")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "csv", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    table = list(csv.reader((tmp_path / "export.csv").read_text("utf-8").splitlines()))
    assert table[0] == HEADER_EN
    assert "-5" in [r[3] for r in table]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_dutch_csv_reads_as_numbers_in_dutch_locale(ds: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    export_data(path, "csv", ds, ALL, YEARS, "nl")
    # Import as Excel would in a Dutch locale: ';' separated, '"' quoted, UTF-8, nl-NL (1043).
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--infilter=CSV:59,34,76,1,,1043", "--convert-to", "ods", "--outdir",
                    str(tmp_path / "ods"), str(path)],
                   check=True, capture_output=True, timeout=120)
    with zipfile.ZipFile(tmp_path / "ods" / "export.ods") as zf:
        content = zf.read("content.xml").decode()
    for value in ("145000", "12.25", "4.6", "-5"):
        assert f'office:value-type="float" office:value="{value}"' in content
    assert "&apos;=HYPERLINK" in content


# ----- writing


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "CSV", ".xlsx"])
def test_export_data_writes_file(ds: Dataset, tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / f"out.{fmt.strip('.').lower()}"
    assert export_data(path, fmt, ds, ALL, YEARS, "nl") == 6
    raw = path.read_bytes()
    if fmt.strip(".").lower() == "csv":
        assert len(read_csv(raw, "nl")) == 7
    else:
        assert len(read_xlsx(raw)["Gegevens"]) == 7
    assert [p.name for p in folder.iterdir()] == [path.name]


def test_export_data_unknown_format(ds: Dataset, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="pdf"):
        export_data(tmp_path / "x.pdf", "pdf", ds, ALL, YEARS, "nl")
    assert not (tmp_path / "x.pdf").exists()


def test_export_data_failure_keeps_old_file(ds: Dataset, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "out.csv"
    path.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safewrite.os, "replace", locked)
    monkeypatch.setattr(safewrite, "_sleep", lambda s: None)
    with pytest.raises(SaveError) as info:
        export_data(path, "csv", ds, ALL, YEARS, "nl")
    assert info.value.reason == "locked"
    assert path.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["out.csv"]


# ----- the module stays Qt-free


def test_no_qt_imported() -> None:
    code = ("import sys, meldpunt_gui.exports.data_export, meldpunt_gui.files.safewrite,"
            " meldpunt_gui.exports.workbook;"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')];"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stdout + result.stderr


# ----- the bundled dataset


def test_bundled_dataset_exports(tmp_path: Path) -> None:
    bundled = pytest.importorskip("meldpunt_gui.data.bundled")
    if not hasattr(bundled, "load_bundled"):
        pytest.skip("bundled.load_bundled not there yet")
    ds = bundled.load_bundled()
    metric_ids = list(ds.metrics)
    first, last = ds.year_span()
    periods = [Period(y, h) for y in range(first, last + 1) for h in (0, 1, 2)]
    expected = sum(len(ds.values_at(m, p)) for m in metric_ids for p in periods)
    assert expected > 0
    for lang in ("nl", "en"):
        rows = export_rows(ds, metric_ids, periods, lang)
        assert len(rows) == expected
        assert all(r.source_publisher and r.source_url for r in rows), "every number has a source"
        table = read_csv(to_csv_bytes(rows, lang), lang)
        back = [float(r[3].replace(",", ".")) for r in table[1:]]
        assert back == [r.value for r in rows]
        book = read_xlsx(to_xlsx_bytes(rows, ds, metric_ids, lang))
        data = next(iter(book.values()))
        assert [c[3] for c in data[1:]] == [r.value for r in rows]
        assert not any(math.isnan(r.value) for r in rows)
    path = tmp_path / "alles.xlsx"
    assert export_data(path, "xlsx", ds, metric_ids, periods, "nl") == expected
    assert os.path.getsize(path) > 0


def test_a_text_longer_than_an_excel_cell_refuses_the_workbook_and_names_the_cell(tmp_path):
    """XlsxWriter would cut a 40.000-character note to 32.767 characters; the export says so
    and writes nothing instead, and the CSV keeps all of it."""
    long_note = "x" * 40000
    ds = make_dataset({("reports", "2021"): Text(long_note, long_note)})
    path = tmp_path / "lang.xlsx"
    with pytest.raises(SaveError) as err:
        export_data(path, "xlsx", ds, ALL, YEARS, "nl")
    assert "rij 2" in err.value.text.nl and "40000 tekens" in err.value.text.nl
    assert not path.exists()
    export_data(tmp_path / "lang.csv", "csv", ds, ALL, YEARS, "nl")
    assert long_note in (tmp_path / "lang.csv").read_text(encoding="utf-8-sig")


def test_workbook_has_a_frozen_bold_header_and_a_title(ds):
    rows = export_rows(ds, ALL, YEARS, "en")
    with zipfile.ZipFile(io.BytesIO(to_xlsx_bytes(rows, ds, ALL, "en"))) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
        core = zf.read("docProps/core.xml").decode()
        styles = zf.read("xl/styles.xml").decode()
    assert 'state="frozen"' in sheet and 'ySplit="1"' in sheet
    assert "<b/>" in styles
    assert "Meldpunt viewer: data with sources" in core


def test_workbook_says_up_to_when_the_data_go(ds):
    ds.data_date = "2025-05-14"
    rows = export_rows(ds, ALL, YEARS, "nl")
    about = read_xlsx(to_xlsx_bytes(rows, ds, ALL, "nl"))["Over deze export"]
    assert about[1] == ["Gegevens tot en met", "14-05-2025"]
    assert about[2] == ["De bron van elke waarde", "Bronnen"]
