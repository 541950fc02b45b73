"""The clipboard: tab-separated text and HTML together, released safely at exit.

PySide6 crashes at interpreter shutdown when the clipboard still holds a QMimeData made in
Python; before the application quits, our own rich content is replaced by its plain text (which
Qt can hand over to the system clipboard without that risk).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

_OWN_FORMAT = "application/x-meldpunt-viewer"


def put(text: str, html: str | None = None) -> None:
    mime = QMimeData()
    mime.setText(text)
    if html:
        mime.setHtml(html)
    mime.setData(_OWN_FORMAT, b"1")
    QGuiApplication.clipboard().setMimeData(mime)


def settle() -> None:
    """Keep what the user copied as plain text, drop our QMimeData before Python goes away."""
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(_OWN_FORMAT):
        clipboard.setText(data.text())
