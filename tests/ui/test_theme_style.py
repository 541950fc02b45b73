"""The program's style draws a scroll bar's groove and slider from pixmaps: the bar looks as Fusion draws
it (within one level per colour channel, where Fusion's semi-transparent edge is blended onto
the pixmap rather than straight onto the page), in both themes and either direction."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QScrollBar, QStyle, QStyleFactory, QStyleOptionSlider

from meldpunt_gui.ui import theme as themes
from meldpunt_gui.ui import theme_style
from tests.ui.images import largest_difference


def _draw(style: QStyle, bar: QScrollBar, background: int, hover: QStyle.SubControl | None = None,
          sunken: bool = False) -> QImage:
    image = QImage(bar.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(background)
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    option.subControls = QStyle.SubControl.SC_All
    if hover is not None:
        option.activeSubControls = hover
        option.state |= QStyle.StateFlag.State_MouseOver
        if sunken:
            option.state |= QStyle.StateFlag.State_Sunken
    painter = QPainter(image)
    style.drawComplexControl(QStyle.ComplexControl.CC_ScrollBar, option, painter, bar)
    painter.end()
    return image


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("orientation, size", [(Qt.Orientation.Vertical, (14, 300)),
                                               (Qt.Orientation.Horizontal, (300, 14))])
@pytest.mark.parametrize("enabled", [True, False])
def test_a_scroll_bar_looks_as_fusion_draws_it(qapp, theme, orientation, size, enabled):
    fusion = QStyleFactory.create("Fusion")
    style = theme_style.ThemeStyle(theme)
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
        assert largest_difference(_draw(style, bar, background), want) <= 1
        # drawn again from the kept groove, with the slider elsewhere: still Fusion's drawing
        bar.setValue(100)
        assert largest_difference(_draw(style, bar, background), _draw(fusion, bar, background)) <= 1
    finally:
        QApplication.setPalette(previous)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("orientation", [Qt.Orientation.Vertical, Qt.Orientation.Horizontal])
@pytest.mark.parametrize("hover, sunken", [(None, False), (QStyle.SubControl.SC_ScrollBarSlider, False),
                                           (QStyle.SubControl.SC_ScrollBarSlider, True),
                                           (QStyle.SubControl.SC_ScrollBarAddLine, False)])
def test_a_slider_of_any_length_and_place_is_drawn_as_fusion_draws_it(qapp, theme, orientation,
                                                                       hover, sunken):
    """The slider comes from its kept ends and middle line; at every length (the shortest
    Fusion allows up to nearly the whole bar) and place it is Fusion's own drawing."""
    fusion = QStyleFactory.create("Fusion")
    style = theme_style.ThemeStyle(theme)
    previous = QApplication.palette()
    QApplication.setPalette(themes.dark_palette() if theme == "dark" else style.standardPalette())
    try:
        bar = QScrollBar(orientation)
        bar.resize(*((15, 420) if orientation == Qt.Orientation.Vertical else (420, 15)))
        background = bar.palette().window().color().rgba()
        bar.setRange(0, 1000)
        for page in (1, 20, 90, 250, 700, 3000, 20000):
            for value in (0, 333, 1000):
                bar.setPageStep(page)
                bar.setValue(value)
                got = _draw(style, bar, background, hover, sunken)
                want = _draw(fusion, bar, background, hover, sunken)
                assert largest_difference(got, want) <= 1, (page, value)
        assert any(pieces is not None for pieces in style._sliders.values())  # drawn from pieces
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


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("element", [QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                                     QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck])
def test_a_check_box_from_the_kept_pixmap_looks_as_drawn_anew(qapp, theme, element):
    """Check box indicators come from a pixmap per size, state and palette: each looks as
    Fusion's indicator with the theme's border drawn straight onto the page, wherever it is."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QStyleOptionButton, QStyleOptionViewItem

    fusion = QStyleFactory.create("Fusion")
    style = theme_style.ThemeStyle(theme)
    palette = themes.dark_palette() if theme == "dark" else style.standardPalette()
    flags = QStyle.StateFlag
    states = [flags.State_On, flags.State_Off, flags.State_NoChange,
              flags.State_On | flags.State_MouseOver, flags.State_Off | flags.State_Sunken]
    for enabled in (flags.State_Enabled, flags.State_None):
        for state in states:
            for x, y in ((0, 0), (7, 3), (31, 18)):
                option = (QStyleOptionButton() if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox
                          else QStyleOptionViewItem())
                option.palette = palette
                option.state = state | enabled
                option.rect = QRect(x, y, 13, 13)
                images = []
                for draw_border, drawer in ((False, style), (True, fusion)):
                    image = QImage(48, 36, QImage.Format.Format_ARGB32_Premultiplied)
                    image.fill(palette.base().color().rgba())
                    painter = QPainter(image)
                    drawer.drawPrimitive(element, option, painter, None)
                    if draw_border:  # what the style drew before it kept pixmaps
                        painter.setPen(QColor(themes.BORDER[theme]))
                        painter.setBrush(QColor(0, 0, 0, 0))
                        painter.drawRect(QRect(option.rect).adjusted(0, 0, -1, -1))
                    painter.end()
                    images.append(image)
                assert largest_difference(*images) <= 1, (state, enabled, x, y)
    assert style._checks  # drawn from kept pixmaps



def test_the_chart_layout_takes_no_spacing_from_the_style(qapp, qtbot):
    """A graphics grid layout that asks the style for its spacing keeps that style's pointer; a
    theme switch deletes the style, and the next layout pass of the chart (when it had to grow
    for its panels) read freed memory and the program crashed. The chart gives its spacing
    itself: under a style whose layout spacing is 17, its rows are still PANEL_GAP apart."""
    from PySide6.QtWidgets import QProxyStyle, QStyle

    from meldpunt_gui.data.bundled import load_bundled
    from meldpunt_gui.model.view import ViewState
    from meldpunt_gui.ui.chart.view import PANEL_GAP, ChartView

    class WideSpacing(QProxyStyle):
        def pixelMetric(self, metric, option=None, widget=None):
            if metric in (QStyle.PixelMetric.PM_LayoutVerticalSpacing,
                          QStyle.PixelMetric.PM_LayoutHorizontalSpacing):
                return 17
            return super().pixelMetric(metric, option, widget)

    style = WideSpacing(QStyleFactory.create("Fusion"))
    qapp.setStyle(style)
    try:
        chart = ChartView()
        qtbot.addWidget(chart)
        chart.resize(700, 500)
        chart.show()
        chart.ensure_loaded()
        chart.set_view(load_bundled(), ViewState(metrics=("reports_total", "share_hosted_nl_pct")), "nl")
        layout = chart._glw.ci.layout
        assert (layout.verticalSpacing(), layout.horizontalSpacing()) == (PANEL_GAP, PANEL_GAP)
        for theme in ("dark", "light"):
            themes.apply(qapp, theme)
            layout.invalidate()
            layout.activate()
            assert layout.verticalSpacing() == PANEL_GAP
    finally:
        themes.apply(qapp, "light")
