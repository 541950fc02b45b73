"""Bad input, one fixture per case, each with the exact problems it must produce.

The cases of the import issue live in tests/imports/test_importers.py; this file adds the ones of the
reliability issue (line endings, quoting, ragged rows, duplicate headers, odd thousands
separators and minus signs, years with a point, disguised, old, encrypted and booby-trapped
workbooks) and the few import-issue cases that file does not reach (huge files, zips with too
many entries, OpenDocument, an unsupported separator). Every expectation names the line, the
column, the code and the message, in English and Dutch.
"""

from __future__ import annotations

import io
import os
import random
import time
import zipfile

import pytest

from fixtures.make_xlsx import xlsx_bytes, zip_bytes
from fixtures.reliability import make
from fixtures.sample_dataset import small_dataset
from meldpunt_gui.imports.files import MAX_FILE_BYTES
from meldpunt_gui.imports.reader import read_import, read_import_data
from meldpunt_gui.imports.xlsx import MAX_ZIP_ENTRIES
from meldpunt_gui.model.domain import Text
from reliability_support import FIXTURES, IMPORT_FIXTURES


@pytest.fixture(scope="module")
def ds():
    return small_dataset()


def values(res):
    return {(r.metric, str(r.period)): r.value for r in res.rows}


def problems(res):
    return [(p.line, p.column, p.severity, p.code) for p in res.problems]


def test_committed_fixtures_match_their_generator(tmp_path):
    out = tmp_path / "made"
    make.main(out)
    made = sorted(p.name for p in out.iterdir())
    committed = sorted(p.name for p in FIXTURES.iterdir() if p.suffix != ".py" and p.is_file())
    assert made == committed
    for name in made:
        assert (out / name).read_bytes() == (FIXTURES / name).read_bytes(), name


# ----- text files: what is read, and what is reported where

CSV_CASES = {
    "mixed_line_endings.csv": dict(
        rows={("hotline_reports", "2023"): 420000, ("hotline_reports", "2024"): 430000,
              ("removed_urls", "2023"): 170000},
        problems=[(5, "waarde", "error", "not_a_number")],
        message=("'veel' is not a number.", "'veel' is geen getal.")),
    "quoted_separators_newlines.csv": dict(
        rows={("hotline_reports", "2023"): 420000, ("removed_urls", "2023"): 170000},
        problems=[(5, "waarde", "error", "not_a_number")],
        message=("'4,5,6' is not a number.", "'4,5,6' is geen getal.")),
    "ragged_rows.csv": dict(
        rows={("hotline_reports", "2023"): 420000, ("removed_urls", "2023"): 170000},
        problems=[(4, "", "error", "cell_count"), (5, "waarde", "warning", "no_value")],
        message=("The row has 5 cells, the header 4.", "De rij heeft 5 cellen, de kopregel 4.")),
    "duplicate_headers.csv": dict(
        rows={("hotline_reports", "2023"): 420000},
        problems=[(1, "periode", "error", "duplicate_column")],
        message=("Column 'periode' appears twice in the header row.",
                 "Kolom 'periode' staat twee keer in de kopregel.")),
    "duplicate_year_columns.csv": dict(
        rows={("hotline_reports", "2023"): 420000, ("hotline_reports", "2024"): 430000},
        problems=[(1, "2023", "error", "duplicate_column")],
        message=("Column '2023' appears twice in the header row.",
                 "Kolom '2023' staat twee keer in de kopregel.")),
    "space_thousands.csv": dict(
        rows={("hotline_reports", "2023"): 420000, ("hotline_reports", "2024"): 430000,
              ("removed_urls", "2023"): 1234567, ("analyst_fte", "2023"): 1234.5},
        problems=[(6, "waarde", "error", "not_a_number")],
        message=("'12 34' is not a number.", "'12 34' is geen getal.")),
    "unicode_minus.csv": dict(
        rows={("reports_change_pct", "2023"): -12.5, ("reports_change_pct", "2024"): -3},
        problems=[(4, "waarde", "error", "negative")],
        message=("-5 is negative; reports cannot be negative.",
                 "-5 is negatief; meldingen kunnen niet negatief zijn.")),
    "year_with_point.csv": dict(
        rows={("hotline_reports", "2024"): 430000},
        problems=[(2, "periode", "error", "bad_period")],
        message=("Period '2.023' is not a year (1990-2100) or a half-year (such as 2023-H1). "
                 "Did you mean 2023? Write the year without a thousands separator.",
                 "Periode '2.023' is geen jaar (1990-2100) of halfjaar (zoals 2023-H1). "
                 "Bedoeld: 2023? Schrijf het jaar zonder punt of spatie.")),
    "year_with_point_wide.csv": dict(
        rows={},
        problems=[(1, "", "error", "no_header")],
        message=("No header row found. Expected columns such as metric, period, value (long) or "
                 "metric, 2023, 2024 (wide). Column headings such as '2.023' look like years with a "
                 "thousands separator; write 2023.",
                 "Geen kopregel gevonden. Verwacht kolommen als reeks, periode, waarde (lang) of "
                 "reeks, 2023, 2024 (breed). Kolomkoppen als '2.023' lijken jaartallen met een "
                 "punt; schrijf 2023.")),
    "year_with_point_wide_mixed.csv": dict(
        rows={("hotline_reports", "2024"): 430000},
        problems=[(1, "2.023", "error", "bad_period")],
        message=("Column heading '2.023' is not a year. Did you mean 2023? Write the year without a "
                 "thousands separator.",
                 "Kolomkop '2.023' is geen jaar. Bedoeld: 2023? Schrijf het jaar zonder punt of spatie.")),
    "sep_line_lone_cr.csv": dict(
        rows={("hotline_reports", "2023"): 420000},
        problems=[(4, "value", "error", "not_a_number")],
        message=("'veel' is not a number.", "'veel' is geen getal.")),
    "pipe_separated.csv": dict(
        rows={},
        problems=[(1, "", "error", "no_header")],
        message=("No header row found. Expected columns such as metric, period, value (long) or "
                 "metric, 2023, 2024 (wide). The file seems to use '|' as separator; use ';', ',' or tab.",
                 "Geen kopregel gevonden. Verwacht kolommen als reeks, periode, waarde (lang) of "
                 "reeks, 2023, 2024 (breed). Het bestand lijkt '|' als scheidingsteken te gebruiken; "
                 "gebruik ';', ',' of tab.")),
}


