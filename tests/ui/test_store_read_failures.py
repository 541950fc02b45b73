"""Picking an own series whose values cannot be read (damaged pages of a large store): a message,
the view left as it was, and no exception out of the slot that asked."""

from __future__ import annotations

import pytest

from fixtures.damaged_store import LAST, break_last_values, own_store
from meldpunt_gui.app import build_window
from meldpunt_gui.data import store as store_module
from meldpunt_gui.data import store_schema
from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.store import UserStore
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui import messages
from meldpunt_gui.ui.view_model import ViewModel

DAMAGED_EN = ("Your own figures in meldpunt.sqlite cannot be read: the file is damaged. At the next start it is "
              "set aside (kept) and the viewer starts with the bundled figures.")


@pytest.fixture
def damaged(tmp_path, monkeypatch):
    monkeypatch.setattr(store_schema, "FULL_CHECK_BYTES", 0)
    monkeypatch.setattr(store_module, "FULL_CHECK_BYTES", 0)
    folder = tmp_path / "data"
    break_last_values(own_store(folder))
    return folder


def test_the_view_model_keeps_its_view_and_says_why(qapp, damaged):
    with UserStore.open(damaged) as store:
        model = ViewModel(store.overlay(load_bundled()), ViewState(metrics=("eigen_reeks_0",)), "en")
        before, shown = model.state, model.resolved
        failures, changes = [], []
        model.failed.connect(failures.append)
        model.changed.connect(lambda: changes.append(model.state))
        model.select_metrics(["eigen_reeks_0", LAST])
        assert [t.en for t in failures] == [DAMAGED_EN]
        assert model.state == before and model.resolved is shown and changes == [before]


def test_a_saved_view_of_an_unreadable_series_opens_without_it(qapp, damaged):
    with UserStore.open(damaged) as store:
        model = ViewModel(store.overlay(load_bundled()), ViewState(metrics=("reports_total", LAST)), "en")
    assert model.startup_failure is not None and model.startup_failure.en == DAMAGED_EN
    assert model.state.metrics == ("reports_total",)


def test_the_window_says_it_in_a_message(qapp, qtbot, damaged, monkeypatch):
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "warn", lambda _w, title, text: said.append((title, text)))
    _app, window, translators = build_window(damaged, "en", state=ViewState(metrics=("eigen_reeks_0",)))
    window.persist = False
    try:
        window.model_or_fail().select_metrics(["eigen_reeks_0", LAST])  # as the picker's slot does
        qtbot.waitUntil(lambda: bool(said), timeout=5000)
        assert said == [("Your own figures", DAMAGED_EN)]
        assert window.model_or_fail().state.metrics == ("eigen_reeks_0",)
    finally:
        translators.switch("en")
        window.close()
