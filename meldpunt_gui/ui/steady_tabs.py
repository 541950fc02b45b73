"""A tab widget that repaints only what changed inside its pages.

QTabWidget lays its tab bar and page stack out again on every LayoutRequest and then repaints
itself whole; a page's layout asks its parents for one whenever any label in it gets a new text
(QLayout::activate always calls updateGeometry). So a new chart title repainted the tab frame
and, under it, every widget of the chart page: a third of a selection change's painting. This
one lets a LayoutRequest through only when what QTabWidget places things by has changed (the tab
bar's size hint, its own size); when only the pages' size hints changed, it passes that on to
the layouts above, as QTabWidget would, without laying out or repainting itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget


class SteadyTabWidget(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placed_for: tuple[QSize, QSize] | None = None
        self._hints: tuple[QSize, QSize] | None = None
        self._stack = self.findChild(QStackedWidget)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            placed_for = (self.tabBar().sizeHint(), self.size())
            stack = self._stack
            hints = (stack.sizeHint(), stack.minimumSizeHint()) if stack is not None else None
            if placed_for == self._placed_for:
                if hints != self._hints:  # only the pages' needs changed: tell the layouts above
                    self._hints = hints
                    self.updateGeometry()
                return True  # the tab bar and the page stay where they are: nothing to repaint
            self._placed_for, self._hints = placed_for, hints
        return super().event(event)
