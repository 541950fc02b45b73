"""A minimal XLSX (Office Open XML spreadsheet) writer: zipfile and XML strings only.

Why our own: the export needs a few plain sheets (a bold, frozen header row, numbers as numeric
cells, text as shared strings) and no formulas, charts or styles beyond that. That is about 150
lines, where openpyxl would be a sizeable dependency in a locked-down install. The output is
deterministic (fixed zip timestamps, no creation date), so the same table gives the same bytes.

Knows nothing about the domain; `exporters` decides what goes into the cells.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field

Cell = str | int | float | None

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Style indexes into cellXfs of _STYLES.
_STYLE_HEADER = 1
_STYLE_WRAP = 2

_STYLES = (
    f'<styleSheet xmlns="{_NS_MAIN}">'
    '<fonts count="2">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    "</fonts>"
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
# Characters XML 1.0 cannot carry, written the OOXML way as _xHHHH_ (as Excel itself does).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A literal "_x0041_" in the text would be decoded by Excel; escape its underscore first.
_OOXML_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a header row (bold, frozen) and data rows."""

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    widths: Sequence[float] = ()  # column widths in characters; empty = estimated
    wrap: frozenset[int] = field(default_factory=frozenset)  # 0-based columns with wrapped text


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def xml_text(text: str) -> str:
    """Escape text for element content so that every character survives the round trip."""
    text = _OOXML_ESCAPE_LIKE.sub(r"_x005F_\1", text)
    text = _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # A literal CR would be normalised away by any XML parser; a character reference is kept.
    return text.replace("\r", "&#13;")


def _xml_attr(text: str) -> str:
    return xml_text(text).replace('"', "&quot;")


def _number(value: float | int) -> str | None:
    """Shortest text that reads back as the same double; None for NaN/infinity (no such cell)."""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return None
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _check_sheet_name(name: str) -> None:
    if not name or len(name) > 31 or _BAD_SHEET_CHARS.search(name) or name[0] == "'" or name[-1] == "'":
        raise ValueError(f"not a valid sheet name: {name!r}")


class _SharedStrings:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def add(self, text: str) -> int:
        self.count += 1
        return self.index.setdefault(text, len(self.index))

    def xml(self) -> str:
        items = []
        for text in self.index:
            space = ' xml:space="preserve"' if text != text.strip() or "\n" in text or "\t" in text else ""
            items.append(f"<si><t{space}>{xml_text(text)}</t></si>")
        return (f'{_XML_DECL}<sst xmlns="{_NS_MAIN}" count="{self.count}" '
                f'uniqueCount="{len(self.index)}">{"".join(items)}</sst>')


def _estimated_widths(sheet: Sheet) -> list[float]:
    ncols = max([len(sheet.header), *(len(r) for r in sheet.rows)], default=0)
    widths = []
    for c in range(ncols):
        cells = [sheet.header[c] if c < len(sheet.header) else ""]
        cells += [r[c] for r in sheet.rows[:2000] if c < len(r) and r[c] is not None]
        longest = max((len(str(x)) for x in cells), default=8)
        widths.append(float(min(max(longest + 2, 8), 60)))
    return widths


def _sheet_xml(sheet: Sheet, strings: _SharedStrings) -> str:
    all_rows: list[Sequence[Cell]] = [list(sheet.header), *sheet.rows]
    ncols = max((len(r) for r in all_rows), default=1) or 1
    widths = list(sheet.widths) or _estimated_widths(sheet)
    out = [f'{_XML_DECL}<worksheet xmlns="{_NS_MAIN}" xmlns:r="{_NS_REL}">',
           f'<dimension ref="A1:{column_letter(ncols - 1)}{len(all_rows)}"/>',
           '<sheetViews><sheetView workbookViewId="0">'
           '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
           '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
           "</sheetView></sheetViews>",
           '<sheetFormatPr defaultRowHeight="15"/>']
    if widths:
        out.append("<cols>")
        out += [f'<col min="{i + 1}" max="{i + 1}" width="{w:g}" customWidth="1"/>'
                for i, w in enumerate(widths)]
        out.append("</cols>")
    out.append("<sheetData>")
    for r, row in enumerate(all_rows, start=1):
        cells = []
        for c, value in enumerate(row):
            if value is None:
                continue
            ref = f"{column_letter(c)}{r}"
            style = _STYLE_HEADER if r == 1 else (_STYLE_WRAP if c in sheet.wrap else 0)
            s = f' s="{style}"' if style else ""
            if isinstance(value, bool):
                raise TypeError(f"booleans are written as text by the caller ({ref})")
            if isinstance(value, (int, float)):
                number = _number(value)
                if number is not None:
                    cells.append(f'<c r="{ref}"{s}><v>{number}</v></c>')
            else:
                cells.append(f'<c r="{ref}"{s} t="s"><v>{strings.add(str(value))}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


def build_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """The bytes of a workbook with these sheets, in this order."""
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    names = [s.name for s in sheets]
    for name in names:
        _check_sheet_name(name)
    if len({n.lower() for n in names}) != len(names):
        raise ValueError(f"sheet names must differ: {names}")

    strings = _SharedStrings()
    sheet_xml = [_sheet_xml(s, strings) for s in sheets]
    n = len(sheets)
    content_types = (
        f'{_XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                  'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                  for i in range(1, n + 1))
        + '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>")
    root_rels = (
        f'{_XML_DECL}<Relationships xmlns="{_NS_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_NS_REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>")
    workbook = (
        f'{_XML_DECL}<workbook xmlns="{_NS_MAIN}" xmlns:r="{_NS_REL}">'
        '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
        + "".join(f'<sheet name="{_xml_attr(s.name)}" sheetId="{i}" r:id="rId{i}"/>'
                  for i, s in enumerate(sheets, start=1))
        + "</sheets></workbook>")
    workbook_rels = (
        f'{_XML_DECL}<Relationships xmlns="{_NS_PKG_REL}">'
        + "".join(f'<Relationship Id="rId{i}" Type="{_NS_REL}/worksheet" '
                  f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
        + f'<Relationship Id="rId{n + 1}" Type="{_NS_REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{n + 2}" Type="{_NS_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>")

    parts = [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
             ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbook_rels),
             ("xl/styles.xml", _XML_DECL + _STYLES), ("xl/sharedStrings.xml", strings.xml())]
    parts += [(f"xl/worksheets/sheet{i}.xml", xml) for i, xml in enumerate(sheet_xml, start=1)]

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, xml.encode("utf-8"))
    return buf.getvalue()
