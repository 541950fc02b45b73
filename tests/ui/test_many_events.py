"""Many own events: the chart's items stay bounded (a badge per year, one line item per panel)
and the explanation still lists every one, numbered as the badges are."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from meldpunt_gui.model.domain import Event, Text
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.main_window import MainWindow
from tests.conftest import make_tiny_ds


def _window(qtbot, tmp_path, n: int) -> MainWindow:
    ds = make_tiny_ds()
    ds.events = [*ds.events, *(Event(f"user-{i}", f"{2019 + i % 6}-{1 + i % 12:02d}", 2019 + i % 6,
                                     Text(f"Gebeurtenis {i}", f"Event {i}"), "s2") for i in range(n))]
    settings = QSettings(str(tmp_path / f"s{n}.ini"), QSettings.Format.IniFormat)
    w = MainWindow(ds, settings, "nl", state=ViewState(metrics=("reports_total", "cloud_urls"),
                                                       all_events=True))  # every event drawn
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    w.chart.ensure_loaded()
    qtbot.waitExposed(w)
    return w


@pytest.mark.parametrize("n", [3000])
def test_graphics_items_do_not_grow_with_the_number_of_events(qtbot, tmp_path, n: int):
    few, many = _window(qtbot, tmp_path, 10), _window(qtbot, tmp_path, n)
    for w, count in ((few, 11), (many, n + 1)):
        assert len(w.chart.events) == count  # every event is drawn (bundled one included)
        assert len([b for _, b in w.chart._badges if b.isVisible()]) <= 6  # a badge per year
        text = w.explanation.toPlainText()
        assert f"\n{count}. " in text  # listed in full, numbered as on the chart
    assert len(many.chart._glw.scene().items()) == len(few.chart._glw.scene().items())
