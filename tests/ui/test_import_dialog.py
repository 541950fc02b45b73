"""Import in the window: preview, confirm, the value appears as own input; undo restores."""

from PySide6.QtCore import QSettings

from meldpunt_gui.bundled import load_bundled
from meldpunt_gui.domain import Period
from meldpunt_gui.store import UserStore
from meldpunt_gui.ui.import_dialog import ImportDialog, ImportHistoryDialog
from meldpunt_gui.ui.main_window import MainWindow
from meldpunt_gui.view import ViewState


def test_preview_import_and_undo(qtbot, tmp_path, dutch):
    bundled = load_bundled()
    store = UserStore.open(tmp_path / "data")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store.overlay(bundled), settings, "nl", state=ViewState(metrics=("reports_total",)),
                   store=store, bundled=bundled)
    qtbot.addWidget(w)
    before = w.table.model_.table.to_tsv("nl")
    f = tmp_path / "cijfers-2025.csv"
    f.write_text("metriek;periode;waarde;bron\nreports_total;2025;ca. 120.000;Offlimits jaarverslag\n"
                 "reports_total;2021;413.262;NU.nl\n", encoding="utf-8")
    dialog = ImportDialog(f, w.ds, "nl", w)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    result = dialog.result
    assert not result.has_errors
    assert result.counts() == {"new": 1, "changed": 0, "unchanged": 1}
    assert dialog.import_button.isEnabled()
    assert dialog.rows.item(0, 4).text() in ("nieuw", "ongewijzigd")
    assert "1 nieuw" in dialog.summary.text()

    assert w.apply_import(result, f)
    obs = w.ds.shown("reports_total", Period(2025))
    assert obs.value == 120000 and obs.approximate and obs.user
    assert any(s.metric == "reports_total" and 2025.0 in s.x for s in w.chart.series)
    from meldpunt_gui.describe import tooltip_text
    assert "eigen invoer" in tooltip_text(w.ds, "reports_total", Period(2025), "nl")
    assert "Eigen invoer in beeld: Meldingen totaal 2025" in w.explanation.toPlainText()
    table = w.table.model_.table
    assert table.rows[0][table.headers.index("2025")].own
    from meldpunt_gui.exporters import export_rows
    [row] = [r for r in export_rows(w.ds, ["reports_total"], [Period(2025)], "nl")]
    assert row.status == "eigen invoer" and row.value == 120000

    history = ImportHistoryDialog(store, "nl", w)
    qtbot.addWidget(history)
    history.changed.connect(w.reload_user_data)
    assert history.table.rowCount() == 1
    history.undo_selected(confirm=False)
    assert w.ds.shown("reports_total", Period(2025)) is None
    assert w.table.model_.table.to_tsv("nl") == before  # undo restores the view exactly


def test_errors_block_the_import(qtbot, tmp_path):
    bundled = load_bundled()
    f = tmp_path / "fout.csv"
    f.write_text("metriek;periode;waarde\nreports_total;2025;-5\n", encoding="utf-8")
    dialog = ImportDialog(f, bundled, "nl")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert dialog.result.has_errors
    assert not dialog.import_button.isEnabled()
    assert dialog.problems.rowCount() >= 1
    assert dialog.problems.item(0, 0).text() == "2"  # the line of the bad value
