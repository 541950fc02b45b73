"""The headline strip above the chart: one key figure per selected series, answer first.

Each tile shows the latest value in large type (with ca. and its status), its change against the
comparable earlier period, the mode's own figure in the index and change modes, and a short
"Bron: ..." link that opens the source only when clicked. Clicking the figure selects that point
in the chart and the table; "Kopieer als zin" puts the quotable sentences on the clipboard as
plain text and as HTML. Every word comes from the resolved view (`text/headline.py`), so the
briefing and the clipboard say exactly what the strip says.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.resolve import ResolvedView
from meldpunt_gui.text.formatting import format_period
from meldpunt_gui.text.headline import Headline, copy_text
from meldpunt_gui.text.plain import shorten, tooltip_html

if TYPE_CHECKING:
    from meldpunt_gui.ui.view_model import ViewModel

# at most LEAD_FIGURES (model/resolve.py) tiles: the rest are in the chart and the table


def _plain(parent: QWidget, text: str = "", small: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # file text is data, never markup
    label.setWordWrap(True)
    if small:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        label.setFont(font)
    return label


class HeadlineTile(QFrame):
    """One series' key figure."""

    def __init__(self, item: Headline, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.setSpacing(1)
        status = f" · {item.status}" if item.status else ""
        self.name = _plain(self, f"{item.label}, {format_period(item.period, lang)}{status}",
                           small=True)
        self.figure = QPushButton(item.value, self)
        self.figure.setFlat(True)
        self.figure.setCursor(Qt.CursorShape.PointingHandCursor)
        font = self.figure.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.figure.setFont(font)
        self.figure.setStyleSheet("QPushButton { text-align: left; padding: 0px; }")
        self.figure.setAccessibleName(item.sentence)
        self.change = _plain(self, item.change, small=True)
        self.mode = _plain(self, item.mode_figure, small=True)
        self.source = QLabel(self)
        self.source.setTextFormat(Qt.TextFormat.RichText)  # built here, every part escaped
        self.source.setWordWrap(True)
        self.source.setOpenExternalLinks(False)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        label = escape(shorten(item.source_label))
        self.source.setText(f'<a href="{escape(item.source_url, quote=True)}">{label}</a>'
                            if item.source_url else label)
        self.source.setToolTip(tooltip_html(item.alternatives) if item.alternatives else "")
        for widget in (self.name, self.figure, self.change, self.mode, self.source):
            lay.addWidget(widget)
        self.change.setVisible(bool(item.change))
        self.mode.setVisible(bool(item.mode_figure))


class HeadlineStrip(QWidget):
    point_requested = Signal(str, object)  # metric id, Period: a figure was clicked
    copied = Signal(str)  # the plain text put on the clipboard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: ResolvedView | None = None
        self.tiles: list[HeadlineTile] = []
        self.opened: list[str] = []  # addresses opened by a click (tests read this)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy_sentence)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self._row, 1)
        lay.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy as sentence"))
        self.copy_button.setToolTip(self.tr("Put the key figures on the clipboard as a ready "
                                            "sentence with its source (plain text and for Word)"))
        self.setAccessibleName(self.tr("Key figures"))

    def bind(self, model: ViewModel) -> None:
        """Follow the window's view model."""
        model.changed.connect(lambda: self.show_view(model.resolved))
        self.show_view(model.resolved)

    def show_view(self, view: ResolvedView) -> None:
        if view is self._view:
            return
        same = self._view is not None and self._view.lang == view.lang
        self._view = view
        items = view.lead_headlines
        if same and [t.item for t in self.tiles] == list(items):
            return  # the same figures (another series added further down): keep the tiles
        for tile in self.tiles:
            self._row.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        for item in items:
            tile = HeadlineTile(item, view.lang, self)
            tile.figure.clicked.connect(lambda _=False, h=item: self._clicked(h))
            tile.source.linkActivated.connect(self._open)
            self._row.addWidget(tile, 1)
            self.tiles.append(tile)
        self.copy_button.setEnabled(bool(items))
        self.setVisible(bool(items))

    def _clicked(self, item: Headline) -> None:
        self.point_requested.emit(item.metric, item.period)

    def select(self, metric: str) -> Period | None:
        """Click the figure of one series (keyboard users and tests); its period, if shown."""
        for tile in self.tiles:
            if tile.item.metric == metric:
                tile.figure.click()
                return tile.item.period
        return None

    def copy_sentence(self) -> str:
        """The sentences of every selected series, as plain text and as escaped HTML."""
        from meldpunt_gui.ui import clipboard

        if self._view is None or not self._view.headlines:
            return ""
        text, html = copy_text(self._view.headlines)
        clipboard.put(text, html)
        self.copied.emit(text)
        return text

    def _open(self, url: str) -> None:
        """A source address opens in the browser only on a click, and only http(s)."""
        link = QUrl(url)
        if link.scheme() in ("http", "https"):
            self.opened.append(url)
            QDesktopServices.openUrl(link)
