"""The wrapped label keeps its height per width, and always answers as a plain QLabel would."""

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

from meldpunt_gui.ui.wrapped_label import WrappedLabel

texts = st.text(alphabet=st.sampled_from("abc defgh ijkl, 12.345 <b>&é"), max_size=120)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(texts, st.integers(20, 400), st.sampled_from([9.0, 11.0, 16.0]),
                          st.booleans()), min_size=1, max_size=8))
def test_the_kept_height_is_the_height_a_label_gives(qapp, steps):
    kept, plain = WrappedLabel(), QLabel()
    plain.setWordWrap(True)
    for text, width, points, rich in steps:
        for label in (kept, plain):
            label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
            label.setText(text)
            font = QFont(label.font())
            font.setPointSizeF(points)
            label.setFont(font)
            label.setContentsMargins(0, 0, width % 7, 0)
        for w in (width, width, width + 13, width):
            assert kept.heightForWidth(w) == plain.heightForWidth(w)


def test_the_height_is_worked_out_once_per_width_and_text(qapp, monkeypatch):
    calls = []
    real = QLabel.heightForWidth
    monkeypatch.setattr(QLabel, "heightForWidth", lambda self, w: calls.append(w) or real(self, w))
    label = WrappedLabel()
    label.setText("Bron: Offlimits, jaarverslag 2023, verschenen op 13 juli 2023")
    heights = [label.heightForWidth(w) for w in (120, 120, 300, 120, 300)]
    assert calls == [120, 300]
    assert heights[0] > heights[2]  # narrower: more lines
    label.setText("Bron: Offlimits, jaarverslag 2023, verschenen op 13 juli 2023")  # the same text
    label.heightForWidth(120)
    assert calls == [120, 300]
    label.setText("Bron: NU.nl")
    label.heightForWidth(120)
    assert calls == [120, 300, 120]


def test_a_link_takes_the_new_palettes_colour(qtbot):
    """A theme switch gives the label a new palette: its link is drawn in the new link colour,
    not in the one the rich text was set with (the key figure's source stayed dark blue on the
    dark theme)."""
    from PySide6.QtGui import QColor, QPalette

    label = WrappedLabel()
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText('<a href="https://example.org">Bron: NU.nl, apr 2022</a>')
    label.resize(300, 40)
    label.show()

    def reddish() -> int:
        image = label.grab().toImage()
        return sum(1 for x in range(image.width()) for y in range(image.height())
                   if (c := image.pixelColor(x, y)).red() > 180 and c.green() < 80 and c.blue() < 80)

    assert reddish() == 0
    app = QApplication.instance()
    before = QPalette(app.palette())
    palette = QPalette(before)
    palette.setColor(QPalette.ColorRole.Link, QColor("#E00000"))
    try:
        app.setPalette(palette)  # as ui/theme.py's apply() does for a new theme
        QApplication.processEvents()  # the widgets hear of it in a posted event
        assert reddish() > 20
    finally:
        app.setPalette(before)
        QApplication.processEvents()
    assert reddish() == 0
