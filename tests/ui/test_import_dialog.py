"""Import in the window: preview, confirm, the value appears as own input; undo restores."""

import math

from PySide6.QtCore import QSettings, Qt

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.store import UserStore
from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.import_dialog import ImportDialog, ImportHistoryDialog
from meldpunt_gui.ui.main_window import MainWindow


def test_preview_import_and_undo(qtbot, tmp_path, dutch):
    bundled = load_bundled()
    store = UserStore.open(tmp_path / "data")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store.overlay(bundled), settings, "nl", state=ViewState(metrics=("reports_total",)),
                   store=store, bundled=bundled)
    qtbot.addWidget(w)
    before = w.model.resolved.table.to_tsv("nl")
    f = tmp_path / "cijfers-2025.csv"
    f.write_text("metriek;periode;waarde;bron\nreports_total;2025;ca. 120.000;Offlimits jaarverslag\n"
                 "reports_total;2021;413.262;NU.nl\n", encoding="utf-8")
    dialog = ImportDialog(f, w.ds, "nl", w)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=10000)
    result = dialog.import_result
    assert not result.has_errors
    assert result.counts() == {"new": 1, "changed": 0, "unchanged": 1}
    assert dialog.import_button.isEnabled()
    assert dialog.rows.item(0, 4).text() in ("nieuw", "ongewijzigd")
    assert "1 nieuw" in dialog.summary.text()

    assert w.apply_import(result, f)
    obs = w.ds.shown("reports_total", Period(2025))
    assert obs.value == 120000 and obs.approximate and obs.user
    assert any(s.metric == "reports_total" and 2025.0 in s.x for s in w.chart.series)
    from meldpunt_gui.text.describe import tooltip_text
    assert "eigen invoer" in tooltip_text(w.ds, "reports_total", Period(2025), "nl")
    assert "Eigen invoer in beeld: Meldingen totaal 2025" in w.explanation.toPlainText()
    table = w.model.resolved.table
    assert table.rows[table.row_of(Period(2025))][table.column_of("reports_total")].own
    from meldpunt_gui.exports.data_export import export_rows
    [row] = [r for r in export_rows(w.ds, ["reports_total"], [Period(2025)], "nl")]
    assert row.status == "eigen invoer" and row.value == 120000

    history = ImportHistoryDialog(store, "nl", w)
    qtbot.addWidget(history)
    history.changed.connect(w.reload_user_data)
    assert history.table.rowCount() == 1
    from meldpunt_gui.text.formatting import format_moment
    cells = [history.table.item(0, c).text() for c in range(5)]
    assert cells == ["1", "cijfers-2025.csv", format_moment(store.imports()[0].time, "nl"), "1", "0"]
    assert cells[2][2] == "-" and cells[2][-3] == ":"  # '03-12-2026 07:05', not an ISO stamp
    from PySide6.QtWidgets import QApplication
    cursors = []  # removing a large import takes seconds: the pointer waits meanwhile
    history.changed.connect(lambda: cursors.append(QApplication.overrideCursor().shape()))
    history.undo_selected(confirm=False)
    assert cursors == [Qt.CursorShape.WaitCursor] and QApplication.overrideCursor() is None
    assert w.ds.shown("reports_total", Period(2025)) is None
    assert w.model.resolved.table.to_tsv("nl") == before  # undo restores the view exactly


def test_errors_block_the_import(qtbot, tmp_path, dutch):
    bundled = load_bundled()
    f = tmp_path / "fout.csv"
    f.write_text("metriek;periode;waarde\nreports_total;2025;-5\n", encoding="utf-8")
    dialog = ImportDialog(f, bundled, "nl")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=10000)
    assert dialog.import_result.has_errors
    assert not dialog.import_button.isEnabled()
    assert dialog.problems.rowCount() >= 1
    assert dialog.problems.item(0, 0).text() == "2"  # the line of the bad value
    assert "1 fout, 0 waarschuwingen." in dialog.summary.text()  # a plural through %n, not "1 fouten"


