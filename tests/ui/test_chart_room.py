"""Every panel keeps room to be read: on a low screen the chart page scrolls instead.

Four units on a 1366x768 laptop screen squeezed each panel's plot to a few pixels (axis texts
on top of each other, no data to see). The chart now asks for PLOT_MIN_PX per plot, and the
chart page scrolls where the window is lower than that.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.main_window import MainWindow
from meldpunt_gui.ui.window_layout import PLOT_MIN_PX

FOUR_UNITS = ("reports_total", "urls_illegal", "police_reports", "share_hosted_nl_pct")


@pytest.fixture
def window_of(qtbot, settings):
    from meldpunt_gui.data.bundled import load_bundled

    ds = load_bundled()

    def make(metrics, size):
        w = MainWindow(ds, settings, "nl", state=ViewState(metrics=tuple(metrics)))
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        w.chart.ensure_loaded()
        qtbot.waitExposed(w)
        for _ in range(10):
            QApplication.processEvents()
        return w
    return make


def test_four_units_on_a_laptop_screen_keep_their_plots_and_the_page_scrolls(window_of):
    w = window_of(FOUR_UNITS, (1366, 768))
    assert len(w.chart.plots) == 4
    assert all(plot.height() >= PLOT_MIN_PX - 1 for plot in w.chart.plots)
    assert all(len(w.chart.tick_strings(k)) >= 2 for k in range(4))  # values to read on each
    bar = w.chart_scroll.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0
    page = w.chart_scroll.widget()
    assert page.height() > w.chart_scroll.viewport().height()
    # the chart does not take the wheel: Qt passes a real wheel event on to the page
    viewport = w.chart._glw.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    wheel = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert not wheel.isAccepted()  # passed on to the page (seen scrolling in a real window)


def test_one_series_in_the_default_window_fills_the_tab_without_a_scroll_bar(window_of):
    w = window_of(("reports_total",), (1400, 860))
    assert not w.chart_scroll.verticalScrollBar().isVisible()
    page = w.chart_scroll.widget()
    assert page.height() == w.chart_scroll.viewport().height()
    assert w.chart.plots[0].height() > 2 * PLOT_MIN_PX


def test_the_page_keeps_its_width_when_the_scroll_bar_comes_and_goes(window_of, qtbot):
    """The page's height follows its width (wrapped texts, the key figures that fit); a page
    that lost the scroll bar's width when the bar came was laid out back and forth for ever."""
    w = window_of(("reports_total",), (1366, 768))
    bar = w.chart_scroll.verticalScrollBar()
    assert not bar.isVisible()
    width = w.title.width(), w.chart.width()  # the text's width and the chart's
    w.model.select_metrics(FOUR_UNITS)
    qtbot.waitUntil(lambda: bar.isVisible())
    assert (w.title.width(), w.chart.width()) == width
    w.model.select_metrics(("reports_total",))
    qtbot.waitUntil(lambda: not bar.isVisible())
    assert (w.title.width(), w.chart.width()) == width


