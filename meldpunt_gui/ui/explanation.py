"""The explanation beside the chart: definitions, background, events and sources.

Links are followed only when clicked, and then by the desktop's browser; the panel itself never
loads anything (no remote images, no scripts: all file text is escaped in describe.py).
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from meldpunt_gui.model.domain import Dataset
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.describe import event_html, explanation_html


class ExplanationPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open)
        self.setAccessibleName(self.tr("Explanation"))
        self.opened: list[str] = []

    def show_for(self, ds: Dataset, state: ViewState, lang: str, event_id: str = "") -> None:
        """The explanation of the view; a clicked event's text goes on top, scrolled into view."""
        bar = self.verticalScrollBar().value()
        head = event_html(ds, event_id, lang) if event_id else ""
        self.setHtml(head + explanation_html(ds, state, lang))
        self.verticalScrollBar().setValue(0 if head else bar)

    def loadResource(self, kind, url):
        return None

    def _open(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            self.opened.append(url.toString())
            QDesktopServices.openUrl(url)
