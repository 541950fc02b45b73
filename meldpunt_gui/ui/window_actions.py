"""The window's file work: import with preview and history, exports, the clipboard.

A mixin of MainWindow, kept apart so the window module stays about laying out and showing.
Strings use the MainWindow translation context, as they did when they lived there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog

from meldpunt_gui.ui.messages import warn


class WindowActions:
    """Needs: ds, bundled, store, state, lang, settings, data_dir, table, statusBar(), refresh()."""

    def export_data_dialog(self) -> None:
        from meldpunt_gui.exports.data_export import export_data
        from meldpunt_gui.files.safewrite import SaveError
        from meldpunt_gui.model.view import selected_periods

        folder = str(self.settings.value("export/folder", str(Path.home())))
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("MainWindow", "Export data"), str(Path(folder) / "meldpunt.csv"),
            QCoreApplication.translate("MainWindow", "CSV (*.csv);;Excel (*.xlsx)"))
        if not path:
            return
        fmt = "xlsx" if path.lower().endswith(".xlsx") else "csv"
        try:
            export_data(Path(path), fmt, self.ds, list(self.state.metrics),
                        selected_periods(self.ds, self.state), self.lang)
        except SaveError as exc:
            warn(self, QCoreApplication.translate("MainWindow", "Export failed"), exc.text.get(self.lang))
            return
        self.settings.setValue("export/folder", str(Path(path).parent))
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Saved %1").replace("%1", path), 8000)

    # ----- own figures
    def reload_user_data(self) -> None:
        """After an import or undo: bundled data with the store laid over it, view kept."""
        if self.store is not None:
            from meldpunt_gui.data.assemble import assemble_dataset

            self.model.set_dataset(assemble_dataset(self.bundled, self.store, self.data_dir)[0])
            self._sync_controls()

    def import_dialog(self, path: str | None = None) -> bool:
        from meldpunt_gui.ui.import_dialog import ImportDialog

        if self.store is None:
            return False
        if not path:
            folder = str(self.settings.value("import/folder", str(Path.home())))
            path, _ = QFileDialog.getOpenFileName(
                self, QCoreApplication.translate("MainWindow", "Import figures"), folder,
                QCoreApplication.translate("MainWindow", "Figures (*.csv *.txt *.tsv *.xlsx);;All files (*)"))
            if not path:
                return False
        self.settings.setValue("import/folder", str(Path(path).parent))
        dialog = ImportDialog(Path(path), self.ds, self.lang, self)
        accepted = dialog.exec() == ImportDialog.DialogCode.Accepted  # done() waits for its reader
        result = dialog.import_result
        dialog.deleteLater()
        if not accepted or result is None:
            return False
        return self.apply_import(result, Path(path))

    def apply_import(self, result, path: Path) -> bool:
        from meldpunt_gui.data.store import StoreError

        try:
            record = self.store.apply(result, path)
        except StoreError as exc:  # the store says why in both languages; nothing was written
            self._import_failed(exc.message.get(self.lang))
            return False
        except Exception as exc:
            self._import_failed(QCoreApplication.translate(
                "MainWindow", "The figures could not be stored; nothing was changed. Reason: %1")
                .replace("%1", str(exc)))
            return False
        self.reload_user_data()
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Imported %1: %2 added, %3 changed")
                                     .replace("%1", Path(path).name)
                                     .replace("%2", str(record.added))
                                     .replace("%3", str(record.changed)), 10000)
        return True

    def _import_failed(self, text: str) -> None:
        warn(self, QCoreApplication.translate("MainWindow", "Import failed"), text)

    def history_dialog(self) -> None:
        from meldpunt_gui.ui.import_dialog import ImportHistoryDialog

        if self.store is None:
            return
        dialog = ImportHistoryDialog(self.store, self.lang, self)
        dialog.changed.connect(self.reload_user_data)
        dialog.exec()

    def _ask_path(self, key: str, default_name: str, filters: str) -> str:
        folder = str(self.settings.value("export/folder", str(Path.home())))
        last = str(self.settings.value(f"export/{key}", ""))
        name = str(Path(folder) / (Path(default_name).stem + Path(last or default_name).suffix))
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("MainWindow", "Export"), name, filters)
        if path:
            self.settings.setValue("export/folder", str(Path(path).parent))
            self.settings.setValue(f"export/{key}", Path(path).suffix)
        return path

    def _saved(self, path: str) -> None:
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Saved %1").replace("%1", path), 8000)

    def export_chart_dialog(self) -> None:
        from meldpunt_gui.files.safewrite import SaveError
        from meldpunt_gui.ui.export.chart_export import export_chart
        from meldpunt_gui.ui.export.options import ChartExportOptions

        path = self._ask_path("chart", "meldpunt-grafiek.png",
                              QCoreApplication.translate(
                                  "MainWindow", "PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)"))
        if not path:
            return
        options = ChartExportOptions(self.settings, self)
        self._export_options = options
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
            export_chart(Path(path), fmt, self.ds, self.state, self.lang, width, height, scale,
                         definitions, story=self.model.resolved.story)
        except SaveError as exc:
            warn(self, QCoreApplication.translate("MainWindow", "Export failed"), exc.text.get(self.lang))
            return
        self._saved(path)

    def export_briefing_dialog(self) -> None:
        from meldpunt_gui.files.safewrite import SaveError
        from meldpunt_gui.ui.export.briefing import export_briefing
        from meldpunt_gui.ui.export.briefing_docx import export_briefing_docx

        path = self._ask_path("briefing", "meldpunt-briefing.pdf", QCoreApplication.translate(
            "MainWindow", "PDF (*.pdf);;Word document, editable (*.docx)"))
        if not path:
            return
        write = export_briefing_docx if Path(path).suffix.lower() == ".docx" else export_briefing
        try:
            write(Path(path), self.ds, self.state, self.lang, story=self.model.resolved.story,
                  extended=self.act_briefing_extended.isChecked())
        except SaveError as exc:
            warn(self, QCoreApplication.translate("MainWindow", "Export failed"), exc.text.get(self.lang))
            return
        self._saved(path)

    def copy_chart(self) -> None:
        """The chart as it would be exported (light, with title and sources) on the clipboard."""
        from PySide6.QtGui import QGuiApplication

        from meldpunt_gui.ui.export.chart_export import render_png

        image = render_png(self.ds, self.state, self.lang, 1200, 700,
                           max(1.0, self.devicePixelRatioF()), story=self.model.resolved.story)
        QGuiApplication.clipboard().setImage(image)
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Chart copied"), 5000)

