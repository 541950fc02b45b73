import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, tiny_ds, settings):
    def make(metrics=("reports_total",), lang="nl", **kw):
        state = ViewState(metrics=tuple(metrics), **kw) if metrics is not None else None
        w = MainWindow(tiny_ds, settings, lang, state=state)
        qtbot.addWidget(w)
        w.resize(1200, 800)
        w.show()
        w.chart.ensure_loaded()
        qtbot.waitExposed(w)
        w.windowHandle().requestActivate()  # keyboard focus needs an active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
        return w
    return make


@pytest.fixture
def dutch(qapp):
    """The Dutch catalogue installed, as in the real app (tests otherwise see the English source)."""
    from meldpunt_gui.ui.i18n import Translators
    tr = Translators(qapp)
    assert tr.switch("nl")
    yield tr
    tr.switch("en")


@pytest.fixture(autouse=True)
def _settle_clipboard(qapp):
    """Leave no Python-made QMimeData on the clipboard at shutdown (as the app does on quit)."""
    yield
    from meldpunt_gui.ui import clipboard
    clipboard.settle()
