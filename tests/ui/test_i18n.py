"""The language switch in the running window, and no UI string outside the catalogue."""

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QMenu, QTabBar, QWidget

from meldpunt_gui.app import build_window
from meldpunt_gui.files.resources import resource_root

NATIVE_NAMES = {"Nederlands", "English"}  # a language is offered in its own name


def _plain(text: str) -> str:
    """Tool buttons drop the mnemonic and the ellipsis of their action's text."""
    return text.replace("&", "").rstrip("…").strip()


def catalogue() -> set[str]:
    root = ET.parse(resource_root() / "translations" / "meldpunt_nl.ts").getroot()
    return {_plain(m.findtext("source")) for m in root.iter("message")}


def ui_strings(w) -> set[str]:
    """Every string the window itself (not the data) puts on screen or gives a screen reader."""
    data_labels = {w.title, w.story_text, w.notes, w.summary, w.sources, w.data_date,
                   w.chart_key, w.table_pane.key}  # keys: the core's Text pairs (text.marks)
    for tile in w.headline_strip.tiles:  # key figures: words from the data (text/headline.py)
        data_labels |= {tile, *tile.findChildren(QWidget)}
    data_labels |= set(w.metric_picker.chips.values())  # chips carry the series' own labels
    out = set()
    story_titles = {a.text() for a in w.story_menu.actions()}  # titles come from story files
    for act in w.findChildren(QAction):
        if act.text() not in story_titles:
            out.add(act.text())
    for menu in w.findChildren(QMenu):
        out.add(menu.title())
    for box in w.findChildren(QGroupBox):
        out.add(box.title())
    for button in w.findChildren(QAbstractButton):
        # Qt's own scroll arrows are in the qtbase catalogue
        if not isinstance(button.parent(), QTabBar) and button not in data_labels:
            out.add(button.text())
    for label in w.findChildren(QLabel):
        if label not in data_labels:
            out.add(label.text())
    for edit in w.findChildren(QLineEdit):
        out.add(edit.placeholderText())
    for widget in w.findChildren(QWidget):
        if not isinstance(widget.parent(), QTabBar) and widget not in data_labels:
            out.add(widget.accessibleName())
    for i in range(w.tabs.count()):
        out.add(w.tabs.tabText(i))
    for i in range(w.mode.count()):
        out.add(w.mode.itemText(i))
    out.add(w.windowTitle())
    return {_plain(s) for s in out if s and not re.fullmatch(r"[\d\s.,%–-]*", s)} - NATIVE_NAMES


def test_switch_language_in_the_open_window(qapp, tmp_path):
    app, w, translators = build_window(tmp_path / "d", "nl")
    w.chart.ensure_loaded()
    try:
        assert w.file_menu.title() == "&Bestand"
        assert w.tabs.tabText(0) == "G&rafiek"
        assert w.title.text().startswith("Meldingen totaal")
        w.language_requested.emit("en")
        assert w.file_menu.title() == "&File"
        assert w.tabs.tabText(0) == "&Chart"
        assert w.title.text().startswith("Total reports")
        assert "What is counted" in w.explanation.toPlainText()
        assert w.chart.legend_labels(0) == ["Total reports"]
        w.language_requested.emit("nl")
        assert w.period_picker.all_years.text() == "&Alle jaren"
    finally:
        translators.switch("en")
        w.persist = False
        w.close()


def test_every_string_in_the_window_is_in_the_catalogue(qapp, tmp_path):
    app, w, translators = build_window(tmp_path / "d", "en")
    try:
        missing = sorted(ui_strings(w) - catalogue())
        assert missing == [], "not translatable; run scripts/update_translations.py: " + repr(missing)
    finally:
        w.persist = False
        w.close()


def _mnemonic_key(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), lower case."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def _menus(w) -> list[QMenu]:
    return [w.menuBar(), *w.menuBar().findChildren(QMenu)]


