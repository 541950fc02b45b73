"""Composition root: the one QApplication, settings, translators, data and the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from collections.abc import Callable

    from meldpunt_gui.data.store import UserStore
    from meldpunt_gui.model.domain import Dataset, Text
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.i18n import Translators
    from meldpunt_gui.ui.main_window import MainWindow

    # What open_settings found, for load_data to tell with the store's news: a message, or the
    # error that kept the data folder from being made (its wording depends on how the store fares).
    SettingsNote = Text | OSError | None

from meldpunt_gui.files.locations import APP, APP_ID, ORG


def default_data_dir() -> Path:
    """The data folder when none is given: QStandardPaths' AppDataLocation, or beside the
    program in portable mode (found without Qt by files/locations.py, as the command line does)."""
    from meldpunt_gui.files.locations import data_location

    return data_location().folder


def qt_app_data_dir() -> Path:
    """What Qt itself says AppDataLocation is for ORG/APP (a test holds locations.py to it)."""
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def open_settings(data_dir: Path) -> tuple[QSettings, SettingsNote]:
    """The settings file in `data_dir`, and what to tell about it. A damaged file is kept aside
    and the viewer starts from the default view; a data folder that cannot be made gives
    settings in memory, so the viewer still starts."""
    from meldpunt_gui.files import settings_file
    from meldpunt_gui.files.aside import set_aside

    folder = Path(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _memory_settings(), exc
    path = folder / settings_file.SETTINGS_NAME
    # bounded, and before QSettings sees the file: it reads it itself, without a limit, and
    # even making the object waits for ever on a named pipe
    kind = settings_file.damage(path)
    if kind is None:
        settings = QSettings(str(path), QSettings.Format.IniFormat)
        settings.allKeys()  # QSettings parses lazily; only then does status() tell a bad file
        if settings.status() != QSettings.Status.FormatError:
            return settings, None
        kind = "format"
        del settings  # let go of the file before it is moved
    try:
        aside = set_aside(path)
    except OSError as exc:  # keep the damaged file where it is and write nothing over it
        return _memory_settings(), settings_file.not_set_aside_message(path, kind, exc)
    return (QSettings(str(path), QSettings.Format.IniFormat),
            settings_file.damaged_message(path, aside, kind))


def _memory_settings() -> QSettings:
    """Settings that last as long as the program and are saved nowhere: an INI object without a
    file name reads nothing and cannot write. Qt shares that object within a process, hence clear."""
    settings = QSettings("", QSettings.Format.IniFormat)
    settings.clear()
    return settings


def load_data(data_dir: Path, settings_note: SettingsNote = None) -> tuple[Dataset, UserStore, str, str]:
    """(bundled dataset, user store, message nl, message en); a damaged store is set aside by
    the store itself, a damaged or unsavable settings file by open_settings (its
    `settings_note`), and both are reported through this one message."""
    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.data.store import StoreError, UserStore
    from meldpunt_gui.model.domain import Text

    bundled = load_bundled()
    try:
        store = UserStore.open(data_dir)
    except StoreError as exc:  # e.g. a file where the folder should be: start anyway, on bundled data
        message = exc.message
        if exc.code == "busy":  # held by another program: what that means for this window
            message = Text(f"{message.nl} De viewer toont nu alleen de meegeleverde cijfers en kan niets "
                           "importeren; start hem opnieuw om uw eigen cijfers te zien.",
                           f"{message.en} The viewer shows the bundled figures only and cannot import "
                           "now; start it again to see your own figures.")
        store = UserStore.read_only(Path(data_dir), message)
        store.refusal = message  # an import tried now says this, not that the folder is read-only
    msg = _startup_message(Path(data_dir), store, settings_note)
    return bundled, store, (msg.nl if msg else ""), (msg.en if msg else "")


def _startup_message(folder: Path, store: UserStore, note: SettingsNote) -> Text | None:
    """The store's message and what happened to the settings, as one text. When the data folder
    could not be made, one message says what that means for both, naming the folder once."""
    from meldpunt_gui.files.settings_file import no_folder_message
    from meldpunt_gui.model.domain import Text

    parts: list[Text | None] = [getattr(store, "message", None)]
    if isinstance(note, OSError):
        read_only = not getattr(store, "writable", True)
        text = no_folder_message(folder, note, store_read_only=read_only)
        parts = [text] if read_only else [*parts, text]
    elif note is not None:
        parts.append(note)
    found = [p for p in parts if p]
    if not found:
        return None
    return Text(" ".join(p.nl for p in found), " ".join(p.en for p in found))


def application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if existing is not None:
        app = cast(QApplication, existing)  # the viewer only ever makes a QApplication
    else:
        QCoreApplication.setOrganizationName(ORG)
        QCoreApplication.setApplicationName(APP)
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationDisplayName("Meldpunt viewer")
        from meldpunt_gui.ui import clipboard
        from meldpunt_gui.ui.collector import EventLoopCollector

        app.aboutToQuit.connect(clipboard.settle)
        EventLoopCollector(app)  # no garbage collection inside a Qt call
    if app.windowIcon().isNull():
        from meldpunt_gui.ui.icons import app_icon

        app.setWindowIcon(app_icon())
        app.setDesktopFileName(APP_ID)  # Wayland and the task bar match the window to its menu entry
    return app


def build_window(data_dir: Path, lang: str | None, state: ViewState | None = None,
                 argv: list[str] | None = None,
                 progressive: bool = False) -> tuple[QApplication, MainWindow, Translators]:
    """Create (or reuse) the application and return (app, window, translators).

    With `progressive`, the window comes back as a frame (saved size, theme, a loading line)
    and fills itself with the data, the full interface and the chart once it has painted (one
    step, painted once): on screen within about a bare Qt window's start-up time instead of
    after everything is built.
    """
    app = application(argv)
    from meldpunt_gui.files.own_files import guard_data_folder

    guard_data_folder(data_dir)  # no export of the window is written over the store or settings
    from meldpunt_gui.ui import theme as themes
    from meldpunt_gui.ui.i18n import Translators
    from meldpunt_gui.ui.main_window import MainWindow
    from meldpunt_gui.ui.settings import saved_language

    settings, settings_note = open_settings(data_dir)
    lang = lang or saved_language(settings) or "nl"
    translators = Translators(app)
    translators.switch(lang)
    window = MainWindow(None, settings, lang, state=state, data_dir=data_dir)
    window.theme = themes.effective(window.theme_choice)
    # the frame in plain Fusion with the theme's palette; our drawing comes with the panes
    themes.apply(app, window.theme, frame=progressive)
    window.translators = translators  # keep alive with the window

    def switch(code: str) -> None:
        translators.switch(code)
        window.set_language(code)

    def fill() -> None:
        from meldpunt_gui.data.assemble import assemble_dataset
        from meldpunt_gui.data.file_problems import Note
        from meldpunt_gui.model.domain import Text

        if progressive:  # the frame had plain Fusion: the full style before the panes are made
            themes.apply(app, window.theme)
        bundled, store, msg_nl, msg_en = load_data(data_dir, settings_note)
        ds, event_problems = assemble_dataset(bundled, store, data_dir)
        message = msg_en if window.lang == "en" else msg_nl
        notes = [Note(Text(msg_nl, msg_en))] if msg_nl else []  # also in the status bar
        window.populate(ds, message=message, store=store, bundled=bundled,
                        notices=[*notes, *event_problems])
        window.language_requested.connect(switch)
        app.styleHints().colorSchemeChanged.connect(
            lambda *_: window.set_theme(window.theme_choice)
            if window.theme_choice == "system" else None)

    def fill_with_chart() -> None:
        fill()
        # the frame has been seen: draw the chart before the filled window's first paint, so
        # the window appears once, complete, instead of once more with the chart still loading;
        # laid out first (what the next turn of the event loop would do before it paints), so
        # the chart is drawn once, for its real size
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)  # Qt's deferred show()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        window.chart.ensure_loaded()

    if progressive:
        _AfterFirstPaint(window, fill_with_chart)
    else:
        fill()
    return app, window, translators


class _AfterFirstPaint(QObject):
    """Runs a callback once, right after the watched window has painted its first frame."""

    def __init__(self, window: QObject, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def one_blas_thread() -> None:
    """Ask numpy's OpenBLAS for one thread, unless the user chose a number: the viewer does no
    linear algebra, and starting the library's thread pool (one thread per core, each with its
    own buffer) made importing numpy, on the way to the first chart, about 50 ms slower on a
    2-core machine. Read when numpy loads, so it is set before the window imports pyqtgraph."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def run_gui(data_dir: Path, lang: str | None, portable: bool = False) -> int:
    one_blas_thread()
    app, window, _ = build_window(data_dir, lang, progressive=True)
    window.portable = portable  # the About box says so
    window.show_first()
    return app.exec()


def screenshot(out: Path, data_dir: Path, lang: str | None, state: ViewState,
               size: tuple[int, int]) -> list[str]:
    """Render the full window offscreen, as the user would see it, to a PNG; returns what its
    message bar lists (what the data folder's files lost), for the command line to tell."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    one_blas_thread()
    app, window, _ = build_window(data_dir, lang, state=state)
    window.persist = False  # a rendering must not replace the user's last view
    window.resize(*size)
    window.show()
    window.chart.ensure_loaded()
    for _ in range(5):
        app.processEvents()
    image = window.grab()
    from PySide6.QtCore import QBuffer, QIODevice

    from meldpunt_gui.files.safewrite import write_atomic

    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    write_atomic(out, bytes(buf.data().data()))
    told = [item.format(window.lang) for item in window.notice_bar.items]
    window.close()
    window.deleteLater()
    app.processEvents()
    return told
