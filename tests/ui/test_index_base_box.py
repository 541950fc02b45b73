"""The base-year box: choosing the index keeps the model's default base, and only a year the
user sets in the box is a choice."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.view import ViewState, index_base
from meldpunt_gui.ui.main_window import MainWindow


@pytest.fixture
def window(bundled_window):
    return bundled_window(ViewState(metrics=("reports_total",), first_year=1996, last_year=2024))


def _drawn(w: MainWindow) -> dict[int, float]:
    """The chart's first series as drawn: year -> value, gaps left out."""
    [line] = [c for c in w.chart._panels[0].lines if c.isVisible()]
    xs, ys = line.getData()
    return {round(x): y for x, y in zip(xs, ys) if not math.isnan(y)}


def test_choosing_the_index_draws_it_on_the_models_default_base(window, qtbot, bundled):
    w = window
    expected = index_base(bundled, w.state.with_(mode="index"))
    assert expected.year > 1996  # the first year of the range has almost no figures after it
    assert not w.base_year.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # &Weergave
    assert QApplication.focusWidget() is w.mode
    qtbot.keyClick(w.mode, Qt.Key.Key_Down)  # Waarden -> Index
    assert w.state.mode == "index"
    assert w.state.base_year is None  # no choice made: the hidden box's 1996 was stored as one
    assert w.model.resolved.chart.index_base == expected
    assert w.base_year.isVisible() and w.base_year.value() == expected.year
    drawn = _drawn(w)
    assert drawn[expected.year] == pytest.approx(100.0)
    assert max(drawn) == 2024  # the index reaches the latest figure
    # back to the values and again to the index: still the default, nothing stored
    qtbot.keyClick(w.mode, Qt.Key.Key_Up)
    assert (w.state.mode, w.state.base_year) == ("absolute", None)
    qtbot.keyClick(w.mode, Qt.Key.Key_Down)
    assert (w.state.mode, w.state.base_year) == ("index", None)
    assert w.base_year.value() == expected.year


def test_a_year_typed_in_the_box_is_the_base(window, qtbot):
    w = window
    qtbot.keyClick(w, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(w.mode, Qt.Key.Key_Down)
    qtbot.keyClick(w.mode, Qt.Key.Key_Tab)  # the box is next after the mode
    assert QApplication.focusWidget() is w.base_year
    qtbot.keyClick(w.base_year, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(w.base_year, "2016")
    assert w.state.base_year == 2016
    assert w.model.resolved.chart.index_base == Period(2016)
    assert _drawn(w)[2016] == pytest.approx(100.0)
    # a new selection fills the box again from the model: that is no choice of the user's
    w.set_state(w.state.with_(base_year=None, first_year=2010))
    assert w.state.base_year is None and w.base_year.value() == w.model.resolved.chart.index_base.year


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", [1024, 900])
def test_the_base_year_box_stays_in_sight_in_a_narrow_window(qtbot, bundled, settings, lang, width):
    """At a 1024 px window the mode's row pushed the box past the page's right edge, where the
    page does not scroll: the box now goes onto a line of its own when the row is full."""
    from PySide6.QtCore import QPoint, QRect

    from meldpunt_gui.ui.i18n import Translators
    from tests.ui.conftest import shown_window

    translators = Translators(QApplication.instance())
    translators.switch(lang)
    try:
        w = shown_window(qtbot, MainWindow(bundled, settings, lang, state=ViewState(
            metrics=("reports_total", "iwf_total_urls"))), (width, 700))
        w.persist = False
        qtbot.keyClick(w, Qt.Key.Key_W if lang == "nl" else Qt.Key.Key_O,  # &Weergave, Sh&ow as
                       Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is w.mode
        qtbot.keyClick(w.mode, Qt.Key.Key_Down)  # values -> index
        assert w.state.mode == "index"
        qtbot.waitUntil(lambda: w.base_year.isVisible())
        for _ in range(5):
            QApplication.processEvents()
        viewport = w.chart_scroll.viewport()
        for widget in (w.mode, w.base_label, w.base_year):
            box = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
            assert viewport.rect().contains(box), (widget, box, viewport.rect())
        assert w.base_year.width() >= w.base_year.sizeHint().width()  # not squeezed either
        if width >= 1024:
            assert w.mode.width() >= w.mode.sizeHint().width()
    finally:
        translators.switch("en")


def test_the_index_axis_names_its_base_year(window, qtbot):
    """'index (base year = 100)' was cut to 'index (base y…' on a low panel and named no year;
    the axis now says which year is 100, and follows the box."""
    w = window
    w.model.update(mode="index", base_year=2016)
    [panel] = w.chart._panels[:1]
    assert panel.axis_label == "index (2016 = 100)"
    assert w.model.resolved.chart.panels[0].unit.label.en == "index (2016 = 100)"
    w.base_year.setFocus()
    w.base_year.selectAll()
    qtbot.keyClicks(w.base_year, "2018")
    qtbot.keyClick(w.base_year, Qt.Key.Key_Return)
    assert w.state.base_year == 2018
    assert w.chart._panels[0].axis_label == "index (2018 = 100)"
