"""Light by default; dark when chosen or when the system is dark (Qt's colour scheme)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

CHOICES = ("light", "dark", "system")


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


def apply(app: QApplication, theme: str) -> None:
    """Fusion with our palette, so light and dark look the same on every platform."""
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