@pytest.mark.parametrize("name", sorted(CSV_CASES))
def test_text_file_problems_are_located_and_explained(ds, name):
    case = CSV_CASES[name]
    res = read_import(FIXTURES / name, ds)
    assert res.kind == "csv" and not res.unusable
    assert values(res) == case["rows"]
    assert problems(res) == case["problems"]
    first_error = res.errors[0]  # nothing of such a file can be imported as it stands
    assert (first_error.message.en, first_error.message.nl) == case["message"]


def test_quoted_cells_keep_their_separators_newlines_and_quotes(ds):
    res = read_import(FIXTURES / "quoted_separators_newlines.csv", ds)
    first, second = res.rows
    assert (first.line, first.publisher, first.note) == (2, "Offlimits; Amsterdam", "eerste regel\ntweede regel")
    assert (second.line, second.note) == (4, 'zei "ca." erbij')


def test_every_line_ending_counts_as_one_physical_line(ds):
    res = read_import(FIXTURES / "mixed_line_endings.csv", ds)
    assert [r.line for r in res.rows] == [2, 3, 4]
    assert res.problems[0].format("en") == "mixed_line_endings.csv:5: waarde: 'veel' is not a number."


def test_a_sep_line_is_honoured_whatever_the_line_ending(ds):
    res = read_import(FIXTURES / "sep_line_lone_cr.csv", ds)
    assert res.delimiter == ";" and "above_header" not in res.codes and res.rows[0].line == 3


def test_a_wide_table_without_any_value_says_so(ds):
    assert unusable(read_import(FIXTURES / "no_values_wide.csv", ds)) == (
        "no_values", "no_values_wide.csv contains no figures: every value cell is empty.",
        "no_values_wide.csv bevat geen cijfers: alle waardecellen zijn leeg.")


def test_a_year_with_a_point_reads_once_written_plainly(ds):
    data = (FIXTURES / "year_with_point.csv").read_bytes().replace(b"2.023", b"2023")
    res = read_import_data(data, "fixed.csv", ds)
    assert not res.has_errors and values(res)[("hotline_reports", "2023")] == 420000


