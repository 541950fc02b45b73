"""A store whose values cannot be read when a view asks for them (damaged pages in a large store,
a lock held by another program): one sentence about reading, in the user's language, never a
traceback; a damaged store is set aside at the next start, as at any start (DESIGN §5)."""

from __future__ import annotations

import io
import sqlite3

import pytest

from fixtures.damaged_store import LAST, break_last_values, own_store
from meldpunt_gui.cli import main
from meldpunt_gui.data import store as store_module
from meldpunt_gui.data import store_schema
from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.store import UserStore
from meldpunt_gui.data.store_errors import StoreError
from meldpunt_gui.model.domain import Period

DAMAGED_NL = ("Uw eigen cijfers in meldpunt.sqlite kunnen niet worden gelezen: het bestand is beschadigd. Bij "
              "de volgende start wordt het opzij gezet (bewaard) en begint de viewer met de meegeleverde cijfers.")


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


@pytest.fixture
def large(monkeypatch):
    """Stores count as large (only their small tables are checked at opening)."""
    monkeypatch.setattr(store_schema, "FULL_CHECK_BYTES", 0)
    monkeypatch.setattr(store_module, "FULL_CHECK_BYTES", 0)


def test_damaged_values_are_one_sentence_then_set_aside_at_the_next_start(tmp_path, large):
    folder = tmp_path / "data"
    break_last_values(own_store(folder))
    out_file = tmp_path / "uit.csv"
    code, out, err = run("export", "--metrics", LAST, "--format", "csv", "--out", str(out_file),
                         "--data-dir", str(folder))
    assert (code, out, err) == (2, "", f"meldpunt: {DAMAGED_NL}\n")
    assert not out_file.exists() and (folder / "meldpunt.sqlite-check").exists()
    code, out, err = run("--lang", "en", "export", "--metrics", "eigen_reeks_0", "--format", "csv",
                         "--out", str(out_file), "--data-dir", str(folder))
    assert "Traceback" not in err
    assert "Your own data in meldpunt.sqlite was damaged" in err
    assert "The file was kept as meldpunt.sqlite.damaged-" in err
    assert list(folder.glob("meldpunt.sqlite.damaged-*")) and not (folder / "meldpunt.sqlite-check").exists()


def test_a_sound_series_of_a_damaged_store_still_reads(tmp_path, large):
    folder = tmp_path / "data"
    break_last_values(own_store(folder))
    with UserStore.open(folder) as store:
        ds = store.overlay(load_bundled())
        assert [o.value for o in ds.values_at("eigen_reeks_0", Period(2000))] == [2000.0]
        with pytest.raises(StoreError) as failed:
            ds.values_at(LAST, Period(2000))
    assert failed.value.code == "damaged" and failed.value.message.nl == DAMAGED_NL


def test_values_locked_by_another_program_are_said_to_be_busy(tmp_path, monkeypatch):
    monkeypatch.setattr(store_schema, "BUSY_TIMEOUT_MS", 100)
    folder = tmp_path / "data"
    path = own_store(folder)
    with UserStore.open(folder) as store:
        store._conn.execute("PRAGMA busy_timeout = 100")
        ds = store.overlay(load_bundled())
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreError) as failed:
                ds.values_at(LAST, Period(2000))
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert [o.value for o in ds.values_at(LAST, Period(2000))] == [41000.0]  # readable again
    assert failed.value.code == "busy"
    assert failed.value.message.en == ("Your own figures in meldpunt.sqlite cannot be read now: the file is busy in "
                                       "another program or window. Try again in a moment.")
    assert not (folder / "meldpunt.sqlite-check").exists()
