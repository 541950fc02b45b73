"""The focused pane is marked where the style marks nothing: the chart, the explanation, the
flat headline figure. Driven from the window's start with the keys a user presses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.main_window import MainWindow


def _window(qtbot, settings, ds) -> MainWindow:
    w = MainWindow(ds, settings, "nl", state=ViewState(metrics=("reports_total",)))
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    w.chart.ensure_loaded()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.metric_picker.search)
    return w


def _ring_on(w: MainWindow, widget) -> bool:
    ring = w.focus_ring
    if not ring.isVisible() or ring.target is not widget:
        return False
    from meldpunt_gui.ui.focus_ring import shown_rect

    return ring.geometry() == shown_rect(widget, w) and not ring.geometry().isEmpty()


def test_f6_and_ctrl_keys_land_on_a_pane_that_is_marked(qtbot, settings, tiny_ds):
    w = _window(qtbot, settings, tiny_ds)
    assert not w.focus_ring.isVisible()  # the search field marks its own focus
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    chart = w.chart._glw
    qtbot.waitUntil(lambda: QApplication.focusWidget() is chart)
    assert _ring_on(w, chart)
    qtbot.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.explanation)
    assert _ring_on(w, w.explanation)
    assert w.focus_ring.mask().boundingRect() == w.focus_ring.rect()  # only its edge is painted
    assert not w.focus_ring.mask().contains(w.focus_ring.rect().center())
    qtbot.keyClick(w, Qt.Key.Key_F6)  # round to the series search: marked by its own style
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.metric_picker.search)
    assert not w.focus_ring.isVisible()
    w.resize(1200, 760)  # the ring follows a pane that moves or resizes
    qtbot.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _ring_on(w, w.explanation))


def test_tab_from_the_figure_marks_it_and_the_chart_page_is_no_tab_stop(qtbot, settings, tiny_ds):
    w = _window(qtbot, settings, tiny_ds)
    figure = w.headline_strip.tiles[0].figure
    figure.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is figure)
    assert figure.isFlat() and _ring_on(w, figure)
    assert w.chart_scroll.focusPolicy() == Qt.FocusPolicy.NoFocus
