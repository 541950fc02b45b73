"""The window's exports go through the same guard as `export --out`: the store is never
replaced by an export, whatever name the save dialog is given."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
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


def _suggested_names(window, monkeypatch) -> list[str]:
    """The file names the export dialogs offer (each dialog answered with Cancel)."""
    from pathlib import Path

    from meldpunt_gui.ui import pack_actions

    offered: list[str] = []

    def cancel(_parent, _title, name, *_a, **_k):
        offered.append(Path(name).name)
        return "", ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
    monkeypatch.setattr("meldpunt_gui.ui.pack_actions.QInputDialog.getText", lambda *a, **k: ("Anne", True))
    for action in ("export", "export_chart", "briefing"):
        window.actions_by_id[action].trigger()
    pack_actions.export_pack(window)
    window.table_pane.export_dialog()
    return offered


def test_the_export_dialogs_suggest_names_in_the_windows_language(qapp, tmp_path, monkeypatch):
    _app, w, translators = build_window(tmp_path / "d", "nl", state=ViewState(metrics=("reports_total",)))
    w.persist = False
    try:
        names = _suggested_names(w, monkeypatch)
        assert names[:3] == ["meldpunt-gegevens.csv", "meldpunt-grafiek.png", "meldpunt-briefing.pdf"]
        assert names[3].startswith("cijfers.") and names[4] == "tabel.csv"
        w.language_requested.emit("en")  # View > Language: English
        names = _suggested_names(w, monkeypatch)
        assert names[:3] == ["meldpunt-data.csv", "meldpunt-chart.png", "meldpunt-briefing.pdf"]
        assert names[3].startswith("figures.") and names[4] == "table.csv"
    finally:
        translators.switch("en")
        w.close()


@pytest.mark.parametrize(("translated", "offered"), [
    ("meldpunt-grafiek", "meldpunt-grafiek"), ("tabel met cijfers", "tabel-met-cijfers"),
    ("grafiek/2024", "grafiek-2024"), ("Con", "table"), ("  ", "table"), ("één", "een"),
    ("图表", "table")])
def test_a_translated_file_name_is_kept_portable(translated, offered):
    from meldpunt_gui.files.portable_names import portable_stem

    assert portable_stem(translated, "table") == offered


@given(st.text(max_size=40))
def test_any_translated_file_name_can_be_written_everywhere(translated):
    from meldpunt_gui.files.portable_names import portable_stem, reserved_on_windows

    stem = portable_stem(translated, "table")
    assert stem and not reserved_on_windows(stem)
    assert all((c.isascii() and c.isalnum()) or c in "-_" for c in stem)
