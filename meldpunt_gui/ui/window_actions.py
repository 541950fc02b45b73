"""The window's file work: import with preview and history, exports, the clipboard.

Functions of the main window (the action table calls them), kept apart so the window module
stays about laying out and wiring. Strings use the MainWindow translation context, as they did
when they lived there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from meldpunt_gui.files.portable_names import portable_stem
from meldpunt_gui.ui.messages import warn

if TYPE_CHECKING:
    from meldpunt_gui.data.store import ImportRecord
    from meldpunt_gui.imports.model import ImportResult
    from meldpunt_gui.ui.main_window import MainWindow


def export_data_dialog(window: MainWindow) -> None:
    from meldpunt_gui.exports.data_export import export_data
    from meldpunt_gui.files.safewrite import SaveError
    from meldpunt_gui.model.view import selected_periods

    model = window.model_or_fail()
    folder = str(window.settings.value("export/folder", str(Path.home())))
    name = export_name("data") + ".csv"
    path, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("MainWindow", "Export data"), str(Path(folder) / name),
        QCoreApplication.translate("MainWindow", "CSV (*.csv);;Excel (*.xlsx)"))
    if not path:
        return
    fmt = "xlsx" if path.lower().endswith(".xlsx") else "csv"
    try:
        export_data(Path(path), fmt, model.ds, list(model.state.metrics),
                    selected_periods(model.ds, model.state), window.lang)
    except SaveError as exc:
        warn(window, QCoreApplication.translate("MainWindow", "Export failed"), exc.text.get(window.lang))
        return
    window.settings.setValue("export/folder", str(Path(path).parent))
    _saved(window, path)


# ----- own figures
def reload_user_data(window: MainWindow) -> None:
    """After an import or undo: bundled data with the store laid over it, view kept."""
    if window.store is not None:
        from meldpunt_gui.data.assemble import assemble_dataset

        window.model_or_fail().set_dataset(
            assemble_dataset(window.bundled, window.store, window.data_dir)[0])
        window.sync_controls()


def import_dialog(window: MainWindow, path: str | None = None) -> bool:
    from meldpunt_gui.ui.import_dialog import ImportDialog

    if window.store is None:
        return False
    if not path:
        folder = str(window.settings.value("import/folder", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(
            window, QCoreApplication.translate("MainWindow", "Import figures"), folder,
            QCoreApplication.translate("MainWindow", "Figures (*.csv *.txt *.tsv *.xlsx);;All files (*)"))
        if not path:
            return False
    window.settings.setValue("import/folder", str(Path(path).parent))
    dialog = ImportDialog(Path(path), window.model_or_fail().ds, window.lang, window,
                          store=lambda result: apply_import(window, result, Path(path)))
    accepted = dialog.exec() == ImportDialog.DialogCode.Accepted  # done() waits for its reader
    dialog.deleteLater()
    return accepted and dialog.stored


@contextmanager
def busy(window: MainWindow, text: str) -> Iterator[None]:
    """A step that runs on the window's thread and can take seconds (storing a million-row
    import and reading the store back): the status bar says what is happening and the pointer
    waits, instead of a window that looks frozen."""
    window.statusBar().showMessage(text)
    window.statusBar().repaint()  # now: the event loop does not run until the step is done
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        window.statusBar().clearMessage()


def apply_import(window: MainWindow, result: ImportResult, path: Path) -> bool:
    from meldpunt_gui.data.store import StoreError
    from meldpunt_gui.text.formatting import format_number

    if window.store is None:
        return False
    record: ImportRecord | None = None
    failure = ""
    known = set(window.model_or_fail().ds.metrics)
    with busy(window, QCoreApplication.translate("MainWindow", "Storing the figures of %1…")
              .replace("%1", result.file)):  # the name as shown: printable, one line
        try:
            record = window.store.apply(result, path)
        except StoreError as exc:  # the store says why in both languages; nothing was written
            failure = exc.message.get(window.lang)
        except Exception as exc:
            failure = QCoreApplication.translate(
                "MainWindow", "The figures could not be stored; nothing was changed. Reason: %1"
            ).replace("%1", str(exc))
        if record is not None:
            reload_user_data(window)
    if record is None:  # told once the pointer is back
        _import_failed(window, failure)
        return False
    message = (QCoreApplication.translate("MainWindow", "Imported %1: %2 added, %3 changed")
               .replace("%1", record.file_name).replace("%2", format_number(record.added, window.lang, 0))
               .replace("%3", format_number(record.changed, window.lang, 0)))
    new = show_new_series(window, known)
    if new:
        from meldpunt_gui.text.plain import shorten

        message += "; " + QCoreApplication.translate("MainWindow", "new in the chart: %1").replace(
            "%1", shorten(", ".join(new)))
    window.statusBar().showMessage(message, 10000)
    return True


def show_new_series(window: MainWindow, known: set[str]) -> list[str]:
    """Tick the series an import made (they sat unticked at the bottom of the picker, and the
    chart did not change); returns their names for the status line."""
    model = window.model_or_fail()
    new = [m for m in model.ds.metrics if m not in known]
    if new:
        model.select_metrics((*model.state.metrics, *new))
        window.sync_controls()
    return [model.ds.metrics[m].label.get(window.lang) for m in new]


def _import_failed(window: MainWindow, text: str) -> None:
    warn(window, QCoreApplication.translate("MainWindow", "Import failed"), text)


def history_dialog(window: MainWindow) -> None:
    from meldpunt_gui.ui.import_dialog import ImportHistoryDialog

    if window.store is None:
        return
    dialog = ImportHistoryDialog(window.store, window.lang, window)
    dialog.changed.connect(window.reload_user_data)
    dialog.exec()


def export_name(key: str) -> str:
    """The file name (no extension) an export suggests, in the window's language: the Dutch
    window offered "meldpunt.csv" and the English one "meldpunt-grafiek.png" alike. Kept to
    what every system holds, whatever a translation says."""
    translate = QCoreApplication.translate
    source, name = {
        "data": ("meldpunt-data", translate("MainWindow", "meldpunt-data", "a file name: letters, digits and - only")),
        "chart": ("meldpunt-chart", translate("MainWindow", "meldpunt-chart",
                                              "a file name: letters, digits and - only")),
        "briefing": ("meldpunt-briefing", translate("MainWindow", "meldpunt-briefing",
                                                    "a file name: letters, digits and - only")),
    }[key]
    return portable_stem(name, source)


def _ask_path(window: MainWindow, key: str, suffix: str, filters: str) -> str:
    """Ask where to save an export; suggests its name in the window's language, with the
    extension the user chose last time for this export."""
    settings = window.settings
    folder = str(settings.value("export/folder", str(Path.home())))
    last = str(settings.value(f"export/{key}", ""))
    name = str(Path(folder) / (export_name(key) + (last or suffix)))
    path, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("MainWindow", "Export"),
                                          name, filters)
    if path:
        settings.setValue("export/folder", str(Path(path).parent))
        settings.setValue(f"export/{key}", Path(path).suffix)
    return path


def _saved(window: MainWindow, path: str) -> None:
    window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Saved %1").replace("%1", path), 8000)


def export_chart_dialog(window: MainWindow) -> None:
    from meldpunt_gui.files.safewrite import SaveError
    from meldpunt_gui.ui.export.chart_export import export_chart
    from meldpunt_gui.ui.export.options import ChartExportOptions

    model = window.model_or_fail()
    path = _ask_path(window, "chart", ".png", QCoreApplication.translate(
        "MainWindow", "PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)"))
    if not path:
        return
    options = ChartExportOptions(window.settings, window)
    if options.exec() != QDialog.DialogCode.Accepted:
        return
    options.remember()
    width, height, scale, definitions = options.values()
    # the format follows the extension; a name without one of ours gets ".png" added, so
    # the file never holds another format than its name says
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        fmt, path = "png", path + ".png"
    try:
        export_chart(Path(path), fmt, model.ds, model.state, window.lang, width, height, scale,
                     definitions, story=model.resolved.story)
    except SaveError as exc:
        warn(window, QCoreApplication.translate("MainWindow", "Export failed"), exc.text.get(window.lang))
        return
    _saved(window, path)


def export_briefing_dialog(window: MainWindow) -> None:
    from meldpunt_gui.files.safewrite import SaveError
    from meldpunt_gui.ui.export.briefing import export_briefing
    from meldpunt_gui.ui.export.briefing_docx import export_briefing_docx

    model = window.model_or_fail()
    path = _ask_path(window, "briefing", ".pdf", QCoreApplication.translate(
        "MainWindow", "PDF (*.pdf);;Word document, editable (*.docx)"))
    if not path:
        return
    write = export_briefing_docx if Path(path).suffix.lower() == ".docx" else export_briefing
    try:
        write(Path(path), model.ds, model.state, window.lang, story=model.resolved.story,
              extended=window.actions_by_id["briefing_extended"].isChecked())
    except SaveError as exc:
        warn(window, QCoreApplication.translate("MainWindow", "Export failed"), exc.text.get(window.lang))
        return
    _saved(window, path)


def copy_chart(window: MainWindow) -> None:
    """The chart as it would be exported (light, with title and sources) on the clipboard."""
    from PySide6.QtGui import QGuiApplication

    from meldpunt_gui.ui.export.chart_export import render_png

    model = window.model_or_fail()
    image = render_png(model.ds, model.state, window.lang, 1200, 700,
                       max(1.0, window.devicePixelRatioF()), story=model.resolved.story)
    QGuiApplication.clipboard().setImage(image)
    window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Chart copied"), 5000)
