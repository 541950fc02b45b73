"""Light by default; dark when chosen or when the system is dark (Qt's colour scheme).

Fusion with our palette, so light and dark look the same on every platform, through a thin
proxy style (ui/theme_style.py) that gives unticked check boxes and radio buttons a border
(Fusion draws it a shade darker than the window, which vanishes on a dark one) and draws a
scroll bar's groove and slider from pixmaps. A switch re-polishes every widget, so none keeps
the colours of the theme before (a style sheet pins a widget's palette at polish time).

The window's frame is shown in plain Fusion with the palette before anything else is built, so
this module leaves Qt's `Qt` namespace (about 20 ms on its first use, the frame needs none of
it) to the functions that use it, and the proxy style to the full window.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleFactory

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


# The style in use, kept so its Python side (the overridden drawing) lives as long as Qt uses it.
_style: QStyle | None = None


def apply(app: QApplication, theme: str, frame: bool = False) -> None:
    """Fusion with our palette and our drawing (ui/theme_style.py); every widget re-polished
    for it. `frame`: plain Fusion with the palette, for the window's frame, which shows a line
    of text and none of what our drawing adds; the full window is given the whole style."""
    global _style
    if frame:
        style: QStyle = QStyleFactory.create("Fusion")
    else:
        from meldpunt_gui.ui.theme_style import ThemeStyle

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
