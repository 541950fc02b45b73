"""An import writes its values (in batches, with the indexes of a small store built once after
them) and its derived tables (name index, value spans) in its own transaction: right after it,
they are what an opening would make; a failed import leaves all of them as they were."""

from __future__ import annotations

import sqlite3

import pytest

from fixtures.sample_dataset import small_dataset
from meldpunt_gui.data import store_summary, store_write
from meldpunt_gui.data.store import STORE_NAME, UserStore
from meldpunt_gui.data.store_errors import StoreError
from meldpunt_gui.data.store_names import index_names
from meldpunt_gui.imports.reader import read_import_data

DS = small_dataset()
DERIVED = ("metric_names", "metric_names_made", "value_spans", "value_spans_made")


def _csv(series: int, years: int, first: int = 1995, halves: bool = False, name: str = "Reeks") -> bytes:
    lines = ["reeks;eenheid;periode;waarde;bron"]
    for s in range(series):
        for y in range(years):
            period = f"{first + y // 2}-H{1 + y % 2}" if halves and s % 2 else str(first + y)
            lines.append(f"{name} {s:03d};meldingen;{period};{s * 1000 + y};{'Bron A' if y % 3 else 'Bron B'}")
    return "\n".join(lines).encode()


def _import(store: UserStore, data: bytes, name: str = "cijfers.csv"):
    res = read_import_data(data, name, store.overlay(DS))
    assert not res.has_errors, [p.format("en") for p in res.problems[:3]]
    return store.apply(res)


def _tables(path) -> dict[str, list[tuple]]:
    """Every row of the store's tables and the definitions of its indexes, comparable with ==."""
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                            " AND name != 'sqlite_sequence' ORDER BY name")]
        out = {name: sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr) for name in names}
        out["indexes"] = sorted(conn.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'"
                                             " AND sql IS NOT NULL").fetchall())
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return out


def _made_at_opening(path) -> dict[str, list[tuple]]:
    """The derived tables as an opening makes them from the values alone."""
    with sqlite3.connect(path, isolation_level=None) as conn:
        conn.execute("BEGIN")
        for table in DERIVED:
            conn.execute(f"DELETE FROM {table}")
        index_names(conn)
        store_summary.sum_up(conn)
        out = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in DERIVED}
        conn.execute("ROLLBACK")
    return out


@pytest.mark.parametrize("rebuild_from", [1, 10**9])  # indexes made again after the values, or kept
def test_values_and_derived_tables_right_after_an_import(tmp_path, monkeypatch, rebuild_from):
    monkeypatch.setattr(store_write, "REBUILD_FROM", rebuild_from)
    path = tmp_path / STORE_NAME
    with UserStore.open(tmp_path) as store:
        indexes = _tables(path)["indexes"]
        _import(store, _csv(3, 90, halves=True), "a.csv")  # 270 rows: two batches and a rest
        _import(store, _csv(5, 7, first=2010, name="Later"), "b.csv")  # into a store holding more than it brings
        tables = _tables(path)
        assert len(tables["observations"]) == 270 + 35
        assert tables["indexes"] == indexes  # the same indexes, as they were defined
        assert {t: tables[t] for t in DERIVED} == _made_at_opening(path)
        assert [r[0] for r in tables["value_spans_made"]] == [1, 2]
        own = store.overlay(DS)
        assert own.deferred.years() == (1995, 2084)
        assert own.deferred.granularities(["reeks_001", "reeks_002"]) == {"reeks_001": {"half"},
                                                                          "reeks_002": {"year"}}
    with UserStore.open(tmp_path):  # nothing left for the opening to make
        pass
    assert _tables(path) == tables


def test_values_read_back_as_imported(tmp_path, monkeypatch):
    monkeypatch.setattr(store_write, "REBUILD_FROM", 1)
    data = _csv(4, 60)
    with UserStore.open(tmp_path) as store:
        _import(store, data)
        with sqlite3.connect(tmp_path / STORE_NAME) as conn:
            stored = conn.execute("SELECT metric, year, half, value, source FROM observations ORDER BY id").fetchall()
            sources = dict(conn.execute("SELECT id, publisher FROM sources"))
    expected = [(f"reeks_{s:03d}", 1995 + y, 0, float(s * 1000 + y), "Bron A" if y % 3 else "Bron B")
                for s in range(4) for y in range(60)]
    assert [(m, y, h, v, sources[src]) for m, y, h, v, src in stored] == expected


@pytest.mark.parametrize("fail_at", ["values", "indexes", "spans"])
def test_a_failed_import_leaves_values_indexes_and_derived_tables_as_before(tmp_path, monkeypatch, fail_at):
    monkeypatch.setattr(store_write, "REBUILD_FROM", 1)
    path = tmp_path / STORE_NAME
    with UserStore.open(tmp_path) as store:
        _import(store, _csv(2, 10), "first.csv")
        before = _tables(path)
        res = read_import_data(_csv(6, 30), "second.csv", store.overlay(DS))
        if fail_at == "values":  # the last batch cannot be stored: NOT NULL
            rows = list(res.rows)
            rows[-1].value = None
            res.rows = rows
        elif fail_at == "indexes":  # after the last value, with the indexes dropped: a full disk
            real = store_write._batches

            def then_full(*args):
                yield from real(*args)
                raise sqlite3.OperationalError("database or disk is full")
            monkeypatch.setattr(store_write, "_batches", then_full)
        else:  # an error that is not a full disk while the spans are made
            monkeypatch.setattr(store_summary, "_sum_up", lambda conn, known: 1 / 0)
        with pytest.raises((StoreError, ZeroDivisionError)):
            store.apply(res)
        assert _tables(path) == before
        assert [r.file_name for r in store.imports()] == ["first.csv"]


def test_derived_tables_an_import_cannot_take_are_made_at_the_next_opening(tmp_path, monkeypatch):
    """A full disk while making the derived tables: the values are stored, the derived tables
    of that import wait for the next opening, which makes them as it would have."""
    path = tmp_path / STORE_NAME
    with UserStore.open(tmp_path) as store:
        def full(conn, known):
            raise sqlite3.OperationalError("database or disk is full")
        monkeypatch.setattr(store_summary, "_sum_up", full)
        _import(store, _csv(3, 20))
        monkeypatch.undo()
        assert _tables(path)["value_spans_made"] == []
        assert len(_tables(path)["observations"]) == 60
    with UserStore.open(tmp_path):
        pass
    tables = _tables(path)
    assert tables["value_spans_made"] == [(1,)]
    assert {t: tables[t] for t in DERIVED} == _made_at_opening(path)
