"""The briefing as PDF: one A4 page (the "A4'tje"), and with `extended` an appendix after it.

The content comes from exports/briefing_content.py (the Word writer draws the same). Page 1 is
laid out block by block with QTextDocuments filled through QTextCursor (file text is never parsed
as markup), measured first and then drawn; the chart takes the height that is left (within
bounds), and where even the smallest chart does not fit the text gets smaller, so the page never
overflows. The chart is the export chart in pyqtgraph's export mode: lines, markers and text are
vectors. Text is shaped without ligatures so it can be searched and copied.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from meldpunt_gui.data.stories import Story
from meldpunt_gui.exports.briefing_content import BriefingContent, briefing_content, briefing_state, page_label
from meldpunt_gui.model.domain import Dataset
from meldpunt_gui.model.resolve import ResolvedView
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.ui.export.chart_export import (
    export_chart_view,
    light_widget,
    pdf_bytes,
    vector_mode,
    without_ligatures,
)

MARGIN_MM = 15.0
CHART_PX = (900, 470)  # the chart is laid out at this size and scaled to the page width
CHART_MIN, CHART_MAX = 0.36, 0.8  # chart height as a share of its width
SCALES = (1.0, 0.93, 0.86, 0.8)  # text sizes tried until the page fits
Parts = list[tuple[str, bool]]  # (text, bold) runs of one paragraph
PAPER, PAPER_TEXT = "#FFFFFF", "#000000"  # printed output: dark text on white in either theme


@dataclass
class Block:
    doc: QTextDocument
    gap_before: float  # in device units


def _font(base: QFont, points: float, bold: bool = False) -> QFont:
    font = without_ligatures(base)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _doc(device: QPaintDevice, width: float, paragraphs: list[Parts], font: QFont) -> QTextDocument:
    """A plain-text document (runs inserted as text, never parsed) laid out for `device`."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    cursor = QTextCursor(doc)
    for i, runs in enumerate(paragraphs):
        if i:
            cursor.insertBlock()
        for text, bold in runs:
            fmt = QTextCharFormat()
            fmt.setFont(_font(font, font.pointSizeF(), bold))
            cursor.insertText(text, fmt)
    doc.setTextWidth(width)
    return doc


