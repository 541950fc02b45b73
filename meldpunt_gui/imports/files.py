"""From file bytes to a table of cells: encodings, separators, workbooks, and refusing the rest.

Reading is defensive because files arrive by mail: the bytes decide the format (not the name),
a zip is measured before anything inflates it, and only ';' ',' and tab are ever sniffed.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, count, repeat

from meldpunt_gui.imports.chunks import TextSource
from meldpunt_gui.imports.encoding import MAX_FILE_BYTES as MAX_FILE_BYTES  # where readers look for it
from meldpunt_gui.imports.encoding import decode as decode  # where readers look for it
from meldpunt_gui.imports.encoding import decode_source
from meldpunt_gui.imports.model import ImportResult
from meldpunt_gui.model.domain import Text

MAX_ZIP_ENTRIES = 2000
MAX_ZIP_UNCOMPRESSED = 200 * 2**20
MAX_ZIP_RATIO = 150  # real workbooks inflate 5-40 times; bombs a thousand
MAX_SHEET_CELLS = 12_000_000
DELIMITERS = (";", ",", "\t")
DELIMITER_NAMES = {";": Text("puntkomma", "semicolon"), ",": Text("komma", "comma"),
                   "\t": Text("tab", "tab")}
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream name in the OLE directory
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


@dataclass
class Table:
    """Rows of cells with their line (CSV) or sheet row (XLSX), streamed once."""

    kind: str
    rows: Iterator[tuple[int, Sequence[object]]]
    flags: dict[tuple[int, int], str] = field(default_factory=dict)  # XLSX (row, col) -> why empty
    lines: int = 0  # about how many lines or rows there are, for progress


def col_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_table(data: bytes, suffix: str, res: ImportResult, recognise: Callable[[Sequence[str]], bool],
               *, encoding: str | None, delimiter: str | None, sheet: str | None,
               checked: Callable[[int], None] | None = None) -> Table | None:
    """The table in `data`, or None after recording why the file is unusable; `checked(n)` is
    called as the text's first n bytes have been decoded and checked (and may raise to stop)."""
    name = res.file
    if not data or data.isspace():
        res.fail(Text(f"{name} is leeg.", f"{name} is empty."), "empty")
        return None
    if data.startswith(_OLE):
        if _ENCRYPTED_PACKAGE in data:  # Excel 2007+ with a password: an OLE box around the xlsx
            res.fail(Text(
                f"{name} is met een wachtwoord beveiligd en kan niet gelezen worden; sla het in Excel "
                "op zonder wachtwoord (.xlsx) of als CSV.",
                f"{name} is protected with a password and cannot be read; save it from Excel without "
                "a password (.xlsx) or as CSV."), "encrypted")
            return None
        res.fail(Text(
            f"{name} is een oud Excel-bestand (.xls) of een werkmap met wachtwoord; sla het op als "
            ".xlsx zonder wachtwoord of als CSV.",
            f"{name} is an old Excel file (.xls) or a password-protected workbook; save it as .xlsx "
            "without a password or as CSV."), "xls")
        return None
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return read_workbook(data, res, sheet, misnamed=suffix not in (".xlsx", ".xlsm"))
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        res.warning(None, "", Text(f"{name} heet {suffix} maar is tekst; gelezen als CSV.",
                                   f"{name} is named {suffix} but is text; read as CSV."), "named_xlsx")
    source = decode_source(data, encoding, res, checked)
    if source is None:
        return None
    return read_csv(source, res, recognise, delimiter)


def _csv_rows(source: TextSource, delimiter: str, offset: int,
              skip: int) -> Iterator[tuple[int, list[str]]]:
    """Numbered rows of the text after its first `skip` characters (a 'sep=' line)."""
    pieces = source.pieces()
    if skip:
        pieces = _skipped(pieces, skip)
    if not source.quoted:
        # nothing quoted: splitting lines is exact, and runs in C without the csv module
        return _plain_rows(pieces, delimiter, offset)
    return _quoted_rows(pieces, delimiter, offset)


def _skipped(pieces: Iterator[str], skip: int) -> Iterator[str]:
    for piece in pieces:
        if skip >= len(piece):
            skip -= len(piece)
            continue
        yield piece[skip:] if skip else piece
        skip = 0


def _plain_rows(pieces: Iterator[str], delimiter: str, offset: int) -> Iterator[tuple[int, list[str]]]:
    line = 1 + offset
    for piece in pieces:
        lines = piece.splitlines()
        yield from zip(count(line), map(str.split, lines, repeat(delimiter)))
        line += len(lines)


def _quoted_rows(pieces: Iterator[str], delimiter: str, offset: int) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(chain.from_iterable(io.StringIO(p, newline="") for p in pieces),
                        delimiter=delimiter)
    prev = 0
    try:
        for cells in reader:
            yield prev + 1 + offset, cells
            prev = reader.line_num
    except csv.Error as exc:
        raise TableError(prev + 1 + offset, str(exc)) from None


