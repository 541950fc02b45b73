"""The main window: pickers left, chart and table centre, explanation right.

The window can show itself before it has data: `MainWindow(None, settings, ...)` is a frame
with the saved size and a loading line, painted within about a bare Qt window's start-up time;
`populate()` then imports the rest of the interface, builds it and shows the figures. This
module therefore imports only what that frame needs; the rest is imported where it is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QWidget

from meldpunt_gui.model.vocabulary import MODES, TABS, YEAR_MAX, YEAR_MIN
from meldpunt_gui.ui.window_actions import WindowActions

if TYPE_CHECKING:
    from collections.abc import Sequence

    from meldpunt_gui.data.file_problems import Reportable
    from meldpunt_gui.data.stories import Story
    from meldpunt_gui.model.domain import Dataset, Period
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.view_model import ViewModel



class MainWindow(WindowActions, QMainWindow):
    language_requested = Signal(str)
    populated = Signal()

    def __init__(self, ds: Dataset | None, settings: QSettings, lang: str = "nl",
                 state: ViewState | None = None, data_dir: Path | None = None,
                 theme: str = "light", message: str = "", store=None,
                 bundled: Dataset | None = None):
        super().__init__()
        self.model: ViewModel | None = None  # made by populate(), once the data is there
        self.settings = settings
        self.lang = lang
        self.theme = theme
        self.data_dir = data_dir
        self.portable = False  # data and settings beside the program (--portable, portable.txt)
        self.persist = True  # False for offscreen renders that must not overwrite the last view
        self._requested_state = state
        self.theme_choice = str(settings.value("theme", "light"))
        try:
            self.zoom = float(settings.value("zoom", 1.0))
        except (TypeError, ValueError):
            self.zoom = 1.0
        self.setWindowTitle(self.tr("Year figures of the Dutch CSAM hotline"))  # Qt adds the app name
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
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

    def is_populated(self) -> bool:
        return self.model is not None

    @property
    def ds(self) -> Dataset | None:
        return self.model.ds if self.model is not None else None

    @property
    def state(self) -> ViewState:
        """The current selection (read-only: ask `self.model` for a change)."""
        assert self.model is not None
        return self.model.state

    @property
    def stories(self) -> tuple[Story, ...]:
        return self.model.stories if self.model is not None else ()

    def populate(self, ds: Dataset, message: str = "", store=None,
                 bundled: Dataset | None = None, notices: Sequence[Reportable] = ()) -> None:
        """Build the interface for `ds` and show the requested (or last saved) view; `notices`
        (what the data folder's files lost) and the stories left out go to the message bar."""
        from PySide6.QtCore import QTimer

        from meldpunt_gui.data.stories import load_stories, story_folders
        from meldpunt_gui.ui.settings import load_state
        from meldpunt_gui.ui.view_model import ViewModel

        self.store = store  # the user store (None: bundled data only, e.g. in tests)
        self.bundled = bundled or ds
        stories, self.story_problems = load_stories(ds, story_folders(self.data_dir))
        self.model = ViewModel(ds, self._requested_state or load_state(self.settings), self.lang,
                               self.theme, stories, parent=self)
        # the last view is saved once the user pauses, not on every change
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self._save)
        if self.zoom != 1.0:
            self._apply_zoom(self.zoom)
        self._build()
        self._build_menus()
        from meldpunt_gui.ui.notice_bar import install_notice_bar

        self.notice_bar = install_notice_bar(self, [*notices, *self.story_problems], self.lang)
        from meldpunt_gui.ui.pane_keys import PaneKeys

        self.pane_keys = PaneKeys(self)
        self.retranslate()
        self.model.changed.connect(self._render)
        self.refresh()
        if message:
            self.statusBar().showMessage(message)
        self.metric_picker.search.setFocus()  # typing a series' name is the first thing to do
        self.populated.emit()

    # ----- construction
    def _build(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QComboBox, QGroupBox, QSpinBox, QSplitter, QTabWidget, QVBoxLayout

        from meldpunt_gui.ui.chart.view import ChartView
        from meldpunt_gui.ui.explanation import ExplanationPanel
        from meldpunt_gui.ui.headline_strip import HeadlineStrip
        from meldpunt_gui.ui.metric_picker import MetricPicker
        from meldpunt_gui.ui.period_picker import PeriodPicker
        from meldpunt_gui.ui.table_pane import TablePane

        self.metric_picker = MetricPicker(self)
        self.period_picker = PeriodPicker(self)
        self.metric_box = QGroupBox(self)
        QVBoxLayout(self.metric_box).addWidget(self.metric_picker)
        self.period_box = QGroupBox(self)
        QVBoxLayout(self.period_box).addWidget(self.period_picker)
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(6, 6, 0, 6)
        left_lay.addWidget(self.metric_box, 3)
        left_lay.addWidget(self.period_box, 2)

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.mode_label = QLabel(self)
        self.mode = QComboBox(self)
        self.mode_label.setBuddy(self.mode)
        self.base_label = QLabel(self)
        self.base_year = QSpinBox(self)
        self.base_year.setRange(YEAR_MIN, YEAR_MAX)
        self.base_year.setGroupSeparatorShown(False)
        self.base_label.setBuddy(self.base_year)
        controls = QHBoxLayout()
        controls.addWidget(self.mode_label)
        controls.addWidget(self.mode)
        controls.addWidget(self.base_label)
        controls.addWidget(self.base_year)
        controls.addStretch(1)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        from meldpunt_gui.ui.theme import note_style

        self.notes.setStyleSheet(note_style(self.theme))
        self.story_text = QLabel(self)
        self.story_text.setWordWrap(True)
        self.story_text.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = ChartView(self)
        self.sources = QLabel(self)
        self.sources.setWordWrap(True)
        self.sources.setTextFormat(Qt.TextFormat.PlainText)
        chart_page = QWidget(self)
        chart_lay = QVBoxLayout(chart_page)
        chart_lay.addWidget(self.title)
        self.headline_strip = HeadlineStrip(self)
        chart_lay.addWidget(self.headline_strip)
        chart_lay.addWidget(self.story_text)
        chart_lay.addLayout(controls)
        chart_lay.addWidget(self.notes)
        from meldpunt_gui.ui.empty_hint import HalfYearHint

        self.half_year_hint = HalfYearHint(self)
        chart_lay.addWidget(self.half_year_hint)
        chart_lay.addWidget(self.chart, 1)
        self.chart_key = QLabel(self)  # the marks in view: hollow = rounded, the status signs
        self.chart_key.setTextFormat(Qt.TextFormat.PlainText)
        self.chart_key.setWordWrap(True)
        chart_lay.addWidget(self.chart_key)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.summary.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        chart_lay.addWidget(self.summary)
        chart_lay.addWidget(self.sources)
        self.table_pane = TablePane(self.settings, self)
        self.table = self.table_pane.table
        self.tabs = QTabWidget(self)
        self.tabs.addTab(chart_page, "")
        self.tabs.addTab(self.table_pane, "")
        self.explanation = ExplanationPanel(self, self.settings)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.addWidget(self.explanation)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 1)
        split.setSizes([340, 720, 340])
        self.splitter = split
        self.setCentralWidget(split)
        self.data_date = QLabel(self)
        self.data_date.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.data_date)

        self.metric_picker.changed.connect(self._metrics_changed)
        self.period_picker.changed.connect(self._periods_changed)
        self.period_picker.all_years.clicked.connect(self._all_years)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.chart.event_clicked.connect(self.show_event)
        assert self.model is not None
        for widget in (self.chart, self.table_pane, self.explanation, self.half_year_hint,
                       self.headline_strip):  # each follows the model
            widget.bind(self.model)
        self.headline_strip.point_requested.connect(self.select_point)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.base_year.valueChanged.connect(self._mode_changed)

    def _build_menus(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QActionGroup, QKeySequence

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.act_import = QAction(self)
        self.act_import.setShortcut(QKeySequence("Ctrl+I"))
        self.act_import.triggered.connect(self.import_dialog)
        self.act_history = QAction(self)
        self.act_history.triggered.connect(self.history_dialog)
        self.act_export = QAction(self)
        self.act_export.setShortcut(QKeySequence("Ctrl+E"))
        self.act_export.triggered.connect(self.export_data_dialog)
        self.act_export_chart = QAction(self)
        self.act_export_chart.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.act_export_chart.triggered.connect(self.export_chart_dialog)
        self.act_briefing = QAction(self)
        self.act_briefing.setShortcut(QKeySequence("Ctrl+B"))
        self.act_briefing.triggered.connect(self.export_briefing_dialog)
        self.act_briefing_extended = QAction(self, checkable=True)
        self.act_briefing_extended.setChecked(
            str(self.settings.value("export/briefing_extended", "false")) == "true")
        self.act_briefing_extended.toggled.connect(
            lambda on: self.settings.setValue("export/briefing_extended", "true" if on else "false"))
        self.act_copy_chart = QAction(self)
        self.act_copy_chart.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.act_copy_chart.triggered.connect(self.copy_chart)
        from meldpunt_gui.ui import pack_actions

        self.act_pack_export = QAction(self)
        self.act_pack_export.triggered.connect(lambda: pack_actions.export_pack(self))
        self.act_pack_import = QAction(self)
        self.act_pack_import.triggered.connect(lambda: pack_actions.import_pack(self))
        self.act_save_story = QAction(self)
        self.act_save_story.triggered.connect(lambda: pack_actions.save_as_story(self))
        self.act_quit = QAction(self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        self.file_menu.addAction(self.act_import)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_export)
        self.file_menu.addAction(self.act_export_chart)
        self.file_menu.addAction(self.act_briefing)
        self.file_menu.addAction(self.act_briefing_extended)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_pack_export)
        self.file_menu.addAction(self.act_pack_import)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)

        self.view_menu = bar.addMenu("")
        self.lang_menu = self.view_menu.addMenu("")
        self.lang_group = QActionGroup(self)
        self.act_nl = QAction("Nederlands", self, checkable=True)
        self.act_en = QAction("English", self, checkable=True)
        for act, code in ((self.act_nl, "nl"), (self.act_en, "en")):
            self.lang_group.addAction(act)
            self.lang_menu.addAction(act)
            act.setChecked(code == self.lang)
            act.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
        self.act_events = QAction(self, checkable=True)
        self.act_events.setChecked(self.state.show_events)
        self.act_events.toggled.connect(self._toggle_events)
        self.view_menu.addAction(self.act_events)
        self.act_all_events = QAction(self, checkable=True)
        self.act_all_events.setChecked(self.state.all_events)
        self.act_all_events.toggled.connect(lambda on: self.model.update(all_events=on))
        self.view_menu.addAction(self.act_all_events)
        self.theme_menu = self.view_menu.addMenu("")
        self.theme_group = QActionGroup(self)
        self.theme_actions = {}
        for code in ("light", "dark", "system"):
            act = QAction(self, checkable=True)
            act.setChecked(code == self.theme_choice)
            act.triggered.connect(lambda _=False, c=code: self.set_theme(c))
            self.theme_group.addAction(act)
            self.theme_menu.addAction(act)
            self.theme_actions[code] = act
        self.act_zoom_in = QAction(self)
        self.act_zoom_in.setShortcuts([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self.act_zoom_in.triggered.connect(lambda: self.set_zoom(self.zoom + 0.1))
        self.act_zoom_out = QAction(self)
        self.act_zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.act_zoom_out.triggered.connect(lambda: self.set_zoom(self.zoom - 0.1))
        self.act_zoom_reset = QAction(self)
        self.act_zoom_reset.setShortcut(QKeySequence("Ctrl+0"))
        self.act_zoom_reset.triggered.connect(lambda: self.set_zoom(1.0))
        for act in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        self.act_copy_table = QAction(self)
        self.act_copy_table.triggered.connect(self.table.copy_to_clipboard)
        self.view_menu.addAction(self.act_copy_table)
        self.view_menu.addAction(self.act_copy_chart)

        self.story_menu = bar.addMenu("")
        self.data_menu = bar.addMenu("")
        self.data_menu.addAction(self.act_import)
        self.data_menu.addAction(self.act_history)

        self.help_menu = bar.addMenu("")
        self.act_help = QAction(self)
        self.act_help.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.act_help.triggered.connect(self.show_help)
        self.help_menu.addAction(self.act_help)
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self.show_about)
        self.help_menu.addAction(self.act_about)

        from meldpunt_gui.ui.icons import icon

        for act, name in ((self.act_import, "import"), (self.act_export, "export-data"),
                          (self.act_export_chart, "export-chart"), (self.act_briefing, "briefing"),
                          (self.act_copy_chart, "copy-chart"), (self.act_copy_table, "copy-table"),
                          (self.act_quit, "quit"), (self.act_history, "history"),
                          (self.act_about, "about")):
            act.setIcon(icon(name))
        self.toolbar = self.addToolBar("main")
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.act_import)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_briefing)
        self.toolbar.addAction(self.act_export_chart)
        self.toolbar.addAction(self.act_export)
        self.toolbar.addAction(self.act_copy_chart)
        self.toolbar.addAction(self.act_copy_table)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Year figures of the Dutch CSAM hotline"))  # Qt adds the app name
        if self.ds is None:
            return
        self.metric_box.setTitle(self.tr("Metrics"))
        self.period_box.setTitle(self.tr("Period"))
        self.tabs.setTabText(0, self.tr("&Chart"))
        self.tabs.setTabText(1, self.tr("&Table"))
        self.file_menu.setTitle(self.tr("&File"))
        self.act_export.setText(self.tr("&Export data (CSV, Excel)…"))
        self.act_export_chart.setText(self.tr("Export c&hart (PNG, SVG, PDF)…"))
        self.act_briefing.setText(self.tr("&Briefing (PDF or Word)…"))
        self.act_briefing.setIconText(self.tr("Briefing"))  # the toolbar keeps its short label
        self.act_briefing_extended.setText(self.tr("Briefing with appendi&x (definitions, "
                                                   "background, full table, events)"))
        self.act_copy_chart.setText(self.tr("Copy c&hart as image"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_pack_export.setText(self.tr("Export &pack…"))
        self.act_pack_import.setText(self.tr("Import pac&k…"))
        self.act_save_story.setText(self.tr("&Save as story…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.data_menu.setTitle(self.tr("&Data"))
        self.story_menu.setTitle(self.tr("&Stories"))
        self._fill_story_menu()
        self.act_import.setText(self.tr("&Import figures…"))
        self.act_history.setText(self.tr("Import &history…"))
        self.lang_menu.setTitle(self.tr("&Language"))
        self.act_copy_table.setText(self.tr("&Copy table"))
        self.act_events.setText(self.tr("Show &events on the chart"))
        self.act_all_events.setText(self.tr("&All events (not only those about these series)"))
        self.theme_menu.setTitle(self.tr("&Theme"))
        self.act_zoom_in.setText(self.tr("&Larger text"))
        self.act_zoom_out.setText(self.tr("&Smaller text"))
        self.act_zoom_reset.setText(self.tr("&Normal text size"))
        self.theme_actions["light"].setText(self.tr("&Light"))
        self.theme_actions["dark"].setText(self.tr("&Dark"))
        self.theme_actions["system"].setText(self.tr("Follow the &system"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.act_about.setText(self.tr("&About"))
        self.act_help.setText(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.title.setAccessibleName(self.tr("Chart title"))
        self.sources.setAccessibleName(self.tr("Sources of the values shown"))
        self.summary.setAccessibleName(self.tr("Chart in words"))
        self.mode_label.setText(self.tr("&Show as:"))
        self.base_label.setText(self.tr("Base &year:"))
        current = self.mode.currentIndex()
        self.mode.blockSignals(True)
        self.mode.clear()
        self.mode.addItems([self.tr("Values"), self.tr("Index (base year = 100)"),
                            self.tr("Change on the earlier period"), self.tr("Log scale"),
                            self.tr("Parts of the whole (stacked)"),
                            self.tr("Parts as shares of the whole")])
        self.mode.setCurrentIndex(max(current, 0))
        self.mode.blockSignals(False)
        self.mode.setAccessibleName(self.tr("Show as"))
        self.base_year.setAccessibleName(self.tr("Base year"))
        self.notes.setAccessibleName(self.tr("Notes on this view"))
        self.chart_key.setAccessibleName(self.tr("Key to the marks in the chart"))
        self.metric_picker.retranslate()
        self.period_picker.retranslate()
        self.notice_bar.set_language(self.lang)
        self.table_pane.retranslate()
        self.headline_strip.retranslate()

    # ----- language
    def set_language(self, lang: str) -> None:
        """Called after the application swapped its translators: redraw every text."""
        self.lang = lang
        (self.act_en if lang == "en" else self.act_nl).setChecked(True)
        if self.model is not None and lang != self.model.lang:
            self.metric_picker.search.clear()  # words in the other language would find nothing
        self.retranslate()
        if self.model is not None:
            self.model.set_language(lang)
            self._sync_controls()

    def set_zoom(self, factor: float) -> None:
        """Text size on top of the system's own (which Qt already follows), 70% to 200%."""
        self._apply_zoom(factor)
        if self.persist:
            self.settings.setValue("zoom", self.zoom)
        if self.model is not None:
            self.model.refresh()

    def _apply_zoom(self, factor: float) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if not hasattr(self, "_base_point_size"):
            self._base_point_size = app.font().pointSizeF()
        self.zoom = round(min(2.0, max(0.7, factor)), 2)
        font = app.font()
        font.setPointSizeF(self._base_point_size * self.zoom)
        app.setFont(font)

    def set_theme(self, choice: str) -> None:
        """Light, dark or the system's scheme; the chart's colours follow (exports stay light)."""
        from PySide6.QtWidgets import QApplication

        from meldpunt_gui.ui import theme as themes

        self.theme_choice = choice
        self.theme = themes.effective(choice)
        themes.apply(QApplication.instance(), self.theme)
        if self.persist:
            self.settings.setValue("theme", choice)
        if self.model is None:
            return  # populate() draws in this theme
        self.notes.setStyleSheet(themes.note_style(self.theme))
        self.notice_bar.restyle()  # a widget with a style sheet keeps the palette it was polished with
        self.theme_actions[choice].setChecked(True)
        self.model.set_theme(self.theme)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.ds is not None:
            self.retranslate()
        super().changeEvent(event)

    # ----- model -> widgets
    def refresh(self) -> None:
        """Bring every control in line with the model, then draw (after a language switch or a
        new dataset)."""
        self._sync_controls()
        self._render()

    def _sync_controls(self) -> None:
        """The pickers and the mode controls show the model's state (they keep none of their own)."""
        model = self.model
        assert model is not None
        view = model.resolved
        state = view.state
        self.metric_picker.populate(model.ds, model.lang, state.metrics)
        self.period_picker.set_state(model.ds.year_span(), view.first_year, view.last_year,
                                     state.excluded_years, state.granularity)
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(TABS.index(state.tab) if state.tab in TABS else 0)
        self.tabs.blockSignals(False)
        self.mode.blockSignals(True)
        self.base_year.blockSignals(True)
        self.mode.setCurrentIndex(MODES.index(state.mode) if state.mode in MODES else 0)
        self.base_year.setValue(state.base_year or view.first_year)
        self.mode.blockSignals(False)
        self.base_year.blockSignals(False)
        self.act_events.blockSignals(True)
        self.act_events.setChecked(state.show_events)
        self.act_events.blockSignals(False)
        self.act_all_events.blockSignals(True)
        self.act_all_events.setChecked(state.all_events)
        self.act_all_events.blockSignals(False)

    def _render(self) -> None:
        """The window's own labels for the resolved view (the chart, the table and the
        explanation follow the model themselves); none works the selection out again."""
        if self.model is None:
            return
        from meldpunt_gui.text.plain import LONG, shorten, tooltip_html

        view = self.model.resolved
        self.title.setText(shorten(view.title, LONG))  # the full names stay in the tooltip
        self.title.setToolTip(tooltip_html(view.title) if view.metrics else "")
        story = view.story
        lang = view.lang
        self.story_text.setText(shorten(f"{story.title.get(lang)}: {story.text.get(lang)}", LONG)
                                if story else "")
        self.story_text.setVisible(story is not None)
        self.notes.setText("\n".join(view.notes))
        self.notes.setVisible(bool(view.notes))
        self.base_label.setVisible(view.state.mode == "index")
        self.base_year.setVisible(view.state.mode == "index")
        self.period_picker.set_state(self.model.ds.year_span(), view.first_year, view.last_year,
                                     view.state.excluded_years, view.state.granularity)
        self.sources.setText(shorten(view.sources_line, LONG))
        self.chart_key.setText("   ".join(view.chart_key))
        self.chart_key.setVisible(bool(view.chart_key))
        self.data_date.setText(view.data_date_line)
        summary = "\n".join(view.summary)
        self.summary.setText(summary)
        self.chart.setAccessibleDescription(summary)
        if self.persist:
            self._save_timer.start()

    def _save(self) -> None:
        from meldpunt_gui.ui.settings import save_state

        if self.persist and self.model is not None:
            save_state(self.settings, self.model.state, self.lang)

    def set_state(self, state: ViewState) -> None:
        assert self.model is not None
        self.model.set_state(state)
        self._sync_controls()

    def _metrics_changed(self, metrics: tuple) -> None:
        assert self.model is not None
        self.model.select_metrics(metrics)

    def _periods_changed(self) -> None:
        assert self.model is not None
        first, last, excluded, gran = self.period_picker.state()
        self.model.update(first_year=first, last_year=last, excluded_years=excluded,
                          granularity=gran, story="")

    def _all_years(self) -> None:
        assert self.model is not None
        self.model.update(first_year=None, last_year=None, excluded_years=frozenset())

    def _mode_changed(self, *_args: object) -> None:
        assert self.model is not None
        mode = MODES[max(self.mode.currentIndex(), 0)]
        base = self.base_year.value() if mode == "index" else None
        self.model.update(mode=mode, base_year=base)

    def _toggle_events(self, on: bool) -> None:
        assert self.model is not None
        self.model.update(show_events=on)

    def select_point(self, metric: str, period: Period) -> None:
        """A headline figure was clicked: that value in the chart and in the table."""
        self.table.select_point(metric, period)
        self.chart.select_point(metric, period)

    def show_event(self, event_ids: tuple[str, ...]) -> None:
        assert self.model is not None
        self.explanation.show_view(self.model.resolved, event_ids)

    def _tab_changed(self, index: int) -> None:
        assert self.model is not None
        self.model.update(tab=TABS[index] if 0 <= index < len(TABS) else "chart")

    # ----- stories
    def story_by_id(self, story_id: str) -> Story | None:
        return self.model.story(story_id) if self.model is not None else None

    def open_story(self, story_id: str) -> None:
        if self.model is not None and self.model.open_story(story_id):
            self._sync_controls()

    def reload_stories(self) -> None:
        """Read the stories again (one was saved or came in a pack) and list them."""
        from meldpunt_gui.data.stories import load_stories, story_folders

        assert self.model is not None
        stories, self.story_problems = load_stories(self.model.ds, story_folders(self.data_dir))
        self.model.set_stories(stories)
        self._fill_story_menu()

    def _fill_story_menu(self) -> None:
        self.story_menu.clear()
        from meldpunt_gui.text.plain import shorten, tooltip_html

        self.story_menu.addAction(self.act_save_story)
        self.story_menu.addSeparator()
        for story in self.stories:
            # '&' in a title would otherwise become a keyboard shortcut
            act = self.story_menu.addAction(shorten(story.title.get(self.lang)).replace("&", "&&"))
            act.setToolTip(tooltip_html(story.text.get(self.lang)))
            act.triggered.connect(lambda _=False, sid=story.id: self.open_story(sid))

    def show_help(self) -> None:
        """F1: the offline help page in the window's language."""
        from meldpunt_gui.ui.help_dialog import HelpDialog

        self.help_dialog = HelpDialog(self.lang, self)
        self.help_dialog.show()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from meldpunt_gui import __version__
        from meldpunt_gui.text.formatting import format_date

        QMessageBox.about(self, self.tr("About"), self.tr(
            "Meldpunt viewer %1\n\nPublic year figures of the Dutch hotline Meldpunt Kinderporno "
            "(Offlimits) and related series, with their sources.\nData up to: %2")
            .replace("%1", __version__).replace("%2", format_date(self.ds.data_date, self.lang))
            + self._portable_line())

    def _portable_line(self) -> str:
        if not self.portable or self.data_dir is None:
            return ""
        return "\n\n" + self.tr("Portable mode: data and settings are kept in %1.").replace(
            "%1", str(self.data_dir))

    def closeEvent(self, event) -> None:
        if self.persist:
            self.settings.setValue("window/geometry", self.saveGeometry())
            if self.model is not None:
                self._save_timer.stop()
            self._save()
            self.settings.sync()
        super().closeEvent(event)
