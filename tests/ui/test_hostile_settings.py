"""A settings file with values no view can hold (edited by hand, or damaged): the window starts
on the defaults for those values, and the dialogs that read them open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from meldpunt_gui.model.view import ViewState, selected_periods, year_range
from meldpunt_gui.ui.main_window import MainWindow
from meldpunt_gui.ui.settings import SETTINGS_VERSION, load_state


def _written(tmp_path, **view: str) -> QSettings:
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    s.setValue("version", SETTINGS_VERSION)
    s.setValue("view/metrics", "reports_total")
    for key, value in view.items():
        s.setValue(f"view/{key}", value)
    s.sync()
    return s


@pytest.mark.parametrize("view", [
    {"first_year": "1", "last_year": "10000000"},  # hung the start at 5 GB
    {"first_year": "99999999999"},
    {"first_year": "1900", "last_year": "2500"},
    {"base_year": "99999999999", "mode": "index"},  # an OverflowError in the base-year box
    {"excluded": "-5,2101,99999999999999999999"},
])
def test_years_no_period_can_name_are_left_out(tmp_path, view):
    state = load_state(_written(tmp_path, **view))
    for year in (state.first_year, state.last_year, state.base_year, *state.excluded_years):
        assert year is None or 1990 <= year <= 2100


def test_a_range_past_the_years_a_period_may_name_stays_within_them(tiny_ds):
    state = ViewState(metrics=("reports_total",), first_year=-10**12, last_year=10**12)
    assert year_range(tiny_ds, state) == (1990, 2100)
    assert len(selected_periods(tiny_ds, state)) == 111


def test_the_window_starts_on_a_hostile_settings_file(qtbot, tiny_ds, tmp_path):
    s = _written(tmp_path, first_year="1", last_year="10000000", base_year="99999999999", mode="index")
    w = MainWindow(tiny_ds, s, "nl", state=load_state(s))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert 1990 <= w.base_year.value() <= 2100
    w.set_state(ViewState(metrics=("reports_total",), mode="index", base_year=10**12))  # e.g. a story
    assert w.base_year.value() == 2100


@pytest.mark.parametrize(("stored", "shown"), [("99999999999", 8000), ("-3", 200), ("inf", 1200), ("nan", 1200),
                                              ("1e400", 1200)])
def test_the_chart_export_dialog_opens_on_a_size_it_cannot_hold(qtbot, tmp_path, stored, shown):
    from meldpunt_gui.ui.export.options import ChartExportOptions

    s = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    s.setValue("export/width", stored)
    dialog = ChartExportOptions(s)
    qtbot.addWidget(dialog)
    assert dialog.width_box.value() == shown and dialog.height_box.value() == 700
