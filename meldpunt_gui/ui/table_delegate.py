"""Table cells with the value on top and its change as a smaller, muted second line.

Each marked status also tints its cell (besides the sign after the value), so a forecast or a
draft stands out in a column of published figures even in greyscale print of a screenshot.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

CHANGE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
STATUS_ROLE = int(Qt.ItemDataRole.UserRole) + 2

# A light tint per status, laid over the row colour (alpha keeps text contrast in both themes).
STATUS_TINTS: dict[str, tuple[int, int, int]] = {
    "forecast": (0, 114, 178),
    "partial": (230, 159, 0),
    "secondary": (128, 128, 128),
    "draft": (213, 94, 0),
}
TINT_ALPHA = 40

Index = QModelIndex | QPersistentModelIndex


def status_tint(status: str) -> QColor | None:
    rgb = STATUS_TINTS.get(status)
    return QColor(*rgb, TINT_ALPHA) if rgb else None


class ChangeDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def _small(self, option: QStyleOptionViewItem) -> QStyleOptionViewItem:
        small = QStyleOptionViewItem(option)
        font = small.font
        font.setPointSizeF(font.pointSizeF() * 0.82)
        font.setItalic(False)
        font.setBold(False)
        small.font = font
        return small

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        tint = status_tint(str(index.data(STATUS_ROLE) or ""))
        if tint is not None:
            painter.fillRect(option.rect, tint)
        change = str(index.data(CHANGE_ROLE) or "")
        if not change:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        small = self._small(opt)
        line = small.fontMetrics.height()
        top = QRect(opt.rect.adjusted(0, 0, 0, -line))
        opt.rect = top
        super().paint(painter, opt, index)
        rect = option.rect.adjusted(4, option.rect.height() - line - 2, -4, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        painter.save()
        painter.setFont(small.font)
        painter.setPen(option.palette.color(role) if selected else _muted(option.palette))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         change)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        change = str(index.data(CHANGE_ROLE) or "")
        small = self._small(option)
        extra = small.fontMetrics.height() + 2
        width = max(size.width(), small.fontMetrics.horizontalAdvance(change) + 10)
        return QSize(width, size.height() + extra)


def _muted(palette: QPalette) -> QColor:
    """Text colour half-way to the background: quieter, still above 4.5:1 on either theme."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor((text.red() * 3 + base.red()) // 4, (text.green() * 3 + base.green()) // 4,
                  (text.blue() * 3 + base.blue()) // 4)
