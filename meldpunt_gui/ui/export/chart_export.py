"""Charts out of the window: PNG (any size, 2x for HiDPI), SVG and vector PDF.

An exported chart carries its view (title, the story and its highlighted years, the mode with the
index base year, the unit warning, the key of the marks in view, the event key, the 'Bron:' line
and the data date; optionally the definitions) and is always light, whatever the window's theme:
it goes into a memo. Rendering goes through QWidget.render on an offscreen figure, so PNG, SVG and
PDF show the same layout. For SVG and PDF the chart is put in pyqtgraph's export mode, so markers
are drawn as paths instead of from the symbol atlas, and the view has no background pixmap.
Exported text is shaped without ligatures, so 'Offlimits' copied out of a PDF is 'Offlimits'.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPoint, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPalette, QPdfWriter
from PySide6.QtWidgets import QApplication, QGraphicsView, QLabel, QVBoxLayout, QWidget

from meldpunt_gui.data.stories import Story
from meldpunt_gui.exports.view_context import definition_line, view_context
from meldpunt_gui.model.domain import Dataset
from meldpunt_gui.model.resolve import ResolvedView, resolve
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.formatting import format_date
from meldpunt_gui.text.plain import LONG, shorten
from meldpunt_gui.ui.chart.palette import THEMES
from meldpunt_gui.ui.chart.view import ChartView

FORMATS = ("png", "svg", "pdf")


def export_view(ds: Dataset, state: ViewState, lang: str, story: Story | None = None) -> ResolvedView:
    """The one resolved view an export draws and describes: the story's years are shaded (and
    its title said) only when the view is that story's."""
    return resolve(ds, state, lang, story if story is not None and story.id == state.story else None)


def without_ligatures(font: QFont) -> QFont:
    """The font with ligatures off: text copied or searched in an export reads 'ffl', not 'ﬄ'."""
    out = QFont(font)
    for tag in ("liga", "clig", "dlig"):
        out.setFeature(QFont.Tag(tag), 0)
    return out


def light_widget(widget: QWidget) -> None:
    """White background and dark text, whatever the window's theme, and export fonts."""
    theme = THEMES["light"]
    pal = widget.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor(theme.background))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(theme.foreground))
    widget.setPalette(pal)
    widget.setAutoFillBackground(True)
    widget.setFont(without_ligatures(widget.font()))


def export_chart_view(parent: QWidget, view: ResolvedView) -> ChartView:
    """A chart for an export: light, no pixmap caches."""
    chart = ChartView(parent, cached=False)
    chart.ensure_loaded()
    chart.show_view(view, "light")
    return chart


def vector_mode(chart: QWidget, on: bool = True) -> None:
    """Draw the chart for a vector device: pyqtgraph's export mode (markers as paths, not from
    the symbol atlas) and no background pixmap. Call after the chart is laid out."""
    for view in chart.findChildren(QGraphicsView):
        view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        for item in view.scene().items():
            if hasattr(item, "setExportMode"):
                item.setExportMode(on, {"antialias": True, "resolutionScale": 1.0} if on else None)