def test_no_menu_has_two_entries_on_one_letter(qapp, qtbot, tmp_path):
    """Alt and a letter opens a menu; a letter in an open menu runs its entry. Two entries on
    one letter ('&Taal' and '&Thema') made the letter only move between them, in either
    language. Each fixed entry has a letter of its own (story titles come from files)."""
    app, w, translators = build_window(tmp_path / "d", "nl")
    try:
        for lang in ("nl", "en"):
            w.language_requested.emit(lang)
            stories = {a.text() for a in w.story_menu.actions()} - {w.act_save_story.text()}
            for menu in _menus(w):
                texts = [a.text() for a in menu.actions()
                         if not a.isSeparator() and a.text() not in NATIVE_NAMES | stories]
                keys = [_mnemonic_key(t) for t in texts]
                assert None not in keys, (lang, menu.title(), texts)
                assert len(set(keys)) == len(keys), (lang, menu.title(), texts)
        # and the letter runs the entry: 'r' in the view menu makes the text larger, in both
        for lang in ("en", "nl"):
            w.language_requested.emit(lang)
            before = w.zoom
            w.view_menu.popup(w.mapToGlobal(w.rect().center()))
            qtbot.waitExposed(w.view_menu)
            qtbot.keyClick(w.view_menu, "r")
            qtbot.waitUntil(lambda: not w.view_menu.isVisible())
            assert w.zoom == pytest.approx(before + 0.1), lang
    finally:
        w.set_zoom(1.0)  # the application's font, which the windows of later tests share
        translators.switch("en")
        w.persist = False
        w.close()


@pytest.mark.parametrize("mode", ["absolute", "index"])  # the index shows the base-year box
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_alt_letters_in_the_window_are_unique(lang, mode, request, make_window, qtbot):
    """Alt and a letter reaches a menu, a tab, a button or the box a label names; where two
    shared a letter ('&Gegevens' and the tab '&Grafiek', '&File' and '&From') Qt saw an
    ambiguous shortcut and neither ran. Then the letter for the table tab, pressed for real."""
    from PySide6.QtCore import Qt

    if lang == "nl":
        request.getfixturevalue("dutch")
    w = make_window(lang=lang, mode=mode)
    found: dict[str, list[str]] = {}
    texts = [a.text() for a in w.menuBar().actions()]
    texts += [b.text() for b in w.findChildren(QAbstractButton) if b.isVisibleTo(w)]
    texts += [lab.text() for lab in w.findChildren(QLabel) if lab.buddy() is not None and lab.isVisibleTo(w)]
    texts += [w.tabs.tabText(i) for i in range(w.tabs.count())]
    for text in texts:
        key = _mnemonic_key(text)
        if key:
            found.setdefault(key, []).append(text)
    assert {k: v for k, v in found.items() if len(v) > 1} == {}
    table_key = _mnemonic_key(w.tabs.tabText(1))
    qtbot.keyClick(w, getattr(Qt.Key, f"Key_{table_key.upper()}"), Qt.KeyboardModifier.AltModifier)
    assert w.tabs.currentIndex() == 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_alt_letters_in_each_dialog_are_unique(lang, request, make_window, qtbot, tmp_path):
    """The same for the dialogs a user opens from the window: import, save as story, the chart
    export's options and help."""
    from meldpunt_gui.ui.export.options import ChartExportOptions
    from meldpunt_gui.ui.help_dialog import HelpDialog
    from meldpunt_gui.ui.import_dialog import ImportDialog
    from meldpunt_gui.ui.story_dialog import StoryDialog

    if lang == "nl":
        request.getfixturevalue("dutch")
    w = make_window(lang=lang)
    csv = tmp_path / "eigen.csv"
    csv.write_text("metric;period;value\nreports_total;2031;1\n", encoding="utf-8")
    dialogs = [ImportDialog(csv, w.ds, lang, w), StoryDialog(tmp_path / "d", w.ds, w.state, (), set(), lang, w),
               ChartExportOptions(w.settings, w), HelpDialog(lang, w)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        texts = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
        texts += [lab.text() for lab in dialog.findChildren(QLabel)
                  if lab.buddy() is not None and lab.isVisibleTo(dialog)]
        texts += [g.title() for g in dialog.findChildren(QGroupBox) if g.isVisibleTo(dialog)]
        keys = [k for k in map(_mnemonic_key, texts) if k]
        assert len(keys) == len(set(keys)), (type(dialog).__name__, texts)
    if isinstance(dialogs[0], ImportDialog):  # its reading runs in a worker: let it finish
        qtbot.waitUntil(lambda: dialogs[0].import_result is not None, timeout=10000)
