"""The window's actions as one table: what each is called, its keys, icon, where it sits and
what it does. Menus and toolbar are built from the table, and retranslated from it.

Texts are English source strings marked with QT_TRANSLATE_NOOP in the MainWindow context (where
they lived before), translated when the menus are (re)labelled, so a language switch needs
nothing but `retranslate_actions`. Each action is also set on the window as `act_<id>`, each
menu as `<id>_menu`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from meldpunt_gui.ui import pack_actions, window_actions, window_help

if TYPE_CHECKING:
    from meldpunt_gui.ui.main_window import MainWindow

CONTEXT = "MainWindow"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """Mark `text` for the catalogue of `context` without translating it yet (Qt's own
    QT_TRANSLATE_NOOP is typed as returning object)."""
    return text

Key = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class MenuSpec:
    id: str
    title: str
    parent: str = ""  # a submenu of this menu; it is placed where its first action is


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str  # English source text, QT_TRANSLATE_NOOP in CONTEXT (or a name, see `native`)
    triggered: Callable[[MainWindow], object] | None = None
    toggled: Callable[[MainWindow, bool], object] | None = None  # makes the action checkable
    checked: Callable[[MainWindow], bool] | None = None  # initial check state
    shortcuts: tuple[Key, ...] = ()
    icon: str = ""
    icon_text: str = ""  # the toolbar's shorter label
    menus: tuple[str, ...] = ()
    toolbar: int = 0  # place on the toolbar (0: not on it)
    separator_before: tuple[str, ...] = ()  # menus (or "toolbar") with a line before this action
    group: str = ""  # exclusive choice among the actions of the same group
    native: bool = False  # a language's own name: never translated


MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    MenuSpec("view", QT_TRANSLATE_NOOP("MainWindow", "&View")),
    MenuSpec("lang", QT_TRANSLATE_NOOP("MainWindow", "&Language"), parent="view"),
    MenuSpec("theme", QT_TRANSLATE_NOOP("MainWindow", "&Theme"), parent="view"),
    MenuSpec("story", QT_TRANSLATE_NOOP("MainWindow", "&Stories")),
    MenuSpec("data", QT_TRANSLATE_NOOP("MainWindow", "&Data")),
    MenuSpec("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
)


def _briefing_extended(w: MainWindow) -> bool:
    return str(w.settings.value("export/briefing_extended", "false")) == "true"


def _remember_briefing_extended(w: MainWindow, on: bool) -> None:
    w.settings.setValue("export/briefing_extended", "true" if on else "false")


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("import", QT_TRANSLATE_NOOP("MainWindow", "&Import figures…"),
               triggered=lambda w: w.import_dialog(), shortcuts=("Ctrl+I",), icon="import",
               menus=("file", "data"), toolbar=1),
    ActionSpec("history", QT_TRANSLATE_NOOP("MainWindow", "Import &history…"),
               triggered=window_actions.history_dialog, icon="history", menus=("data",)),
    ActionSpec("export", QT_TRANSLATE_NOOP("MainWindow", "&Export data (CSV, Excel)…"),
               triggered=window_actions.export_data_dialog, shortcuts=("Ctrl+E",),
               icon="export-data", menus=("file",), toolbar=4, separator_before=("file",)),
    ActionSpec("export_chart", QT_TRANSLATE_NOOP("MainWindow", "Export c&hart (PNG, SVG, PDF)…"),
               triggered=window_actions.export_chart_dialog, shortcuts=("Ctrl+Shift+E",),
               icon="export-chart", menus=("file",), toolbar=3),
    ActionSpec("briefing", QT_TRANSLATE_NOOP("MainWindow", "&Briefing (PDF or Word)…"),
               triggered=window_actions.export_briefing_dialog, shortcuts=("Ctrl+B",),
               icon="briefing", icon_text=QT_TRANSLATE_NOOP("MainWindow", "Briefing"),
               menus=("file",), toolbar=2, separator_before=("toolbar",)),
    ActionSpec("briefing_extended", QT_TRANSLATE_NOOP(
        "MainWindow", "Briefing with appendi&x (definitions, background, full table, events)"),
        toggled=_remember_briefing_extended, checked=_briefing_extended, menus=("file",)),
    ActionSpec("pack_export", QT_TRANSLATE_NOOP("MainWindow", "Export &pack…"),
               triggered=pack_actions.export_pack, menus=("file",), separator_before=("file",)),
    ActionSpec("pack_import", QT_TRANSLATE_NOOP("MainWindow", "Import pac&k…"),
               triggered=pack_actions.import_pack, menus=("file",)),
    ActionSpec("save_story", QT_TRANSLATE_NOOP("MainWindow", "&Save as story…"),
               triggered=pack_actions.save_as_story),  # heads the stories menu, see window_help
    ActionSpec("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), triggered=lambda w: w.close(),
               shortcuts=(QKeySequence.StandardKey.Quit,), icon="quit", menus=("file",),
               separator_before=("file",)),
    ActionSpec("nl", "Nederlands", triggered=lambda w: w.request_language("nl"),
               checked=lambda w: w.lang == "nl", menus=("lang",), group="lang", native=True),
    ActionSpec("en", "English", triggered=lambda w: w.request_language("en"),
               checked=lambda w: w.lang == "en", menus=("lang",), group="lang", native=True),
    ActionSpec("events", QT_TRANSLATE_NOOP("MainWindow", "Show &events on the chart"),
               toggled=lambda w, on: w.model_or_fail().update(show_events=on),
               checked=lambda w: w.state.show_events, menus=("view",)),
    ActionSpec("all_events", QT_TRANSLATE_NOOP(
        "MainWindow", "&All events (not only those about these series)"),
        toggled=lambda w, on: w.model_or_fail().update(all_events=on),
        checked=lambda w: w.state.all_events, menus=("view",)),
    ActionSpec("theme_light", QT_TRANSLATE_NOOP("MainWindow", "&Light"),
               triggered=lambda w: w.set_theme("light"), checked=lambda w: w.theme_choice == "light",
               menus=("theme",), group="theme"),
    ActionSpec("theme_dark", QT_TRANSLATE_NOOP("MainWindow", "&Dark"),
               triggered=lambda w: w.set_theme("dark"), checked=lambda w: w.theme_choice == "dark",
               menus=("theme",), group="theme"),
    ActionSpec("theme_system", QT_TRANSLATE_NOOP("MainWindow", "Follow the &system"),
               triggered=lambda w: w.set_theme("system"),
               checked=lambda w: w.theme_choice == "system", menus=("theme",), group="theme"),
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("MainWindow", "La&rger text"),
               triggered=lambda w: w.set_zoom(w.zoom + 0.1),
               shortcuts=(QKeySequence.StandardKey.ZoomIn, "Ctrl+="), menus=("view",)),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("MainWindow", "&Smaller text"),
               triggered=lambda w: w.set_zoom(w.zoom - 0.1),
               shortcuts=(QKeySequence.StandardKey.ZoomOut,), menus=("view",)),
    ActionSpec("zoom_reset", QT_TRANSLATE_NOOP("MainWindow", "&Normal text size"),
               triggered=lambda w: w.set_zoom(1.0), shortcuts=("Ctrl+0",), menus=("view",)),
    ActionSpec("copy_table", QT_TRANSLATE_NOOP("MainWindow", "&Copy table"),
               triggered=lambda w: w.table.copy_to_clipboard(), icon="copy-table",
               menus=("view",), toolbar=6, separator_before=("view",)),
    ActionSpec("copy_chart", QT_TRANSLATE_NOOP("MainWindow", "Copy c&hart as image"),
               triggered=window_actions.copy_chart, shortcuts=("Ctrl+Shift+C",),
               icon="copy-chart", menus=("view",), toolbar=5),
    ActionSpec("help", QT_TRANSLATE_NOOP("MainWindow", "&Help"), triggered=window_help.show_help,
               shortcuts=(QKeySequence.StandardKey.HelpContents,), menus=("help",)),
    ActionSpec("about", QT_TRANSLATE_NOOP("MainWindow", "&About"), triggered=window_help.show_about,
               icon="about", menus=("help",)),
)


def _make(window: MainWindow, spec: ActionSpec, groups: dict[str, QActionGroup]) -> QAction:
    from meldpunt_gui.ui.icons import icon

    act = QAction(window)
    act.setObjectName(f"act_{spec.id}")
    if spec.shortcuts:
        act.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
    if spec.icon:
        act.setIcon(icon(spec.icon))
    if spec.checked is not None or spec.toggled is not None:
        act.setCheckable(True)
        act.setChecked(spec.checked(window) if spec.checked is not None else False)
    if spec.group:
        groups.setdefault(spec.group, QActionGroup(window)).addAction(act)
    if spec.triggered is not None:
        run = spec.triggered
        act.triggered.connect(lambda _=False: run(window))
    if spec.toggled is not None:
        toggle = spec.toggled
        act.toggled.connect(lambda on: toggle(window, on))
    return act


def build_actions(window: MainWindow) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    """Every action of the table, the menu bar and the toolbar, in the table's order."""
    groups: dict[str, QActionGroup] = {}
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    bar = window.menuBar()
    for menu in MENUS:
        if not menu.parent:
            menus[menu.id] = bar.addMenu("")
    parents = {m.id: m.parent for m in MENUS}
    for spec in ACTIONS:
        act = actions[spec.id] = _make(window, spec, groups)
        setattr(window, f"act_{spec.id}", act)
        for name in spec.menus:
            if name not in menus:  # a submenu: it takes its place in its parent here
                menus[name] = menus[parents[name]].addMenu("")
            if name in spec.separator_before:
                menus[name].addSeparator()
            menus[name].addAction(act)
    toolbar = window.addToolBar("main")
    toolbar.setObjectName("main-toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for spec in sorted((s for s in ACTIONS if s.toolbar), key=lambda s: s.toolbar):
        if "toolbar" in spec.separator_before:
            toolbar.addSeparator()
        toolbar.addAction(actions[spec.id])
    window.toolbar = toolbar
    for name, menu_ in menus.items():
        setattr(window, f"{name}_menu", menu_)  # file_menu, story_menu, ... as before the table
    return actions, menus


def retranslate_actions(window: MainWindow) -> None:
    """Label every menu and action in the current language."""
    for menu in MENUS:
        window.menus[menu.id].setTitle(QCoreApplication.translate(CONTEXT, menu.title))
    for spec in ACTIONS:
        act = window.actions_by_id[spec.id]
        act.setText(spec.text if spec.native else QCoreApplication.translate(CONTEXT, spec.text))
        if spec.icon_text:
            act.setIconText(QCoreApplication.translate(CONTEXT, spec.icon_text))
    window.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Main toolbar"))
