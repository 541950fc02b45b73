"""Error values, formulas without a result and values from other workbooks are found in valid
workbooks of other writers too: cells and rows without `r`, a namespace prefix (`<x:c>`, as the
OpenXML SDK writes), single-quoted attributes and character references in a sheet's name. They
were read as "no value, row skipped", and a linked value was taken without its warning."""

from __future__ import annotations

import io
import re
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures.make_xlsx import ErrorCell, Formula, xlsx_bytes, zip_bytes
from fixtures.sample_dataset import small_dataset
from meldpunt_gui.imports.reader import read_import_data

DS = small_dataset()
SHEET = "xl/worksheets/sheet1.xml"
ROWS = [["metriek", "periode", "waarde"],
        ["hotline_reports", 2020, ErrorCell("#DIV/0!")],
        ["hotline_reports", 2021, Formula("SUM(A1:A2)")],
        ["hotline_reports", 2022, Formula("[1]Blad1!A1", 150000)],
        ["hotline_reports", 2023, 420000]]
EXPECTED = [("C2", "excel_error"), ("C3", "formula"), ("C4", "external_link")]


def _parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes({"Blad1": ROWS}, external_link=True))) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _flags(parts: dict[str, bytes]) -> list[tuple[str, str]]:
    res = read_import_data(zip_bytes(parts), "werkmap.xlsx", DS)
    return sorted((p.cell, p.code) for p in res.problems if p.code in ("excel_error", "formula", "external_link"))


def _no_refs(xml: bytes, rows: bool, cells: bool) -> bytes:
    if cells:
        xml = re.sub(rb'(<c\b[^>]*?) r="[A-Z]+\d+"', rb"\1", xml)
    if rows:
        xml = re.sub(rb'(<row\b[^>]*?) r="\d+"', rb"\1", xml)
    return xml


def _prefixed(xml: bytes) -> bytes:
    xml = xml.replace(b"<worksheet xmlns=", b"<x:worksheet xmlns:x=").replace(b"</worksheet>", b"</x:worksheet>")
    return re.sub(rb"<(/?)(sheetData|row|c|v|f|is|t)\b", rb"<\1x:\2", xml)


def _single_quoted(xml: bytes) -> bytes:
    return re.sub(rb'="([^"]*)"', rb"='\1'", xml)


def test_our_own_workbook_is_the_reference():
    assert _flags(_parts()) == EXPECTED


@settings(max_examples=40, deadline=None)
@given(st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_other_writers_forms_of_the_same_sheet_give_the_same_verdicts(rows, cells, prefix, quotes):
    parts = _parts()
    xml = _no_refs(parts[SHEET], rows, cells)
    if prefix:
        xml = _prefixed(xml)
    if quotes:
        xml = _single_quoted(xml)
    parts[SHEET] = xml
    assert _flags(parts) == EXPECTED


def test_a_sheet_found_through_single_quotes_and_a_character_reference():
    parts = _parts()
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b'name="Blad1"', b'name="&#66;lad1"')
    parts["xl/_rels/workbook.xml.rels"] = _single_quoted(parts["xl/_rels/workbook.xml.rels"])
    parts["xl/worksheets/sheet2.xml"] = parts[SHEET]  # two parts: the path must be resolved
    assert _flags(parts) == EXPECTED


def test_a_sheet_whose_part_cannot_be_found_is_said_not_to_be_checked():
    parts = _parts()
    parts["xl/worksheets/sheet2.xml"] = parts[SHEET]
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b'Id="rId1"', b'Id="rIdX"')
    res = read_import_data(zip_bytes(parts), "werkmap.xlsx", DS)
    if res.unusable:  # calamine itself cannot find the sheet then: refused, which is as good
        return
    (p,) = [p for p in res.problems if p.code == "flags_unchecked"]
    assert p.severity == "warning" and "werkmap.xlsx" in p.message.nl and "Blad1" in p.message.en
