"""The window is right in every state: both themes both ways, empty views, language, title."""

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QLabel

from meldpunt_gui.ui.chart.palette import contrast


def _hex(colour: QColor) -> str:
    return colour.name()


def _label_problems(w) -> list[str]:
    out = []
    for label in w.findChildren(QLabel):
        if not label.isVisibleTo(w) or not label.text().strip():
            continue
        pal = label.palette()
        fg = pal.color(label.foregroundRole())
        bg = pal.color(label.backgroundRole())
        window = w.palette().color(QPalette.ColorRole.Window)
        for back in {_hex(bg), _hex(window)} if not label.autoFillBackground() else {_hex(bg)}:
            if contrast(_hex(fg), back) < 4.5:
                out.append(f"{label.text()[:30]!r}: {_hex(fg)} on {back}")
    return out


def _check_contrast(widget, rect, background: QColor) -> float:
    """The strongest contrast between a check indicator's pixels and its field."""
    image = widget.grab(rect).toImage()
    best = 1.0
    for x in range(image.width()):
        for y in range(image.height()):
            best = max(best, contrast(image.pixelColor(x, y).name(), background.name()))
    return best


@pytest.mark.parametrize("order", [("dark", "light"), ("light", "dark", "light", "dark")])
def test_every_label_note_and_checkbox_is_readable_after_theme_switches(make_window, qtbot, order):
    w = make_window(("reports_total", "cloud_urls"), mode="log")
    assert w.notes.isVisible()  # the log scale is explained in the note
    for theme in order:
        w.set_theme(theme)
        QApplication.processEvents()
        assert _label_problems(w) == [], theme
        # the unit note in the palette's text colour, not pinned to the theme before
        fg = w.notes.palette().color(w.notes.foregroundRole())
        assert fg == QApplication.palette().color(QPalette.ColorRole.WindowText), theme
        box = QCheckBox("x", w)
        box.setChecked(False)
        box.show()
        indicator = box.style().subElementRect(box.style().SubElement.SE_CheckBoxIndicator,
                                               _option(box), box)
        assert _check_contrast(box, indicator, box.palette().color(QPalette.ColorRole.Window)) \
            >= 4.5, theme
        box.deleteLater()
        # the period picker's radio buttons, the unticked one on the field it sits on
        radio = w.period_picker.half_mode if w.state.granularity == "year" else w.period_picker.year_mode
        assert not radio.isChecked()
        ring = radio.style().subElementRect(radio.style().SubElement.SE_RadioButtonIndicator,
                                            _option(radio), radio)
        assert _check_contrast(radio, ring, radio.palette().color(QPalette.ColorRole.Window)) \
            >= 4.5, theme
        tree = w.metric_picker.tree
        index = w.metric_picker.proxy.index(0, 0, w.metric_picker.proxy.index(0, 0))
        rect = tree.visualRect(index)
        rect.setWidth(rect.height() + 4)
        field = tree.palette().color(QPalette.ColorRole.Base)
        assert _check_contrast(tree.viewport(), rect, field) >= 4.5, theme


def _option(box):
    from PySide6.QtWidgets import QStyleOptionButton
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return option


def test_half_year_view_of_a_year_only_series_says_why_and_offers_years(make_window, qtbot):
    w = make_window(("reports_total",))
    qtbot.mouseClick(w.period_picker.half_mode, Qt.MouseButton.LeftButton)
    assert w.state.granularity == "half"
    hint = w.half_year_hint
    assert hint.isVisible()
    assert hint.label.text() == "This series has no half-year figures: Meldingen totaal"
    assert w.chart._panels[0].note.toPlainText() == "This series has no half-year figures"
    qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)
    assert w.state.granularity == "year" and not hint.isVisible()


def test_half_year_hint_in_dutch(make_window, dutch):
    w = make_window(("reports_total",))
    w.model.update(granularity="half")
    assert w.half_year_hint.label.text() == \
        "Deze reeks heeft geen halfjaarcijfers: Meldingen totaal"
    assert w.half_year_hint.button.text().replace("&", "") == "Toon jaren"


def _listed(picker) -> list[str]:
    """The series the picker's list shows, by id, in order."""
    from meldpunt_gui.ui.metric_picker import METRIC_ROLE

    proxy, found = picker.proxy, []
    for row in range(proxy.rowCount()):
        group = proxy.index(row, 0)
        found += [proxy.index(i, 0, group).data(METRIC_ROLE) for i in range(proxy.rowCount(group))]
    return found


@pytest.mark.parametrize("typed", ["meldingen", "cloud", "reports_total"])
def test_a_language_switch_keeps_the_search_and_what_it_found(qapp, qtbot, tmp_path, typed):
    """The switch cleared the search field, and the list the user had narrowed down was whole
    again; the search now also looks through the other language's words, so the same series
    stay listed."""
    from meldpunt_gui.app import build_window

    _app, w, translators = build_window(tmp_path / "d", "nl")
    w.persist = False
    try:
        w.resize(1200, 800)
        w.show()
        picker = w.metric_picker
        picker.search.setFocus()
        qtbot.keyClicks(picker.search, typed)
        found = _listed(picker)
        assert 0 < len(found) < len(w.ds.metrics)
        w.language_requested.emit("en")  # Beeld > Taal > English
        assert w.lang == "en" and picker.search.placeholderText() == "Search series…"
        # the same series (in the English order of their names)
        assert picker.search.text() == typed and sorted(_listed(picker)) == sorted(found)
        w.language_requested.emit("nl")
        assert picker.search.text() == typed and _listed(picker) == found
    finally:
        translators.switch("en")
        w.close()


def test_qt_dialogs_speak_dutch(qapp, dutch):
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Zoeken in:", "Bestands&naam:", "Bestanden van &type:"} <= texts
    dialog.deleteLater()


def test_the_window_title_names_the_app_once(make_window, dutch):
    w = make_window(("reports_total",))
    name = QCoreApplication.translate("", "Meldpunt viewer")
    # Qt adds the application's display name to the title on Windows and X11
    full = f"{w.windowTitle()} — {name}"
    assert full.count("viewer") == 1
    assert w.windowTitle() == "Jaarcijfers van het Meldpunt Kinderporno"
