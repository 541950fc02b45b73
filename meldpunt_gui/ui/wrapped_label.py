"""A word-wrapped label that remembers its height per width.

A layout pass asks a wrapped label for its height at the same width many times (the headline
strip's tiles: some sixty times per change of selection, each one laying the text out anew, a
tenth of the whole window's change). The answer depends only on the text, its format, the font
and the margins, so it is kept per width until one of those changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

KEPT_WIDTHS = 8  # a layout tries a few widths; more than this and the label is being resized


class WrappedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._heights: dict[int, int] = {}

    def setText(self, text: str) -> None:
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= KEPT_WIDTHS:
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.ContentsRectChange):
            self._heights.clear()
        super().changeEvent(event)
        if (event.type() == QEvent.Type.PaletteChange and self.textFormat() == Qt.TextFormat.RichText
                and self.text()):
            # a link takes its colour when the rich text is set, so after a theme switch the
            # source link stayed light-theme blue on the dark tile: set the same text again
            text = self.text()
            super().setText("")
            super().setText(text)

    def setTextFormat(self, fmt: Qt.TextFormat) -> None:
        self._heights.clear()
        super().setTextFormat(fmt)
