"""A layout that places its items in rows and wraps them, like words (Qt's flow layout example).

Used for the chips of the selected series above the metric picker: they take as many rows as
they need at the picker's width instead of being cut off or scrolled.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        # width -> height, until the items change: Qt asks it several times per layout pass,
        # and each answer measures every chip
        self._heights: dict[int, int] = {}
        self._hints: list[QSize] | None = None  # each item's size hint, until the items change
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._forget()

    def spacing(self) -> int:
        """The gap between chips, across and down."""
        return self._spacing

    def widgets(self) -> list[QWidget | None]:
        """The widgets laid out, in order (None for an item that is no widget)."""
        return [item.widget() for item in self._items]

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self._forget()
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._place(QRect(0, 0, width, 0), move=False)
        return height

    def invalidate(self) -> None:
        """Qt calls this when an item's size may have changed (a chip's text, shown, hidden)."""
        self._forget()
        super().invalidate()

    def _forget(self) -> None:
        self._heights.clear()
        self._hints = None

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_height = area.x(), area.y(), 0
        if self._hints is None:
            self._hints = [item.sizeHint() for item in self._items]
        for item, hint in zip(self._items, self._hints):
            if hint.width() > area.width() > 0:  # wider than a whole row: as narrow as it may be
                hint = QSize(max(area.width(), item.minimumSize().width()), hint.height())
            if x + hint.width() > area.right() + 1 and row_height > 0:
                x, y = area.x(), y + row_height + self._spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()
