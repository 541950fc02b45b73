"""A typed series name means the same series whether the store's own series are looked up by
name (the store's name index) or all keyed at once, as before there was an index."""

from __future__ import annotations

import sqlite3

import pytest

from meldpunt_gui.data.store import STORE_NAME, UserStore
from meldpunt_gui.imports.header import compact, norm, slug
from meldpunt_gui.imports.names import MetricNames, name_table

# own series: id, label nl, label en, unit (one in a unit nobody knows, one with a bundled id)
OWN = [
    ("chats", "Chats", "Chats", "reports"),
    ("meldingen_nl", "Meldingen totaal", "Reports NL", "reports"),  # a bundled series' label
    ("cloud", "Cloud-URL's", "Cloud URLs", "urls"),  # the same, typed otherwise
    ("x1", "Gedeeld", "Shared", "reports"),
    ("x2", "Gedeeld", "Shared", "urls"),  # one label, two series: fits neither
    ("aandeel_nl", "Share NL", "Share NL", "percent"),
    ("straße", "Straße", "Street", "reports"),
    ("odd", "Odd", "Odd", "bogus"),  # left out: its unit is unknown
    ("reports_total", "Mijn totaal", "My total", "reports"),  # left out: a bundled id
    ("total_reports", "Total reports", "Total reports", "reports"),  # an id that is a label key
]
LATER = [("late", "Late", "Late", "reports")]  # imported after the store was opened


def _insert(path, rows, import_id):
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO imports VALUES (?, 'a.csv', '', '2024-01-01', 0, 0)", (import_id,))
        conn.executemany("INSERT INTO metrics VALUES (?, ?, 'user', ?, ?, ?, 'd', 'd')",
                         [(import_id, mid, unit, nl, en) for mid, nl, en, unit in rows])


def _words():
    names = ["chats", "Chats", "Meldingen totaal", "meldingen-totaal", "cloud urls", "CLOUD-URLS",
             "Gedeeld", "shared", "Share NL", "share_nl", "aandeel nl", "Straße", "strasse", "strae",
             "odd", "reports_total", "Total reports", "total_reports", "late", "Late", "nothing"]
    return sorted({f(n) for n in names for f in (norm, slug, compact)} - {""})


@pytest.fixture
def store_ds(tiny_ds, tmp_path):
    with UserStore.open(tmp_path):
        pass
    _insert(tmp_path / STORE_NAME, OWN, 1)
    store = UserStore.open(tmp_path)  # the index is made at this opening
    _insert(tmp_path / STORE_NAME, LATER, 2)
    yield lambda: store.overlay(tiny_ds)
    store.close()


def test_names_looked_up_as_if_all_were_keyed(store_ds):
    full = name_table(store_ds().metrics.values())
    names = MetricNames(store_ds())
    for word in _words():
        assert (word in names) == (word in full), word
        if word in full:
            assert names[word] == full[word], word
    assert names["shared"] is None and names["late"] == "late" and names["total_reports"] == "total_reports"
    assert "odd" not in names and names["reports_total"] == "reports_total"
    assert names._store is not None  # looked up by name throughout, never all keyed


def test_a_new_series_of_the_file_takes_its_name_and_all_names_are_listed(store_ds):
    full = name_table(store_ds().metrics.values())
    names = MetricNames(store_ds())
    assert names["chats"] == "chats"
    names["nieuw"] = "nieuw"
    assert names["nieuw"] == "nieuw"
    assert dict(names.items()) == {**full, "nieuw": "nieuw"}


def test_a_store_read_as_it_was_keys_every_series(store_ds, tmp_path):
    """A store opened read-only has no index of its own making: every series is keyed."""
    ds = store_ds()
    with sqlite3.connect(tmp_path / STORE_NAME) as conn:
        conn.execute("DROP TABLE metric_names")
    assert MetricNames(ds)["chats"] == "chats"


def test_names_after_the_store_is_closed(tiny_ds, tmp_path):
    """The command line closes the store before it reads the file: the lookup reads the file
    on its own, with or without an index."""
    with UserStore.open(tmp_path):
        pass
    _insert(tmp_path / STORE_NAME, OWN, 1)
    with UserStore.open(tmp_path) as store:
        over = store.overlay(tiny_ds)
        bare = store.overlay(tiny_ds)
    assert MetricNames(over)["gedeeld"] is None and MetricNames(over)["chats"] == "chats"
    with sqlite3.connect(tmp_path / STORE_NAME) as conn:
        conn.execute("DROP TABLE metric_names_made")
    assert MetricNames(bare)["chats"] == "chats"


def test_a_store_that_cannot_take_the_index_opens_without_it(tiny_ds, tmp_path, monkeypatch):
    """A full disk at opening: the store opens, and the names the index lacks are keyed."""
    from meldpunt_gui.data import store_names

    with UserStore.open(tmp_path):
        pass
    _insert(tmp_path / STORE_NAME, OWN, 1)

    def full(conn):
        conn.execute("CREATE TABLE IF NOT EXISTS half_made (x)")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_names, "_index", full)
    with UserStore.open(tmp_path) as store:
        names = MetricNames(store.overlay(tiny_ds))
        assert names["chats"] == "chats" and names["gedeeld"] is None
    with sqlite3.connect(tmp_path / STORE_NAME) as conn:  # rolled back: nothing half made
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_made'").fetchall()
