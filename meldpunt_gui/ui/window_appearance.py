"""Text size and colour theme of the whole application, as the main window's View menu sets them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from meldpunt_gui.data.gcpause import collector_paused

if TYPE_CHECKING:
    from meldpunt_gui.ui.main_window import MainWindow


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def apply_zoom(window: MainWindow, factor: float) -> None:
    """Text size on top of the system's own (which Qt already follows), 70% to 200%."""
    app = _app()
    if window.base_point_size is None:
        window.base_point_size = app.font().pointSizeF()
    window.zoom = round(min(2.0, max(0.7, factor)), 2)
    font = app.font()
    font.setPointSizeF(window.base_point_size * window.zoom)
    with collector_paused():  # Qt walks every widget, as for a theme (see theme.apply)
        app.setFont(font)


def set_zoom(window: MainWindow, factor: float) -> None:
    apply_zoom(window, factor)
    if window.persist:
        window.settings.setValue("zoom", window.zoom)
    if window.model is not None:
        window.model.refresh()


def set_theme(window: MainWindow, choice: str) -> None:
    """Light, dark or the system's scheme; the chart's colours follow (exports stay light)."""
    from meldpunt_gui.ui import theme as themes

    window.theme_choice = choice
    window.theme = themes.effective(choice)
    themes.apply(_app(), window.theme)
    if window.persist:
        window.settings.setValue("theme", choice)
    if window.model is None:
        return  # populate() draws in this theme
    window.notes.setStyleSheet(themes.note_style(window.theme))
    window.notice_bar.restyle()  # a widget with a style sheet keeps the palette it was polished with
    window.actions_by_id[f"theme_{choice}"].setChecked(True)
    window.model.set_theme(window.theme)
