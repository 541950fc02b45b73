"""The main window's widgets and where they sit: pickers left, chart and table centre in tabs,
explanation right, the data date in the status bar.

Only builds and places; MainWindow wires the signals and ui/window_controls.py fills the
window's own labels from the resolved view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meldpunt_gui.model.vocabulary import YEAR_MAX, YEAR_MIN
from meldpunt_gui.ui.flow_layout import FlowLayout
from meldpunt_gui.ui.wrapped_label import WrappedLabel

if TYPE_CHECKING:
    from meldpunt_gui.ui.main_window import MainWindow

SUMMARY_LINES = 5  # the chart in words shows this many lines, then scrolls
# each panel's plot, with its year axis, keeps at least this height: four units on a 1366x768
# laptop screen squeezed every plot to nothing, so the chart page scrolls instead
PLOT_MIN_PX = 120


def _text_label(window: MainWindow, wrap: bool = True) -> QLabel:
    """A label for text from the data: always plain text, never markup. A wrapped one keeps
    its height per width (the layouts ask each several times per change of selection)."""
    label = WrappedLabel(window) if wrap else QLabel(window)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _build_left(window: MainWindow) -> QWidget:
    from meldpunt_gui.ui.metric_picker import MetricPicker
    from meldpunt_gui.ui.period_picker import PeriodPicker

    window.metric_picker = MetricPicker(window)
    window.period_picker = PeriodPicker(window)
    window.metric_box = QGroupBox(window)
    QVBoxLayout(window.metric_box).addWidget(window.metric_picker)
    window.period_box = QGroupBox(window)
    QVBoxLayout(window.period_box).addWidget(window.period_picker)
    left = QWidget(window)
    left_lay = QVBoxLayout(left)
    left_lay.setContentsMargins(6, 6, 0, 6)
    left_lay.addWidget(window.metric_box, 3)
    left_lay.addWidget(window.period_box, 2)
    return left


def _pair(window: MainWindow, label: QLabel, box: QWidget) -> QWidget:
    """A label and its box, kept on one line."""
    pair = QWidget(window)
    lay = QHBoxLayout(pair)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(label)
    lay.addWidget(box)
    return pair


def _build_mode_controls(window: MainWindow) -> FlowLayout:
    """The view mode and, in the index, the base year. They wrap like words: in one row at a
    1024 px window the base-year box was pushed past the chart page's right edge (the page
    scrolls only up and down), out of sight."""
    window.mode_label = QLabel(window)
    window.mode = QComboBox(window)
    window.mode_label.setBuddy(window.mode)
    window.base_label = QLabel(window)
    window.base_year = QSpinBox(window)
    window.base_year.setRange(YEAR_MIN, YEAR_MAX)
    window.base_year.setGroupSeparatorShown(False)
    window.base_label.setBuddy(window.base_year)
    controls = FlowLayout(spacing=6)
    controls.addWidget(_pair(window, window.mode_label, window.mode))
    window.base_row = _pair(window, window.base_label, window.base_year)
    controls.addWidget(window.base_row)
    return controls


def _build_chart_page(window: MainWindow) -> QWidget:
    from meldpunt_gui.ui.capped_text import CappedText
    from meldpunt_gui.ui.chart.view import ChartView
    from meldpunt_gui.ui.empty_hint import HalfYearHint
    from meldpunt_gui.ui.headline_strip import HeadlineStrip
    from meldpunt_gui.ui.theme import note_style

    window.title = _text_label(window)
    font = window.title.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    window.title.setFont(font)
    controls = _build_mode_controls(window)
    window.notes = _text_label(window)
    window.notes.setStyleSheet(note_style(window.theme))
    window.story_text = _text_label(window)
    window.chart = ChartView(window, plot_min_px=PLOT_MIN_PX)
    window.sources = _text_label(window)
    page = QWidget(window)
    lay = QVBoxLayout(page)
    lay.addWidget(window.title)
    window.headline_strip = HeadlineStrip(window)
    lay.addWidget(window.headline_strip)
    lay.addWidget(window.story_text)
    lay.addLayout(controls)
    lay.addWidget(window.notes)
    window.half_year_hint = HalfYearHint(window)
    lay.addWidget(window.half_year_hint)
    lay.addWidget(window.chart, 1)
    window.chart_key = _text_label(window)  # the marks in view: hollow = rounded, the status signs
    lay.addWidget(window.chart_key)
    window.summary = CappedText(SUMMARY_LINES, window)  # a few lines: the chart keeps its room
    lay.addWidget(window.summary)
    lay.addWidget(window.sources)
    return page


def _scrolling(page: QWidget, window: MainWindow) -> QScrollArea:
    """The chart page in a scroll area: as tall as the tab where the panels fit, and scrolled
    where the window is too low for them (the wheel over the chart scrolls the page, as the
    chart itself does not zoom)."""
    from meldpunt_gui.ui.steady_scroll import SteadyScrollArea

    area = SteadyScrollArea(page, window)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps instead
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: Tab goes from pane to pane
    window.chart_scroll = area
    return area


def build_central(window: MainWindow) -> None:
    """Make every pane of the window and put them in a three-way splitter."""
    from meldpunt_gui.ui.explanation import ExplanationPanel
    from meldpunt_gui.ui.steady_tabs import SteadyTabWidget
    from meldpunt_gui.ui.table_pane import TablePane

    left = _build_left(window)
    chart_page = _build_chart_page(window)
    window.table_pane = TablePane(window.settings, window)
    window.table = window.table_pane.table
    window.tabs = SteadyTabWidget(window)
    window.tabs.addTab(_scrolling(chart_page, window), "")
    window.tabs.addTab(window.table_pane, "")
    window.explanation = ExplanationPanel(window, window.settings)
    split = QSplitter(Qt.Orientation.Horizontal, window)
    split.addWidget(left)
    split.addWidget(window.tabs)
    split.addWidget(window.explanation)
    split.setStretchFactor(0, 0)
    split.setStretchFactor(1, 3)
    split.setStretchFactor(2, 1)
    split.setSizes([340, 720, 340])
    window.splitter = split
    window.setCentralWidget(split)
    window.data_date = _text_label(window, wrap=False)
    window.statusBar().addPermanentWidget(window.data_date)