class TableError(csv.Error):
    """The csv module gave up at `line` (an unclosed quote, a cell over 128 kB); `message` says
    why in both languages, never in the csv module's own English."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.message = csv_reason(reason)


def csv_reason(reason: str) -> Text:
    """The csv module's English reason as a sentence in both languages."""
    if reason.startswith("field larger than field limit"):
        limit = csv.field_size_limit()
        return Text(f"een cel is langer dan {limit:,} tekens; staat er een aanhalingsteken (\") dat "
                    "niet gesloten wordt?".replace(",", "."),
                    f"a cell is longer than {limit:,} characters; is there a quote (\") that is never "
                    "closed?")
    if reason.startswith("unexpected end of data"):
        return Text("het bestand eindigt midden in een cel tussen aanhalingstekens (\").",
                    "the file ends inside a quoted (\") cell.")
    if reason.startswith("new-line character seen in unquoted field"):
        return Text("een regeleinde midden in een cel zonder aanhalingstekens.",
                    "a line break inside a cell without quotes.")
    return Text("de tabel is hier niet te lezen (een aanhalingsteken of scheidingsteken klopt niet).",
                "the table cannot be read here (a quote or separator is out of place).")


def read_csv(source: TextSource, res: ImportResult, recognise: Callable[[Sequence[str]], bool],
             delimiter: str | None) -> Table:
    offset = skip = 0
    head = source.head(16)
    first = head.splitlines()[0] if head.strip() else ""  # any line ending, a lone CR too
    marker = first.strip().strip('"').lower()
    if marker.startswith("sep=") and len(marker) == 5:
        offset = 1
        after = source.head(len(first) + 2)[len(first):]
        skip = len(first) + (2 if after.startswith("\r\n") else 1 if after else 0)
        delimiter = delimiter or first.strip().strip('"')[4]
    if delimiter is None:
        sample = source.head(skip + SNIFF_CHARS + 1)[skip:]
        delimiter = sniff(sample, res, recognise)
    res.kind = "csv"
    res.delimiter = delimiter
    return Table("csv", _csv_rows(source, delimiter or ",", offset, skip), lines=source.lines + 1 + offset)


SNIFF_CHARS = 65536


def sniff(text: str, res: ImportResult, recognise: Callable[[Sequence[str]], bool]) -> str | None:
    """Choose ';' ',' or tab on whole lines; None is a one-column file. Ties are reported."""
    sample = text[:SNIFF_CHARS]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    scores: dict[str, tuple[int, int, int]] = {}
    for d in DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=d) if any(r)][:50]
        except csv.Error:
            continue
        widths = [len(r) for r in rows]
        if not widths or max(widths) < 2:
            continue
        header_ok = any(recognise([c.strip() for c in r]) for r in rows[:20])
        modal = max(set(widths), key=lambda w: (widths.count(w), w))
        scores[d] = (int(header_ok), widths.count(modal), modal)
    if not scores:
        return None
    best = max(scores.values())
    tied = [d for d, s in scores.items() if s == best]
    if len(tied) > 1:
        res.needs.add("delimiter")
        names = " / ".join(DELIMITER_NAMES[d].nl for d in tied)
        names_en = " / ".join(DELIMITER_NAMES[d].en for d in tied)
        res.error(None, "", Text(
            f"Niet te zien welk scheidingsteken het bestand gebruikt ({names}); kies het.",
            f"Cannot tell which separator the file uses ({names_en}); choose one."),
        "delimiter_ambiguous")
    return tied[0]


def read_workbook(data: bytes, res: ImportResult, sheet: str | None,
                  misnamed: bool = False) -> Table | None:
    """The sheet's rows; `misnamed`: the file's name does not say .xlsx (warned once it is one)."""
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
                    while not dtd and (chunk := fh.read(1 << 20)):
                        if xml:
                            dtd = _has_dtd(tail + chunk)
                            tail = chunk[-_DTD_OVERLAP:]
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
        if any(_cells_bound(x) > MAX_SHEET_CELLS for x in candidates):
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
    return Table("xlsx", ((i + 1, r) for i, r in enumerate(rows)), flags, len(rows))


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
    """Cells in the sheet's bounding box, which calamine allocates densely."""
    numbers = _ROW_NUM_PLAIN.findall(xml)  # what Excel writes; other writers take the slow road
    if len(numbers) != xml.count(b"<row") or b":row" in xml:
        numbers = _ROW_NUM.findall(xml)
    rows = max(map(int, numbers), default=0)
    cols = max((_col_index(c.decode()) + 1 for c in _WIDE_COL.findall(xml)), default=26)
    return rows * max(cols, 26)


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


def _cell_flags(xml: bytes) -> dict[tuple[int, int], str]:
    """Cells that calamine shows as empty but that hold an error value or an uncalculated formula."""
    flags: dict[tuple[int, int], str] = {}
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
