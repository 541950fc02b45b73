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


def test_keyboard_only_task(make_window, qtbot, monkeypatch, tmp_path, tiny_ds):
    """Pick a metric, pick years, read a value, export - without the mouse."""
    w = make_window(("reports_total",))
    # pick a metric: type in the search field, move into the tree, check with space
    w.metric_picker.search.setFocus()
    qtbot.keyClicks(w.metric_picker.search, "cloud")
    qtbot.keyClick(w.metric_picker.search, Qt.Key.Key_Tab)
    tree = w.metric_picker.tree
    assert tree.hasFocus()
    assert tree.currentIndex().data() == "Key figures"  # Kerncijfers come first
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert w.state.metrics == ("reports_total", "cloud_urls")
    # pick years: the first-year spin box takes typed digits
    w.period_picker.first.setFocus()
    w.period_picker.first.selectAll()
    qtbot.keyClicks(w.period_picker.first, "2021")
    qtbot.keyClick(w.period_picker.first, Qt.Key.Key_Return)
    assert w.state.first_year == 2021
    # read a value: focus the chart, arrow keys
    w.chart._glw.setFocus()
    qtbot.keyClick(w.chart._glw, Qt.Key.Key_Right)
    assert w.chart.hover_text.startswith("Meldingen totaal — 2021")
    # export: the shortcut opens the dialog (answered here), the file is written
    out = tmp_path / "keys.csv"
    monkeypatch.setattr("meldpunt_gui.ui.window_actions.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(out), ""))
    qtbot.keyClick(w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert out.exists() and b"413262" in out.read_bytes()
