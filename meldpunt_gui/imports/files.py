"""From file bytes to a table of cells: text files (encodings, separators, quoting) here,
workbooks in xlsx.py, and refusing the rest.

Reading is defensive because files arrive by mail: the bytes decide the format (not the name),
an old or password-protected Excel file is named as such, and only ';' ',' and tab are ever
sniffed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, count, repeat

from meldpunt_gui.imports.chunks import TextSource
from meldpunt_gui.imports.encoding import MAX_FILE_BYTES as MAX_FILE_BYTES  # where readers look for it
from meldpunt_gui.imports.encoding import decode as decode  # where readers look for it
from meldpunt_gui.imports.encoding import decode_source
from meldpunt_gui.imports.model import ImportResult
from meldpunt_gui.imports.xlsx import Flags, read_workbook
from meldpunt_gui.model.domain import Text

DELIMITERS = (";", ",", "\t")
DELIMITER_NAMES = {";": Text("puntkomma", "semicolon"), ",": Text("komma", "comma"),
                   "\t": Text("tab", "tab")}
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream name in the OLE directory


@dataclass
class Table:
    """Rows of cells with their line (CSV) or sheet row (XLSX), streamed once."""

    kind: str
    rows: Iterator[tuple[int, Sequence[object]]]
    flags: Flags = field(default_factory=dict)  # XLSX (row, col) -> why it reads as it does
    lines: int = 0  # about how many lines or rows there are, for progress


def col_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


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
        sheet_cells = read_workbook(data, res, sheet, misnamed=suffix not in (".xlsx", ".xlsm"))
        if sheet_cells is None:
            return None
        rows, flags = sheet_cells
        return Table("xlsx", ((i + 1, r) for i, r in enumerate(rows)), flags, len(rows))
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
    """Lines split at the separator, with the csv module's bound on a cell (field_size_limit,
    131.072 characters): a 100 MB cell stops the reading at its line, as it does in a quoted
    file, and never reaches the series lookup or a message."""
    line = 1 + offset
    limit = csv.field_size_limit()
    for piece in pieces:
        lines = piece.splitlines()
        if len(piece) > limit and max(map(len, lines), default=0) > limit:  # checked only then
            long = next((i for i, text in enumerate(lines)
                         if len(text) > limit and max(map(len, text.split(delimiter))) > limit), None)
            if long is not None:
                yield from zip(count(line), map(str.split, lines[:long], repeat(delimiter)))
                raise TableError(line + long, LONG_CELL)
        yield from zip(count(line), map(str.split, lines, repeat(delimiter)))
        line += len(lines)


def _quoted_rows(pieces: Iterator[str], delimiter: str, offset: int) -> Iterator[tuple[int, list[str]]]:
    # skipinitialspace: `"reeks" ; "periode"` (spaces beside the separator, as hand-typed files
    # and some exports have) still quotes its cells; the spaces after a closing quote are stripped
    # with the cell
    reader = csv.reader(chain.from_iterable(io.StringIO(p, newline="") for p in pieces),
                        delimiter=delimiter, skipinitialspace=True)
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


LONG_CELL = "cell longer than field limit"  # an unquoted file's cell past the csv module's bound


def csv_reason(reason: str) -> Text:
    """The csv module's English reason as a sentence in both languages."""
    if reason == LONG_CELL:
        limit = csv.field_size_limit()
        return Text(f"een cel is langer dan {limit:,} tekens.".replace(",", "."),
                    f"a cell is longer than {limit:,} characters.")
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
            rows = [r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=d,
                                          skipinitialspace=True) if any(r)][:50]
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


