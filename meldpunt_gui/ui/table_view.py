"""The Table tab: periods as rows, one column per series, the change as a small second line.

The model hands out what `text.tabular.Table` holds (nothing is worked out here); a cell's
tooltip and accessible text are made only when Qt asks for them. Status and ca. marks are in
the cell text; each status also gets a cell tint of its own (see `table_delegate`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.resolve import ResolvedView
from meldpunt_gui.text.tabular import Table
from meldpunt_gui.ui.table_delegate import CHANGE_ROLE, STATUS_ROLE, ChangeDelegate

if TYPE_CHECKING:
    from meldpunt_gui.ui.view_model import ViewModel
from meldpunt_gui.text.plain import tooltip_html

Index = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = Table([])

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.table.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        cell = self.table.rows[index.row()][index.column()]
        series = self.table.columns[index.column()].kind == "series"
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == CHANGE_ROLE:
            return cell.change
        if role == STATUS_ROLE:
            return cell.status
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.table.tooltip(index.row(), index.column())
            return tooltip_html(tip) if tip else None  # file text stays text
        if role == Qt.ItemDataRole.TextAlignmentRole and series:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.FontRole and (cell.approximate or cell.own):
            font = QFont()
            font.setItalic(cell.approximate)
            font.setBold(cell.own)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            tip = self.table.tooltip(index.row(), index.column())
            return tip.replace("\n", ", ") if tip else cell.text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.table.columns):
            return None
        column = self.table.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.header.replace("\n", " ")
        return None


class TableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = TableModel(self)
        self.setModel(self.model_)
        self.setItemDelegate(ChangeDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        # the series share the width: ten years of four series fit without scrolling sideways
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
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
        metric, period = self._pending
        table = self.model_.table
        row, col = table.row_of(period), table.column_of(metric)
        if row < 0 or col < 0:
            return False
        index = self.model_.index(row, col)
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
            header = self.horizontalHeader()
            if self.model_.columnCount():
                header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            self._fit_header()
            self._select_pending()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_header()

    def _fit_header(self) -> None:
        """As tall as the longest series name needs once wrapped at its column's width (Qt
        sizes a header by its unwrapped text, and would cut a long name off)."""
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        height = metrics.height() * 2
        for section in range(self.model_.columnCount()):
            text = str(self.model_.headerData(section, Qt.Orientation.Horizontal) or "")
            width = max(header.sectionSize(section) - 12, 20)
            height = max(height, metrics.boundingRect(QRect(0, 0, width, 10_000), flags,
                                                      text).height())
        header.setFixedHeight(height + 10)


    def copy_to_clipboard(self) -> str:
        """The whole table as tab-separated text (Excel reads the numbers as numbers) and as an
        HTML table (Word and Outlook keep the layout)."""
        from meldpunt_gui.ui import clipboard

        text = self.model_.table.to_tsv(self.lang)
        clipboard.put(text, self.model_.table.to_html())
        return text