def test_an_exported_chart_keeps_the_size_it_is_given(qapp):
    """The minimum is the window's: four panels exported at 800x400 fill 800x400, their
    plots smaller than the window's least."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.ui.export.chart_export import _figure

    fig = _figure(load_bundled(), ViewState(metrics=FOUR_UNITS), "nl", 800, 400, False)
    try:
        assert fig.chart.needed_height() == 0
        assert len(fig.chart.plots) == 4
        assert fig.chart.height() < 400
        assert all(plot.height() < PLOT_MIN_PX for plot in fig.chart.plots)
    finally:
        fig.deleteLater()


def test_the_key_figures_keep_their_height_when_a_figure_needs_fewer_lines(window_of):
    """A key figure whose note wraps onto more lines made the strip taller, the next one lower
    again: each such change moved the chart under it, and laid it out and painted it once
    more. The strip now keeps the tallest height it had at this width for as many figures."""
    w = window_of(("urls_illegal",), (1366, 768))
    w.model.set_state(w.model.state.with_(mode="index", base_year=2023))  # the mode's figure: a line more
    for _ in range(5):
        QApplication.processEvents()
    strip = w.headline_strip
    tall = strip.height()
    w.model.set_state(w.model.state.with_(mode="absolute"))  # a figure of fewer lines
    for _ in range(5):
        QApplication.processEvents()
    assert strip.layout().totalHeightForWidth(strip.width()) < tall  # it would be lower
    assert strip.height() == tall
    w.resize(1300, 768)  # at another width it is as high as its figures
    for _ in range(5):
        QApplication.processEvents()
    assert strip.height() == strip.layout().totalHeightForWidth(strip.width())


def test_the_first_window_fits_a_screen_smaller_than_its_first_size(qtbot, settings):
    """On a 1366x768 laptop the first window (1400x860) ran past the screen's edges; where the
    screen has less room it starts maximized, and a saved place and size are kept as they were."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.ui.main_window import FIRST_SIZE

    free = QApplication.primaryScreen().availableGeometry()
    assert free.width() < FIRST_SIZE[0] or free.height() < FIRST_SIZE[1]  # offscreen: 800x600
    first = MainWindow(load_bundled(), settings, "nl")
    qtbot.addWidget(first)
    first.show_first()
    qtbot.waitExposed(first)
    assert first.isMaximized()
    first.showNormal()
    first.resize(700, 500)
    settings.setValue("window/geometry", first.saveGeometry())
    again = MainWindow(load_bundled(), settings, "nl")
    qtbot.addWidget(again)
    again.show_first()
    qtbot.waitExposed(again)
    assert not again.isMaximized() and again.size().width() == 700


def _saved_on_a_screen_of_width(geometry, width: int):
    """`geometry` (QWidget.saveGeometry) as if saved on a screen `width` pixels wide: Qt's
    format keeps that width after the frame, normal geometry, screen number and two flags."""
    import struct

    from PySide6.QtCore import QByteArray

    data = bytes(geometry.data())
    at = 4 + 2 + 2 + 16 + 16 + 4 + 1 + 1
    return QByteArray(data[:at] + struct.pack(">i", width) + data[at + 4:])


def _fits(window) -> bool:
    free = window.screen().availableGeometry()
    return free.contains(window.frameGeometry()) or window.isMaximized()


def test_a_window_saved_on_a_screen_of_another_size_fits_this_one(qtbot, settings):
    """Saved on a 2560 px wide screen and started on this one, Qt refused the saved geometry
    and the window came up at its bare 472x524, partly off screen (the saved one was ignored
    as if restored): it starts as on a first start, maximized where the screen is small."""
    from meldpunt_gui.data.bundled import load_bundled

    screen = QApplication.primaryScreen()
    first = MainWindow(load_bundled(), settings, "nl")
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 500)
    settings.setValue("window/geometry", _saved_on_a_screen_of_width(first.saveGeometry(),
                                                                     screen.geometry().width() * 3))
    again = MainWindow(load_bundled(), settings, "nl")
    qtbot.addWidget(again)
    assert not again.restored
    again.show_first()
    qtbot.waitExposed(again)
    assert again.isMaximized() and _fits(again)
    qtbot.waitUntil(lambda: again.width() >= screen.availableGeometry().width() - 20)


def test_a_window_saved_partly_off_this_screen_comes_back_on_it(qtbot, settings):
    from meldpunt_gui.data.bundled import load_bundled

    free = QApplication.primaryScreen().availableGeometry()
    first = MainWindow(load_bundled(), settings, "nl")
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(600, 450)
    first.move(free.right() - 200, free.bottom() - 150)  # most of it past the edges
    qtbot.waitUntil(lambda: first.pos().x() > free.center().x())
    settings.setValue("window/geometry", first.saveGeometry())
    again = MainWindow(load_bundled(), settings, "nl")
    qtbot.addWidget(again)
    assert again.restored
    again.show_first()
    qtbot.waitExposed(again)
    assert not again.isMaximized() and again.size().width() == 600
    assert free.contains(again.frameGeometry())
