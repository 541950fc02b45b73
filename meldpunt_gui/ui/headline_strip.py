"""The headline strip above the chart: one key figure per selected series, answer first.

Each tile shows the latest value in large type (with ca. and its status; in a narrow tile in
smaller type or over more lines, never cut off), its change against the
comparable earlier period, the mode's own figure in the index and change modes, and a short
"Bron: ..." link that opens the source only when clicked. Clicking the figure selects that point
in the chart and the table; "Kopieer als zin" puts the quotable sentences on the clipboard as
plain text and as HTML. Every word comes from the resolved view (`text/headline.py`), so the
briefing and the clipboard say exactly what the strip says.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.resolve import ResolvedView
from meldpunt_gui.text.headline import Headline, copy_text
from meldpunt_gui.text.plain import shorten, tooltip_html
from meldpunt_gui.ui.wrapped_label import WrappedLabel

if TYPE_CHECKING:
    from meldpunt_gui.ui.view_model import ViewModel

TILE_CHARS = 30  # the least width a shown tile gets, in average characters of the strip's font
FIGURE_SIZE = 1.6  # the figure's type against the tile's font
LEAST_FIGURE_SIZE = 1.2  # a figure in a narrow tile gets this small before it wraps

# at most LEAD_FIGURES (model/resolve.py) tiles: the rest are in the chart and the table, and a
# "+n" button after the tiles names the series whose figure is not shown, with their sentences


def _plain(parent: QWidget) -> WrappedLabel:
    label = WrappedLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # file text is data, never markup
    return label


class FigureButton(QPushButton):
    """The large clickable figure. A button does not wrap, so a figure wider than its tile
    (the only tile of a narrow window, in long English units) was cut off at the tile's edge:
    "ca. 127.000 meldinge". It now takes smaller type, down to LEAST_FIGURE_SIZE, and then
    breaks between words, so the whole figure stays readable and quotable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = ""  # the figure as the data says it, on one line
        self._base = QFont()
        self._room = -1  # the width the figure was last fitted to (-1: as wide as it likes)
        self._natural = -1  # natural_width, kept: a layout pass asks for the size hint often

    def _font(self, factor: float) -> QFont:
        font = QFont(self._base)
        font.setPointSizeF(self._base.pointSizeF() * factor)
        font.setBold(True)
        return font

    def _outer(self, text_width: int, font: QFont) -> int:
        """The button's width around a text this wide, as its size hint counts it."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        size = QSize(text_width, QFontMetrics(font).height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, size, self).width()

    def natural_width(self) -> int:
        """The width the figure wants on one line in its full size."""
        if self._natural < 0:
            font = self._font(FIGURE_SIZE)
            self._natural = self._outer(QFontMetrics(font).horizontalAdvance(self.figure), font)
        return self._natural

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.StyleChange:
            self._natural = -1
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        """As wide as the figure on one line in full size, as high as it is shown: the row
        gives a tile that room where it has it (an equal share of the row made a longer
        figure take smaller type beside a shorter one), and only a squeezed tile shrinks it."""
        return QSize(self.natural_width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def show_figure(self, figure: str, base: QFont) -> None:
        if figure != self.figure or base != self._base:
            self.figure, self._base = figure, QFont(base)
            self._natural = -1
            self._apply(self._room)

    def fit(self, room: int) -> None:
        """Fit the figure into `room` pixels (-1: no limit)."""
        if room != self._room:
            self._room = room
            self._apply(room)

    def _apply(self, room: int) -> None:
        text, font = self.figure, self._font(FIGURE_SIZE)
        if room >= 0 and self.natural_width() > room:
            for factor in (1.4, LEAST_FIGURE_SIZE):
                font = self._font(factor)
                if self._outer(QFontMetrics(font).horizontalAdvance(text), font) <= room:
                    break
            else:  # still too wide: break between words; a word wider than the tile: body size
                for factor in (LEAST_FIGURE_SIZE, 1.0):
                    font, metrics = self._font(factor), QFontMetrics(self._font(factor))
                    free = room - (self._outer(1000, font) - 1000)
                    lines = self._lines(metrics, free)
                    if max(metrics.horizontalAdvance(line) for line in lines) <= free:
                        break
                text = "\n".join(lines)
        if self.font() != font:
            self.setFont(font)
        if self.text() != text:
            self.setText(text)

    def _lines(self, metrics: QFontMetrics, free: int) -> list[str]:
        """The figure's words in lines at most `free` pixels wide (a longer word on its own)."""
        lines: list[str] = []
        for word in self.figure.split(" "):
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= free:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return lines