def draw_on_paper(doc: QTextDocument, painter: QPainter, clip: QRectF | None = None) -> None:
    """Draw `doc` in black, whatever the window's theme: QTextDocument.drawContents takes the
    text colour from the application's palette, and in the dark theme the briefing printed its
    text near-white on white paper."""
    ctx = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette(ctx.palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        palette.setColor(group, QPalette.ColorRole.Text, QColor(PAPER_TEXT))
        palette.setColor(group, QPalette.ColorRole.Base, QColor(PAPER))
    ctx.palette = palette
    painter.save()
    if clip is not None:
        painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
        ctx.clip = clip
    doc.documentLayout().draw(painter, ctx)
    painter.restore()


def _marks(numbers: tuple[int, ...] | list[int]) -> str:
    return " " + "".join(f"[{n}]" for n in numbers if n) if any(numbers) else ""


class PageOne:
    """The one-page briefing laid out for a device: blocks above the chart, the chart, blocks
    below it, and the foot. Coordinates are the device's units."""

    def __init__(self, content: BriefingContent, device: QPaintDevice, base_font: QFont,
                 chart: QWidget, lang: str):
        self.content, self.device, self.chart, self.lang = content, device, chart, lang
        dpi = device.logicalDpiX()
        self.unit = dpi / 25.4  # device units per millimetre
        self.page = QRectF(0, 0, device.width(), device.height())
        m = MARGIN_MM * self.unit
        self.box = self.page.adjusted(m, m, -m, -m)
        self.base = base_font
        self.fit()

    def _blocks(self, scale: float) -> tuple[list[Block], list[Block], list[Block]]:
        c, lang, w, dev = self.content, self.lang, self.box.width(), self.device
        pt = 9.0 * scale
        gap = 2.5 * self.unit * scale
        above = [Block(_doc(dev, w, [[(c.title, True)]], _font(self.base, 15 * scale, True)), 0)]
        if c.story_text:
            above.append(Block(_doc(dev, w, [[(c.story_text, False)]], _font(self.base, pt)), gap / 2))
        figures = [[(f"{h.heading}: ", False), (h.value, True),
                    (h.after_value + _marks([n])
                     + (f"; {h.alternatives}" if h.alternatives else ""), False)]
                   for h, n in c.figures]
        if figures:
            above.append(Block(_doc(dev, w, [[(c.heading("figures", lang), True)], *figures],
                                    _font(self.base, pt)), gap))
        ctx = c.context
        defs = (ctx.definitions_heading, *ctx.definitions) if ctx.definitions else ()
        lines = [x for x in (ctx.story, ctx.highlight, ctx.mode, *ctx.notes, *defs, *ctx.key) if x]
        below = []
        if lines:
            below.append(Block(_doc(dev, w, [[(x, False)] for x in lines],
                                    _font(self.base, 7.5 * scale)), gap / 2))
        why = [[(f"{s.text}{_marks(s.marks)}", False)] for s in c.why]
        if why:
            below.append(Block(_doc(dev, w, [[(c.heading("why", lang), True)], *why],
                                    _font(self.base, pt)), gap))
        if c.sources:
            refs = [[(f"[{r.number}] {r.text}" + (f" — {r.url}" if r.url else ""), False)]
                    for r in c.sources]
            below.append(Block(_doc(dev, w, [[(c.heading("sources", lang), True)], *refs],
                                    _font(self.base, 7.5 * scale)), gap))
        foot = [Block(_doc(dev, w, [[(x, False)] for x in (ctx.source, c.data_date) if x],
                           _font(self.base, 7.5 * scale)), 0)]
        return above, below, foot

    def fit(self) -> None:
        """The largest text size at which the smallest chart still fits, and the chart height
        that then fills the page."""
        w = self.box.width()
        for scale in SCALES:
            above, below, foot = self._blocks(scale)
            self.footer_h = 6.0 * self.unit
            text_h = sum(b.gap_before + b.doc.size().height() for b in above + below + foot)
            room = self.box.height() - text_h - self.footer_h - 2 * 2.5 * self.unit
            if room >= CHART_MIN * w or scale == SCALES[-1]:
                break
        self.above, self.below, self.foot = above, below, foot
        self.chart_h = max(min(room, CHART_MAX * w), CHART_MIN * w)
        self.scale = scale

    def draw(self, painter: QPainter, page_text: str) -> list[QRectF]:
        """Draw the page; returns the rectangle of every part drawn (for the tests' bounds)."""
        drawn: list[QRectF] = []
        y = self.box.top()
        x = self.box.left()

        def put(block: Block) -> None:
            nonlocal y
            y += block.gap_before
            painter.save()
            painter.translate(x, y)
            draw_on_paper(block.doc, painter)
            painter.restore()
            size = block.doc.size()
            drawn.append(QRectF(x, y, size.width(), size.height()))
            y += size.height()

        for block in self.above:
            put(block)
        y += 2.5 * self.unit
        s = self.box.width() / CHART_PX[0]
        self.chart.resize(CHART_PX[0], round(self.chart_h / s))
        _settle()
        vector_mode(self.chart)
        painter.save()
        painter.translate(x, y)
        painter.scale(s, s)
        self.chart.render(painter, QPoint(0, 0))
        painter.restore()
        drawn.append(QRectF(x, y, self.chart.width() * s, self.chart.height() * s))
        y += self.chart_h + 2.5 * self.unit
        for block in self.below:
            put(block)
        for block in self.foot:
            put(block)
        self._footer(painter, page_text, drawn)
        return drawn

    def _footer(self, painter: QPainter, page_text: str, drawn: list[QRectF]) -> None:
        foot = _doc(self.device, self.box.width(), [[(f"{self.content.footer} · {page_text}", False)]],
                    _font(self.base, 7))
        y = self.box.bottom() - foot.size().height()
        painter.save()
        painter.translate(self.box.left(), y)
        draw_on_paper(foot, painter)
        painter.restore()
        drawn.append(QRectF(self.box.left(), y, foot.size().width(), foot.size().height()))


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def appendix_document(content: BriefingContent, device: QPaintDevice, base: QFont, width: float,
                      lang: str) -> QTextDocument:
    """The appendix as one flowing document: sections, the full table, further sources."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(_font(base, 9))
    doc.setDocumentMargin(0)
    cursor = QTextCursor(doc)

    def para(text: str, points: float = 9, bold: bool = False, first: bool = False) -> None:
        if not first:
            cursor.insertBlock()
        fmt = QTextCharFormat()
        fmt.setFont(_font(base, points, bold))
        cursor.insertText(text, fmt)

    para(content.heading("appendix", lang), 14, True, first=True)
    for section in content.appendix:
        para(section.title, 10 if section.subtitle else 12, True)
        for text in section.paragraphs:
            para(text)
    if content.table is not None:
        para(content.heading("table", lang), 12, True)
        table = content.table
        cursor.insertBlock()
        t = cursor.insertTable(len(table.rows) + 1, len(table.headers))
        fmt = t.format()
        fmt.setCellPadding(2)
        fmt.setCellSpacing(0)
        fmt.setBorder(0.5)
        fmt.setHeaderRowCount(1)
        t.setFormat(fmt)
        for r, row in enumerate([table.headers, *table.rows]):
            for col, text in enumerate(row):
                cell = t.cellAt(r, col).firstCursorPosition()
                f = QTextCharFormat()
                f.setFont(_font(base, 7.5, r == 0))
                cell.insertText(text, f)
        cursor.movePosition(QTextCursor.MoveOperation.End)
    if content.appendix_sources:
        para(content.heading("more_sources", lang), 12, True)
        for ref in content.appendix_sources:
            para(f"[{ref.number}] {ref.text}" + (f" — {ref.url}" if ref.url else ""), 7.5)
    doc.setTextWidth(width)
    return doc


def paint_briefing(writer: QPagedPaintDevice, content: BriefingContent, chart: QWidget,
                   lang: str) -> list[list[QRectF]]:
    """Paint every page on `writer`; returns per page the rectangles drawn."""
    base = QApplication.font()
    page = PageOne(content, writer, base, chart, lang)
    appendix = (appendix_document(content, writer, base, page.box.width(), lang)
                if content.extended else None)
    body_h = page.box.height() - page.footer_h
    extra = 0
    if appendix is not None:
        appendix.setPageSize(QSizeF(page.box.width(), body_h))
        extra = appendix.pageCount()
    total = 1 + extra
    painter = QPainter(writer)
    pages = [page.draw(painter, page_label(1, total, lang))]
    for n in range(extra):
        writer.newPage()
        painter.save()
        painter.translate(page.box.left(), page.box.top() - n * body_h)
        clip = QRectF(0, n * body_h, page.box.width(), body_h)
        draw_on_paper(appendix, painter, clip)  # type: ignore[arg-type]
        painter.restore()
        drawn = [QRectF(page.box.left(), page.box.top(), page.box.width(), body_h)]
        page._footer(painter, page_label(n + 2, total, lang), drawn)
        pages.append(drawn)
    painter.end()
    return pages


class BriefingChart(QWidget):
    """The chart of the briefing: an export chart on white, offscreen."""

    def __init__(self, view: ResolvedView):
        """`view`: the briefing's own (`BriefingContent.view`), so it is worked out once."""
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        light_widget(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.chart = export_chart_view(self, view)
        lay.addWidget(self.chart)
        self.size_to(*CHART_PX)

    def size_to(self, width: int, height: int) -> None:
        """Lay the chart out at this size, showing the view's years whatever the resize did."""
        self.resize(width, height)
        self.show()
        _settle()
        self.chart.hold_time_range()

    def vector(self) -> None:
        vector_mode(self.chart)


def make_content(ds: Dataset, state: ViewState, lang: str, story: Story | None, extended: bool,
                 today: dt.date | None) -> BriefingContent:
    from meldpunt_gui import __version__

    return briefing_content(ds, state, lang, story, extended, today, __version__)


def briefing_pdf(ds: Dataset, state: ViewState, lang: str, today: dt.date | None = None,
                 story: Story | None = None, extended: bool = False) -> bytes:
    state = briefing_state(state, extended)
    content = make_content(ds, state, lang, story, extended, today)
    chart = BriefingChart(content.view)
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                         QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    try:
        return pdf_bytes(content.title, layout,
                         lambda writer: paint_briefing(writer, content, chart, lang), resolution=300)
    finally:
        chart.deleteLater()


def export_briefing(path: Path, ds: Dataset, state: ViewState, lang: str,
                    story: Story | None = None, extended: bool = False) -> None:
    from meldpunt_gui.files.safewrite import write_atomic

    write_atomic(Path(path), briefing_pdf(ds, state, lang, story=story, extended=extended))

