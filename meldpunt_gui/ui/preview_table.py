"""A read-only table whose cells are made when they are shown, for previews of large files.

A QTableWidget with 5,000 preview rows holds 30,000 items: filling them holds the window for
a fifth of a second, and so does deleting them when the dialog goes. Here a model asks for a
row's texts when the view paints or measures it (a few dozen rows), so filling, replacing and
deleting a preview cost next to nothing. `rowCount()` and `item(row, column).text()` read as on
a QTableWidget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from meldpunt_gui.text.plain import SHORT, shorten, tooltip_html

SIZED_ROWS = 100  # the rows the column widths are measured on
CACHED_ROWS = 512  # texts of recently shown rows, so a repaint does not format them again
Index = QModelIndex | QPersistentModelIndex


class Cell:
    """One cell's text, as QTableWidget.item() gives it."""

    def __init__(self, text: str, tip: str) -> None:
        self._text, self._tip = text, tip

    def text(self) -> str:
        return self._text

    def toolTip(self) -> str:
        return self._tip


class _Model(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: QWidget, limit: int) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.limit = limit
        self.count = 0
        self.texts: Callable[[int], Sequence[str]] = lambda _row: ()
        self.cache: dict[int, Sequence[str]] = {}

    def show(self, count: int, texts: Callable[[int], Sequence[str]]) -> None:
        self.beginResetModel()
        self.count, self.texts, self.cache = count, texts, {}
        self.endResetModel()

    def row_texts(self, row: int) -> Sequence[str]:
        hit = self.cache.get(row)
        if hit is None:
            if len(self.cache) >= CACHED_ROWS:
                self.cache.clear()
            hit = self.cache[row] = self.texts(row)
        return hit

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.count

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        texts = self.row_texts(index.row())
        text = texts[index.column()] if index.column() < len(texts) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return shorten(text, self.limit)
        return tooltip_html(text) if len(text) > SHORT else None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and section < len(self.headers)):
            return self.headers[section]
        return None


class PreviewTable(QTableView):
    """Rows of text cells given as a count and a function from row to its texts."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None, limit: int = SHORT) -> None:
        """`limit`: the characters a cell shows at most (the view cuts it further to its width);
        a longer text than SHORT is whole in the cell's tooltip."""
        super().__init__(parent)
        self._model = _Model(headers, self, limit)
        self.setModel(self._model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(SIZED_ROWS)
        header.setStretchLastSection(True)

    def show_rows(self, count: int, texts: Callable[[int], Sequence[str]]) -> None:
        """Show `count` rows; `texts(row)` gives a row's cells when it is painted or measured."""
        self._model.show(count, texts)
        self.resizeColumnsToContents()

    def rowCount(self) -> int:
        return self._model.count

    def item(self, row: int, column: int) -> Cell | None:
        """The cell at (row, column) as QTableWidget.item() gives it; None outside the table."""
        if not (0 <= row < self._model.count and 0 <= column < len(self._model.headers)):
            return None
        index = self._model.index(row, column)  # what the view shows, as the view asks for it
        return Cell(self._model.data(index), self._model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
