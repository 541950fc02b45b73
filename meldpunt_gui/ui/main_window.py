"""The main window: pickers left, chart and table centre, explanation right.

The window can show itself before it has data: `MainWindow(None, settings, ...)` is a frame
with the saved size and a loading line, painted within about a bare Qt window's start-up time;
`populate()` then imports the rest of the interface, builds it and shows the figures. This
module therefore imports only what that frame needs; the rest is imported where it is used.

The window only lays out and wires: panes in window_layout, menus and toolbar from action_table,
labels, texts and the language switch in window_controls, file work in window_actions, stories,
help and about in window_help, text size and theme in window_appearance, the saved view in settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QWidget

from meldpunt_gui.ui.window_parts import WindowParts

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import QTimer

    from meldpunt_gui.data.file_problems import Reportable
    from meldpunt_gui.data.store import UserStore
    from meldpunt_gui.data.stories import Story
    from meldpunt_gui.imports.model import ImportResult
    from meldpunt_gui.model.domain import Dataset, Period, Text
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.view_model import ViewModel


FIRST_SIZE = (1400, 860)  # the window on its first start, where the screen has room for it


class MainWindow(WindowParts, QMainWindow):
    language_requested = Signal(str)
    populated = Signal()

    def __init__(self, ds: Dataset | None, settings: QSettings, lang: str = "nl",
                 state: ViewState | None = None, data_dir: Path | None = None,
                 theme: str = "light", message: str = "", store: UserStore | None = None,
                 bundled: Dataset | None = None) -> None:
        super().__init__()
        self.model: ViewModel | None = None  # made by populate(), once the data is there
        self.settings: QSettings = settings
        self.lang: str = lang
        self.theme: str = theme
        self.data_dir: Path | None = data_dir
        self.portable: bool = False  # data and settings beside the program (--portable, portable.txt)
        self.persist: bool = True  # False for offscreen renders that must not overwrite the last view
        self._requested_state = state
        self.theme_choice: str = str(settings.value("theme", "light"))
        self.base_point_size: float | None = None  # the application's font size before zooming
        try:
            self.zoom: float = float(settings.value("zoom", 1.0))  # type: ignore[arg-type]  # checked below
        except (TypeError, ValueError):
            self.zoom = 1.0
        self.setWindowTitle(self.tr("Year figures of the Dutch CSAM hotline"))  # Qt adds the app name
        geometry = settings.value("window/geometry")
        # Qt fits a saved place and size into the screen, but refuses it (False) where the
        # screen is of another size (its width changed by more than a fifth, e.g. a laptop
        # docked to a monitor); the window then came up at its bare 472x524, partly off screen
        self.restored: bool = (isinstance(geometry, QByteArray) and not geometry.isEmpty()
                               and self.restoreGeometry(geometry))
        if not self.restored:
            self.resize(*FIRST_SIZE)
        if ds is None:
            # centred by stretches, not by an alignment flag: the first use of the Qt namespace
            # costs about 15 ms, which the frame leaves to the full build
            frame = QWidget(self)
            lay = QHBoxLayout(frame)
            lay.addStretch(1)
            lay.addWidget(QLabel(self.tr("Loading the figures…"), frame))
            lay.addStretch(1)
            self.setCentralWidget(frame)
        else:
            self.populate(ds, message=message, store=store, bundled=bundled)

    def show_first(self) -> None:
        """Show the window as the program starts it: in its saved place and size, or at
        FIRST_SIZE, or maximized where the screen has less room than that (on a 1366x768
        laptop the first window ran past the screen's edges, the explanation and the status
        bar out of sight)."""
        screen = self.screen()
        free = screen.availableGeometry() if screen is not None else None
        if not self.restored and free is not None and (
                free.width() < FIRST_SIZE[0] or free.height() < FIRST_SIZE[1]):
            self.showMaximized()
        else:
            self.show()
            if self.restored:
                self.fit_screen()

    def fit_screen(self) -> None:
        """A restored window inside its screen's free area: Qt places the saved size there,
        and the window then grows to the size its panes need, past the screen's edge."""
        screen = self.screen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        free, frame = screen.availableGeometry(), self.frameGeometry()
        if free.contains(frame):
            return
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        width = min(self.width(), free.width() - extra_w)
        height = min(self.height(), free.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        self.move(min(max(frame.x(), free.x()), free.x() + free.width() - frame.width()),
                  min(max(frame.y(), free.y()), free.y() + free.height() - frame.height()))

    def is_populated(self) -> bool:
        return self.model is not None

    def model_or_fail(self) -> ViewModel:
        """The view model; only asked for once populate() made it."""
        assert self.model is not None
        return self.model

    @property
    def ds(self) -> Dataset | None:
        return self.model.ds if self.model is not None else None

    @property
    def state(self) -> ViewState:
        """The current selection (read-only: ask `self.model` for a change)."""
        return self.model_or_fail().state

    @property
    def stories(self) -> tuple[Story, ...]:
        return self.model.stories if self.model is not None else ()

    def populate(self, ds: Dataset, message: str = "", store: UserStore | None = None,
                 bundled: Dataset | None = None, notices: Sequence[Reportable] = ()) -> None:
        """Build the interface for `ds` and show the requested (or last saved) view; `notices`
        (what the data folder's files lost) and the stories left out go to the message bar."""
        from PySide6.QtCore import QTimer

        from meldpunt_gui.data.stories import load_stories, story_folders
        from meldpunt_gui.ui import action_table, window_appearance, window_controls
        from meldpunt_gui.ui.notice_bar import install_notice_bar
        from meldpunt_gui.ui.pane_keys import PaneKeys
        from meldpunt_gui.ui.settings import load_state
        from meldpunt_gui.ui.view_model import ViewModel
        from meldpunt_gui.ui.window_layout import build_central

        self.store: UserStore | None = store  # the user store (None: bundled data only, e.g. in tests)
        self.bundled: Dataset = bundled or ds
        stories, self.story_problems = load_stories(ds, story_folders(self.data_dir))
        model = self.model = ViewModel(ds, self._requested_state or load_state(self.settings),
                                       self.lang, self.theme, stories, parent=self)
        # the last view is saved once the user pauses, not on every change
        self._save_timer: QTimer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self._save)
        if self.zoom != 1.0:
            window_appearance.apply_zoom(self, self.zoom)
        build_central(self)
        self.metric_picker.changed.connect(lambda m: window_controls.metrics_changed(self, m))
        self.period_picker.changed.connect(lambda: window_controls.periods_changed(self))
        self.period_picker.all_years.clicked.connect(lambda: window_controls.all_years(self))
        self.tabs.currentChanged.connect(lambda i: window_controls.tab_changed(self, i))
        self.chart.event_clicked.connect(self.show_event)
        for widget in (self.chart, self.table_pane, self.explanation, self.half_year_hint,
                       self.headline_strip, self.metric_picker):  # each follows the model
            widget.bind(model)
        self.headline_strip.point_requested.connect(self.select_point)
        self.mode.currentIndexChanged.connect(lambda _i: window_controls.mode_changed(self))
        self.base_year.valueChanged.connect(lambda v: window_controls.base_year_changed(self, v))
        self.actions_by_id, self.menus = action_table.build_actions(self)
        self.notice_bar = install_notice_bar(self, [*notices, *self.story_problems], self.lang)
        self.pane_keys = PaneKeys(self)
        from meldpunt_gui.ui.focus_ring import FocusRing

        self.focus_ring = FocusRing(self)  # where the style shows no focus (the chart, the text)
        self.retranslate()
        model.changed.connect(self._render)
        model.failed.connect(self.own_figures_failed)
        model.story_closed.connect(self.story_closed)
        if model.startup_failure is not None:  # the saved view's own series could not be read
            self.own_figures_failed(model.startup_failure)
        self.refresh()
        if message:
            self.statusBar().showMessage(message)
        self.metric_picker.search.setFocus()  # typing a series' name is the first thing to do
        self.populated.emit()

    def own_figures_failed(self, text: Text) -> None:
        """The store could not be read for a view (damaged, or locked by another program): said
        in a message once the slot that asked has returned; the view stays as it was."""
        from PySide6.QtCore import QTimer

        from meldpunt_gui.ui.messages import warn

        title = self.tr("Your own figures")
        QTimer.singleShot(0, self, lambda: warn(self, title, text.get(self.lang)))

    def story_closed(self, title: Text) -> None:
        """The open story lost a series to an undone import: it is closed, and the status bar
        says why (the chart shows the series that are left)."""
        text = self.tr("The story ‘%1’ was closed: a series it shows came from the import you "
                       "undid.").replace("%1", title.get(self.lang))
        self.statusBar().showMessage(text, 20000)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Year figures of the Dutch CSAM hotline"))  # Qt adds the app name
        if self.ds is not None:
            from meldpunt_gui.ui.window_controls import retranslate

            retranslate(self)

    def request_language(self, lang: str) -> None:
        """The language menu: the application swaps its translators, then calls set_language."""
        self.language_requested.emit(lang)

    def set_language(self, lang: str) -> None:
        """Called after the application swapped its translators: redraw every text."""
        from meldpunt_gui.ui.window_controls import set_language

        set_language(self, lang)

    def set_zoom(self, factor: float) -> None:
        from meldpunt_gui.ui.window_appearance import set_zoom

        set_zoom(self, factor)

    def set_theme(self, choice: str) -> None:
        from meldpunt_gui.ui.window_appearance import set_theme

        set_theme(self, choice)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.ds is not None:
            self.retranslate()
        super().changeEvent(event)

    # ----- model -> widgets
    def refresh(self) -> None:
        """Bring every control in line with the model, then draw (after a language switch or a
        new dataset)."""
        self.sync_controls()
        self._render()

    def sync_controls(self) -> None:
        from meldpunt_gui.ui.window_controls import sync_controls

        sync_controls(self)

    def _render(self) -> None:
        from meldpunt_gui.ui.window_controls import render

        render(self)
        if self.persist and self.model is not None:
            self._save_timer.start()

    def _save(self) -> None:
        from meldpunt_gui.ui.settings import save_view

        save_view(self)

    def set_state(self, state: ViewState) -> None:
        self.model_or_fail().set_state(state)
        self.sync_controls()

    def select_point(self, metric: str, period: Period) -> None:
        """A headline figure was clicked: that value in the chart and in the table."""
        self.table.select_point(metric, period)
        self.chart.select_point(metric, period)

    def show_event(self, event_ids: tuple[str, ...]) -> None:
        self.explanation.show_view(self.model_or_fail().resolved, event_ids)

    # ----- file work, stories (see window_actions and window_help)
    def import_dialog(self, path: str | None = None) -> bool:
        from meldpunt_gui.ui.window_actions import import_dialog

        return import_dialog(self, path)

    def apply_import(self, result: ImportResult, path: Path) -> bool:
        from meldpunt_gui.ui.window_actions import apply_import

        return apply_import(self, result, path)

    def reload_user_data(self) -> None:
        from meldpunt_gui.ui.window_actions import reload_user_data

        reload_user_data(self)

    def story_by_id(self, story_id: str) -> Story | None:
        return self.model.story(story_id) if self.model is not None else None

    def open_story(self, story_id: str) -> None:
        if self.model is not None and self.model.open_story(story_id):
            self.sync_controls()

    def reload_stories(self) -> None:
        from meldpunt_gui.ui.window_help import reload_stories

        reload_stories(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.persist:
            from meldpunt_gui.ui.settings import save_on_close

            save_on_close(self)
        super().closeEvent(event)
