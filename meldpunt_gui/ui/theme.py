"""Light by default; dark when chosen or when the system is dark (Qt's colour scheme).

Fusion with our palette, so light and dark look the same on every platform, through a thin
proxy style that gives unticked check boxes a border in the theme's text colour (Fusion draws
it a shade darker than the window, which vanishes on a dark one) and draws a scroll bar's groove
from a pixmap. A switch re-polishes every
widget, so none keeps the colours of the theme before (a style sheet pins a widget's palette
at polish time).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

from meldpunt_gui.data.gcpause import collector_paused

CHOICES = ("light", "dark", "system")
# Check box borders: at least 4.5:1 against the field they are drawn on, in both themes.
BORDER = {"light": "#5A5A5A", "dark": "#B4B4B4"}
NOTE_ACCENT = {"light": "#B34700", "dark": "#FF9F5C"}


def effective(choice: str) -> str:
    if choice == "dark":
        return "dark"
    if choice == "system":
        from PySide6.QtCore import Qt

        hints = QGuiApplication.styleHints()
        if hints.colorScheme() == Qt.ColorScheme.Dark:
            return "dark"
    return "light"


def dark_palette() -> QPalette:
    pal = QPalette()
    base, window, text = QColor("#1E1E1E"), QColor("#2A2A2A"), QColor("#E6E6E6")
    for role, colour in ((QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, window),
                         (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, window),
                         (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, base),
                         (QPalette.ColorRole.ToolTipText, text),
                         (QPalette.ColorRole.Highlight, QColor("#3D7CC9")),
                         (QPalette.ColorRole.HighlightedText, QColor("#FFFFFF")),
                         (QPalette.ColorRole.Link, QColor("#7DB7FF")),
                         (QPalette.ColorRole.PlaceholderText, QColor("#9A9A9A"))):
        pal.setColor(role, colour)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#808080"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#808080"))
    return pal


_GROOVES = 16  # grooves kept: a few sizes and states of the window's scroll bars


class ThemeStyle(QProxyStyle):
    """Fusion, with check box indicators that keep a visible border in either theme."""

    def __init__(self, theme: str) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.theme = theme
        self._grooves: dict[tuple[object, ...], QPixmap] = {}

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                           painter: QPainter, widget: QWidget | None = None) -> None:
        """A scroll bar's groove from a pixmap, the rest as Fusion draws it. Fusion fills the
        groove with a gradient on every paint, some 1 us per pixel of the bar's length (2.5 ms
        for the explanation's 778 px bar, painted anew whenever its range changes, i.e. on
        every change of selection); the groove depends only on the bar's size, state and
        palette, never on its range or position."""
        groove = QStyle.SubControl.SC_ScrollBarGroove
        if (control != QStyle.ComplexControl.CC_ScrollBar or not isinstance(option, QStyleOptionSlider)
                or not option.subControls & groove
                or self.styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, option, widget)):
            super().drawComplexControl(control, option, painter, widget)
            return
        ratio = painter.device().devicePixelRatio() if painter.device() is not None else 1.0
        size = option.rect.size()
        key = (size.width(), size.height(), option.orientation, option.state.value,
               option.palette.cacheKey(), ratio)
        pixmap = self._grooves.get(key)
        if pixmap is None:
            if len(self._grooves) >= _GROOVES:
                self._grooves.clear()
            pixmap = QPixmap(size * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            only = QStyleOptionSlider(option)
            only.rect = QRect(0, 0, size.width(), size.height())
            only.subControls = groove
            inner = QPainter(pixmap)
            super().drawComplexControl(control, only, inner, widget)
            inner.end()
            self._grooves[key] = pixmap
        painter.drawPixmap(option.rect.topLeft(), pixmap)
        rest = QStyleOptionSlider(option)
        rest.subControls = option.subControls & ~groove
        super().drawComplexControl(control, rest, painter, widget)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                       QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck):
            painter.save()
            painter.setPen(QColor(BORDER[self.theme]))
            painter.setBrush(QColor(0, 0, 0, 0))
            rect = QRect(option.rect).adjusted(0, 0, -1, -1)
            painter.drawRect(rect)
            painter.restore()


# The style in use, kept so its Python side (the overridden drawing) lives as long as Qt uses it.
_style: ThemeStyle | None = None


def apply(app: QApplication, theme: str) -> None:
    """Fusion with our palette; every widget re-polished for it."""
    global _style
    style = ThemeStyle(theme)
    # setStyle and setPalette walk a list of every widget made before they start and send each
    # an event; a widget's Python handler can set off the garbage collector, which deleted an
    # unreferenced window still on that list, and Qt then used freed memory (a crash at random,
    # more often the more handlers a window has). So the collector waits until they are done.
    with collector_paused():
        # The new style is set before the old one's last reference goes: setStyle still
        # unpolishes every widget with the old style, and Qt (which took the old one as its
        # child) deletes it after that; dropping the reference first freed it while in use.
        app.setStyle(style)
        _style = style
        app.setPalette(dark_palette() if theme == "dark" else style.standardPalette())
        _polish_style_sheets(app)


def _polish_style_sheets(app: QApplication) -> None:
    """Widgets with a style sheet took their palette at polish time: polish them anew."""
    from shiboken6 import isValid

    for widget in app.allWidgets():
        # a window of an earlier view may be half destroyed (deleteLater) while we walk
        if isValid(widget) and widget.styleSheet():
            own = widget.style()
            own.unpolish(widget)
            own.polish(widget)
            widget.update()


def note_style(theme: str) -> str:
    """The unit warning above the chart: an accent bar, text in the palette's own colour."""
    return f"QLabel {{ border-left: 3px solid {NOTE_ACCENT.get(theme, NOTE_ACCENT['light'])}; " \
           "padding-left: 6px; }"
