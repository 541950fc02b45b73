"""The Table tab's page: the table, the key to its marks, and 'Tabel exporteren'."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meldpunt_gui.files.portable_names import portable_stem
from meldpunt_gui.ui.table_view import TableView

if TYPE_CHECKING:
    from meldpunt_gui.ui.view_model import ViewModel


class TablePane(QWidget):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.table = TableView(self)
        self.key = QLabel(self)
        self.key.setTextFormat(Qt.TextFormat.PlainText)
        self.key.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_dialog)
        bottom = QHBoxLayout()
        bottom.addWidget(self.key, 1)
        bottom.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_button.setText(self.tr("Export &table…"))
        self.export_button.setToolTip(self.tr("Write the table as shown to CSV or Excel"))
        self.key.setAccessibleName(self.tr("Key to the marks in the table"))

    def bind(self, model: ViewModel) -> None:
        self.table.bind(model)
        model.changed.connect(self._show_key)
        self._show_key()

    def _show_key(self) -> None:
        table = self.table.model_.table
        self.key.setText("   ".join(table.screen_key))
        self.key.setVisible(bool(table.screen_key))

    def export_dialog(self, path: str = "") -> bool:
        """Ask where, then write the table exactly as shown; CSV or XLSX by the file's ending."""
        from meldpunt_gui.exports.table_export import export_table
        from meldpunt_gui.files.safewrite import SaveError

        if not path:
            folder = str(self.settings.value("export/folder", str(Path.home())))
            # the suggested name in the window's language, kept to what every system holds
            name = portable_stem(self.tr("table", "a file name: letters, digits and - only"), "table")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export table"), str(Path(folder) / f"{name}.csv"),
                self.tr("CSV (*.csv);;Excel (*.xlsx)"))
        if not path:
            return False
        fmt = "xlsx" if path.lower().endswith(".xlsx") else "csv"
        try:
            export_table(Path(path), fmt, self.table.model_.table)
        except SaveError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), exc.text.get(self.table.lang))
            return False
        self.settings.setValue("export/folder", str(Path(path).parent))
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if bar is not None:
            bar().showMessage(self.tr("Saved %1").replace("%1", path), 8000)
        return True
