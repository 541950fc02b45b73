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
from collections.abc import Callable, Iterator
from typing import NamedTuple

from meldpunt_gui.imports import chunks
from meldpunt_gui.imports.chunks import (
    StrictError,
    TextSource,
    byte_chunks,
    line_breaks,
    strict_pieces,
    strip_eof,
    whole_lines,
)
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

# the names a user reads for the encodings Python calls them by (check, import, the dialog)
_ENCODING_LABELS = {
    "utf-8": Text("UTF-8", "UTF-8"), "utf-8-sig": Text("UTF-8 met BOM", "UTF-8 with BOM"),
    "utf-16": Text("UTF-16", "UTF-16"), "utf-32": Text("UTF-32", "UTF-32"),
    "cp1252": Text("Windows-1252", "Windows-1252"),
    "utf-16-le": Text("UTF-16 (zonder BOM)", "UTF-16 (without BOM)"),
    "utf-16-be": Text("UTF-16 (zonder BOM)", "UTF-16 (without BOM)"),
}


def encoding_label(name: str, lang: str) -> str:
    """An encoding as users know it ('Windows-1252', not Python's 'cp1252')."""
    label = _ENCODING_LABELS.get(name)
    return label.get(lang) if label is not None else name


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


def _eof_end(data: bytes) -> int:
    """The length of `data` without an old DOS end-of-file mark (trailing \\x1a bytes)."""
    end = len(data)
    while end and data[end - 1] == 0x1A:
        end -= 1
    return end


def _suspicious(chunk: bytes, c1: bool) -> bool:
    """Bytes that may be control characters in the text: a quick look before a regex does."""
    return bool(chunk.translate(None, _NOT_CONTROL)) or (c1 and _C1_UTF8.search(chunk) is not None)


def decode(data: bytes, encoding: str | None, res: ImportResult) -> str | None:
    """`decode_source` as one string, for small files (the events file)."""
    source = decode_source(data, encoding, res)
    return None if source is None else "".join(source.pieces())


def decode_source(data: bytes, encoding: str | None, res: ImportResult,
                  checked: Callable[[int], None] | None = None) -> TextSource | None:
    """The text of a CSV file, or None after recording why it is not text.

    UTF-16/32 need their BOM; UTF-8 (with or without BOM) and Windows-1252 are decided per line by
    `decode_lines`; an encoding the user chose is used strictly, and where it fails the line and
    byte are named. The text is read piece by piece (`chunks`), here once to decide and check,
    then again by whoever walks the TextSource.
    """
    name = res.file
    if len(data) > MAX_FILE_BYTES:
        res.fail(Text(f"{name} is groter dan {MAX_FILE_BYTES >> 20} MB.",
                             f"{name} is larger than {MAX_FILE_BYTES >> 20} MB."), "too_big")
        return None
    codec = ""
    strict: tuple[str, str] | None = None  # the message when a strict decoding fails
    if encoding and _codec_name(encoding) == "utf-16" and \
            not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # "UTF-16" chosen for a file without its BOM: the byte order its NULs show (Python's
        # own guess is the machine's order, which read such a file from byte 1 as garbage)
        encoding = _utf16_without_bom(data) or encoding
    if encoding:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            info = None
        # rot13, hex, zlib and the like are codecs but no character sets: Python cannot decode
        # bytes to text with them (the read ended in an internal TypeError)
        if info is None or not getattr(info, "_is_text_encoding", True):
            res.fail(Text(f"Onbekende tekenset '{encoding}'.", f"Unknown encoding '{encoding}'."),
                            "encoding")
            return None
        codec = info.name
        strict = f"{name} is niet te lezen als {encoding}: regel {{line}}, byte {{col}}.", \
            f"{name} cannot be read as {encoding}: line {{line}}, byte {{col}}."
    else:
        codec = next((enc for bom, enc in _BOMS if data.startswith(bom)), "")
        if codec in ("utf-16", "utf-32"):
            strict = f"{name} begint als {codec.upper()} maar is dat niet: regel {{line}}, byte {{col}}.", \
                f"{name} starts as {codec.upper()} but is not: line {{line}}, byte {{col}}."
        elif not codec and (codec := _utf16_without_bom(data)):
            # some exporters (Java and .NET tools, SQL Server's bcp) leave the BOM out: a NUL
            # beside every character of a table of text says UTF-16 and its byte order
            strict = f"{name} lijkt UTF-16 zonder BOM maar is dat niet: regel {{line}}, byte {{col}}.", \
                f"{name} looks like UTF-16 without a BOM but is not: line {{line}}, byte {{col}}."
    if strict:
        return _decode_strict(data, codec, res, strict, bom=not encoding or codec == "utf-8",
                              checked=checked)
    nul = data.find(b"\x00")
    if nul != -1:  # UTF-16 without a BOM, a picture, a database: not a table of text
        _binary(res, *line_and_column(data, nul), 0)
        return None
    start, end = (len(codecs.BOM_UTF8) if codec else 0), _eof_end(data)
    legacy: list[int] = []
    unreadable: list[int] = []
    utf8 = lines = 0
    quoted, blank, line = False, True, 1
    control: tuple[int, int, int] | None = None  # the first control character: line, place, code
    asked = -chunks.CHECK_BYTES
    for s, e in byte_chunks(data, start, end):
        if checked is not None and s - asked >= chunks.CHECK_BYTES:
            checked(s)
            asked = s
        chunk = data[s:e]
        decoded = decode_lines(chunk, line)
        text = decoded.text
        legacy += decoded.legacy_lines
        unreadable += decoded.unreadable_lines
        utf8 += decoded.utf8_lines
        quoted = quoted or '"' in text or "\u2028" in text or "\u2029" in text
        lines += text.count("\n")
        blank = blank and (not text or text.isspace())
        if control is None and _suspicious(chunk, True):
            m = _CONTROL.search(text)
            if m:
                at_line, col = line_and_column(text, m.start())
                control = (line + at_line - 1, col, ord(m.group()))
        line += line_breaks(chunk)
    if unreadable:  # bytes no encoding we read has: say where, read nothing
        named = named_lines(unreadable)
        res.fail(Text(
            f"De tekenset van {name} is niet te bepalen: regel {named.nl} is geen UTF-8 en geen "
            "Windows-1252; sla het bestand op als CSV UTF-8.",
            f"The encoding of {name} cannot be determined: line {named.en} is neither UTF-8 nor "
            "Windows-1252; save the file as CSV UTF-8."), "encoding", unreadable[0])
        return None
    if legacy and not utf8 and not codec:
        codec = "cp1252"
    else:
        codec = codec or "utf-8"
        if legacy:
            named = named_lines(legacy)
            res.warning(legacy[0], "", Text(
                f"Regel {named.nl} is geen UTF-8 zoals de rest van het bestand en is gelezen als "
                "Windows-1252; controleer de tekst daar en sla het bestand op als CSV UTF-8.",
                f"Line {named.en} is not UTF-8 like the rest of the file and was read as "
                "Windows-1252; check the text there and save the file as CSV UTF-8."),
                "mixed_encoding")
    if not _readable(res, control, blank, codec):
        return None

    def pieces() -> Iterator[str]:
        for s, e in byte_chunks(data, start, end):
            yield decode_lines(data[s:e]).text
    return TextSource(pieces, lines, quoted)


