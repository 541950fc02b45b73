"""The program's style draws a scroll bar's groove from a pixmap: the bar looks as Fusion draws
it (within one level per colour channel, where Fusion's semi-transparent edge is blended onto
the pixmap rather than straight onto the page), in both themes and either direction."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QScrollBar, QStyle, QStyleFactory, QStyleOptionSlider

from meldpunt_gui.ui import theme as themes


def _draw(style: QStyle, bar: QScrollBar, background: int) -> QImage:
    image = QImage(bar.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(background)
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    option.subControls = QStyle.SubControl.SC_All
    painter = QPainter(image)
    style.drawComplexControl(QStyle.ComplexControl.CC_ScrollBar, option, painter, bar)
    painter.end()
    return image


def _largest_difference(a: QImage, b: QImage) -> int:
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            for shift in (0, 8, 16, 24):
                worst = max(worst, abs((pa >> shift & 255) - (pb >> shift & 255)))
    return worst


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("orientation, size", [(Qt.Orientation.Vertical, (14, 300)),
                                               (Qt.Orientation.Horizontal, (300, 14))])
@pytest.mark.parametrize("enabled", [True, False])
def test_a_scroll_bar_looks_as_fusion_draws_it(qapp, theme, orientation, size, enabled):
    fusion = QStyleFactory.create("Fusion")
    style = themes.ThemeStyle(theme)
    previous = QApplication.palette()
    QApplication.setPalette(themes.dark_palette() if theme == "dark" else style.standardPalette())
    try:
        bar = QScrollBar(orientation)
        bar.resize(*size)
        bar.setRange(0, 2000)
        bar.setPageStep(300)
        bar.setValue(700)
        bar.setEnabled(enabled)
        background = bar.palette().window().color().rgba()
        want = _draw(fusion, bar, background)
        assert _largest_difference(_draw(style, bar, background), want) <= 1
        # drawn again from the kept groove, with the slider elsewhere: still Fusion's drawing
        bar.setValue(100)
        assert _largest_difference(_draw(style, bar, background), _draw(fusion, bar, background)) <= 1
    finally:
        QApplication.setPalette(previous)


def test_switching_themes_again_and_again_keeps_the_style_in_use_alive(qapp, qtbot):
    """Qt deletes the style it replaces only after setStyle has unpolished every widget with it;
    the program's reference to the old style must last until then (dropping it first freed the
    style while it was still in use, and setStyle then crashed at random)."""
    import gc

    import shiboken6
    from PySide6.QtWidgets import QTextBrowser

    page = QTextBrowser()
    page.setStyleSheet("QTextBrowser { padding: 2px; }")  # polished anew at every switch
    page.setPlainText("regel\n" * 200)
    qtbot.addWidget(page)
    page.show()
    try:
        for i in range(60):
            before = qapp.style()
            themes.apply(qapp, "dark" if i % 2 else "light")
            gc.collect()
            page.repaint()
            assert qapp.style() is themes._style and shiboken6.isValid(qapp.style())
            assert before is not qapp.style() and not shiboken6.isValid(before)  # Qt deleted it
    finally:
        themes.apply(qapp, "light")


def test_a_theme_switch_survives_garbage_windows_and_handlers_that_allocate(tmp_path):
    """setStyle and setPalette walk a list of every widget and send each an event; when a Python
    handler's allocations set off the garbage collector there, it deleted unreferenced windows
    still on that list and Qt used freed memory (the UI tests crashed at random). In a child
    process, so that a crash fails this test instead of ending the run."""
    import os
    import subprocess
    import sys

    script = tmp_path / "switch.py"
    script.write_text(
        "import gc\n"
        "from PySide6.QtCore import QEvent\n"
        "from PySide6.QtWidgets import QApplication, QLabel, QWidget\n"
        "from meldpunt_gui.ui import theme\n"
        "app = QApplication([])\n"
        "garbage = []\n"
        "class Allocating(QWidget):\n"
        "    def event(self, e):\n"
        "        if e.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange) and garbage:\n"
        "            garbage.clear()  # the windows are held only by their own cycles now\n"
        "            _ = [[] for _ in range(30000)]  # enough to set off the collector\n"
        "        return super().event(e)\n"
        "keep = Allocating(); keep.show()\n"
        "for i in range(6):\n"
        "    gc.disable()  # young windows, as a test's are just after it\n"
        "    for _ in range(200):\n"
        "        w = QWidget(); QLabel('x', w); w.cycle = w; w.show(); garbage.append(w)\n"
        "    del w\n"
        "    gc.set_threshold(20000)  # no collection before the walk starts\n"
        "    gc.enable()\n"
        "    theme.apply(app, 'dark' if i % 2 else 'light')\n"
        "    gc.set_threshold(700)\n"
        "print('switched')\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "switched"
