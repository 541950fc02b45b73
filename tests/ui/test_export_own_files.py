"""The window's exports go through the same guard as `export --out`: the store is never
replaced by an export, whatever name the save dialog is given."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from meldpunt_gui.app import build_window
from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.store import UserStore
from meldpunt_gui.imports.reader import read_import_data
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui import window_actions


@pytest.fixture
def window(qapp, qtbot, tmp_path):
    folder = tmp_path / "data"
    with UserStore.open(folder) as store:
        res = read_import_data(b"reeks;periode;waarde\nreports_total;2026;5\n", "ok.csv",
                               store.overlay(load_bundled()))
        store.apply(res, "ok.csv")
    _app, w, translators = build_window(folder, "en", state=ViewState(metrics=("reports_total",)))
    w.persist = False
    yield w
    translators.switch("en")
    w.close()


def test_the_windows_data_export_refuses_the_store(window, monkeypatch):
    store = window.data_dir / "meldpunt.sqlite"
    before = store.read_bytes()
    said: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(store), ""))
    monkeypatch.setattr(window_actions, "warn", lambda _w, _title, text: said.append(text))
    window_actions.export_data_dialog(window)
    assert said == [f"Cannot save {store}: it is one of the viewer's own files in the data folder (your own "
                    "figures, settings, events or stories), and an export would overwrite it. Choose another "
                    "file name or folder."]
    assert store.read_bytes() == before
    with UserStore.open(window.data_dir) as reopened:
        assert [r.file_name for r in reopened.imports()] == ["ok.csv"]
