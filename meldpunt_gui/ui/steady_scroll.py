"""A scroll area whose page keeps its width whether or not the scroll bar shows.

The chart page's height depends on its width (the title and the sources wrap, the headline
strip shows as many figures as fit). In a plain scroll area a page just too tall for the window
got a scroll bar, so it became narrower and taller, or showed fewer figures and became lower,
so the bar went and the page was wide again: Qt laid it out back and forth until the stack ran
out. Here the text keeps one width: while the bar is hidden, its width is kept free at the
right, less the page's own right margin, which the bar then stands in for.
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
        self._page = page
        layout = page.layout()
        self._margin = layout.contentsMargins().right() if layout is not None else 0
        self.verticalScrollBar().installEventFilter(self)
        self._reserve(visible=False)

    def _reserve(self, visible: bool) -> None:
        """The text's width stays the viewport's less the bar's, whether or not it shows: with
        the bar hidden the page keeps its right margin and the rest of the bar's width is left
        free; with the bar shown the page's right margin goes (the bar stands beside the text)."""
        bar = self.verticalScrollBar().sizeHint().width()
        margin = 0 if visible else min(self._margin, bar)
        free = 0 if visible else bar - margin
        layout = self._page.layout()
        if layout is not None and layout.contentsMargins().right() != margin:
            m = layout.contentsMargins()
            layout.setContentsMargins(m.left(), m.top(), margin, m.bottom())
        if self.viewportMargins().right() != free:
            self.setViewportMargins(0, 0, free, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.verticalScrollBar() and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._reserve(visible=event.type() == QEvent.Type.Show)
        return super().eventFilter(watched, event)
