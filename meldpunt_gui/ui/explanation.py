"""The explanation beside the chart: definitions, background, events and sources.

Links are followed only when clicked, and then by the desktop's browser; the panel itself never
loads anything (no remote images, no scripts: all file text is escaped in describe.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from meldpunt_gui.model.resolve import ResolvedView

if TYPE_CHECKING:
    from meldpunt_gui.ui.view_model import ViewModel
from meldpunt_gui.text.describe import event_html


class ExplanationPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open)
        self.setAccessibleName(self.tr("Explanation"))
        self.opened: list[str] = []

    def bind(self, model: ViewModel) -> None:
        """Follow the window's view model: every change shows its explanation from the top of
        what was read before (a clicked event is shown by `show_view` with its ids)."""
        model.changed.connect(lambda: self.show_view(model.resolved))
        self.show_view(model.resolved)

    def show_view(self, view: ResolvedView, event_ids: Sequence[str] = ()) -> None:
        """The explanation of the view; a clicked badge's events go on top, scrolled into view."""
        bar = self.verticalScrollBar().value()
        head = event_html(view.ds, event_ids, view.lang) if event_ids else ""
        self.setHtml(head + view.explanation)
        self.verticalScrollBar().setValue(0 if head else bar)

    def loadResource(self, kind, url):
        return None

    def _open(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            self.opened.append(url.toString())
            QDesktopServices.openUrl(url)
