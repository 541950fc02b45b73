"""Composition root: the one QApplication, settings, translators, data and the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from .view import ViewState

ORG = "Meldpunt viewer"
APP = "meldpunt-gui"


def default_data_dir() -> Path:
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def open_settings(data_dir: Path) -> QSettings:
    data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)


def load_data(data_dir: Path):
    """(bundled dataset, user store, message nl, message en); a damaged store is set aside by
    the store itself and reported once through its message."""
    from .bundled import load_bundled  # noqa: PLC0415
    from .store import UserStore  # noqa: PLC0415

    bundled = load_bundled()
    store = UserStore.open(data_dir)
    msg = getattr(store, "message", None)
    return bundled, store, (msg.nl if msg else ""), (msg.en if msg else "")


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORG)
        QCoreApplication.setApplicationName(APP)
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationDisplayName("Meldpunt viewer")
        from .ui import clipboard  # noqa: PLC0415

        app.aboutToQuit.connect(clipboard.settle)
    return app


def build_window(data_dir: Path, lang: str | None, state: ViewState | None = None,
                 argv: list[str] | None = None, progressive: bool = False):
    """Create (or reuse) the application and return (app, window, translators).

    With `progressive`, the window comes back as a frame (saved size, theme, a loading line)
    and fills itself with the data and the full interface once it has painted: on screen
    within about a bare Qt window's start-up time instead of after everything is built.
    """
    app = application(argv)
    from .ui import theme as themes  # noqa: PLC0415
    from .ui.i18n import Translators  # noqa: PLC0415
    from .ui.main_window import MainWindow  # noqa: PLC0415
    from .ui.settings import saved_language  # noqa: PLC0415

    settings = open_settings(data_dir)
    lang = lang or saved_language(settings) or "nl"
    translators = Translators(app)
    translators.switch(lang)
    window = MainWindow(None, settings, lang, state=state, data_dir=data_dir)
    window.theme = themes.effective(window.theme_choice)
    themes.apply(app, window.theme)
    window._translators = translators  # keep alive with the window

    def switch(code: str) -> None:
        translators.switch(code)
        window.set_language(code)

    def fill() -> None:
        from .user_events import with_user_events  # noqa: PLC0415

        bundled, store, msg_nl, msg_en = load_data(data_dir)
        ds, event_problems = with_user_events(store.overlay(bundled), data_dir)
        message = msg_en if window.lang == "en" else msg_nl
        if event_problems:
            message = " ".join([message, *(p.format(window.lang) for p in event_problems[:3])]).strip()
        window.populate(ds, message=message, store=store, bundled=bundled)
        window.language_requested.connect(switch)
        app.styleHints().colorSchemeChanged.connect(
            lambda *_: window.set_theme(window.theme_choice)
            if window.theme_choice == "system" else None)

    if progressive:
        _AfterFirstPaint(window, fill)
    else:
        fill()
    return app, window, translators


class _AfterFirstPaint(QObject):
    """Runs a callback once, right after the watched window has painted its first frame."""

    def __init__(self, window, callback):
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def run_gui(data_dir: Path, lang: str | None) -> int:
    app, window, _ = build_window(data_dir, lang, progressive=True)
    window.show()
    return app.exec()


def screenshot(out: Path, data_dir: Path, lang: str | None, state: ViewState,
               size: tuple[int, int]) -> None:
    """Render the full window offscreen, as the user would see it, to a PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app, window, _ = build_window(data_dir, lang, state=state)
    window.persist = False  # a rendering must not replace the user's last view
    window.resize(*size)
    window.show()
    window.chart.ensure_loaded()
    for _ in range(5):
        app.processEvents()
    image = window.grab()
    from .safewrite import write_atomic  # noqa: PLC0415
    from PySide6.QtCore import QBuffer, QIODevice  # noqa: PLC0415

    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    write_atomic(out, bytes(buf.data()))
    window.close()
    window.deleteLater()
    app.processEvents()
