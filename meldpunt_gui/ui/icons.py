"""Action icons: the desktop's theme icon where it has one, our bundled SVG otherwise, so no
action ever ends up with an empty icon."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from meldpunt_gui.files.resources import resource_root

THEME_NAMES = {
    "import": "document-import", "export-data": "document-export",
    "export-chart": "x-office-drawing", "briefing": "x-office-document",
    "copy-chart": "edit-copy", "copy-table": "edit-copy", "quit": "application-exit",
    "history": "document-open-recent", "about": "help-about",
}


def icon(name: str) -> QIcon:
    fallback = QIcon(str(resource_root() / "icons" / f"{name}.svg"))
    return QIcon.fromTheme(THEME_NAMES.get(name, name), fallback)


def app_icon() -> QIcon:
    """The viewer's own icon in every rendered size (16-512 px, from meldpunt.svg by
    scripts/make_icons.py) for the window, the task bar and the Alt+Tab switcher."""
    folder = resource_root() / "icons" / "app"
    result = QIcon()
    for png in sorted(folder.glob("meldpunt-*.png")):
        result.addFile(str(png))
    return result
