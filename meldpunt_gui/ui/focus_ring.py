"""A visible frame around the focused pane, where the style draws none.

Fusion marks the focus of a line edit, a check box or a list, but not of a scroll area: with the
focus on the chart (a QGraphicsView), the explanation (a QTextBrowser), the chart in words or the
flat headline figure, nothing on screen changed, and F6 and Ctrl+1..3 landed on those first. A
keyboard user must see where the keys go (WCAG 2.4.7).

One ring per window: a child of the window above everything else, masked to its own two-pixel
edge (so the panes under it are not painted again for it, and clicks pass through), moved onto
the focused widget when that widget is of a kind the style leaves unmarked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen, QRegion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QPushButton,
    QWidget,
)

WIDTH = 2  # pixels of the ring


def unmarked(widget: QWidget) -> bool:
    """A widget whose focus the style does not show: a scroll area that is no item view (an
    item view marks its current item), or a flat button."""
    if isinstance(widget, QAbstractScrollArea):
        return not isinstance(widget, QAbstractItemView)
    return isinstance(widget, QPushButton) and widget.isFlat()


def shown_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of `widget` its parents show, in `window`'s coordinates: a chart scrolled half
    out of its page gets a ring round the half in view."""
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size()))
        parent = parent.parentWidget()
    return rect


class FocusRing(QWidget):
    """Follows the window's focus onto unmarked widgets (see the module's docstring)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []  # the target and its parents up to the window
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = new if new is not None and new.window() is self.window() and unmarked(new) else None
        if target is self.target:
            return
        for watched in self._watched:
            try:
                watched.removeEventFilter(self)
            except RuntimeError:  # deleted meanwhile (the window closing): nothing to undo
                pass
        self.target, self._watched = target, []
        if target is None:
            self.hide()
            return
        # it may move, resize or hide while it has the focus, or a scroll area around it scroll
        widget: QWidget | None = target
        while widget is not None and widget is not self.window():
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self.place()

    def place(self) -> None:
        target = self.target
        if target is None or not target.isVisible():
            self.hide()
            return
        rect = shown_rect(target, self.window())
        if rect.isEmpty():
            self.hide()
            return
        self.setGeometry(rect)
        inner = QRect(WIDTH, WIDTH, rect.width() - 2 * WIDTH, rect.height() - 2 * WIDTH)
        self.setMask(QRegion(self.rect()).subtracted(QRegion(inner)))
        self.raise_()
        self.show()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self.place()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = WIDTH / 2
        painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))
        painter.end()
