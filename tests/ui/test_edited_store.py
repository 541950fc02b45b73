"""The import history of a store edited outside the viewer (BLOBs in its log): listed as text;
the dialog raised TypeError (a table cell cannot hold bytes)."""

from __future__ import annotations

import sqlite3

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.store import STORE_NAME, UserStore
from meldpunt_gui.imports.reader import read_import_data
from meldpunt_gui.ui.import_dialog import ImportHistoryDialog


def test_the_history_lists_an_import_whose_log_holds_bytes(qtbot, tmp_path):
    folder = tmp_path / "data"
    with UserStore.open(folder) as store:
        res = read_import_data(b"metriek;periode;waarde\nreports_total;2025;120.000\n", "a.csv",
                               store.overlay(load_bundled()))
        store.apply(res, "a.csv")
    conn = sqlite3.connect(folder / STORE_NAME)
    conn.execute("UPDATE imports SET file_name = X'ff00', time = X'00'")
    conn.commit()
    conn.close()
    store = UserStore.open(folder)
    try:
        history = ImportHistoryDialog(store, "nl")
        qtbot.addWidget(history)
        assert history.table.rowCount() == 1
        assert history.table.item(0, 0).text() == "1" and history.table.item(0, 1).text() == "\ufffd"
        assert all("b'" not in (history.table.item(0, c).text() if history.table.item(0, c) else "")
                   for c in range(history.table.columnCount()))
    finally:
        store.close()
