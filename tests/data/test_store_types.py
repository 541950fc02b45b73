"""A store edited outside the viewer with BLOBs (or numbers) in its text columns: the row is left
out and its import named, the import log shows text, and nothing raises; pack export and the
import list crashed, and list-metrics showed b'\\xff\\x00'."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from meldpunt_gui.cli import main
from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.store import STORE_NAME, UserStore
from meldpunt_gui.imports.reader import read_import_data

OWN = b"reeks;periode;waarde;eenheid;bron;opmerking\nMijn reeks;2024;5;meldingen;Eigen telling;eerste\n" \
      b"Mijn reeks;2025;6;meldingen;Eigen telling;tweede\n"
SAID_NL = ("meldpunt.sqlite bevat rijen met binaire gegevens waar tekst hoort, in import 1; het bestand is "
           "buiten de viewer bewerkt. Die rijen zijn weggelaten; de rest wordt getoond. Maak de import zo "
           "nodig ongedaan in Gegevens > Importgeschiedenis.")


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


def _edited(tmp_path: Path, sql: str) -> Path:
    folder = tmp_path / "data"
    with UserStore.open(folder) as store:
        res = read_import_data(OWN, "own.csv", store.overlay(load_bundled()))
        assert not res.has_errors
        store.apply(res, "own.csv")
    conn = sqlite3.connect(folder / STORE_NAME)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return folder


@pytest.mark.parametrize(("sql", "values"), [
    ("UPDATE observations SET note = X'c3' WHERE id = (SELECT min(id) FROM observations)", [6.0]),
    ("UPDATE observations SET source = X'ff00' WHERE id = (SELECT min(id) FROM observations)", [6.0]),
    ("UPDATE sources SET publisher = X'ff00'", [5.0, 6.0]),
    ("UPDATE metrics SET label_nl = X'ff00', label_en = X'ff00'", None),
])
def test_a_row_with_binary_text_is_left_out_and_its_import_named(tmp_path, sql, values):
    folder = _edited(tmp_path, sql)
    with UserStore.open(folder) as store:
        assert store.message is not None and store.message.nl == SAID_NL
        assert "holds rows with binary data where text belongs, in import 1" in store.message.en
        ds = store.overlay(load_bundled())
        if values is None:
            assert "mijn_reeks" not in ds.metrics
        else:
            assert [o.value for o in ds.observations if o.metric == "mijn_reeks"] == values
            assert all(isinstance(o.note.nl, str) and isinstance(o.source, str) for o in ds.observations)
            assert all(isinstance(s.publisher, str) for s in ds.sources.values())
    code, out, err = run("pack", "export", "--out", str(tmp_path / "p.meldpunt"), "--data-dir", str(folder))
    assert "Traceback" not in err and code in (0, 2), err
    code, out, err = run("list-metrics", "--data-dir", str(folder))
    assert code == 0 and "b'" not in out


def test_the_import_log_with_binary_fields_lists_as_text(tmp_path):
    folder = _edited(tmp_path, "UPDATE imports SET file_name = X'ff00', time = X'00', added = X'01'")
    with UserStore.open(folder) as store:
        (rec,) = store.imports()
    assert (rec.id, rec.file_name, rec.time, rec.added, rec.changed) == (1, "\ufffd", "", 0, 0)
    code, out, err = run("imports", "--data-dir", str(folder))
    assert code == 0, err
    assert out.splitlines()[-1].split() == ["1", "0", "0", "\ufffd"]
    code, out, err = run("imports", "--undo", "1", "--data-dir", str(folder))
    assert code == 0 and "Import 1 (\ufffd, ) ongedaan gemaakt" in out


def test_a_big_stores_values_are_left_out_on_reading_without_a_scan(tmp_path, monkeypatch):
    from meldpunt_gui.data import store as store_module

    monkeypatch.setattr(store_module, "FULL_CHECK_BYTES", 0)  # as for a store over 8 MB
    folder = _edited(tmp_path, "UPDATE observations SET note = X'c3' WHERE id = (SELECT min(id) FROM observations)")
    with UserStore.open(folder) as store:
        assert store.message is None  # the values are not scanned at opening
        ds = store.overlay(load_bundled())
        assert [o.value for o in ds.observations if o.metric == "mijn_reeks"] == [6.0]
