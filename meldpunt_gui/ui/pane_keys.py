"""Moving between the window's panes from the keyboard.

F6 and Shift+F6 cycle the panes (series picker, chart or table, explanation), as in most
desktop programs; Ctrl+1, Ctrl+2 and Ctrl+3 go straight to the chart, the table and the
explanation. The tab order puts the chart two Tab presses after the series search (search,
list, chart), instead of behind every control of the period picker and the toolbar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget


class PaneKeys(QObject):
    """The pane shortcuts of one main window (which owns this object)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.w = window
        context = Qt.ShortcutContext.WindowShortcut
        for keys, slot in (("F6", lambda: self.cycle(1)), ("Shift+F6", lambda: self.cycle(-1)),
                           ("Ctrl+1", self.to_chart), ("Ctrl+2", self.to_table),
                           ("Ctrl+3", self.to_explanation)):
            QShortcut(QKeySequence(keys), window, slot, context=context)
        window.chart.loaded.connect(self.order_tabs)
        if window.chart.is_loaded():
            self.order_tabs()

    def order_tabs(self) -> None:
        """Search, list, chart: the chart is two Tab presses from the search field."""
        picker, chart = self.w.metric_picker, self.w.chart
        target = chart._glw if chart.is_loaded() else chart
        QWidget.setTabOrder(picker.search, picker.tree)
        QWidget.setTabOrder(picker.tree, target)

    # ----- the panes
    def panes(self) -> list[QWidget]:
        """Where each pane puts the focus: the search field, the open tab's view, the text."""
        centre = self.w.table if self.w.tabs.currentIndex() == 1 else self._chart_target()
        return [self.w.metric_picker.search, centre, self.w.explanation]

    def _chart_target(self) -> QWidget:
        chart = self.w.chart
        chart.ensure_loaded()
        return chart._glw

    def current(self) -> int:
        focus = QApplication.focusWidget()
        containers = [self.w.metric_picker.parentWidget(), self.w.tabs, self.w.explanation]
        for index, container in enumerate(containers):
            if focus is not None and container is not None and (
                    focus is container or container.isAncestorOf(focus)):
                return index
        return -1

    def cycle(self, step: int) -> None:
        panes = self.panes()
        index = self.current()
        start = 0 if step > 0 else len(panes) - 1
        nxt = start if index < 0 else (index + step) % len(panes)
        panes[nxt].setFocus(Qt.FocusReason.OtherFocusReason)

    def to_chart(self) -> None:
        self.w.tabs.setCurrentIndex(0)
        self._chart_target().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def to_table(self) -> None:
        self.w.tabs.setCurrentIndex(1)
        self.w.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def to_explanation(self) -> None:
        self.w.explanation.setFocus(Qt.FocusReason.ShortcutFocusReason)
