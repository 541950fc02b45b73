"""A file's bytes and text in pieces of whole lines, so no step works on the whole file at once.

The window stays responsive while a worker thread reads a file only if the reader gives up the
interpreter now and then; a single call into C (decoding, splitting lines, a regular expression)
over a 20 MB file holds it for tens of milliseconds. So reading goes piece by piece: bytes are
cut after a line end (never inside a CRLF, never inside a character of UTF-8 or Windows-1252,
whose line ends are single ASCII bytes), text from other encodings is decoded incrementally and
cut the same way. The pieces put together are exactly the whole text.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable, Iterator

CHUNK_BYTES = 512 * 1024
# How often deciding the encoding asks whether to go on: asking for every piece (dozens in a
# tenth of a second) made the window wait longer than the pieces themselves.
CHECK_BYTES = 8 << 20


def byte_chunks(data: bytes, start: int = 0, end: int | None = None,
                size: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of pieces of data[start:end], each ending after a line end where
    there is one (LF, or a CR not followed by LF) within `size` bytes (CHUNK_BYTES)."""
    end = len(data) if end is None else end
    size = size or CHUNK_BYTES
    while start < end:
        stop = start + size
        if stop >= end:
            yield start, end
            return
        k = data.rfind(b"\n", start, stop)
        if k != -1:
            stop = k + 1
        else:
            k = data.rfind(b"\r", start, stop - 1)  # data[k + 1] is then no LF: a line end
            if k != -1:
                stop = k + 1
            else:  # one line longer than `size`: up to its end
                nl, cr = data.find(b"\n", stop), data.find(b"\r", stop)
                ends = [e for e in (nl, cr) if e != -1]
                if not ends:
                    yield start, end
                    return
                stop = min(ends) + 1
                if data[stop - 1:stop] == b"\r" and data[stop:stop + 1] == b"\n":
                    stop += 1
                stop = min(stop, end)
        yield start, stop
        start = stop


def line_breaks(data: bytes | str) -> int:
    """Line ends in `data` as bytes.splitlines counts them: LF, CR and CRLF."""
    if isinstance(data, bytes):
        return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
    return data.count("\n") + data.count("\r") - data.count("\r\n")


def whole_lines(pieces: Iterable[str]) -> Iterator[str]:
    """Text pieces re-cut to end at a line end (LF, CR not followed by LF) where possible."""
    rest = ""
    for piece in pieces:
        text = rest + piece if rest else piece
        # after the last LF, or after the last CR that is not the last character (its LF may follow)
        cut = max(text.rfind("\n"), text.rfind("\r", 0, len(text) - 1)) + 1
        if cut:
            yield text[:cut] if cut < len(text) else text
        rest = text[cut:]
    if rest:
        yield rest


def strip_eof(pieces: Iterable[str]) -> Iterator[str]:
    """The pieces with an old DOS end-of-file mark (trailing \\x1a) taken off the whole text."""
    pending = ""
    for piece in pieces:
        if not piece:
            continue
        if pending and not piece.strip("\x1a"):
            pending += piece  # only marks: they may be the end
            continue
        if pending:
            yield pending
        pending = piece
    pending = pending.rstrip("\x1a")
    if pending:
        yield pending


class StrictError(Exception):
    """Decoding with a chosen encoding failed at byte `pos` of the whole data."""

    def __init__(self, pos: int) -> None:
        super().__init__(pos)
        self.pos = pos


def strict_pieces(data: bytes, codec: str, start: int = 0, size: int | None = None) -> Iterator[str]:
    """data[start:] decoded incrementally with `codec`; raises StrictError where it fails."""
    size = size or CHUNK_BYTES
    decoder = codecs.getincrementaldecoder(codec)("strict")
    pos = start
    n = len(data)
    while True:
        stop = min(pos + size, n)
        chunk = data[pos:stop]
        try:
            text = decoder.decode(chunk, final=stop >= n)
        except UnicodeDecodeError as exc:
            pending = len(exc.object) - len(chunk)  # bytes held over from the piece before
            raise StrictError(pos - pending + exc.start) from None
        except UnicodeError:  # a codec that says only that it failed (punycode, idna)
            raise StrictError(pos) from None
        if text:
            yield text
        if stop >= n:
            return
        pos = stop


class TextSource:
    """The text of a file, walked piece by piece (decoded again at each walk, which costs less
    than keeping a second copy of a large file); `lines` and `quoted` are known from the first walk."""

    def __init__(self, pieces: Callable[[], Iterator[str]], lines: int, quoted: bool) -> None:
        self._pieces = pieces
        self.lines = lines  # line ends, LF counted as str.count("\n") counts them
        self.quoted = quoted  # a quote or a Unicode line separator somewhere: the csv module reads it

    def pieces(self) -> Iterator[str]:
        return self._pieces()

    def head(self, n: int) -> str:
        """The first `n` characters (fewer when the text is shorter)."""
        parts: list[str] = []
        got = 0
        for piece in self._pieces():
            parts.append(piece[: n - got])
            got += len(parts[-1])
            if got >= n:
                break
        return "".join(parts)
