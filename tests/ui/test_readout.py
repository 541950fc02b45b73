"""The chart's readout: one box for the period under the pointer, that stays, pins and steps."""

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from meldpunt_gui.model.domain import Period
from meldpunt_gui.text.describe import readout_lines


def _window(make_window, qtbot, metrics=("reports_total", "share_nl")):
    w = make_window(metrics)
    qtbot.waitUntil(lambda: w.chart.plots[0].getViewBox().width() > 100)
    return w


def _view_pos(w, metric: str, period: Period) -> QPoint:
    return w.chart._glw.mapFromScene(w.chart.point_scene_pos(metric, period))


def test_one_readout_names_every_series_of_every_panel(make_window, qtbot, tiny_ds):
    w = _window(make_window, qtbot)
    assert len(w.chart.plots) == 2
    w.chart._on_mouse_moved(w.chart.point_scene_pos("share_nl", Period(2022)))
    expected = "\n".join(readout_lines(tiny_ds, ("reports_total", "share_nl"), Period(2022), "nl"))
    assert w.chart.hover_text == expected
    assert "Meldingen totaal: ca. 145.000 meldingen" in expected and "Aandeel NL" in expected
    lines = [w.chart.readout._lines[id(p)] for p in w.chart.plots]
    assert all(line.isVisible() and line.value() == 2022.0 for line in lines)  # every panel


def test_the_readout_stays_while_the_pointer_is_in_the_plot(make_window, qtbot):
    w = _window(make_window, qtbot)
    chart = w.chart
    chart._on_mouse_moved(chart.point_scene_pos("reports_total", Period(2021)))
    text = chart.hover_text
    # off the point but still in the 2021 column, high up in the plot: the same readout
    vb = chart.plots[0].getViewBox().sceneBoundingRect()
    above = QPointF(chart.point_scene_pos("reports_total", Period(2021)).x() + 5, vb.top() + 4)
    chart._on_mouse_moved(above)
    assert chart.hover_text == text and chart.readout.label.isVisible()
    QApplication.sendEvent(chart._glw, QEvent(QEvent.Type.Leave))  # the pointer leaves
    assert chart.hover_text == "" and not chart.readout.label.isVisible()


def test_a_click_pins_it_and_escape_unpins(make_window, qtbot):
    w = _window(make_window, qtbot)
    chart, glw = w.chart, w.chart._glw
    qtbot.mouseClick(glw.viewport(), Qt.MouseButton.LeftButton,
                     pos=_view_pos(w, "reports_total", Period(2020)))
    assert chart.readout.pinned and chart.readout.period == Period(2020)
    chart._on_mouse_moved(chart.point_scene_pos("reports_total", Period(2022)))
    assert chart.readout.period == Period(2020)  # pinned: hovering elsewhere leaves it
    QApplication.sendEvent(glw, QEvent(QEvent.Type.Leave))
    assert chart.readout.label.isVisible()
    qtbot.keyClick(glw, Qt.Key.Key_Escape)
    assert not chart.readout.pinned and not chart.readout.label.isVisible()


def test_arrow_keys_move_it_and_screen_readers_get_the_same_text(make_window, qtbot, tiny_ds):
    w = _window(make_window, qtbot, ("reports_total", "cloud_urls"))
    glw = w.chart._glw
    qtbot.mouseClick(glw.viewport(), Qt.MouseButton.LeftButton,
                     pos=_view_pos(w, "reports_total", Period(2019)))
    assert w.chart.readout.period == Period(2019)
    for _ in range(4):
        qtbot.keyClick(glw, Qt.Key.Key_Right)
    assert w.chart.readout.period == Period(2024)  # 2023 has no value: skipped
    assert w.chart.hover_text.startswith("2024\nMeldingen totaal: ca. 127.000")
    assert glw.accessibleDescription() == w.chart.hover_text
    qtbot.keyClick(glw, Qt.Key.Key_Left)
    assert w.chart.readout.period == Period(2022)
    qtbot.keyClick(glw, Qt.Key.Key_Home)
    assert w.chart.readout.period == Period(2019)
    assert w.chart.readout.label.text() == glw.accessibleDescription()


def test_a_new_selection_keeps_a_pinned_period(make_window, qtbot):
    w = _window(make_window, qtbot, ("reports_total",))
    w.chart.readout.step(1)
    w.chart.readout.step(1)
    assert w.chart.readout.period == Period(2020)
    w.metric_picker.set_checked("cloud_urls", True)
    assert w.chart.readout.period == Period(2020) and "Cloud-URL's" in w.chart.hover_text


def test_home_and_end_go_to_the_first_and_last_period_with_no_readout_showing(make_window, qtbot):
    w = _window(make_window, qtbot, ("reports_total",))
    glw = w.chart._glw
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # to the chart
    assert QApplication.focusWidget() is glw
    readout = w.chart.readout
    for key, year in ((Qt.Key.Key_End, 2024), (Qt.Key.Key_Home, 2019),
                      (Qt.Key.Key_Right, 2019), (Qt.Key.Key_Left, 2024)):
        assert not readout.label.isVisible()
        qtbot.keyClick(glw, key)
        assert readout.period == Period(year), key
        assert w.chart.hover_text.startswith(f"{year}\n")
        qtbot.keyClick(glw, Qt.Key.Key_Escape)
    qtbot.keyClick(glw, Qt.Key.Key_End)
    qtbot.keyClick(glw, Qt.Key.Key_Left)
    assert readout.period == Period(2022)  # 2023 has no value


def test_in_the_index_mode_the_readout_gives_the_index_drawn_with_the_value_beside_it(make_window, qtbot):
    w = _window(make_window, qtbot, ("reports_total",))
    qtbot.keyClick(w, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # &Weergave
    qtbot.keyClick(w.mode, Qt.Key.Key_Down)  # the index
    assert w.state.mode == "index"
    base = w.model.resolved.chart.index_base
    [s] = w.chart.series
    drawn = s.y[s.periods.index(Period(2021))]
    assert drawn == pytest.approx(413262 / 300000 * 100)  # the y axis shows the index
    glw = w.chart._glw
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(glw, Qt.Key.Key_End)
    qtbot.keyClick(glw, Qt.Key.Key_Left)
    qtbot.keyClick(glw, Qt.Key.Key_Left)
    assert w.chart.readout.period == Period(2021)
    assert w.chart.hover_text.split("\n")[1] == (
        f"Meldingen totaal: index ca. {round(drawn)} ({base.year} = 100) · 413.262 meldingen · "
        "+35% ten opzichte van 2020 · Bron: NU.nl, apr 2022")
    qtbot.keyClick(w.mode, Qt.Key.Key_Up)  # back to the values: the value alone
    assert w.state.mode == "absolute"
    assert w.chart.hover_text.split("\n")[1].startswith("Meldingen totaal: 413.262 meldingen · +35%")
