"""A scroll area whose page keeps its width whether or not the scroll bar shows.

The chart page's height depends on its width (the title and the sources wrap, the headline
strip shows as many figures as fit). In a plain scroll area a page just too tall for the window
got a scroll bar, so it became narrower and taller, or showed fewer figures and became lower,
so the bar went and the page was wide again: Qt laid it out back and forth until the stack ran
out. Here the bar's width is kept free at the right while the bar is hidden, so the page is
laid out for one width only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class SteadyScrollArea(QScrollArea):
    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)
        self.verticalScrollBar().installEventFilter(self)
        self._reserve(visible=False)

    def _reserve(self, visible: bool) -> None:
        """Leave the bar's width free while the bar is hidden; the bar covers it when shown."""
        width = 0 if visible else self.verticalScrollBar().sizeHint().width()
        if self.viewportMargins().right() != width:
            self.setViewportMargins(0, 0, width, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.verticalScrollBar() and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._reserve(visible=event.type() == QEvent.Type.Show)
        return super().eventFilter(watched, event)
