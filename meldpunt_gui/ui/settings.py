"""The last view, kept in an INI file in the data folder and read back defensively.

Versioned so a later release can migrate; anything unreadable falls back to the default view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from meldpunt_gui.model.vocabulary import DEFAULT_MODE, MODES, in_year_range

if TYPE_CHECKING:  # the view module is imported when a state is read, not at start-up
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.main_window import MainWindow

SETTINGS_VERSION = 1


def _years(value: object) -> list[int]:
    """The years in a stored value ('2019' or '2019,2020'); what is not a year a period can name
    is left out."""
    if value in (None, ""):
        return []
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    out: list[int] = []
    for item in items:
        try:
            year = int(str(item).strip())
        except ValueError:
            continue
        if in_year_range(year):
            out.append(year)
    return out


def load_state(settings: QSettings) -> ViewState:
    from meldpunt_gui.model.view import ViewState

    try:
        if int(str(settings.value("version", 0) or 0)) != SETTINGS_VERSION:
            return ViewState()
        raw = settings.value("view/metrics", "")
        metrics = raw if isinstance(raw, (list, tuple)) else str(raw or "").split(",")
        metrics = tuple(m.strip() for m in metrics if m and m.strip())
        # a year no period can name is not kept (an edited or damaged file): its default instead
        first = _years(settings.value("view/first_year"))
        last = _years(settings.value("view/last_year"))
        gran = str(settings.value("view/granularity", "year"))
        mode = str(settings.value("view/mode", "absolute"))
        base = _years(settings.value("view/base_year"))
        return ViewState(
            metrics=metrics or ViewState().metrics,
            first_year=first[0] if first else None,
            last_year=last[0] if last else None,
            excluded_years=frozenset(_years(settings.value("view/excluded"))),
            granularity="half" if gran == "half" else "year",
            tab=str(settings.value("view/tab", "chart")),
            show_events=str(settings.value("view/events", "true")).lower() != "false",
            all_events=str(settings.value("view/all_events", "false")).lower() == "true",
            mode=mode if mode in MODES else DEFAULT_MODE,
            base_year=base[0] if base else None,
            story=str(settings.value("view/story", "") or ""),
        )
    except (TypeError, ValueError):
        return ViewState()


def save_state(settings: QSettings, state: ViewState, lang: str) -> None:
    settings.setValue("version", SETTINGS_VERSION)
    settings.setValue("language", lang)
    settings.setValue("view/metrics", ",".join(state.metrics))
    settings.setValue("view/first_year", "" if state.first_year is None else state.first_year)
    settings.setValue("view/last_year", "" if state.last_year is None else state.last_year)
    settings.setValue("view/excluded", ",".join(str(y) for y in sorted(state.excluded_years)))
    settings.setValue("view/granularity", state.granularity)
    settings.setValue("view/tab", state.tab)
    settings.setValue("view/events", "true" if state.show_events else "false")
    settings.setValue("view/all_events", "true" if state.all_events else "false")
    settings.setValue("view/mode", state.mode)
    settings.setValue("view/base_year", "" if state.base_year is None else state.base_year)
    settings.setValue("view/story", state.story)


def saved_language(settings: QSettings) -> str | None:
    lang = settings.value("language")
    return str(lang) if lang in ("nl", "en") else None


def save_view(window: MainWindow) -> None:
    """The window's current view, unless it must not overwrite the last one (offscreen renders)."""
    if window.persist and window.model is not None:
        save_state(window.settings, window.model.state, window.lang)


def save_on_close(window: MainWindow) -> None:
    """The window is closing: its geometry and view, written now rather than when the pause
    after the last change is over."""
    window.settings.setValue("window/geometry", window.saveGeometry())
    if window.model is not None:
        window._save_timer.stop()
    save_view(window)
    window.settings.sync()
