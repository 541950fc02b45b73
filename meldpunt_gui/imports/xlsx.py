"""An XLSX workbook's sheet as rows of cells, and refusing workbooks that would hurt.

A workbook is a zip of XML parts, and files arrive by mail: the zip is measured before
anything inflates it (entries, total size, ratio), every part is inflated once without trusting
its declared size, XML definitions Excel never writes (the stuff of entity bombs) refuse the
file, and a sheet calamine would allocate too densely is refused before it is read. calamine
shows error values, formulas without a result and values from other workbooks as plain or empty
cells; the sheet's XML says which they are (`Flags`).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence

from meldpunt_gui.imports.model import ImportResult
from meldpunt_gui.model.domain import Text

MAX_ZIP_ENTRIES = 2000
MAX_ZIP_UNCOMPRESSED = 200 * 2**20
MAX_ZIP_RATIO = 150  # real workbooks inflate 5-40 times; bombs a thousand
MAX_SHEET_CELLS = 12_000_000
# Characters of text the sheet's cells would hold once each shared string is copied into every
# cell that names it: 2.000 cells naming one string of a million characters are a 766 KB file
# and took 4 GB to read
MAX_SHEET_TEXT = 64 * 2**20

# XML declarations Excel never writes; they are what entity bombs ("billion laughs") are made of.
_XML_DTD = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY")
                 for enc in ("ascii", "utf-16-le", "utf-16-be"))
_DTD_OVERLAP = max(map(len, _XML_DTD)) - 1
_ROW_NUM = re.compile(rb"""<(?:\w+:)?row\b[^>]*?\br\s*=\s*["'](\d+)["']""")
_ROW_NUM_PLAIN = re.compile(rb'<row r="([0-9]+)"')
_WIDE_COL = re.compile(rb"""\br\s*=\s*["']([A-Z]{2,3})[0-9]""")
_SHEET_TAG = re.compile(r"<(?:\w+:)?sheet\b([^>]*)>")
_REL_TAG = re.compile(r"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTR = re.compile(r"""([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")

# (row, column), both from 0 -> why the cell reads as it does: "formula", "external" or an
# Excel error value such as "#DIV/0!"
Flags = dict[tuple[int, int], str]


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_workbook(data: bytes, res: ImportResult, sheet: str | None,
                  misnamed: bool = False) -> tuple[Sequence[Sequence[object]], Flags] | None:
    """The sheet's rows and the cells that read as empty but are not (`Flags`), or None after
    recording why the workbook is refused; `misnamed`: the file's name does not say .xlsx
    (warned once it is one)."""
    name = res.file
    res.kind = "xlsx"
    damaged = Text(f"{name} is een beschadigde of onvolledige Excel-werkmap.",
                   f"{name} is a damaged or incomplete Excel workbook.")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception:  # BadZipFile, NotImplementedError for odd zip versions, ...
        res.fail(damaged, "bad_zip")
        return None
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            res.kind = "ods"
            res.fail(Text(
                f"{name} is een OpenDocument-rekenblad (.ods); sla het op als .xlsx of CSV.",
                f"{name} is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV."), "ods")
            return None
        res.fail(Text(f"{name} is een zip-bestand maar geen Excel-werkmap.",
                             f"{name} is a zip file but not an Excel workbook."), "not_workbook")
        return None
    if misnamed:
        res.warning(None, "", Text(f"{name} is een Excel-werkmap; gelezen als .xlsx.",
                                   f"{name} is an Excel workbook; read as .xlsx."), "named_csv")
    bomb = Text(f"{name} pakt uit tot een onredelijk grote werkmap en is geweigerd.",
                f"{name} unpacks to an unreasonably large workbook and was refused.")
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if (len(infos) > MAX_ZIP_ENTRIES or total > MAX_ZIP_UNCOMPRESSED
            or any(i.file_size > (1 << 20) and i.file_size > MAX_ZIP_RATIO * max(i.compress_size, 1)
                   for i in infos)
            or (total > (8 << 20) and total > MAX_ZIP_RATIO * max(packed, 1))):
        res.fail(bomb, "zip_bomb")
        return None
    sheets_xml: dict[str, bytes] = {}
    shared = b""  # the shared strings: a cell may name one, and calamine copies it per cell
    dtd = False
    try:  # inflate everything once, trusting no declared size (zipfile stops at it and checks CRC)
        for info in infos:
            xml = info.filename.lower().endswith((".xml", ".rels"))
            with zf.open(info) as fh:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    sheets_xml[info.filename] = part = fh.read(info.file_size + 1)
                    dtd = dtd or _has_dtd(part)
                else:
                    tail = b""
                    kept: list[bytes] = []  # an XML part, kept in case it holds a sheet
                    while not dtd and (chunk := fh.read(1 << 20)):
                        if xml:
                            dtd = _has_dtd(tail + chunk)
                            tail = chunk[-_DTD_OVERLAP:]
                            kept.append(chunk)
                    # a sheet stored elsewhere (xl/sheets/s1.xml) is read by calamine all the
                    # same: it is bounded like the others (it escaped the bound and a 1.6 KB
                    # workbook had calamine ask for 512 GB and abort the process)
                    part = b"".join(kept)
                    if xml and (b"sheetData" in part or b"s\x00h\x00e\x00e\x00t\x00D" in part):
                        sheets_xml[info.filename] = part
                    elif info.filename.lower().endswith("sharedstrings.xml"):
                        shared = part
            if dtd:
                break
        paths = {} if dtd else _sheet_paths(zf)
    except Exception:  # BadZipFile, zlib.error, EOFError, NotImplementedError (odd compression), ...
        res.fail(damaged, "bad_zip")
        return None
    if dtd:
        res.fail(Text(
            f"{name} bevat XML-definities (DOCTYPE/ENTITY) die Excel nooit schrijft en is uit "
            "voorzorg geweigerd; open het in Excel en sla het opnieuw op als .xlsx.",
            f"{name} contains XML definitions (DOCTYPE/ENTITY) that Excel never writes and was "
            "refused as a precaution; open it in Excel and save it again as .xlsx."), "xml_entities")
        return None
    try:
        from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        res.sheets = list(wb.sheet_names)
        if not res.sheets:
            res.fail(Text(f"{name} bevat geen werkbladen.", f"{name} contains no sheets."),
                            "empty")
            return None
        if sheet is None:
            meta = wb.sheets_metadata
            visible = [m.name for m in meta
                       if m.typ == SheetTypeEnum.WorkSheet and m.visible == SheetVisibleEnum.Visible]
            sheet = visible[0] if visible else res.sheets[0]
        elif sheet not in res.sheets:
            res.fail(Text(
                f"Werkblad '{sheet}' staat niet in {name}; er zijn: {', '.join(res.sheets)}.",
                f"Sheet '{sheet}' is not in {name}; it has: {', '.join(res.sheets)}."), "no_sheet")
            return None
        res.sheet = sheet
        xml_path = paths.get(sheet)
        candidates = [sheets_xml[xml_path]] if xml_path in sheets_xml else list(sheets_xml.values())
        if any(_cells_bound(x) > MAX_SHEET_CELLS for x in candidates) or \
                any(_shared_text_bound(x, shared) > MAX_SHEET_TEXT for x in candidates):
            res.fail(Text(f"Werkblad '{sheet}' in {name} is te groot om te lezen.",
                                 f"Sheet '{sheet}' in {name} is too large to read."), "sheet_too_big")
            return None
        rows = wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        wb.close()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # calamine raises its own errors and, on broken XML, Rust panics
        res.fail(damaged, "bad_workbook")
        return None
    sheet_xml = sheets_xml.get(xml_path or "")
    if sheet_xml is None and len(sheets_xml) == 1:  # one sheet: it is that one
        sheet_xml = next(iter(sheets_xml.values()))
    if sheet_xml is None:  # said, rather than reading error values and formulas as empty cells
        res.warning(None, "", Text(
            f"In werkblad '{sheet}' van {name} kon niet worden nagegaan welke cellen een foutwaarde, een "
            "formule zonder uitkomst of een waarde uit een andere werkmap hebben; zulke cellen worden als "
            "leeg of als gewone waarde gelezen. Sla de werkmap in Excel opnieuw op, of als CSV.",
            f"In sheet '{sheet}' of {name} it could not be checked which cells hold an error value, a "
            "formula without a result or a value from another workbook; such cells are read as empty or "
            "as plain values. Save the workbook again in Excel, or as CSV."), "flags_unchecked")
        return rows, {}
    flags = _cell_flags(sheet_xml)
    if any(n.startswith("xl/externalLinks/") for n in names):
        for key in _external_cells(sheet_xml):
            flags.setdefault(key, "external")
    return rows, flags


def _has_dtd(xml: bytes) -> bool:
    """A document type or entity declaration: never in a real workbook, always in an entity bomb."""
    return (b"<!" in xml or b"<\x00!" in xml) and any(m in xml for m in _XML_DTD)


def _sheet_paths(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet part, from workbook.xml and its relationships (attributes in
    either quote, names and targets with any XML character reference, `./` and `../` resolved)."""
    from html import unescape
    from posixpath import normpath

    wb = zf.read("xl/workbook.xml").decode("utf-8", "replace")
    try:
        rels_xml = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return {}
    targets = {}
    for m in _REL_TAG.finditer(rels_xml):
        attrs = _attr_dict(m.group(1))
        target = attrs.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[attrs.get("Id", "")] = normpath(path)
    out = {}
    for m in _SHEET_TAG.finditer(wb):
        attrs = _attr_dict(m.group(1))
        rid = next((v for k, v in attrs.items() if k.endswith(":id")), "")
        if "name" in attrs and rid in targets:
            out[unescape(attrs["name"])] = targets[rid]
    return out


def _attr_dict(text: str) -> dict[str, str]:
    from html import unescape

    return {k: unescape(a if a or not b else b) for k, a, b in _ATTR.findall(text)}


def _cells_bound(xml: bytes) -> int:
    """Cells in the sheet's bounding box, which calamine allocates densely: as many rows as the
    highest row number, the number of rows (rows without a number follow one another) and the
    highest row a cell's own reference names (`<row><c r="XFD1048576">` has no row number)."""
    numbers = _ROW_NUM_PLAIN.findall(xml)  # what Excel writes; other writers take the slow road
    row_tags = xml.count(b"<row") + xml.count(b":row ") + xml.count(b":row>")
    if len(numbers) != xml.count(b"<row") or b":row" in xml:
        numbers = _ROW_NUM.findall(xml)
    rows = max(max(map(int, numbers), default=0), row_tags)
    cols = max((_col_index(c.decode()) + 1 for c in _WIDE_COL.findall(xml)), default=26)
    # cells whose own reference names a row past those: looked for among references with at
    # least as many digits as the rows (one digit more in a sheet of up to 26 columns and
    # 10.000 rows or more, where a miss costs at most ten times a bound that is small there)
    digits = len(str(rows)) + (1 if cols <= 26 and rows >= 10_000 else 0)
    if digits <= 7:
        far = re.compile(rb"""r\s*=\s*["'][A-Z]{1,3}(\d{%d,7})["']""" % digits).findall(xml)
        rows = max(rows, max(map(int, far), default=0))
    return rows * max(cols, 26)


_SHARED_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\bt="s"[^>]*>\s*<(?:\w+:)?v>\s*(\d{1,9})\s*<')
_SHARED_ITEM = re.compile(rb"<(?:\w+:)?si\b")


def _shared_text_bound(xml: bytes, shared: bytes) -> int:
    """Bytes of shared-string text the sheet's cells name, each as often as it is named (an
    upper bound on the characters read: a string's XML is at least as long as its text)."""
    named = xml.count(b't="s"')
    if not shared or not named:
        return 0
    starts = [m.start() for m in _SHARED_ITEM.finditer(shared)] + [len(shared)]
    sizes = [b - a for a, b in zip(starts, starts[1:])]
    if named * max(sizes, default=0) <= MAX_SHEET_TEXT:  # the usual case, without a walk
        return named * max(sizes, default=0)
    total = 0
    for m in _SHARED_REF.finditer(xml):
        i = int(m.group(1))
        if i < len(sizes):
            total += sizes[i]
            if total > MAX_SHEET_TEXT:
                break
    return total


# a row's start tag, or a cell (with its body), in any namespace prefix (the OpenXML SDK writes
# <x:c>); attribute values in double or single quotes, as XML allows
_ROW_OR_CELL = re.compile(rb"""<(?:[\w.-]+:)?(?:row\b((?:[^>"']|"[^"]*"|'[^']*')*)>"""
                          rb"""|c\b((?:[^>"'/]|"[^"]*"|'[^']*'|/(?!>))*)(?:/>|>(.*?)</(?:[\w.-]+:)?c>))""", re.S)
_ATTR_B = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"([A-Z]{1,3})(\d{1,7})$")
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:[\w.-]+:)?f>)", re.S)
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v\b[^>]*>([^<]*)</")
_EXTERNAL_REF = re.compile(rb"\[\d+\]")  # [1]Blad1!A1: Excel's form of a reference to another workbook


def _attrs(text: bytes) -> dict[bytes, bytes]:
    """A tag's attributes by local name (r, t, si), values as written (refs need no unescaping)."""
    return {k.rsplit(b":", 1)[-1]: a if a or not b else b for k, a, b in _ATTR_B.findall(text)}


_R_ATTR = re.compile(rb"""\br\s*=\s*["']([A-Z]{0,3})(\d{0,7})["']""")
_T_ERROR = re.compile(rb"""\bt\s*=\s*["']e["']""")
_HAS_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f[\s>/]")


_CELL_OPEN = re.compile(rb"""<(?:[\w.-]+:)?c\b((?:[^>"'/]|"[^"]*"|'[^']*'|/(?!>))*)(/?)>""")
_CELL_CLOSE = re.compile(rb"</(?:[\w.-]+:)?c>")
_ROW_TAG = re.compile(rb"</?(?:[\w.-]+:)?(?:row|sheetData)\b")


def _cells(xml: bytes, errors: bool = True) -> list[tuple[tuple[int, int], dict[bytes, bytes], bytes]]:
    """(row, column) from 0, attributes and body of every cell with a formula (and, with
    `errors`, every error value), in any namespace prefix and either quote. A cell is placed by
    its `r`; where one has none (OOXML makes `r` optional on rows and cells, and some writers
    leave it out), by counting the rows and cells before it, as a reader places them."""
    found: dict[int, tuple[tuple[int, int], dict[bytes, bytes], bytes]] = {}
    for pos in _marks(xml, errors):
        cell = _cell_at(xml, pos)
        if cell is None or cell[0] in found:
            continue
        start, head, body = cell
        ref = _R_ATTR.search(head)
        if ref is None or not (ref.group(1) and ref.group(2)):
            return _walk(xml, errors)  # a cell placed by its order: count them all
        if body:
            found[start] = ((int(ref.group(2)) - 1, _col_index(ref.group(1).decode())), _attrs(head), body)
    return list(found.values())


_ERROR_TYPE_BEFORE = re.compile(rb"\bt\s*=\s*$")


def _marks(xml: bytes, errors: bool) -> list[int]:
    """Where a formula tag (<f>, <x:f>) or an error type (t="e", t='e') may be: found with
    bytes.find, which a regular expression over a sheet of twenty megabytes is ten times slower
    than (four finds: about as long as calamine takes for a tenth of its rows)."""
    found: list[int] = []
    for needle in (b"<f", b":f", b'"e"', b"'e'") if errors else (b"<f", b":f"):
        pos = xml.find(needle)
        while pos != -1:
            if needle[1:] == b"f":
                keep = xml[pos + 2: pos + 3] in (b">", b"/", b" ", b"\t", b"\n", b"\r")
            else:
                keep = _ERROR_TYPE_BEFORE.search(xml, max(pos - 8, 0), pos) is not None
            if keep:
                found.append(pos)
            pos = xml.find(needle, pos + 1)
    return sorted(found)


def _cell_at(xml: bytes, pos: int) -> tuple[int, bytes, bytes] | None:
    """(start, attributes, body) of the cell whose tag or body holds `pos`, or None outside cells."""
    i = pos + 1
    while (i := xml.rfind(b"<", 0, i)) != -1:
        opened = _CELL_OPEN.match(xml, i)
        if opened is not None:
            if opened.group(2):  # <c .../>: no body
                return i, opened.group(1), b""
            close = _CELL_CLOSE.search(xml, opened.end())
            if close is None or close.start() < pos:
                return None
            return i, opened.group(1), xml[opened.end():close.start()]
        if _CELL_CLOSE.match(xml, i) or _ROW_TAG.match(xml, i):
            return None  # between cells
    return None


def _walk(xml: bytes, errors: bool) -> list[tuple[tuple[int, int], dict[bytes, bytes], bytes]]:
    """`_cells` for a sheet with a cell placed by its order: every row and cell is walked (a
    second or more for a large sheet), counting the places as a reader counts them."""
    out = []
    row, col = -1, -1
    r_attr, t_error, has_formula = _R_ATTR.search, _T_ERROR.search, _HAS_FORMULA.search
    for m in _ROW_OR_CELL.finditer(xml):
        head = m.group(2)
        if head is None:  # a row
            ref = r_attr(m.group(1) or b"")
            row = int(ref.group(2)) - 1 if ref and ref.group(2) and not ref.group(1) else row + 1
            col = -1
            continue
        ref = r_attr(head) if b"r" in head else None
        if ref is not None and ref.group(1) and ref.group(2):
            row, col = int(ref.group(2)) - 1, _col_index(ref.group(1).decode())
        else:
            col += 1
        body = m.group(3)
        if body and ((errors and b"e" in head and t_error(head)) or (b"f" in body and has_formula(body))):
            out.append(((max(row, 0), col), _attrs(head), body))
    return out


def _external_cells(xml: bytes) -> list[tuple[int, int]]:
    """(row, column) of the cells whose formula refers to another workbook, shared ones too."""
    found: list[tuple[int, int]] = []
    shared: set[bytes] = set()  # ids of shared formulas whose first cell refers elsewhere
    pending: list[tuple[tuple[int, int], bytes]] = []  # cells that only name a shared formula
    for key, _attrs_of, body in _cells(xml, errors=False):
        formula = _FORMULA.search(body)
        if formula is None:
            continue
        si = _attrs(formula.group(1)).get(b"si")
        text = formula.group(2) or b""
        if _EXTERNAL_REF.search(text):
            found.append(key)
            if si:
                shared.add(si)
        elif si and not text:
            pending.append((key, si))
    found += [key for key, si in pending if si in shared]
    return found


def _cell_flags(xml: bytes) -> Flags:
    """Cells that calamine shows as empty but that hold an error value or an uncalculated formula."""
    flags: Flags = {}
    for key, attrs, body in _cells(xml):
        value = _VALUE.search(body)
        if attrs.get(b"t") == b"e":
            flags[key] = value.group(1).decode("utf-8", "replace") if value else "#N/A"
        elif _FORMULA.search(body) is not None and not (value and value.group(1)):
            flags.setdefault(key, "formula")
    return flags
