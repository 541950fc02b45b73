"""Plain text that grows with its lines up to a few and then scrolls: the chart in words.

The chart in words has one sentence per series. In a label of its own, forty series grew it to
some 450 pixels, which pushed the chart down to a strip 68 pixels high; each change laid the
whole text out three times (its height for the width, the label's size, its paint) and every
change of its line count moved the panes around it. Here the text is a read-only plain-text
view: its height stops at `lines` lines (the chart keeps its room, the window its geometry),
and only the lines in view are laid out and painted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QWidget


class CappedText(QPlainTextEdit):
    """Read-only, selectable plain text; as high as its text, at most `lines` lines."""

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self._text = ""
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDocumentMargin(0)
        # text on the page, as a label: no field background
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(0, 0, 0, 0))
        self.setPalette(palette)
        self.viewport().setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(0)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """Show `text`; nothing happens when it is the text shown already."""
        if text != self._text:
            self._text = text
            self.setPlainText(text)
            self._fit()

    def cap(self) -> int:
        """The most pixels the text grows to: `lines` lines of its font."""
        return self._lines * self.fontMetrics().lineSpacing()

    def _fit(self) -> None:
        if not self._text:
            height = 0
        else:
            # lay out the sentences in view now (and no more): the view counts a sentence it has
            # not laid out as one line, and would otherwise find out while painting, set its
            # scroll bar again and paint a second time
            cap = self.cap()
            need, block = 0.0, self.document().firstBlock()
            while block.isValid() and need < cap:
                need += self.blockBoundingRect(block).height()
                block = block.next()
            height = min(round(need), cap)
        if height:
            height += 1  # QPlainTextEdit counts a line as in view only above its last pixel row
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()
