"""Text files: encodings decided per line on evidence, control bytes and csv failures named by
line in both languages, and external workbook links warned by cell."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures.make_xlsx import Formula, xlsx_bytes
from fixtures.sample_dataset import small_dataset
from meldpunt_gui.imports.encoding import decode_lines
from meldpunt_gui.imports.reader import read_import_data

RULES = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "reliability"))
RULES = settings(RULES, max_examples=min(RULES.max_examples, 300))
DS = small_dataset()
WORDS = ["café", "coördinatie", "privé", "ruim €5", "naïef", "plain"]  # all in Windows-1252


@RULES
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(["utf-8", "cp1252"])), min_size=1, max_size=12),
       st.sampled_from(["\n", "\r\n"]))
def test_each_line_keeps_its_text_whatever_mix_of_encodings(lines, end):
    header = "metric;period;value;note" + end
    body = [f"hotline_reports;{2000 + i};{i};{word}{end}".encode(enc) for i, (word, enc) in enumerate(lines)]
    res = read_import_data(header.encode() + b"".join(body), "mixed.csv", DS)
    assert [r.note for r in res.rows] == [word for word, _enc in lines]  # never "cafÃ©"
    legacy = [i + 2 for i, (word, enc) in enumerate(lines) if enc == "cp1252" and not word.isascii()]
    utf8 = [i + 2 for i, (word, enc) in enumerate(lines) if enc == "utf-8" and not word.isascii()]
    warned = [p for p in res.warnings if p.code == "mixed_encoding"]
    if legacy and utf8:
        [w] = warned
        assert res.encoding == "utf-8" and w.line == legacy[0]
        assert all(str(n) in w.message.nl and str(n) in w.message.en for n in legacy[:10])
    else:
        assert not warned and res.encoding == ("cp1252" if legacy else "utf-8")


@RULES
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(["utf-8", "cp1252"])), min_size=1, max_size=30),
       st.integers(1, 5))
def test_decoding_in_chunks_gives_the_text_and_lines_of_the_whole(lines, cut):
    """The function the chunked preview calls: line numbers carry over from chunk to chunk."""
    data = [f"{word}\n".encode(enc) for word, enc in lines]
    whole = decode_lines(b"".join(data))
    parts = [decode_lines(b"".join(data[i:i + cut]), i + 1) for i in range(0, len(data), cut)]
    assert "".join(p.text for p in parts) == whole.text == "".join(f"{w}\n" for w, _e in lines)
    assert sum((p.legacy_lines for p in parts), []) == whole.legacy_lines


@RULES
@given(st.integers(0x00, 0x1F).filter(lambda b: b not in (9, 10, 13)) | st.just(0x7F),
       st.integers(2, 6), st.integers(0, 5), st.sampled_from(["utf-8", "cp1252", "utf-8-sig"]))
def test_a_control_byte_is_named_by_line_and_place(byte, line, col, encoding):
    rows = [f"hotline_reports;{2000 + i};{i}" for i in range(6)]
    target = rows[line - 2]
    rows[line - 2] = target[:col] + chr(byte) + target[col:]
    data = ("metric;period;value\n" + "\n".join(rows) + "\n").encode(encoding)
    res = read_import_data(data, "ctl.csv", DS)
    [p] = res.errors
    assert res.unusable and p.code == "binary" and p.line == line
    assert f"regel {line}, teken {col + 1}" in p.message.nl and f"line {line}, character {col + 1}" in p.message.en
    assert f"0x{byte:02X}" in p.message.en


@RULES
@given(st.integers(131_073, 600_000), st.integers(2, 4))
def test_a_giant_cell_is_named_by_line_in_both_languages(size, line):
    rows = [f"hotline_reports;{2000 + i};{i};x" for i in range(4)]
    rows[line - 2] = f'hotline_reports;2010;5;"{"x" * size}"'
    res = read_import_data(("metric;period;value;note\n" + "\n".join(rows) + "\n").encode(), "big.csv", DS)
    [p] = [p for p in res.errors if p.code == "unreadable"]
    assert p.line == line
    assert "131.072 tekens" in p.message.nl and "131,072 characters" in p.message.en
    assert "field limit" not in p.message.nl + p.message.en


@RULES
@given(st.lists(st.booleans(), min_size=1, max_size=6), st.sampled_from([0, 1]))
def test_a_value_cached_from_another_workbook_is_warned_by_cell(external, shared):
    rows: list[list[object]] = [["metric", "period", "value"]]
    for i, ext in enumerate(external):
        value = float(1000 + i)
        formula = f"[1]Blad1!B{i + 1}" if ext else f"SUM({value})"
        rows.append(["hotline_reports", 2000 + i, Formula(formula, value)])
    res = read_import_data(xlsx_bytes({"S": rows}, external_link=True), "ext.xlsx", DS)
    assert [r.value for r in res.rows] == [1000.0 + i for i in range(len(external))]
    cells = [p.cell for p in res.warnings if p.code == "external_link"]
    assert cells == [f"C{i + 2}" for i, ext in enumerate(external) if ext]
    assert all("externe koppeling" in p.message.nl for p in res.warnings if p.code == "external_link")


def test_a_shared_formula_to_another_workbook_is_warned_in_every_cell_it_fills():
    xml_rows = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>hotline_reports</t></is></c><c r="B{r}"><v>{2000 + r}</v></c>'
        + (f'<c r="C{r}"><f t="shared" ref="C2:C4" si="0">[1]Blad1!A1</f><v>5</v></c>' if r == 2
           else f'<c r="C{r}"><f t="shared" si="0"/><v>5</v></c>') + "</row>" for r in (2, 3, 4))
    data = xlsx_bytes({"S": [["metric", "period", "value"]]}, external_link=True)
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b"</row></sheetData>", b"</row>" + xml_rows.encode() + b"</sheetData>")
            z.writestr(info, body)
    res = read_import_data(out.getvalue(), "shared.xlsx", DS)
    assert [p.cell for p in res.warnings if p.code == "external_link"] == ["C2", "C3", "C4"]