def test_a_problem_is_shown_past_a_short_cell_and_whole_in_its_tooltip(qtbot, tmp_path, dutch):
    """A problem's message is the answer to 'what is wrong': its cell holds it whole where the
    dialog is wide enough (it was cut at 80 characters, mid-advice), and its tooltip always."""
    from PySide6.QtCore import Qt

    bundled = load_bundled()
    f = tmp_path / "onbekend.csv"
    f.write_text("metriek;periode;waarde\nNieuwe reeks;2024;12\n" + "X" * 500 + ";2024;1\n", encoding="utf-8")
    dialog = ImportDialog(f, bundled, "nl")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=10000)
    unknown = dialog.problems.item(0, 3)
    assert unknown.text().startswith("Onbekende reeks 'Nieuwe reeks'. Gebruik een naam uit de lijst Reeksen")
    assert unknown.text().endswith("of geef een eenheid om een eigen reeks te maken.")  # not cut
    assert "om een eigen reeks te maken" in unknown.toolTip()
    model = dialog.problems.model()
    assert model.data(model.index(0, 3), Qt.ItemDataRole.DisplayRole) == unknown.text()
    huge = dialog.problems.item(1, 3)  # a name of 500 characters from the file: quoted cut short
    assert len(huge.text()) <= 400 and huge.text().startswith("Onbekende reeks '" + "X" * 79 + "…'.")
    assert huge.toolTip().count("X") == 79  # the message itself quotes it cut (a 100 MB name made a 100 MB tooltip)


def test_the_detected_encoding_is_named_as_the_command_line_names_it(qtbot, tmp_path, dutch):
    f = tmp_path / "excel.csv"
    f.write_bytes("metriek;periode;waarde\nreports_total;2025;120.000\n".encode("cp1252"))
    f.write_bytes(f.read_bytes().replace(b"metriek", b"metri\xebk"))  # a Windows-1252 character
    dialog = ImportDialog(f, load_bundled(), "nl")
    qtbot.addWidget(dialog)
    assert dialog.wait_until_read() is True
    assert dialog.import_result.encoding == "cp1252"
    assert dialog.detected.text().startswith("Herkend: codering Windows-1252 · ")


def test_wait_until_read_returns_with_the_preview_filled(qtbot, tmp_path):
    """The reader's result arrives through the event loop: the wait must run that loop, not
    block on the worker thread until its time is up."""
    f = tmp_path / "cijfers.csv"
    f.write_text("metriek;periode;waarde\nreports_total;2025;120.000\nreports_total;2026;130.000\n",
                 encoding="utf-8")
    dialog = ImportDialog(f, load_bundled(), "nl")
    qtbot.addWidget(dialog)
    assert dialog.wait_until_read() is True
    assert dialog.import_result is not None and dialog.import_result.counts()["new"] == 2
    assert dialog.rows.rowCount() == 2 and dialog.import_button.isEnabled()
    assert dialog.wait_until_read() is True  # nothing left to wait for


def test_wait_until_read_after_reading_was_stopped(qtbot, tmp_path):
    f = tmp_path / "cijfers.csv"
    f.write_text("metriek;periode;waarde\nreports_total;2025;120.000\n", encoding="utf-8")
    dialog = ImportDialog(f, load_bundled(), "nl")
    qtbot.addWidget(dialog)
    dialog._stop()
    assert dialog.wait_until_read() is False and dialog.import_result is None


def _window_with_read_only_store(qtbot, tmp_path, deny_mkdir):
    folder = tmp_path / "profiel" / "meldpunt"
    deny_mkdir(folder)
    return _window_and_read_file(qtbot, tmp_path, folder)


def _window_and_read_file(qtbot, tmp_path, folder):
    """A window on the store in `folder`, and the preview of a one-value file, read."""
    bundled = load_bundled()
    store = UserStore.open(folder)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store.overlay(bundled), settings, "nl", state=ViewState(metrics=("reports_total",)),
                   store=store, bundled=bundled)
    qtbot.addWidget(w)
    f = tmp_path / "cijfers-2025.csv"
    f.write_text("metriek;periode;waarde\nreports_total;2025;120.000\n", encoding="utf-8")
    dialog = ImportDialog(f, w.ds, "nl", w)
    qtbot.addWidget(dialog)
    assert dialog.wait_until_read()
    return w, store, dialog.import_result, f