def _codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return ""


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' where the first kilobytes have a NUL in every second byte and
    none in the others (text of Latin letters, digits and separators in UTF-16); else ''."""
    sample = data[:4096]
    sample = sample[:len(sample) - len(sample) % 2]
    pairs = len(sample) // 2
    if not pairs:
        return ""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.9 * pairs and even == 0:
        return "utf-16-le"
    if even >= 0.9 * pairs and odd == 0:
        return "utf-16-be"
    return ""


def _decode_strict(data: bytes, codec: str, res: ImportResult, failed: tuple[str, str],
                   bom: bool, checked: Callable[[int], None] | None = None) -> TextSource | None:
    """Text in one encoding throughout (chosen, or UTF-16/32 by their BOM); `bom`: a leading
    byte order mark is no part of the text."""

    def pieces() -> Iterator[str]:
        first = True
        for piece in strip_eof(whole_lines(strict_pieces(data, codec))):
            if first and bom and piece.startswith("\ufeff"):
                piece = piece[1:]
            first = False
            if piece:
                yield piece

    c1 = codec != "cp1252"
    raw_end = _eof_end(data)
    suspicious = codec not in ("utf-8", "utf-8-sig", "cp1252") or any(
        _suspicious(data[s:e], c1) for s, e in byte_chunks(data, 0, raw_end))
    lines = 0
    quoted, blank, line = False, True, 1
    control: tuple[int, int, int] | None = None
    try:
        done, asked = 0, -chunks.CHECK_BYTES
        for text in pieces():
            if checked is not None and done - asked >= chunks.CHECK_BYTES:
                checked(done)
                asked = done
            done += len(text)
            quoted = quoted or '"' in text or "\u2028" in text or "\u2029" in text
            lines += text.count("\n")
            blank = blank and text.isspace()
            if suspicious and control is None:
                m = _CONTROL.search(text)
                if m:
                    at_line, col = line_and_column(text, m.start())
                    control = (line + at_line - 1, col, ord(m.group()))
            line += line_breaks(text)
    except StrictError as exc:
        at_line, col = line_and_column(data, exc.pos)
        res.fail(Text(failed[0].format(line=at_line, col=col), failed[1].format(line=at_line, col=col)),
                 "encoding", at_line)
        return None
    if not _readable(res, control, blank, codec):
        return None
    return TextSource(pieces, lines, quoted)


def _readable(res: ImportResult, control: tuple[int, int, int] | None, blank: bool, codec: str) -> bool:
    """The verdict after a file is read: a control character makes it binary, nothing but
    blanks makes it empty; otherwise it is text in `codec`."""
    if control is not None:
        _binary(res, *control)
        return False
    if blank:
        res.fail(Text(f"{res.file} is leeg.", f"{res.file} is empty."), "empty")
        return False
    res.encoding = codec
    return True


def _binary(res: ImportResult, line: int, col: int, code: int) -> None:
    """A control character no table of text holds: named by line and place, the file refused."""
    res.fail(Text(
        f"{res.file} is geen tekstbestand (CSV) en geen Excel-werkmap: regel {line}, teken {col} is "
        f"een stuurteken (0x{code:02X}).",
        f"{res.file} is not a text (CSV) file nor an Excel workbook: line {line}, character {col} is "
        f"a control character (0x{code:02X})."), "binary", line)
    return None
