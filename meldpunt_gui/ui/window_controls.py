"""The main window's own controls and labels: model to widgets (sync, render, texts) and the
control handlers that ask the view model for a change.

The pickers and the mode controls keep no state of their own; the chart, the table and the
explanation follow the model themselves. Strings keep the MainWindow translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent

from meldpunt_gui.model.vocabulary import MODES, TABS, YEAR_MAX, YEAR_MIN

if TYPE_CHECKING:
    from collections.abc import Sequence

    from meldpunt_gui.ui.main_window import MainWindow

LAYOUT_LEVELS = 8  # tile, strip, page, stack, tabs, splitter, window: each one pass


def retranslate(window: MainWindow) -> None:
    """Every text of a populated window in the current language: actions, menus, panes."""
    from meldpunt_gui.ui import action_table, window_help

    action_table.retranslate_actions(window)
    window_help.fill_story_menu(window)
    retranslate_panes(window)
    window.metric_picker.retranslate()
    window.period_picker.retranslate()
    window.notice_bar.set_language(window.lang)
    window.table_pane.retranslate()
    window.headline_strip.retranslate()


def set_language(window: MainWindow, lang: str) -> None:
    """After the application swapped its translators: every text again, the view in `lang`."""
    window.lang = lang
    if window.model is not None:
        window.actions_by_id["en" if lang == "en" else "nl"].setChecked(True)
    window.retranslate()
    if window.model is not None:
        window.model.set_language(lang)
        sync_controls(window)


def retranslate_panes(window: MainWindow) -> None:
    """Every text of the window's own widgets in the current language."""
    window.metric_box.setTitle(QCoreApplication.translate("MainWindow", "Series"))
    window.period_box.setTitle(QCoreApplication.translate("MainWindow", "Period"))
    window.tabs.setTabText(0, QCoreApplication.translate("MainWindow", "&Chart"))
    window.tabs.setTabText(1, QCoreApplication.translate("MainWindow", "Ta&ble"))
    window.title.setAccessibleName(QCoreApplication.translate("MainWindow", "Chart title"))
    window.sources.setAccessibleName(QCoreApplication.translate("MainWindow", "Sources of the values shown"))
    window.summary.setAccessibleName(QCoreApplication.translate("MainWindow", "Chart in words"))
    window.mode_label.setText(QCoreApplication.translate("MainWindow", "Sh&ow as:"))
    window.base_label.setText(QCoreApplication.translate("MainWindow", "Base y&ear:"))
    current = window.mode.currentIndex()
    window.mode.blockSignals(True)
    window.mode.clear()
    window.mode.addItems([
        QCoreApplication.translate("MainWindow", "Values"),
        QCoreApplication.translate("MainWindow", "Index (base year = 100)"),
        QCoreApplication.translate("MainWindow", "Change on the earlier period"),
        QCoreApplication.translate("MainWindow", "Log scale"),
        QCoreApplication.translate("MainWindow", "Parts of the whole (stacked)"),
        QCoreApplication.translate("MainWindow", "Parts as shares of the whole")])
    window.mode.setCurrentIndex(max(current, 0))
    window.mode.blockSignals(False)
    window.mode.setAccessibleName(QCoreApplication.translate("MainWindow", "Show as"))
    window.base_year.setAccessibleName(QCoreApplication.translate("MainWindow", "Base year"))
    window.notes.setAccessibleName(QCoreApplication.translate("MainWindow", "Notes on this view"))
    window.chart_key.setAccessibleName(QCoreApplication.translate("MainWindow", "Key to the marks in the chart"))


def sync_controls(window: MainWindow) -> None:
    """The pickers, tabs, mode controls and checkable actions show the model's state."""
    model = window.model_or_fail()
    view = model.resolved
    state = view.state
    window.metric_picker.populate(model.ds, model.lang, state.metrics)
    set_period_picker(window)
    window.tabs.blockSignals(True)
    window.tabs.setCurrentIndex(TABS.index(state.tab) if state.tab in TABS else 0)
    window.tabs.blockSignals(False)
    window.mode.blockSignals(True)
    window.mode.setCurrentIndex(MODES.index(state.mode) if state.mode in MODES else 0)
    window.mode.blockSignals(False)
    show_base_year(window)
    for name, on in (("events", state.show_events), ("all_events", state.all_events)):
        act = window.actions_by_id[name]
        act.blockSignals(True)
        act.setChecked(on)
        act.blockSignals(False)


