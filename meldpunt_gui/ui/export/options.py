"""Chart export options: pixel size, HiDPI scale and the definitions note; remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget


class ChartExportOptions(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Chart export"))
        self.width_box, self.height_box = QSpinBox(self), QSpinBox(self)
        for box, key, default in ((self.width_box, "width", 1200), (self.height_box, "height", 700)):
            box.setRange(200, 8000)
            box.setSingleStep(50)
            box.setGroupSeparatorShown(False)
            box.setSuffix(" px")
            stored = settings.value(f"export/{key}", default)
            try:
                if not isinstance(stored, (str, bytes, int, float)):
                    raise TypeError(stored)
                value = int(stored)
            except (TypeError, ValueError, OverflowError):  # OverflowError: 'inf'
                value = default
            # the nearest size the box holds: a number past a C int (99999999999) raised in setValue
            box.setValue(min(max(value, box.minimum()), box.maximum()))
        self.scale = QComboBox(self)
        self.scale.addItems([self.tr("1x (as on screen)"), self.tr("2x (sharp on HiDPI screens and in print)")])
        self.scale.setCurrentIndex(1 if str(settings.value("export/scale", "1")) == "2" else 0)
        self.definitions = QCheckBox(self.tr("Add the &definitions under the chart"), self)
        self.definitions.setChecked(str(settings.value("export/definitions", "false")) == "true")
        form = QFormLayout(self)
        form.addRow(self.tr("&Width:"), self.width_box)
        form.addRow(self.tr("&Height:"), self.height_box)
        form.addRow(self.tr("&Sharpness:"), self.scale)
        form.addRow(self.definitions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[int, int, float, bool]:
        return (self.width_box.value(), self.height_box.value(),
                2.0 if self.scale.currentIndex() == 1 else 1.0, self.definitions.isChecked())

    def remember(self) -> None:
        w, h, scale, definitions = self.values()
        self.settings.setValue("export/width", w)
        self.settings.setValue("export/height", h)
        self.settings.setValue("export/scale", "2" if scale == 2.0 else "1")
        self.settings.setValue("export/definitions", "true" if definitions else "false")
