"""The one-click briefing: an A4 PDF with chart, table, explanation and numbered sources.

Laid out as a QTextDocument (HTML built from the Dataset, all file text escaped) and printed to a
QPdfWriter; Qt adds page numbers when the document has no page size of its own. Greyscale-safe:
the chart's series differ by marker and dash as well as colour.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument

from meldpunt_gui.model.domain import Dataset, Text
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.describe import explanation_html
from meldpunt_gui.text.formatting import format_date
from meldpunt_gui.text.tabular import build_table
from meldpunt_gui.ui.export.chart_export import chart_title, pdf_bytes, render_png

B = {
    "made": Text("Gemaakt op {date} met Meldpunt-viewer {version}; gegevens tot {data}.",
                 "Made on {date} with Meldpunt viewer {version}; data up to {data}."),
    "table": Text("Waarden", "Values"),
    "period": Text("Periode", "Period"),
    "change": Text("verandering", "change"),
    "legend": Text("ca. = afgerond; * = andere bronnen geven een andere waarde (zie de export).",
                   "approx. = rounded; * = other sources give another value (see the export)."),
}


def _table_html(ds: Dataset, state: ViewState, lang: str) -> str:
    """Periods down, metrics across (value and change each): fits A4 for any year range."""
    table = build_table(ds, state, lang)
    period_cols = [i for i, h in enumerate(table.headers)
                   if i >= 2 and i < len(table.headers) - 2 and not h.startswith(B["change"].get(lang))]
    head = [f"<th align='left'>{escape(B['period'].get(lang))}</th>"]
    for row in table.rows:
        head.append(f"<th align='right'>{escape(row[0].text)} ({escape(row[1].text)})</th>"
                    f"<th align='right'>{escape(B['change'].get(lang))}</th>")
    rows = []
    for col in period_cols:
        cells = [f"<td>{escape(table.headers[col])}</td>"]
        nxt = table.headers[col + 1] if col + 1 < len(table.headers) else ""
        has_change = nxt.startswith(B["change"].get(lang))
        for row in table.rows:
            cells.append(f"<td align='right'>{escape(row[col].text)}</td>"
                         f"<td align='right'>{escape(row[col + 1].text) if has_change else ''}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (f"<table border='1' cellspacing='0' cellpadding='3' style='font-size:8pt'>"
            f"<tr>{''.join(head)}</tr>{''.join(rows)}</table>"
            f"<p style='font-size:8pt'><i>{escape(B['legend'].get(lang))}</i></p>")


def briefing_document(ds: Dataset, state: ViewState, lang: str, today: dt.date | None = None) -> QTextDocument:
    from meldpunt_gui import __version__

    today = today or dt.date.today()
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    image = render_png(ds, state, lang, 1000, 620, 2.0)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://figure.png"), image)
    made = B["made"].get(lang).format(date=format_date(today.isoformat(), lang),
                                      version=__version__, data=format_date(ds.data_date, lang))
    html = (
        f"<h2>{escape(chart_title(ds, state, lang)).replace(' ', '&nbsp;', 0)}</h2>"
        f"<p style='font-size:8pt'>{escape(made)}</p>"
        f"<p><img src='chart://figure.png' width='640'></p>"
        f"<h3>{escape(B['table'].get(lang))}</h3>{_table_html(ds, state, lang)}"
        f"{explanation_html(ds, state, lang, print_urls=True)}"
    )
    doc.setHtml(html)
    return doc


def briefing_pdf(ds: Dataset, state: ViewState, lang: str, today: dt.date | None = None) -> bytes:
    doc = briefing_document(ds, state, lang, today)
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                         QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    return pdf_bytes(chart_title(ds, state, lang), layout, doc.print_)


def export_briefing(path: Path, ds: Dataset, state: ViewState, lang: str) -> None:
    from meldpunt_gui.files.safewrite import write_atomic

    write_atomic(Path(path), briefing_pdf(ds, state, lang))
