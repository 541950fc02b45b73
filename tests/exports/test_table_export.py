"""'Tabel exporteren' writes the table as shown: read back, it holds the same cells."""

import csv
import io
import re
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meldpunt_gui.exports.table_export import export_table, table_csv_bytes, table_xlsx_bytes
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.tabular import build_table


def _table(ds, lang="nl"):
    return build_table(ds, ViewState(metrics=("reports_total", "share_nl")), lang)


def test_csv_is_the_table_as_shown(tiny_ds, tmp_path):
    table = _table(tiny_ds)
    out = tmp_path / "tabel.csv"
    assert export_table(out, "csv", table) == len(table.rows)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == table.shown_rows()[0]
    assert rows[1:1 + len(table.rows)] == table.shown_rows()[1:]
    row22 = next(r for r in rows if r and r[0] == "2022")
    assert row22[1:3] == ["ca. 145.000", "ca. -65%"]
    assert rows[-len(table.key):] == [[k] for k in table.key]  # the key under the table


def test_english_csv_uses_commas(tiny_ds):
    text = table_csv_bytes(_table(tiny_ds, "en")).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Period,")


def test_xlsx_holds_the_same_texts(tiny_ds, tmp_path):
    table = _table(tiny_ds)
    out = tmp_path / "tabel.xlsx"
    export_table(out, "xlsx", table)
    with zipfile.ZipFile(out) as z:
        strings = z.read("xl/sharedStrings.xml").decode()
    texts = set(re.findall(r"<t[^>]*>([^<]*)</t>", strings))
    for row in table.shown_rows():
        for cell in row:
            if cell:
                assert cell in texts


def test_unknown_format_is_refused(tiny_ds, tmp_path):
    with pytest.raises(ValueError):
        export_table(tmp_path / "x.ods", "ods", _table(tiny_ds))
    assert not (tmp_path / "x.ods").exists()


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_a_label_from_a_file_never_becomes_a_formula(label):
    from meldpunt_gui.model.bilingual import Text
    from tests.conftest import make_tiny_ds

    tiny_ds = make_tiny_ds()
    metrics = dict(tiny_ds.metrics)
    metrics["reports_total"] = metrics["reports_total"].with_(label=Text(label, label))
    ds = type(tiny_ds)(tiny_ds.units, tiny_ds.categories, metrics, tiny_ds.sources,
                       tiny_ds.observations, tiny_ds.events, tiny_ds.themes, tiny_ds.data_date)
    table = build_table(ds, ViewState(metrics=("reports_total",)), "nl")
    rows = list(csv.reader(io.StringIO(table_csv_bytes(table).decode("utf-8-sig")), delimiter=";"))
    for cell in rows[0]:
        assert not cell.startswith(("=", "+", "-", "@"))
    assert table_xlsx_bytes(table)[:2] == b"PK"
