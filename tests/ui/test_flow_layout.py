"""The chips' flow layout: rows like words, and a new place when a chip's size changes."""

from __future__ import annotations


def _rows(widgets) -> list[list[str]]:
    rows: dict[int, list[str]] = {}
    for w in widgets:
        rows.setdefault(w.geometry().y(), []).append(w.text())
    return [rows[y] for y in sorted(rows)]


def test_chips_wrap_at_the_width_and_move_when_one_grows(qtbot):
    from PySide6.QtWidgets import QLabel, QWidget

    from meldpunt_gui.ui.flow_layout import FlowLayout

    box = QWidget()
    qtbot.addWidget(box)
    layout = FlowLayout(box, spacing=4)
    labels = []
    for text in ("aaaa", "bbbb", "cccc", "dddd"):
        label = QLabel(text, box)
        layout.addWidget(label)
        labels.append(label)
    width = labels[0].sizeHint().width() * 2 + 4 + 2  # room for two chips a row
    box.resize(width, layout.heightForWidth(width))
    box.show()
    qtbot.waitExposed(box)
    layout.activate()
    assert _rows(labels) == [["aaaa", "bbbb"], ["cccc", "dddd"]]
    one_row = layout.heightForWidth(width)

    labels[1].setText("bbbb bbbb bbbb")  # now too wide to share a row
    layout.activate()
    box.resize(width, layout.heightForWidth(width))
    layout.activate()
    assert _rows(labels) == [["aaaa"], ["bbbb bbbb bbbb"], ["cccc", "dddd"]]
    assert layout.heightForWidth(width) > one_row

    layout.removeWidget(labels[0])
    labels[0].hide()
    layout.activate()
    assert _rows(labels[1:]) == [["bbbb bbbb bbbb"], ["cccc", "dddd"]]
