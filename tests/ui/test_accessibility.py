"""Every control has a name for screen readers; the whole task works from the keyboard."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QWidget,
)


def _name(widget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    # a label with this widget as buddy names it, as Qt's accessibility does
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text()
    return ""


def test_every_control_has_an_accessible_name(make_window, dutch):
    w = make_window(("reports_total", "share_nl"))
    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
             QTextBrowser)
    missing = []
    for widget in w.findChildren(QWidget):
        if not isinstance(widget, kinds) or isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # a spin box's own line edit is named by the spin box
        if not widget.isVisibleTo(w) or widget.metaObject().className().startswith("QScroll"):
            continue
        if not _name(widget):
            missing.append(f"{widget.metaObject().className()} {widget.objectName()!r}")
    assert missing == []


def test_every_action_has_text_and_an_icon(make_window, dutch):
    w = make_window()
    for act in w.findChildren(type(w.act_export)):
        if act.isSeparator() or act.menu() is not None or act.parent() is not w:
            continue
        assert act.text().strip(), act
    for act in (w.act_import, w.act_export, w.act_export_chart, w.act_briefing, w.act_copy_chart,
                w.act_copy_table, w.act_quit, w.act_history, w.act_about):
        assert not act.icon().isNull(), act.text()


def _press(w, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A real key event to whatever has the focus (the window when nothing has)."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QTest.keyClick(QApplication.focusWidget() or w, key, modifier)


def _type(w, text):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QTest.keyClicks(QApplication.focusWidget() or w, text)


def test_keyboard_only_task(make_window, qtbot, monkeypatch, tmp_path, tiny_ds):
    """Pick a metric, read a value, move between panes, export: from the moment the window
    opens, with key events only (no focus set in code)."""
    from PySide6.QtWidgets import QApplication

    w = make_window(("reports_total",))
    focus = QApplication.focusWidget
    assert focus() is w.metric_picker.search  # the window opens on the series search
    _type(w, "cloud")
    _press(w, Qt.Key.Key_Tab)
    assert focus() is w.metric_picker.tree
    assert w.metric_picker.tree.currentIndex().data() in ("Kerncijfers", "Key figures")  # first
    _press(w, Qt.Key.Key_Down)
    _press(w, Qt.Key.Key_Space)
    assert w.state.metrics == ("reports_total", "cloud_urls")
    _press(w, Qt.Key.Key_Tab)  # the second Tab from the search field reaches the chart
    assert focus() is w.chart._glw
    _press(w, Qt.Key.Key_Right)
    assert w.chart.hover_text.startswith("2019\nMeldingen totaal: ca. 300.000")
    # F6 cycles the panes, Shift+F6 goes back
    _press(w, Qt.Key.Key_F6)
    assert focus() is w.explanation
    _press(w, Qt.Key.Key_F6)
    assert focus() is w.metric_picker.search
    _press(w, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focus() is w.explanation
    _press(w, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focus() is w.chart._glw
    # Ctrl+2, Ctrl+3, Ctrl+1: the table, the explanation, the chart
    _press(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert w.tabs.currentIndex() == 1 and focus() is w.table
    _press(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert focus() is w.explanation
    _press(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert w.tabs.currentIndex() == 0 and focus() is w.chart._glw
    # export: the shortcut opens the dialog (answered here), the file is written
    out = tmp_path / "keys.csv"
    monkeypatch.setattr("meldpunt_gui.ui.window_actions.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(out), ""))
    _press(w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert out.exists() and b"413262" in out.read_bytes()


def test_years_typed_into_the_period_picker(make_window, qtbot):
    from PySide6.QtWidgets import QApplication

    w = make_window(("reports_total",))
    for _ in range(12):  # Tab on from the chart until the first-year box
        if QApplication.focusWidget() is w.period_picker.first:
            break
        _press(w, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w.period_picker.first
    _press(w, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(w, "2021")
    _press(w, Qt.Key.Key_Return)
    assert w.state.first_year == 2021
