import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def bundled():
    from meldpunt_gui.data.bundled import load_bundled
    return load_bundled()


def shown_window(qtbot, w: MainWindow, size: tuple[int, int]) -> MainWindow:
    """`w` shown at `size`, its chart drawn and the window active for the keyboard."""
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    w.chart.ensure_loaded()
    qtbot.waitExposed(w)
    w.windowHandle().requestActivate()  # keyboard focus needs an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


@pytest.fixture
def bundled_window(qtbot, bundled, settings, dutch):
    """A Dutch window on the bundled data at 1400x860."""
    def make(state: ViewState) -> MainWindow:
        return shown_window(qtbot, MainWindow(bundled, settings, "nl", state=state), (1400, 860))
    return make


@pytest.fixture
def make_window(qtbot, tiny_ds, settings):
    def make(metrics=("reports_total",), lang="nl", **kw):
        state = ViewState(metrics=tuple(metrics), **kw) if metrics is not None else None
        return shown_window(qtbot, MainWindow(tiny_ds, settings, lang, state=state), (1200, 800))
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
