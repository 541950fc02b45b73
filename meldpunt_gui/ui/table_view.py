"""The Table tab: the same selection as the chart, as rows and columns, copyable to Excel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.resolve import ResolvedView

if TYPE_CHECKING:
    from meldpunt_gui.ui.view_model import ViewModel
from meldpunt_gui.text.tabular import Table


class TableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = Table([])

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.table.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell = self.table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (cell.approximate or cell.own):
            font = QFont()
            font.setItalic(cell.approximate)
            font.setBold(cell.own)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cell.tooltip.replace("\n", ", ") if cell.tooltip else cell.text
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.table.headers[section] if section < len(self.table.headers) else None
        return None


class TableView(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model_ = TableModel(self)
        self.setModel(self.model_)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.lang = "nl"
        self._view: ResolvedView | None = None
        self._pending: tuple[str, Period] | None = None  # a point to select, see select_point
        QShortcut(QKeySequence.StandardKey.Copy, self, self.copy_to_clipboard,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.setAccessibleName(self.tr("Table of the values shown"))

    def bind(self, model: ViewModel) -> None:
        """Follow the window's view model; the table is worked out only while its tab is open."""
        def follow() -> None:
            if model.state.tab == "table":
                self.show_view(model.resolved)

        model.changed.connect(follow)
        follow()

    def select_point(self, metric: str, period: Period) -> bool:
        """Select the cell of one value (a headline figure was clicked); kept for when the
        table is next shown if its tab is hidden now."""
        self._pending = (metric, period)
        return self._select_pending()

    def _select_pending(self) -> bool:
        if self._pending is None:
            return False
        place = self.model_.table.cell_of(*self._pending)
        if place is None:
            return False
        index = self.model_.index(*place)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def show_view(self, view: ResolvedView) -> None:
        """Show the view's table; built by the view the first time it is asked for (the table
        is left alone while its tab is hidden)."""
        if view is not self._view:
            self._view = view
            self.lang = view.lang
            self.model_.set_table(view.table)
            self._select_pending()

    def copy_to_clipboard(self) -> str:
        """The whole table as tab-separated text (Excel reads the numbers as numbers) and as an
        HTML table (Word and Outlook keep the layout)."""
        from meldpunt_gui.ui import clipboard

        text = self.model_.table.to_tsv(self.lang)
        clipboard.put(text, self.model_.table.to_html())
        return text
