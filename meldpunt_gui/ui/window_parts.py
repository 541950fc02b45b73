"""What the main window holds once populated: the panes window_layout builds, the actions and
menus action_table builds, and the helpers populate() attaches. Only declarations (no code runs
here), so the window's start-up frame imports nothing for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QComboBox,
        QGroupBox,
        QLabel,
        QMenu,
        QScrollArea,
        QSpinBox,
        QSplitter,
        QTabWidget,
        QToolBar,
        QWidget,
    )

    from meldpunt_gui.ui.capped_text import CappedText
    from meldpunt_gui.ui.chart.view import ChartView
    from meldpunt_gui.ui.empty_hint import HalfYearHint
    from meldpunt_gui.ui.explanation import ExplanationPanel
    from meldpunt_gui.ui.focus_ring import FocusRing
    from meldpunt_gui.ui.headline_strip import HeadlineStrip
    from meldpunt_gui.ui.help_dialog import HelpDialog
    from meldpunt_gui.ui.i18n import Translators
    from meldpunt_gui.ui.metric_picker import MetricPicker
    from meldpunt_gui.ui.notice_bar import NoticeBar
    from meldpunt_gui.ui.pane_keys import PaneKeys
    from meldpunt_gui.ui.period_picker import PeriodPicker
    from meldpunt_gui.ui.table_pane import TablePane
    from meldpunt_gui.ui.table_view import TableView


class WindowParts:
    """The main window's parts, declared for readers and the type checker."""

    # built by window_layout.build_central()
    metric_picker: MetricPicker
    period_picker: PeriodPicker
    metric_box: QGroupBox
    period_box: QGroupBox
    title: QLabel
    headline_strip: HeadlineStrip
    story_text: QLabel
    mode_label: QLabel
    mode: QComboBox
    base_label: QLabel
    base_year: QSpinBox
    base_row: QWidget  # the base year's label and box, shown in the index only
    notes: QLabel
    half_year_hint: HalfYearHint
    chart: ChartView
    chart_scroll: QScrollArea  # the chart page, scrolled where the window is too low for its panels
    chart_key: QLabel
    summary: CappedText  # the chart in words: at most a few lines, then it scrolls
    sources: QLabel
    table_pane: TablePane
    table: TableView
    tabs: QTabWidget
    explanation: ExplanationPanel
    splitter: QSplitter
    data_date: QLabel
    # built by action_table.build_actions(); each action is also `act_<id>`, each menu `<id>_menu`
    actions_by_id: dict[str, QAction]
    menus: dict[str, QMenu]
    toolbar: QToolBar
    # attached by populate(), show_help() and app.build_window()
    notice_bar: NoticeBar
    pane_keys: PaneKeys
    focus_ring: FocusRing
    help_dialog: HelpDialog
    translators: Translators  # kept alive with the window
