"""Forecast, partial-year, secondary and draft values show their status in the chart itself,
with a key under it that lists only the marks in view."""

import pytest
from PySide6.QtCore import Qt

from meldpunt_gui.model.domain import Dataset, Period
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.marks import STATUS_MARKS
from meldpunt_gui.ui.main_window import MainWindow


def _with_statuses(ds: Dataset, statuses: dict) -> Dataset:
    obs = [o.with_(status=statuses[(o.metric, o.period)])
           if (o.metric, o.period) in statuses else o for o in ds.observations]
    return Dataset(ds.units, ds.categories, ds.metrics, ds.sources, obs, ds.events, ds.themes,
                   ds.data_date)


def test_each_status_has_its_own_mark_and_the_key_lists_those_in_view(qtbot, tiny_ds, settings,
                                                                     dutch):
    ds = _with_statuses(tiny_ds, {("reports_total", Period(2024)): "forecast",
                                  ("reports_total", Period(2020)): "draft"})
    w = MainWindow(ds, settings, "nl", state=ViewState(metrics=("reports_total",)))
    qtbot.addWidget(w)
    w.show()
    w.chart.ensure_loaded()
    assert w.chart.status_points == {("reports_total", Period(2024)): "forecast",
                                     ("reports_total", Period(2020)): "draft"}
    marks = w.chart._panels[0].status_marks
    xs = sorted(marks.data["x"].tolist())
    assert xs == [2020.0, 2024.0] and marks.isVisible()
    symbols = {id(s) for s in marks.data["symbol"]}
    assert len(symbols) == 2  # a different sign for a forecast and a draft
    key = w.chart_key.text()
    assert "open symbool = afgerond" in key
    assert f"{STATUS_MARKS['forecast']} verwachting" in key
    assert f"{STATUS_MARKS['draft']} voorlopig" in key
    assert "deel van het jaar" not in key  # not in view: not in the key
    w.tabs.setCurrentIndex(1)
    table = w.table.model_.table
    cell = table.rows[table.row_of(Period(2024))][table.column_of("reports_total")]
    assert cell.text.endswith(STATUS_MARKS["forecast"])
    from meldpunt_gui.ui.table_delegate import STATUS_ROLE, status_tint
    index = w.table.model_.index(table.row_of(Period(2024)), 1)
    assert status_tint(w.table.model_.data(index, STATUS_ROLE)) is not None


def test_no_marks_no_signs(make_window):
    w = make_window(("share_nl",))
    assert w.chart.status_points == {}
    marks = w.chart._panels[0].status_marks
    assert marks is None or not marks.isVisible()


def _own(ds: Dataset, metric: str, period: Period) -> Dataset:
    obs = [o.with_(user=True) if (o.metric, o.period) == (metric, period) else o for o in ds.observations]
    return Dataset(ds.units, ds.categories, ds.metrics, ds.sources, obs, ds.events, ds.themes,
                   ds.data_date)


@pytest.mark.parametrize(("lang", "entry"), [("nl", "vet = eigen cijfer (door u geïmporteerd)"),
                                             ("en", "bold = own figure (imported by you)")])
def test_the_table_key_explains_the_bold_own_figures_when_any_are_in_view(qtbot, tiny_ds, settings,
                                                                         lang, entry):
    ds = _own(tiny_ds, "reports_total", Period(2024))
    w = MainWindow(ds, settings, lang, state=ViewState(metrics=("reports_total",), tab="table"))
    w.persist = False
    qtbot.addWidget(w)
    w.show()
    table = w.table.model_.table
    index = w.table.model_.index(table.row_of(Period(2024)), table.column_of("reports_total"))
    assert w.table.model_.data(index, Qt.ItemDataRole.FontRole).bold()  # the bold cell
    key = w.table_pane.key
    assert key.isVisible() and entry in key.text()
    assert entry not in " ".join(table.key)  # copied text has no bold, nor its key entry
    w.model.update(last_year=2023)  # the own figure out of view: not in the key
    assert entry not in key.text()
    w.model.update(last_year=2024, metrics=("share_nl",))
    assert entry not in key.text()