class ExportFigure(QWidget):
    """Title, chart and the view's context on white, laid out for one output size."""

    def __init__(self, ds: Dataset, state: ViewState, lang: str, definitions: bool = False,
                 story: Story | None = None):
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        light_widget(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 10)
        self.view = view = export_view(ds, state, lang, story)
        self.title = self._label(view.title, bold=True, scale=1.3)
        lay.addWidget(self.title)
        self.chart = export_chart_view(self, view)
        context = view_context(view)
        for line in (context.story, context.highlight, context.mode, *context.notes):
            if line:
                lay.addWidget(self._label(line, scale=0.85))
        lay.addWidget(self.chart, 1)
        events = view.events  # numbered as the chart numbers its badges
        if events:
            key = "; ".join(f"{i} = {format_date(e.date, lang)} {shorten(e.title.get(lang))}"
                            for i, e in enumerate(events, start=1))
            # whole: each title is short, and every badge the chart numbers must be found here
            lay.addWidget(self._label(key, scale=0.8))
        for line in context.key:
            lay.addWidget(self._label(shorten(line, LONG), scale=0.8))
        lay.addWidget(self._label(shorten(" · ".join(x for x in (context.source, context.data_date) if x), LONG),
                                  scale=0.85))
        self.context = context
        # what each series counts: asked for, or needed where lines that count different
        # things share an axis (the note above the chart sends the reader here)
        described = state.metrics if definitions else view.chart.compared
        lines = [definition_line(ds, m, lang) for m in dict.fromkeys(described) if m in ds.metrics]
        if lines:
            lay.addWidget(self._label("\n".join([context.definitions_heading, *lines]), scale=0.8))

    def _label(self, text: str, bold: bool = False, scale: float = 1.0) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = without_ligatures(label.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
        return label

    def lay_out(self, width: int, height: int) -> None:
        self.resize(width, height)
        self.show()
        for _ in range(3):
            QApplication.processEvents()
        self.chart.hold_time_range()  # laid out now: the view's years, whatever the resize did


def _figure(ds: Dataset, state: ViewState, lang: str, width: int, height: int, definitions: bool,
            story: Story | None = None, vector: bool = False) -> ExportFigure:
    fig = ExportFigure(ds, state, lang, definitions, story)
    fig.lay_out(width, height)
    if vector:
        vector_mode(fig.chart)
    return fig


def render_png(ds: Dataset, state: ViewState, lang: str, width: int, height: int,
               scale: float = 1.0, definitions: bool = False, story: Story | None = None) -> QImage:
    """A sharp image of width x height logical pixels at `scale` device pixels each."""
    fig = _figure(ds, state, lang, width, height, definitions, story)
    image = QImage(QSize(round(width * scale), round(height * scale)), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor(THEMES["light"].background))
    fig.render(image)
    fig.deleteLater()
    return image


def pdf_bytes(title: str, layout: QPageLayout, paint: Callable[[QPdfWriter], object],
              resolution: int | None = None) -> bytes:
    """Run `paint(writer)` against a QPdfWriter on an in-memory buffer and return the PDF."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setTitle(title)
    writer.setCreator("meldpunt-gui")
    if resolution:
        writer.setResolution(resolution)
    writer.setPageLayout(layout)
    paint(writer)
    del writer  # finishes the file
    buf.close()
    return bytes(data.data())


def png_bytes(image: QImage) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")  # type: ignore[call-overload]  # the stub says bytes; PySide6 6.11 takes only str
    return bytes(buf.data().data())


def render_svg(ds: Dataset, state: ViewState, lang: str, width: int, height: int,
               definitions: bool = False, story: Story | None = None) -> bytes:
    from PySide6.QtSvg import QSvgGenerator

    fig = _figure(ds, state, lang, width, height, definitions, story, vector=True)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(QSize(width, height))
    gen.setViewBox(QRect(0, 0, width, height))
    gen.setTitle(fig.view.title)
    painter = QPainter(gen)
    painter.fillRect(QRect(0, 0, width, height), QColor(THEMES["light"].background))
    fig.render(painter, QPoint(0, 0))
    painter.end()
    buf.close()
    fig.deleteLater()
    return bytes(data.data())


def render_pdf(ds: Dataset, state: ViewState, lang: str, width: int, height: int,
               definitions: bool = False, story: Story | None = None) -> bytes:
    """A one-page vector PDF the size of the chart (1 px = 0.75 pt, as on a 96 dpi screen)."""
    fig = _figure(ds, state, lang, width, height, definitions, story, vector=True)
    size = QPageSize(QSizeF(width * 0.75, height * 0.75), QPageSize.Unit.Point, "chart")

    def paint(writer: QPdfWriter) -> None:
        painter = QPainter(writer)
        fig.render(painter, QPoint(0, 0))
        painter.end()

    data = pdf_bytes(fig.view.title,
                     QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)),
                     paint, resolution=96)
    fig.deleteLater()
    return data


def export_chart(path: Path, fmt: str, ds: Dataset, state: ViewState, lang: str,
                 width: int = 1200, height: int = 700, scale: float = 1.0,
                 definitions: bool = False, story: Story | None = None) -> None:
    """Write the chart safely (temporary file, full-length check, rename)."""
    from meldpunt_gui.files.safewrite import write_atomic

    if fmt == "png":
        data = png_bytes(render_png(ds, state, lang, width, height, scale, definitions, story))
    elif fmt == "svg":
        data = render_svg(ds, state, lang, width, height, definitions, story)
    elif fmt == "pdf":
        data = render_pdf(ds, state, lang, width, height, definitions, story)
    else:
        raise ValueError(fmt)
    write_atomic(Path(path), data)
