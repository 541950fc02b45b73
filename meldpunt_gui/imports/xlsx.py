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
_ROW_NUM = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d+)"')
_ROW_NUM_PLAIN = re.compile(rb'<row r="([0-9]+)"')
_WIDE_COL = re.compile(rb'\br="([A-Z]{2,3})[0-9]')
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')
_ERR_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</")
_SHEET_TAG = re.compile(r"<(?:\w+:)?sheet\b([^>]*)>")
_REL_TAG = re.compile(r"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')

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
    flags = _cell_flags(sheets_xml[xml_path]) if xml_path in sheets_xml else {}
    if xml_path in sheets_xml and any(n.startswith("xl/externalLinks/") for n in names):
        for key in _external_cells(sheets_xml[xml_path]):
            flags.setdefault(key, "external")
    return rows, flags


def _has_dtd(xml: bytes) -> bool:
    """A document type or entity declaration: never in a real workbook, always in an entity bomb."""
    return (b"<!" in xml or b"<\x00!" in xml) and any(m in xml for m in _XML_DTD)


def _sheet_paths(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet part, from workbook.xml and its relationships."""
    from xml.sax.saxutils import unescape

    ents = {"&quot;": '"', "&apos;": "'"}
    wb = zf.read("xl/workbook.xml").decode("utf-8", "replace")
    try:
        rels_xml = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return {}
    targets = {}
    for m in _REL_TAG.finditer(rels_xml):
        attrs = dict(_ATTR.findall(m.group(1)))
        target = attrs.get("Target", "")
        targets[attrs.get("Id", "")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    out = {}
    for m in _SHEET_TAG.finditer(wb):
        attrs = dict(_ATTR.findall(m.group(1)))
        rid = next((v for k, v in attrs.items() if k.endswith(":id")), "")
        if "name" in attrs and rid in targets:
            out[unescape(attrs["name"], ents)] = targets[rid]
    return out


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
        far = re.compile(rb'r="[A-Z]{1,3}(\d{%d,7})"' % digits).findall(xml)
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


_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_FORMULA = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_SHARED_ID = re.compile(rb'\bsi="(\d+)"')
_EXTERNAL_REF = re.compile(rb"\[\d+\]")  # [1]Blad1!A1: Excel's form of a reference to another workbook


def _external_cells(xml: bytes) -> list[tuple[int, int]]:
    """(row, column) of the cells whose formula refers to another workbook, shared ones too."""
    found: list[tuple[int, int]] = []
    shared: set[bytes] = set()  # ids of shared formulas whose first cell refers elsewhere
    pending: list[tuple[tuple[int, int], bytes]] = []  # cells that only name a shared formula
    for cell in _CELL.finditer(xml):
        body = cell.group(2)
        ref = _CELL_REF.search(cell.group(1))
        if not body or b"<" not in body or ref is None:
            continue
        formula = _FORMULA.search(body)
        if formula is None:
            continue
        key = (int(ref.group(2)) - 1, _col_index(ref.group(1).decode()))
        si = _SHARED_ID.search(formula.group(1))
        text = formula.group(2) or b""
        if _EXTERNAL_REF.search(text):
            found.append(key)
            if si:
                shared.add(si.group(1))
        elif si and not text:
            pending.append((key, si.group(1)))
    found += [key for key, si in pending if si in shared]
    return found


def _cell_flags(xml: bytes) -> Flags:
    """Cells that calamine shows as empty but that hold an error value or an uncalculated formula."""
    flags: Flags = {}
    if b"<f" not in xml and b't="e"' not in xml:
        return flags
    for marker in (b't="e"', b"<f"):
        pos = xml.find(marker)
        while pos != -1:
            start = xml.rfind(b"<c ", 0, pos)
            end = xml.find(b"</c>", pos)
            head = xml[start: xml.find(b">", start) + 1] if start != -1 else b""
            inside = (start != -1 and end != -1 and not head.endswith(b"/>")
                      and xml.find(b"</c>", start) == end
                      and (marker != b"<f" or xml[pos + 2: pos + 3] in (b">", b" ", b"/")))
            if inside:
                ref = _CELL_REF.search(head)
                body = xml[start:end]
                if ref:
                    key = (int(ref.group(2)) - 1, _col_index(ref.group(1).decode()))
                    if marker == b't="e"' and b't="e"' in head:
                        v = _ERR_VALUE.search(body)
                        flags[key] = v.group(1).decode("utf-8", "replace") if v else "#N/A"
                    elif marker == b"<f" and not re.search(rb"<(?:\w+:)?v>[^<]", body):
                        flags.setdefault(key, "formula")
            pos = xml.find(marker, pos + 2)
    return flags