def _capture_warnings(monkeypatch) -> list[tuple[str, str]]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def capture(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText  # a file name is never markup
        shown.append((box.windowTitle(), box.text()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", capture)
    return shown


def test_a_refused_import_is_explained_in_the_windows_language(qtbot, tmp_path, monkeypatch, deny_mkdir, dutch):
    w, store, result, f = _window_with_read_only_store(qtbot, tmp_path, deny_mkdir)
    shown = _capture_warnings(monkeypatch)
    assert not w.apply_import(result, f)
    assert shown == [("Importeren mislukt",
                      f"meldpunt.sqlite kan niet worden bijgewerkt: de map {store.path.parent} is alleen-lezen. "
                      "Er is niets gewijzigd.")]
    assert w.ds.shown("reports_total", Period(2025)) is None
    store.close()


def test_an_unforeseen_import_failure_gets_a_translated_lead_in(qtbot, tmp_path, monkeypatch, deny_mkdir, dutch):
    w, store, result, f = _window_with_read_only_store(qtbot, tmp_path, deny_mkdir)
    shown = _capture_warnings(monkeypatch)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(store, "apply", broken)
    assert not w.apply_import(result, f)
    assert shown == [("Importeren mislukt",
                      "De cijfers konden niet worden opgeslagen; er is niets gewijzigd. Oorzaak: disk I/O error")]
    store.close()


def test_dialogs_opened_cancelled_replaced_and_closed_never_leave_a_thread(qtbot, tmp_path):
    """50 dialogs in a row, each dropped at another moment of its read: before it starts, while
    it runs, after a reload, after it is done. No thread may outlive its dialog (Qt aborts the
    process when a running QThread is destroyed)."""
    from meldpunt_gui.ui.workers import workers

    f = tmp_path / "cijfers.csv"
    f.write_text("metriek;periode;waarde\n" + "".join(
        f"reports_total;{2025 + i % 50};{120000 + i}\n" for i in range(2000)), encoding="utf-8")
    bundled = load_bundled()
    for i in range(50):
        dialog = ImportDialog(f, bundled, "nl")
        if i % 4 == 1:
            dialog.reload()  # replaces the read in progress
        elif i % 4 == 2:
            dialog.cancel_read.click()
        elif i % 4 == 3:
            dialog.wait_until_read()
        if i % 2:
            dialog.reject()
        else:
            dialog.close()
        dialog.deleteLater()
        qtbot.wait(1)
    assert workers().running() == 0


def test_storing_an_import_says_so_and_the_pointer_waits(qtbot, tmp_path, monkeypatch, dutch):
    """Storing a large import runs on the window's thread for seconds: meanwhile the status bar
    names the file and the pointer waits; both are back before anything else is shown."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    w, store, result, f = _window_and_read_file(qtbot, tmp_path, tmp_path / "data")
    seen: list[tuple[object, str]] = []
    real_apply = store.apply

    def watched(*args, **kwargs):
        cursor = QApplication.overrideCursor()
        seen.append((cursor.shape() if cursor else None, w.statusBar().currentMessage()))
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(store, "apply", watched)
    assert w.apply_import(result, f)
    assert seen == [(Qt.CursorShape.WaitCursor, "De cijfers van cijfers-2025.csv worden opgeslagen…")]
    assert QApplication.overrideCursor() is None
    assert w.statusBar().currentMessage() == "cijfers-2025.csv geïmporteerd: 1 toegevoegd, 0 gewijzigd"

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(store, "apply", broken)
    shown = _capture_warnings(monkeypatch)
    cursors: list[object] = []
    monkeypatch.setattr("meldpunt_gui.ui.window_actions.warn",
                        lambda *_a: cursors.append(QApplication.overrideCursor()))
    assert not w.apply_import(result, f)
    assert cursors == [None] and shown == []  # told with the pointer back
    store.close()


def test_the_preview_counts_with_the_windows_number_format(qtbot, tmp_path, dutch):
    """'1.200 nieuw', as every other number in the window, not '1200 nieuw'."""
    f = tmp_path / "eigen.csv"
    rows = [f"Eigen reeks {s:02};meldingen;{year};{year}" for s in range(12) for year in range(1995, 2095)]
    f.write_text("metriek;eenheid;periode;waarde\n" + "\n".join(rows) + "\n", encoding="utf-8")
    dialog = ImportDialog(f, load_bundled(), "nl")
    qtbot.addWidget(dialog)
    assert dialog.wait_until_read()
    assert dialog.summary.text().startswith("1.200 nieuw, 0 gewijzigd, 0 ongewijzigd; 0 fouten"), \
        dialog.summary.text()


def _store_from_dialog(qtbot, f, outcome: bool):
    """Click Importeren with a store that answers `outcome`; what the dialog showed meanwhile."""
    from PySide6.QtCore import Qt

    seen: list[tuple[bool, str, bool]] = []

    def store(_result):
        seen.append((dialog.isVisible(), dialog.summary.text(), dialog.import_button.isEnabled()))
        return outcome

    dialog = ImportDialog(f, load_bundled(), "nl", store=store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.wait_until_read()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return dialog, seen


def test_the_figures_are_stored_while_the_dialog_is_still_on_screen(qtbot, tmp_path, dutch):
    """A click on Importeren stores with the dialog showing 'Opslaan…' and closes it after; a
    window whose dialog had closed first could not repaint where the dialog had been."""
    from PySide6.QtWidgets import QDialog

    f = tmp_path / "cijfers-2025.csv"
    f.write_text("metriek;periode;waarde\nreports_total;2025;120.000\n", encoding="utf-8")
    for outcome, code in ((True, QDialog.DialogCode.Accepted), (False, QDialog.DialogCode.Rejected)):
        dialog, seen = _store_from_dialog(qtbot, f, outcome)
        assert seen == [(True, "Opslaan…", False)]
        assert not dialog.isVisible() and dialog.stored is outcome and dialog.result() == code


def test_undoing_an_import_undone_elsewhere_says_so_and_lists_what_is_left(qtbot, tmp_path, dutch,
                                                                            monkeypatch):
    """A second window (or `meldpunt imports --undo`) removed the import while the history was
    open: the button's slot raised StoreError, a traceback and no message."""
    from meldpunt_gui.imports.reader import read_import_data
    from meldpunt_gui.ui import import_dialog

    bundled = load_bundled()
    store = UserStore.open(tmp_path / "data")
    res = read_import_data(b"metriek;periode;waarde\nreports_total;2025;120.000\n", "a.csv", store.overlay(bundled))
    store.apply(res, "a.csv")
    history = ImportHistoryDialog(store, "nl")
    qtbot.addWidget(history)
    with UserStore.open(tmp_path / "data") as other:
        other.undo(1)
    shown: list[str] = []
    monkeypatch.setattr(import_dialog, "warn", lambda _parent, _title, text: shown.append(text))
    changed: list[bool] = []
    history.changed.connect(lambda: changed.append(True))
    history.undo_selected(confirm=False)
    assert shown == ["Er is geen import met nummer 1."]
    assert history.table.rowCount() == 0 and not history.undo_button.isEnabled() and not changed


def _answer_question(qtbot, button, seen):
    """Answer the next question box with `button` once it is up (it runs its own event loop)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def _window_after_import(qtbot, tmp_path, name: str, text: str):
    """A window on the bundled data and a fresh store, with `text` imported as `name` through
    the import dialog, as a user does it: (window, store, bundled data)."""
    bundled = load_bundled()
    store = UserStore.open(tmp_path / "data")
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store.overlay(bundled), settings, "nl", state=ViewState(metrics=("reports_total",)),
                   store=store, bundled=bundled)
    qtbot.addWidget(w)
    dialog = ImportDialog(f, w.ds, "nl", w)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=10000)
    assert w.apply_import(dialog.import_result, f)
    return w, store, bundled


def test_the_undo_button_asks_first_and_no_keeps_the_import(qtbot, tmp_path, dutch):
    from PySide6.QtWidgets import QMessageBox

    w, store, _ = _window_after_import(qtbot, tmp_path, "eigen.csv",
                                       "metriek;periode;waarde;bron\nreports_total;2025;120000;Offlimits\n")
    history = ImportHistoryDialog(store, "nl", w)
    qtbot.addWidget(history)
    history.changed.connect(w.reload_user_data)
    history.show()
    qtbot.waitExposed(history)
    seen: list[str] = []
    _answer_question(qtbot, QMessageBox.StandardButton.No, seen)
    qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    assert seen == ["Alle waarden van invoer 1 verwijderen?"]
    assert [r.file_name for r in store.imports()] == ["eigen.csv"]  # nothing removed
    assert history.table.rowCount() == 1
    assert w.ds.shown("reports_total", Period(2025)).value == 120000
    _answer_question(qtbot, QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 2
    assert store.imports() == [] and history.table.rowCount() == 0
    assert w.ds.shown("reports_total", Period(2025)) is None


def test_a_series_an_import_makes_is_ticked_drawn_and_named(qtbot, tmp_path, dutch):
    """A new series sat unticked at the bottom of the picker and the chart did not change: it
    is ticked and drawn after the import, and the status line names it."""
    w, _, bundled = _window_after_import(
        qtbot, tmp_path, "atkm.csv",
        "reeks;periode;waarde;eenheid;eenheid nl;eenheid en;bron\n"
        "Verwijderbevelen ATKM;2024;12;bevelen;verwijderbevelen;removal orders;ATKM jaarverslag\n"
        "Verwijderbevelen ATKM;2025;1;bevelen;verwijderbevelen;removal orders;ATKM jaarverslag\n")
    [new] = [m for m in w.ds.metrics if m not in bundled.metrics]
    assert w.ds.metrics[new].label.nl == "Verwijderbevelen ATKM"
    assert w.state.metrics == ("reports_total", new)
    [s] = [s for s in w.chart.series if s.metric == new]
    assert [(p.year, v) for p, v in zip(s.periods, s.y) if not math.isnan(v)] == [(2024, 12.0), (2025, 1.0)]
    assert all(i.checkState() == Qt.CheckState.Checked for i in w.metric_picker.items_for(new))
    assert w.statusBar().currentMessage() == ("atkm.csv geïmporteerd: 2 toegevoegd, 0 gewijzigd; "
                                              "nieuw in de grafiek: Verwijderbevelen ATKM")
    # a second import into the same series adds no series: the selection stays as it is
    w.model.select_metrics(("reports_total",))
    f = tmp_path / "atkm.csv"
    f.write_text("reeks;periode;waarde;bron\nVerwijderbevelen ATKM;2023;7;ATKM jaarverslag\n", encoding="utf-8")
    again = ImportDialog(f, w.ds, "nl", w)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.import_result is not None, timeout=10000)
    assert w.apply_import(again.import_result, f)
    assert w.state.metrics == ("reports_total",)
    assert w.statusBar().currentMessage() == "atkm.csv geïmporteerd: 1 toegevoegd, 0 gewijzigd"


ATKM = ("reeks;periode;waarde;eenheid;eenheid nl;eenheid en;bron\n"
        "Verwijderbevelen ATKM;2024;12;bevelen;verwijderbevelen;removal orders;ATKM jaarverslag\n")


def _undo_all(qtbot, w, store) -> None:
    history = ImportHistoryDialog(store, "nl", w)
    qtbot.addWidget(history)
    history.changed.connect(w.reload_user_data)
    history.undo_selected(confirm=False)


def test_undoing_the_import_of_an_open_storys_series_closes_the_story_and_says_so(qtbot, tmp_path, dutch):
    """The story stayed open after its series went with the undone import: its title and text
    stood over the series that were left, as if they told of them."""
    from meldpunt_gui.data.story_file import save_story

    w, store, bundled = _window_after_import(qtbot, tmp_path, "atkm.csv", ATKM)
    [new] = [m for m in w.ds.metrics if m not in bundled.metrics]
    story = save_story(tmp_path / "data", w.ds, ViewState(metrics=("reports_total", new)),
                       "Bevelen en meldingen", "De ATKM gaf 12 bevelen.")
    w.model.set_stories([*w.model.stories, story])
    w.open_story(story.id)
    assert w.model.resolved.story is not None and w.story_text.text().startswith("Bevelen en meldingen")
    _undo_all(qtbot, w, store)
    assert new not in w.ds.metrics
    assert w.state.story == "" and w.model.resolved.story is None
    assert w.state.metrics == ("reports_total",)  # the series that are left, as a plain view
    assert w.story_text.isHidden() and "Bevelen en meldingen" not in w.title.text()
    assert w.statusBar().currentMessage() == ("Het verhaal ‘Bevelen en meldingen’ is gesloten: een "
                                              "reeks erin kwam uit de import die u ongedaan maakte.")


def test_a_story_whose_series_are_all_left_stays_open_on_the_new_figures(qtbot, tmp_path, dutch):
    w, store, _ = _window_after_import(qtbot, tmp_path, "eigen.csv",
                                       "metriek;periode;waarde;bron\nreports_total;2022;150000;Offlimits\n")
    w.open_story("fall-2022")
    assert w.model.resolved.story is not None
    assert w.ds.shown("reports_total", Period(2022)).user
    _undo_all(qtbot, w, store)
    assert w.state.story == "fall-2022" and w.model.resolved.story is not None  # still open
    assert not w.ds.shown("reports_total", Period(2022)).user  # on the figures without the import
    table = w.model.resolved.table
    assert not table.rows[table.row_of(Period(2022))][table.column_of("reports_total")].own
    assert not w.story_text.isHidden()


def test_a_file_named_with_a_direction_override_is_named_clean_in_the_window(qtbot, tmp_path, dutch):
    """'cijfers\u202evsc.csv' would be drawn reversed ('cijfersvsc.csv' read as '…csv.csv'): the
    dialog's title, the status line and the import history show the name without the mark."""
    name = "cijfers\u202evsc.csv"
    w, store, _ = _window_after_import(qtbot, tmp_path, name, "metric;period;value\nreports_total;2031;1234\n")
    assert w.statusBar().currentMessage() == "cijfersvsc.csv geïmporteerd: 1 toegevoegd, 0 gewijzigd"
    dialog = ImportDialog(tmp_path / name, w.ds, "nl", w)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "cijfersvsc.csv importeren"
    history = ImportHistoryDialog(store, "nl", w)
    qtbot.addWidget(history)
    assert history.table.item(0, 1).text() == "cijfersvsc.csv"
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=10000)
    store.close()