@pytest.mark.parametrize("number", ["inf", "-inf", "NaN", "1e400"])
def test_non_finite_numbers_in_workbook_cells_are_reported_not_crashed_on(ds, number):
    """A workbook cell may hold inf or NaN; as a period or a heading it once ended in an internal error."""
    data = xlsx_bytes({"S": [["metric", "period", "value", 2030], ["hotline_reports", 2023, 420000, 1]]})
    zf = zipfile.ZipFile(io.BytesIO(data))
    parts = {n: zf.read(n) for n in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = sheet.replace("<v>2030</v>", f"<v>{number}</v>").replace(
        "<v>2023</v>", f"<v>{number}</v>").encode()
    res = read_import_data(zip_bytes(parts), "n.xlsx", ds)
    shown = {"inf": "inf", "-inf": "-inf", "NaN": "nan", "1e400": "inf"}[number]
    assert [(p.cell or p.line, p.code, p.message.en) for p in res.problems] == [
        (1, "unused_column", f"Column '{shown}' is not used."),
        ("B2", "bad_period", f"Period '{shown}' is not a year (1990-2100) or a half-year (such as 2023-H1).")]


def test_a_year_with_a_point_in_a_workbook_number_cell(ds):
    data = xlsx_bytes({"S": [["metric", "period", "value"], ["hotline_reports", 2.023, 420000]]})
    res = read_import_data(data, "y.xlsx", ds)
    p = res.errors[0]
    assert (p.cell, p.code) == ("B2", "bad_period") and "Did you mean 2023?" in p.message.en


# ----- files that are not what their name says, or that must be refused whole

def unusable(res):
    assert res.unusable and not res.rows and len(res.problems) == 1
    p = res.problems[0]
    return p.code, p.message.en, p.message.nl


def test_an_xlsx_that_is_really_a_csv_is_read_as_csv_with_a_warning(ds):
    res = read_import(IMPORT_FIXTURES / "text_named.xlsx", ds)
    assert res.kind == "csv" and not res.has_errors and res.rows
    assert [(p.line, p.severity, p.code, p.message.en, p.message.nl) for p in res.problems] == [
        (None, "warning", "named_xlsx", "text_named.xlsx is named .xlsx but is text; read as CSV.",
         "text_named.xlsx heet .xlsx maar is tekst; gelezen als CSV.")]


def test_an_old_xls_is_refused_with_what_to_do(ds):
    assert unusable(read_import(IMPORT_FIXTURES / "old.xls", ds)) == (
        "xls",
        "old.xls is an old Excel file (.xls) or a password-protected workbook; save it as .xlsx "
        "without a password or as CSV.",
        "old.xls is een oud Excel-bestand (.xls) of een werkmap met wachtwoord; sla het op als .xlsx "
        "zonder wachtwoord of als CSV.")


def test_an_encrypted_workbook_is_refused_as_password_protected(ds):
    data = (FIXTURES / "encrypted.xlsx").read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0") and "EncryptedPackage".encode("utf-16-le") in data
    assert unusable(read_import(FIXTURES / "encrypted.xlsx", ds)) == (
        "encrypted",
        "encrypted.xlsx is protected with a password and cannot be read; save it from Excel without "
        "a password (.xlsx) or as CSV.",
        "encrypted.xlsx is met een wachtwoord beveiligd en kan niet gelezen worden; sla het in Excel "
        "op zonder wachtwoord (.xlsx) of als CSV.")


@pytest.mark.parametrize("name", ["entity_bomb_shared_strings.xlsx", "entity_bomb_sheet.xlsx",
                                  "entity_bomb_utf16.xlsx"])
def test_an_xml_entity_bomb_is_refused_quickly(ds, name):
    start = time.perf_counter()
    res = read_import(FIXTURES / name, ds)
    elapsed = time.perf_counter() - start
    assert unusable(res) == (
        "xml_entities",
        f"{name} contains XML definitions (DOCTYPE/ENTITY) that Excel never writes and was refused "
        "as a precaution; open it in Excel and save it again as .xlsx.",
        f"{name} bevat XML-definities (DOCTYPE/ENTITY) die Excel nooit schrijft en is uit voorzorg "
        "geweigerd; open het in Excel en sla het opnieuw op als .xlsx.")
    assert elapsed < 2.0  # a billion laughs expanded would take minutes and gigabytes


def test_a_dtd_in_a_large_part_is_found_across_read_chunks(ds):
    """The check reads big parts in 1 MB pieces; a declaration split by a piece boundary counts."""
    data = xlsx_bytes({"S": [["metric", "period", "value"], ["hotline_reports", 2023, 420000]]})
    zf = zipfile.ZipFile(io.BytesIO(data))
    parts = {n: zf.read(n) for n in zf.namelist()}
    filler = random.Random(7).randbytes((1 << 20) // 2).hex().encode()  # compresses like real XML
    head = b"<!--" + filler[: (1 << 20) - 4 - 7] + b"-->"  # "<!DOCTYPE" straddles the 1 MB mark
    assert len(head) == (1 << 20) - 4
    parts["xl/styles.xml"] = head + b'<!DOCTYPE s [<!ENTITY a "b">]><styleSheet/>'
    res = read_import_data(zip_bytes(parts), "split.xlsx", ds)
    assert res.codes == {"xml_entities"}


def test_the_workbook_without_the_bomb_reads(ds):
    """The bomb fixtures differ from a good workbook only by the DTD: the refusal is about that."""
    data = xlsx_bytes({"Blad1": [["metriek", "periode", "waarde"], ["hotline_reports", 2024, 430000]]})
    res = read_import_data(data, "good.xlsx", ds)
    assert not res.has_errors and values(res) == {("hotline_reports", "2024"): 430000}


def test_a_file_over_the_size_limit_is_refused_without_reading_it(ds, tmp_path):
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as fh:  # sparse: takes no disk space
        fh.truncate(MAX_FILE_BYTES + 1)
    start = time.perf_counter()
    res = read_import(huge, ds)
    assert time.perf_counter() - start < 1.0
    assert unusable(res) == ("too_big", "huge.csv is larger than 256 MB.", "huge.csv is groter dan 256 MB.")


def test_a_zip_with_too_many_entries_is_refused(ds):
    data = xlsx_bytes({"S": [["metric", "period", "value"], ["hotline_reports", 2023, 1]]})
    zf = zipfile.ZipFile(io.BytesIO(data))
    parts = {n: zf.read(n) for n in zf.namelist()}
    parts.update({f"xl/media/image{i}.png": b"" for i in range(MAX_ZIP_ENTRIES)})
    assert unusable(read_import_data(zip_bytes(parts), "many.xlsx", ds)) == (
        "zip_bomb", "many.xlsx unpacks to an unreasonably large workbook and was refused.",
        "many.xlsx pakt uit tot een onredelijk grote werkmap en is geweigerd.")


def test_an_opendocument_spreadsheet_says_what_to_do(ds):
    data = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                      "content.xml": "<office:document-content/>"})
    res = read_import_data(data, "cijfers.ods", ds)
    assert res.kind == "ods" and unusable(res) == (
        "ods", "cijfers.ods is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV.",
        "cijfers.ods is een OpenDocument-rekenblad (.ods); sla het op als .xlsx of CSV.")


def test_a_zip_named_csv_that_is_no_workbook_gets_one_consistent_message(ds):
    """Not first 'is an Excel workbook' and then 'is not an Excel workbook'."""
    data = zip_bytes({"readme.txt": "just a zip"})
    assert unusable(read_import_data(data, "cijfers.csv", ds)) == (
        "not_workbook", "cijfers.csv is a zip file but not an Excel workbook.",
        "cijfers.csv is een zip-bestand maar geen Excel-werkmap.")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_not_read_forever(ds, tmp_path):
    """A pipe reports size 0 and, with nobody writing, blocks a plain open() for ever: it is
    refused at once, naming it (a pipe that is fed: tests/reliability/test_data_folder.py)."""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    res = read_import(fifo, ds)
    assert res.unusable and values(res) == {}
    assert [p.message for p in res.problems] == [Text(
        "pipe.csv is een named pipe, geen gewoon bestand, en is niet gelezen.",
        "pipe.csv is a named pipe, not a regular file, and was not read.")]
