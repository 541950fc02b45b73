"""Period picker: a year range, single years on/off, presets, and year or half-year."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from meldpunt_gui.model.vocabulary import YEAR_MAX, YEAR_MIN


class PeriodPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.first = QSpinBox(self)
        self.last = QSpinBox(self)
        for box in (self.first, self.last):
            box.setRange(YEAR_MIN, YEAR_MAX)
            box.setGroupSeparatorShown(False)
            box.setKeyboardTracking(False)
        self.all_years = QPushButton(self)
        self.last5 = QPushButton(self)
        self.year_mode = QRadioButton(self)
        self.half_mode = QRadioButton(self)
        self.year_mode.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.year_mode)
        self.mode_group.addButton(self.half_mode)
        self.years = QListWidget(self)
        self.years.setMaximumHeight(140)
        self.from_label, self.to_label, self.years_label = QLabel(self), QLabel(self), QLabel(self)
        self.from_label.setBuddy(self.first)
        self.to_label.setBuddy(self.last)
        self.years_label.setBuddy(self.years)

        grid = QGridLayout()
        grid.addWidget(self.from_label, 0, 0)
        grid.addWidget(self.first, 0, 1)
        grid.addWidget(self.to_label, 0, 2)
        grid.addWidget(self.last, 0, 3)
        presets = QHBoxLayout()
        presets.addWidget(self.all_years)
        presets.addWidget(self.last5)
        modes = QHBoxLayout()
        modes.addWidget(self.year_mode)
        modes.addWidget(self.half_mode)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(grid)
        lay.addLayout(presets)
        lay.addLayout(modes)
        lay.addWidget(self.years_label)
        lay.addWidget(self.years)

        self._span = (1996, 2024)
        self._latest: int | None = None
        self._quiet = False
        self.first.valueChanged.connect(self._range_edited)
        self.last.valueChanged.connect(self._range_edited)
        self.all_years.clicked.connect(self.select_all_years)
        self.last5.clicked.connect(self.select_last_five)
        self.year_mode.toggled.connect(self._emit)
        self.years.itemChanged.connect(self._emit)
        self.retranslate()

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("Fro&m"))
        self.to_label.setText(self.tr("&To"))
        self.all_years.setText(self.tr("&All years"))
        self.last5.setText(self.tr("&Last 5 years"))
        self.year_mode.setText(self.tr("&Years"))
        self.half_mode.setText(self.tr("Half-yea&rs"))
        self.years_label.setText(self.tr("Years shown:"))
        self.first.setAccessibleName(self.tr("First year"))
        self.last.setAccessibleName(self.tr("Last year"))
        self.years.setAccessibleName(self.tr("Years shown"))

    # ----- state in and out
    def set_state(self, span: tuple[int, int], first: int, last: int, excluded: frozenset[int],
                  granularity: str, latest: int | None = None) -> None:
        """`span`: the dataset's years, the boxes' bounds; `latest`: the last year the selected
        series have a value in, where "Last 5 years" ends."""
        self._quiet = True
        self._span = span
        self._latest = latest
        # only what differs: a spin box given its own range again repaints itself (twice per
        # change of series, with the group box under it, though the years stayed the same)
        bounds = (min(span[0], first), max(span[1], last))
        for box, value in ((self.first, first), (self.last, last)):
            if (box.minimum(), box.maximum()) != bounds:
                box.setRange(*bounds)
            if box.value() != value:
                box.setValue(value)
        mode = self.half_mode if granularity == "half" else self.year_mode
        if not mode.isChecked():
            mode.setChecked(True)
        self._fill_years(first, last, excluded)
        self._quiet = False

    def state(self) -> tuple[int, int, frozenset[int], str]:
        first, last = sorted((self.first.value(), self.last.value()))
        excluded = frozenset(
            int(self.years.item(i).text()) for i in range(self.years.count())
            if self.years.item(i).checkState() != Qt.CheckState.Checked)
        return first, last, excluded, "half" if self.half_mode.isChecked() else "year"

    def select_all_years(self) -> None:
        self._set_range(*self._span)

    def select_last_five(self) -> None:
        """The five years up to the selected series' latest value: up to the dataset's last
        year, the police's figures (to 2021) got one point and four empty years."""
        end = self._latest if self._latest is not None else self._span[1]
        self._set_range(max(self._span[0], end - 4), end)

    # ----- internals
    def _set_range(self, first: int, last: int) -> None:
        self._quiet = True
        self.first.setValue(first)
        self.last.setValue(last)
        self._fill_years(first, last, frozenset())
        self._quiet = False
        self._emit()

    def _fill_years(self, first: int, last: int, excluded: frozenset[int]) -> None:
        """The years of the range, ticked unless excluded; left as they are (and where the
        reader scrolled them) when they show that already, as after most changes of series."""
        wanted = [(year, year not in excluded) for year in range(min(first, last), max(first, last) + 1)]
        shown = [(int(item.text()), item.checkState() == Qt.CheckState.Checked)
                 for item in map(self.years.item, range(self.years.count()))]
        if shown == wanted:
            return
        self.years.blockSignals(True)
        self.years.clear()
        for year, ticked in wanted:
            item = QListWidgetItem(str(year))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.years.addItem(item)
        self.years.blockSignals(False)

    def _range_edited(self) -> None:
        if self._quiet:
            return
        _, _, excluded, _ = self.state()
        self._fill_years(self.first.value(), self.last.value(), excluded)
        self._emit()

    def _emit(self, *_args: object) -> None:
        if not self._quiet:
            self.changed.emit()