class HeadlineTile(QFrame):
    """One series' key figure. The strip keeps its tiles and gives them new figures
    (`show_item`): making and laying out new labels on every change cost more than the rest
    of the strip together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: Headline | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._fit_pending = False  # a fit of the figure to a new width is on its way
        lay = self._lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.setSpacing(1)
        self.name = _plain(self)
        self.figure = FigureButton(self)
        self.figure.setFlat(True)
        self.figure.setCursor(Qt.CursorShape.PointingHandCursor)
        self.figure.setStyleSheet("QPushButton { text-align: left; padding: 0px; }")
        self.change = _plain(self)
        self.mode = _plain(self)
        self._set_fonts()
        self.source = WrappedLabel(self)
        self.source.setTextFormat(Qt.TextFormat.RichText)  # built here, every part escaped
        self.source.setOpenExternalLinks(False)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        for widget in (self.name, self.figure, self.change, self.mode, self.source):
            lay.addWidget(widget)

    def _set_fonts(self) -> None:
        """The figure large and bold, the lines around it a little smaller, both relative to
        the tile's font: a kept tile follows a new text size (View > zoom) as a new one did."""
        base = self.font()
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        for label in (self.name, self.change, self.mode):
            label.setFont(small)
        self.figure.show_figure(self.figure.figure, base)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._set_fonts()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The figure is fitted to the new width once the layout pass is over: fitted inside
        it, its new height laid the chart page out again within the same pass, and the chart
        under it resized itself over and over until the stack ran out."""
        super().resizeEvent(event)
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self._fit_figure)

    def _fit_figure(self) -> None:
        self._fit_pending = False
        margins = self._lay.contentsMargins()
        self.figure.fit(self.contentsRect().width() - margins.left() - margins.right())

    def wanted_width(self) -> int:
        """The least width at which every line, the figure in its full size, fits."""
        margins = self._lay.contentsMargins()
        around = self.width() - self.contentsRect().width() + margins.left() + margins.right()
        return max(self.minimumSizeHint().width(), self.figure.natural_width() + around)

    def show_item(self, item: Headline, lang: str) -> None:
        """Show another figure in place; only the texts that differ are set again."""
        self.item = item
        status = f" · {item.status}" if item.status else ""
        label = escape(shorten(item.source_label))
        source = (f'<a href="{escape(item.source_url, quote=True)}">{label}</a>'
                  if item.source_url else label)
        for widget, text in ((self.name, f"{item.heading}{status}"),
                             (self.change, item.change or item.no_change),
                             (self.mode, item.mode_figure), (self.source, source)):
            if widget.text() != text:
                widget.setText(text)
        self.figure.show_figure(item.value, self.font())
        if self.figure.accessibleName() != item.sentence:
            self.figure.setAccessibleName(item.sentence)
        # the address where a click may not open it (a locked-down laptop), then what others say
        tip = "\n".join(x for x in (item.source_url, item.alternatives) if x)
        tip = tooltip_html(tip) if tip else ""
        if self.source.toolTip() != tip:
            self.source.setToolTip(tip)
        self.change.setVisible(bool(item.change or item.no_change))
        self.mode.setVisible(bool(item.mode_figure))


class HeadlineStrip(QWidget):
    point_requested = Signal(str, object)  # metric id, Period: a figure was clicked
    copied = Signal(str)  # the plain text put on the clipboard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: ResolvedView | None = None
        self._pool: list[HeadlineTile] = []  # made once, shown as needed (at most LEAD_FIGURES)
        self.tiles: list[HeadlineTile] = []  # the tiles in use, in selection order
        self.opened: list[str] = []  # addresses opened by a click (tests read this)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        # the tallest the strip has been at a width, for as many tiles (see _hold_height)
        self._tallest: dict[tuple[int, int], int] = {}
        self._fitted: tuple[object, ...] = ()  # what the last fit counted with (see _fit)
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy_sentence)
        # the figures left out (LEAD_FIGURES, or no room): how many, and on hover or click which
        self.more = QToolButton(self)
        self.more.setAutoRaise(True)
        self.more.clicked.connect(self._show_more)
        self.more.installEventFilter(self)  # its tooltip is written when asked for
        self.more.hide()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self._row, 1)
        lay.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        # the strip takes the width it is given and shows the figures that fit in it: wider
        # figures must not widen the centre (which squeezed the explanation to a sliver and
        # moved every pane of the window on each change)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy as sentence"))
        self.copy_button.setToolTip(self.tr("Put the key figures on the clipboard as a ready "
                                            "sentence with its source (plain text and for Word)"))
        self.setAccessibleName(self.tr("Key figures"))
        if self._view is not None:
            self._fit()

    def bind(self, model: ViewModel) -> None:
        """Follow the window's view model."""
        model.changed.connect(lambda: self.show_view(model.resolved))
        self.show_view(model.resolved)

    def _tile(self, index: int) -> HeadlineTile:
        while len(self._pool) <= index:
            tile = HeadlineTile(self)
            tile.figure.clicked.connect(lambda _=False, t=tile: self._clicked(t.item))
            tile.source.linkActivated.connect(self._open)
            self._row.addWidget(tile, 1)
            tile.hide()  # shown by _fit once it fits (the layout would show it a moment later)
            self._pool.append(tile)
        return self._pool[index]

    def show_view(self, view: ResolvedView) -> None:
        if view is self._view:
            return
        self._view = view
        items = view.lead_headlines
        self.tiles = [self._tile(i) for i in range(len(items))]
        for tile, item in zip(self.tiles, items):
            tile.show_item(item, view.lang)
        self._fit()
        self.copy_button.setEnabled(bool(items))
        self.setVisible(bool(items))

    def shown_tiles(self) -> list[HeadlineTile]:
        """The tiles on screen: the first figures that fit the strip's width (at least one)."""
        return [t for t in self.tiles if not t.isHidden()]

    def _fit_inputs(self) -> tuple[object, ...]:
        return (self.width(), self._selected(), self.copy_button.sizeHint().width(),
                tuple((id(t), t.wanted_width()) for t in self.tiles))

    def _fit(self) -> None:
        """Show the figures that fit. A new view fits here at once; the relayout its new texts
        ask for then counts again only if a width changed (it fitted every view twice)."""
        self._fitted = self._fit_inputs()
        spacing = max(self._row.spacing(), 0)
        room = self.width() - self.copy_button.sizeHint().width() - spacing
        shown = self._fitting(room, spacing)
        left_out = self._selected() - shown
        if left_out > 0:  # make room for the "+n" button, then count again
            self.more.setText(self.tr("+%n more", "", left_out))
            shown = self._fitting(room - self.more.sizeHint().width() - spacing, spacing)
            left_out = self._selected() - shown
        for i, tile in enumerate(self._pool):
            fits = i < shown
            if tile.isHidden() == fits:
                tile.setVisible(fits)
        if left_out > 0:
            self.more.setText(self.tr("+%n more", "", left_out))
            self.more.setAccessibleName(self.tr("%n more series without a key figure here", "", left_out))
        if self.more.isHidden() == (left_out > 0):
            self.more.setVisible(left_out > 0)
        self._hold_height()

    def _fitting(self, room: int, spacing: int) -> int:
        """How many of the tiles in use fit in `room` pixels (at least one), each at least
        TILE_CHARS characters wide: squeezed to their least width, four tiles of a story
        wrapped their source into five lines and left the chart's panels a few pixels high."""
        used = 0
        comfortable = self.fontMetrics().averageCharWidth() * TILE_CHARS
        for i, tile in enumerate(self.tiles):
            used += max(tile.wanted_width(), comfortable) + (spacing if i else 0)
            if i and used > room:
                return i
        return len(self.tiles)

    def _selected(self) -> int:
        return len(self._view.metrics) if self._view is not None else 0

    def hidden_text(self) -> str:
        """The quotable sentences of the selected series whose figure is not shown as a tile."""
        if self._view is None:
            return ""
        shown = {t.item.metric for t in self.shown_tiles() if t.item is not None}
        return "\n".join(item.sentence for item in self._view.headlines if item.metric not in shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.more and event.type() == QEvent.Type.ToolTip:
            self._show_more()
            return True
        return super().eventFilter(watched, event)

    def _show_more(self) -> None:
        text = self.hidden_text()
        if text:
            QToolTip.showText(self.more.mapToGlobal(QPoint(0, self.more.height())), tooltip_html(text),
                              self.more)

    def event(self, event: QEvent) -> bool:
        """After a relayout (a larger text size, a longer figure): the figures that fit now."""
        done = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            if self._fit_inputs() != self._fitted:
                self._fit()
            else:
                self._hold_height()  # the same figures fit; a note may wrap onto more lines
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._tallest.clear()
        return done

    def _hold_height(self) -> None:
        """The strip keeps the tallest height it has had at this width for as many tiles: a
        figure whose note wraps onto one more line than the one before no longer moves the
        chart under it (and lays it out and paints it again) on every change. (A parent layout
        asks the strip's layout, not the strip, for its height, so this is a minimum height.)"""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        width = self.width()
        natural = layout.totalHeightForWidth(width)
        key = (width, len(self.shown_tiles()))
        if len(self._tallest) > 64 and key not in self._tallest:  # a session needs a few widths
            self._tallest.clear()
        tallest = self._tallest[key] = max(natural, self._tallest.get(key, 0))
        if self.minimumHeight() != tallest:
            self.setMinimumHeight(tallest)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def _clicked(self, item: Headline | None) -> None:
        if item is not None:
            self.point_requested.emit(item.metric, item.period)

    def select(self, metric: str) -> Period | None:
        """Click the figure of one series (keyboard users and tests); its period, if shown."""
        for tile in self.tiles:
            if tile.item is not None and tile.item.metric == metric:
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
