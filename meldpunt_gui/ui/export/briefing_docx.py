"""The briefing as an editable Word file: the PDF's content, in the same order, in Word's terms.

Real headings (Heading 1 for the title, Heading 2 for the parts), the chart as a 2x PNG with
the chart in words as its alt text, the table as a Word table, the sources as a numbered list
(List Number) with links. Only built-in styles are used and no font is set by hand, so a
ministry template restyles it.
Qt is needed only to draw the chart; the document itself is python-docx.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from meldpunt_gui.data.stories import Story
from meldpunt_gui.exports.briefing_content import BriefingContent, SourceRef, briefing_state
from meldpunt_gui.model.domain import Dataset
from meldpunt_gui.model.view import ViewState

CHART_W = 900  # px; the height grows with the panels, see chart_size
CHART_WIDTH_CM, CHART_HEIGHT_CM = 14.0, 5.5


def _hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """A clickable link run: python-docx has no API for it, so the element is built here; its
    target is an external relationship of the document part."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")  # Word's built-in character style for links
    props.append(style)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _source_item(doc: WordDocument, ref: SourceRef) -> None:
    """One numbered source, then its address written out (and linked), as the PDF has it: a
    printed memo keeps the address a link hides. Word numbers the list, in the marks' order."""
    p = doc.add_paragraph(style="List Number")
    p.add_run(ref.text)
    if ref.url:
        p.add_run(" — ")
        _hyperlink(p, ref.url, ref.url)


def _marks(numbers: tuple[int, ...] | list[int]) -> str:
    return " " + "".join(f"[{n}]" for n in numbers if n) if any(numbers) else ""


def chart_png(content: BriefingContent) -> bytes:
    """The briefing's chart as a PNG at twice its size, for a sharp print."""
    from PySide6.QtCore import QPoint, QSize
    from PySide6.QtGui import QColor, QImage, QPainter

    from meldpunt_gui.ui.export.briefing import BriefingChart
    from meldpunt_gui.ui.export.chart_export import png_bytes

    chart = BriefingChart(content.view)
    size = (CHART_W, 330 + 150 * max(len(content.view.panels) - 1, 0))
    chart.size_to(*size)
    image = QImage(QSize(size[0] * 2, size[1] * 2), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(2.0)
    image.fill(QColor("white"))
    painter = QPainter(image)
    chart.render(painter, QPoint(0, 0))
    painter.end()
    chart.deleteLater()
    return png_bytes(image)


def briefing_document(content: BriefingContent, png: bytes, lang: str) -> WordDocument:
    doc = Document()
    doc.core_properties.title = content.title
    section = doc.sections[0]  # A4 with narrow margins: the page, not the type, is set here
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(1.5)
    doc.add_heading(content.title, level=1)
    if content.story_text:
        doc.add_paragraph(content.story_text)
    if content.figures:
        doc.add_heading(content.heading("figures", lang), level=2)
        for h, n in content.figures:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(f"{h.heading}: ")
            p.add_run(h.value).bold = True
            p.add_run(h.after_value + _marks([n])
                      + (f"; {h.alternatives}" if h.alternatives else ""))
    picture = doc.add_picture(io.BytesIO(png), width=Cm(CHART_WIDTH_CM))
    if picture.height > Cm(CHART_HEIGHT_CM):  # several panels: as high as one page allows
        picture.width = int(picture.width * Cm(CHART_HEIGHT_CM) / picture.height)
        picture.height = Cm(CHART_HEIGHT_CM)
    inline = doc.inline_shapes[-1]._inline
    inline.docPr.set("descr", content.chart_text)  # the alt text Word and screen readers show
    inline.docPr.set("title", content.title)
    ctx = content.context
    caption = doc.add_paragraph(style="Caption")  # one caption, a line each: compact
    defs = (ctx.definitions_heading, *ctx.definitions) if ctx.definitions else ()
    lines = [x for x in (ctx.story, ctx.highlight, ctx.mode, *ctx.notes, *defs, *ctx.key, ctx.source)
             if x]
    for i, line in enumerate(lines):
        run = caption.add_run(line)
        if i < len(lines) - 1:
            run.add_break()
    if content.why:
        doc.add_heading(content.heading("why", lang), level=2)
        for s in content.why:
            doc.add_paragraph(s.text + _marks(s.marks))
    if content.sources:
        doc.add_heading(content.heading("sources", lang), level=2)
        for ref in content.sources:
            _source_item(doc, ref)
    doc.add_paragraph(content.data_date)
    doc.sections[0].footer.paragraphs[0].text = content.footer
    if content.extended:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(content.heading("appendix", lang), level=1)
        for part in content.appendix:
            doc.add_heading(part.title, level=3 if part.subtitle else 2)
            for text in part.paragraphs:
                doc.add_paragraph(text)
        if content.table is not None:
            doc.add_heading(content.heading("table", lang), level=2)
            table = doc.add_table(rows=1, cols=len(content.table.headers))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, content.table.headers):
                cell.text = text
            for row in content.table.rows:
                for cell, text in zip(table.add_row().cells, row):
                    cell.text = text
        if content.appendix_sources:
            doc.add_heading(content.heading("more_sources", lang), level=2)
            for ref in content.appendix_sources:
                _source_item(doc, ref)
    return doc


def briefing_docx(ds: Dataset, state: ViewState, lang: str, today: dt.date | None = None,
                  story: Story | None = None, extended: bool = False) -> bytes:
    from meldpunt_gui.ui.export.briefing import make_content

    state = briefing_state(state, extended)
    content = make_content(ds, state, lang, story, extended, today)
    buf = io.BytesIO()
    briefing_document(content, chart_png(content), lang).save(buf)
    return buf.getvalue()


def export_briefing_docx(path: Path, ds: Dataset, state: ViewState, lang: str,
                         story: Story | None = None, extended: bool = False) -> None:
    from meldpunt_gui.files.safewrite import write_atomic

    write_atomic(Path(path), briefing_docx(ds, state, lang, story=story, extended=extended))
