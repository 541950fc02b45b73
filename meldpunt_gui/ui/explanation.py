"""The explanation beside the chart: "Waarom" first, then definitions, background, events, sources.

Every section title is a fold link; which sections are folded is kept in the settings, so a reader
who never needs the history keeps it shut. Past `DEFINITIONS_OPEN` series the definitions start
folded (forty of them would push the background and the sources far down, and lay out a long
page on every change); one click opens them, and that is remembered too. On every change of
selection or story the pane starts at the top, where the reasons are. Links are followed only
when clicked, and then by the desktop's browser; the panel itself never loads anything (no
remote images, no scripts: all file text is escaped in text/explanation.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from meldpunt_gui.model.resolve import ResolvedView
from meldpunt_gui.text.describe import event_html
from meldpunt_gui.text.explanation import sections_html

if TYPE_CHECKING:
    from meldpunt_gui.ui.view_model import ViewModel

FOLDED_KEY = "explanation/folded"
OPEN_MANY_KEY = "explanation/definitions_open_many"  # the definitions opened past DEFINITIONS_OPEN
DEFINITIONS_OPEN = 8  # series whose definitions are shown unfolded unless the reader folds them


class ExplanationPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open)
        self.setAccessibleName(self.tr("Explanation"))
        # always there: a new text first empties the document, and a scroll bar that went and
        # came back would lay out and paint the pane three times per change
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # the text wraps to the pane's width, between words and inside a word too long for a
        # line (an address, a title without spaces), so nothing needs scrolling sideways; a
        # line's trailing space ran half a pixel past the edge and showed a bar that scrolled 1 px
        self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_html = ""  # the page shown: set again only when it differs
        self.opened: list[str] = []
        self.folded: set[str] = self._read_folded()
        self.open_many = (self.settings is not None
                          and str(self.settings.value(OPEN_MANY_KEY, "false")).lower() == "true")
        self._view: ResolvedView | None = None
        self._events: tuple[str, ...] = ()

    def _read_folded(self) -> set[str]:
        raw = self.settings.value(FOLDED_KEY, "") if self.settings is not None else ""
        items = raw if isinstance(raw, (list, tuple)) else str(raw or "").split(",")
        return {str(k).strip() for k in items if str(k).strip()}

    def bind(self, model: ViewModel) -> None:
        """Follow the window's view model: every change shows its explanation from the top."""
        model.changed.connect(lambda: self.show_view(model.resolved))
        self.show_view(model.resolved)

    def show_view(self, view: ResolvedView, event_ids: Sequence[str] = ()) -> None:
        """The explanation of the view, from the top; a clicked badge's events go first."""
        self._view, self._events = view, tuple(event_ids)
        self._draw()
        self.verticalScrollBar().setValue(0)

    def _draw(self) -> None:
        view = self._view
        if view is None:
            return
        head = event_html(view.ds, self._events, view.lang) if self._events else ""
        html = head + sections_html(view.sections, view.lang, self.shut(), fold_links=True)
        if html != self.page_html:  # another year or series often leaves the pane's text as it was
            self.page_html = html
            self.setHtml(html)

    def many(self) -> bool:
        """More series in view than have their definitions shown unfolded by default."""
        return self._view is not None and len(self._view.metrics) > DEFINITIONS_OPEN

    def shut(self) -> set[str]:
        """The sections shown folded now: the reader's, and the definitions of many series
        unless the reader opened them."""
        if self.many():  # the definitions of many series: open only if the reader opened them
            rest = self.folded - {"definitions"}
            return rest if self.open_many else rest | {"definitions"}
        return self.folded

    def set_folded(self, key: str, folded: bool) -> None:
        """Fold or unfold one section ('why', 'definitions', 'theme:<id>', 'events', 'sources');
        remembered in the settings. The reading position stays where it is. The definitions of
        many series are opened and shut on their own (`open_many`), so opening them for forty
        series does not unfold them for three, nor the other way round."""
        if key == "definitions" and self.many():
            self.open_many = not folded
            if self.settings is not None:
                self.settings.setValue(OPEN_MANY_KEY, "true" if self.open_many else "false")
        else:
            (self.folded.add if folded else self.folded.discard)(key)
            if self.settings is not None:
                self.settings.setValue(FOLDED_KEY, ",".join(sorted(self.folded)))
        bar = self.verticalScrollBar().value()
        self._draw()
        self.verticalScrollBar().setValue(bar)

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: the link colours are taken when the page is set, so set it again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.page_html:
            self.page_html = ""
            self._draw()

    def loadResource(self, kind: int, url: QUrl | str) -> None:
        """Nothing is ever loaded: no remote images, no files."""
        return None

    def _open(self, url: QUrl) -> None:
        if url.scheme() == "fold":
            key = url.path()
            self.set_folded(key, key not in self.shut())
        elif url.scheme() in ("http", "https"):
            self.opened.append(url.toString())
            QDesktopServices.openUrl(url)