def set_period_picker(window: MainWindow) -> None:
    """The period picker shows the view's years; its "Last 5 years" ends at the selected
    series' latest value."""
    from meldpunt_gui.model.view import data_years

    model = window.model_or_fail()
    view = model.resolved
    state = view.state
    ends = data_years(model.ds, state.metrics, state.granularity)
    window.period_picker.set_state(model.ds.year_span(), view.first_year, view.last_year,
                                   state.excluded_years, state.granularity,
                                   ends[1] if ends else None)


def show_base_year(window: MainWindow) -> None:
    """The base-year box shows the year the index is drawn on (the chart worked it out: the
    chosen year or the model's default), the range's first outside the index. Filled with its
    signals blocked: only a year the user sets in the box is a choice (the hidden box's first
    year was stored as the chosen base when the mode became the index)."""
    view = window.model_or_fail().resolved
    base = view.state.base_year or (view.chart.index_base.year if view.chart.index_base else view.first_year)
    # a base year from a story or an edited settings file may be any number: the box takes
    # only a year a period can name (a number past a C int ended the start in an OverflowError)
    base = min(max(base, YEAR_MIN), YEAR_MAX)
    if window.base_year.value() != base:
        window.base_year.blockSignals(True)
        window.base_year.setValue(base)
        window.base_year.blockSignals(False)


def render(window: MainWindow) -> None:
    """The window's own labels for the resolved view; none works the selection out again."""
    if window.model is None:
        return
    from meldpunt_gui.text.plain import LONG, shorten, tooltip_html, whole_sentences

    view = window.model.resolved
    window.title.setText(shorten(view.title, LONG))
    window.title.setToolTip(tooltip_html("\n".join(view.series_names)) if view.series_names else "")
    story = view.story
    lang = view.lang
    story_line = f"{story.title.get(lang)}: {story.text.get(lang)}" if story else ""
    window.story_text.setText(whole_sentences(story_line))
    window.story_text.setVisible(story is not None)
    window.notes.setText("\n".join(view.notes))
    window.notes.setVisible(bool(view.notes))
    window.base_row.setVisible(view.state.mode == "index")
    show_base_year(window)
    set_period_picker(window)
    window.sources.setText(shorten(view.sources_line, LONG))
    window.chart_key.setText("   ".join(view.chart_key))
    window.chart_key.setVisible(bool(view.chart_key))
    window.data_date.setText(view.data_date_line)
    summary = "\n".join(view.summary)
    window.summary.set_text(summary)
    if window.chart.accessibleDescription() != summary:
        window.chart.setAccessibleDescription(summary)
    # lay the window out now: a chart's scene, once it has taken in its changes, has Qt paint
    # the whole window at once (QGraphicsView sends the pending update request), and with the
    # layout still pending that paint showed the old layout, then laid out and painted again.
    # Each pass lays out one level and asks the level above (Qt leaves requests posted during
    # a pass to the next), so a few passes reach the window
    for _ in range(LAYOUT_LEVELS):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


# ----- widgets -> model
def metrics_changed(window: MainWindow, metrics: Sequence[str]) -> None:
    window.model_or_fail().select_metrics(metrics)


def periods_changed(window: MainWindow) -> None:
    first, last, excluded, gran = window.period_picker.state()
    window.model_or_fail().update(first_year=first, last_year=last, excluded_years=excluded,
                                  granularity=gran, story="")


def all_years(window: MainWindow) -> None:
    window.model_or_fail().update(first_year=None, last_year=None, excluded_years=frozenset())


def mode_changed(window: MainWindow) -> None:
    """A new mode starts on the model's own index base (view.index_base), not on a year the
    box happened to hold."""
    window.model_or_fail().update(mode=MODES[max(window.mode.currentIndex(), 0)], base_year=None)


def base_year_changed(window: MainWindow, year: int) -> None:
    """The user set a base year in the box (it is filled with its signals blocked)."""
    if window.model_or_fail().state.mode == "index":
        window.model_or_fail().update(base_year=year)


def tab_changed(window: MainWindow, index: int) -> None:
    window.model_or_fail().update(tab=TABS[index] if 0 <= index < len(TABS) else "chart")
