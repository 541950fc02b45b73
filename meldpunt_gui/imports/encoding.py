"""From the bytes of a text file to its text, decided on evidence line by line.

Files arrive from Excel on Windows (Windows-1252), from newer Excel and editors (UTF-8, often with a
BOM) and as a mix of both, when a colleague pastes a line into a UTF-8 file in an old editor. One
rule, stated in the README: every line is read as UTF-8 where it is valid UTF-8 and as
Windows-1252 where it is not. A file with only Windows-1252 lines is a Windows-1252 file; a file
with both kinds is UTF-8 with a warning naming the lines read as Windows-1252, so "café" stays
"café" on every line. `decode_lines` holds that rule and can be called per chunk of whole lines.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from meldpunt_gui.imports.model import ImportResult
from meldpunt_gui.model.domain import Text

MAX_FILE_BYTES = 256 * 2**20
MAX_NAMED_LINES = 10

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 13) or b == 127))
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_BREAKS = re.compile(r"\r\n|\r|\n")
_BYTE_BREAKS = re.compile(rb"\r\n|\r|\n")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class Decoded(NamedTuple):
    """The text of some whole lines and the evidence its encoding was decided on."""

    text: str
    legacy_lines: list[int]  # lines that are not UTF-8, read as Windows-1252
    utf8_lines: int  # lines with other than ASCII that are valid UTF-8
    unreadable_lines: list[int]  # lines that are neither (bytes Windows-1252 leaves undefined)


def decode_lines(data: bytes, first_line: int = 1) -> Decoded:
    """Each line as UTF-8 where it is valid UTF-8, else as Windows-1252.

    `data` must end at a line end (or the file's end); `first_line` is the number of its first
    line, so a caller reading in chunks gets line numbers of the whole file.
    """
    try:
        return Decoded(data.decode("utf-8"), [], 0 if data.isascii() else 1, [])
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    legacy: list[int] = []
    unreadable: list[int] = []
    utf8 = 0
    for number, line in enumerate(data.splitlines(keepends=True), first_line):
        if line.isascii():
            parts.append(line.decode("ascii"))
            continue
        try:
            parts.append(line.decode("utf-8"))
            utf8 += 1
            continue
        except UnicodeDecodeError:
            pass
        try:
            parts.append(line.decode("cp1252"))
            legacy.append(number)
        except UnicodeDecodeError:
            parts.append(line.decode("cp1252", "replace"))
            unreadable.append(number)
    return Decoded("".join(parts), legacy, utf8, unreadable)


def line_and_column(text: str | bytes, pos: int) -> tuple[int, int]:
    """The line (1-based) and the character or byte in it (1-based) at offset `pos`."""
    line, start = 1, 0
    pattern = _BYTE_BREAKS if isinstance(text, bytes) else _BREAKS
    for m in pattern.finditer(text, 0, pos):  # type: ignore[arg-type]
        line, start = line + 1, m.end()
    return line, pos - start + 1


def named_lines(lines: list[int]) -> Text:
    """'3, 7 en 9' / '3, 7 and 9', the first few of them when there are many."""
    shown = [str(n) for n in lines[:MAX_NAMED_LINES]]
    more = len(lines) - len(shown)
    if more:
        return Text(", ".join(shown) + f" en nog {more}", ", ".join(shown) + f" and {more} more")
    if len(shown) == 1:
        return Text(shown[0], shown[0])
    return Text(", ".join(shown[:-1]) + " en " + shown[-1], ", ".join(shown[:-1]) + " and " + shown[-1])


def decode(data: bytes, encoding: str | None, res: ImportResult) -> str | None:
    """The text of a CSV file, or None after recording why it is not text.

    UTF-16/32 need their BOM; UTF-8 (with or without BOM) and Windows-1252 are decided per line by
    `decode_lines`; an encoding the user chose is used strictly, and where it fails the line and
    byte are named.
    """
    name = res.file
    if len(data) > MAX_FILE_BYTES:
        res.fail(Text(f"{name} is groter dan {MAX_FILE_BYTES >> 20} MB.",
                             f"{name} is larger than {MAX_FILE_BYTES >> 20} MB."), "too_big")
        return None
    codec = ""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
            text = data.decode(codec)
        except LookupError:
            res.fail(Text(f"Onbekende tekenset '{encoding}'.", f"Unknown encoding '{encoding}'."),
                            "encoding")
            return None
        except UnicodeDecodeError as exc:
            line, col = line_and_column(data, exc.start)
            res.fail(Text(
                f"{name} is niet te lezen als {encoding}: regel {line}, byte {col}.",
                f"{name} cannot be read as {encoding}: line {line}, byte {col}."), "encoding", line)
            return None
        if codec == "utf-8" and text.startswith("\ufeff"):
            text = text[1:]
    else:
        codec = next((enc for bom, enc in _BOMS if data.startswith(bom)), "")
        if codec in ("utf-16", "utf-32"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                line, col = line_and_column(data, exc.start)
                res.fail(Text(
                    f"{name} begint als {codec.upper()} maar is dat niet: regel {line}, byte {col}.",
                    f"{name} starts as {codec.upper()} but is not: line {line}, byte {col}."),
                    "encoding", line)
                return None
            text = text[1:] if text.startswith("\ufeff") else text
        else:
            nul = data.find(b"\x00")
            if nul != -1:  # UTF-16 without a BOM, a picture, a database: not a table of text
                _binary(res, *line_and_column(data, nul), 0)
                return None
            body = data[len(codecs.BOM_UTF8):] if codec else data
            decoded = decode_lines(body)
            text = decoded.text
            if decoded.unreadable_lines:  # bytes no encoding we read has: say where, read nothing
                lines = named_lines(decoded.unreadable_lines)
                res.fail(Text(
                    f"De tekenset van {name} is niet te bepalen: regel {lines.nl} is geen UTF-8 en geen "
                    "Windows-1252; sla het bestand op als CSV UTF-8.",
                    f"The encoding of {name} cannot be determined: line {lines.en} is neither UTF-8 nor "
                    "Windows-1252; save the file as CSV UTF-8."), "encoding", decoded.unreadable_lines[0])
                return None
            if decoded.legacy_lines and not decoded.utf8_lines and not codec:
                codec = "cp1252"
            else:
                codec = codec or "utf-8"
                if decoded.legacy_lines:
                    lines = named_lines(decoded.legacy_lines)
                    res.warning(decoded.legacy_lines[0], "", Text(
                        f"Regel {lines.nl} is geen UTF-8 zoals de rest van het bestand en is gelezen als "
                        "Windows-1252; controleer de tekst daar en sla het bestand op als CSV UTF-8.",
                        f"Line {lines.en} is not UTF-8 like the rest of the file and was read as "
                        "Windows-1252; check the text there and save the file as CSV UTF-8."),
                        "mixed_encoding")
    text = text.rstrip("\x1a")  # an old DOS end-of-file mark
    raw = data.rstrip(b"\x1a")
    suspicious = codec not in ("utf-8", "utf-8-sig", "cp1252") or raw.translate(None, _NOT_CONTROL) \
        or (codec != "cp1252" and _C1_UTF8.search(raw))  # the same bytes in these: a quick look first
    if suspicious:
        m = _CONTROL.search(text)
        if m:
            _binary(res, *line_and_column(text, m.start()), ord(m.group()))
            return None
    if not text.strip():
        res.fail(Text(f"{name} is leeg.", f"{name} is empty."), "empty")
        return None
    res.encoding = codec
    return text


def _binary(res: ImportResult, line: int, col: int, code: int) -> None:
    """A control character no table of text holds: named by line and place, the file refused."""
    res.fail(Text(
        f"{res.file} is geen tekstbestand (CSV) en geen Excel-werkmap: regel {line}, teken {col} is "
        f"een stuurteken (0x{code:02X}).",
        f"{res.file} is not a text (CSV) file nor an Excel workbook: line {line}, character {col} is "
        f"a control character (0x{code:02X})."), "binary", line)
    return None
