"""Says why a half-year view of a year-only series is empty, and offers to show years."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from meldpunt_gui.ui.view_model import ViewModel


class HalfYearHint(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # series names may come from files
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        self._model: ViewModel | None = None
        self.button.clicked.connect(self._years)
        self.hide()

    def bind(self, model: ViewModel) -> None:
        self._model = model
        model.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        model = self._model
        if model is None:
            return
        view = model.resolved
        missing = view.without_half_years
        self.setVisible(bool(missing))
        if not missing:
            return
        names = ", ".join(view.ds.metrics[m].label.get(view.lang) for m in missing)
        text = (self.tr("This series has no half-year figures: %1") if len(missing) == 1
                else self.tr("These series have no half-year figures: %1"))
        self.label.setText(text.replace("%1", names))
        self.button.setText(self.tr("Show &years"))

    def _years(self) -> None:
        if self._model is not None:
            self._model.update(granularity="year")
