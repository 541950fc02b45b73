"""Reading in pieces gives exactly what reading the whole file gives: text, line numbers, the
encoding decided per line, rows, problems; for any place the pieces are cut (CRLF and UTF-8
characters split by the cut, Windows-1252 lines among UTF-8 ones)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures.sample_dataset import small_dataset
from meldpunt_gui.imports import chunks
from meldpunt_gui.imports.chunks import byte_chunks, strict_pieces, whole_lines
from meldpunt_gui.imports.encoding import decode_lines
from meldpunt_gui.imports.reader import read_import_data
from meldpunt_gui.imports.rowset import Rows

DS = small_dataset()
# bytes lines are made of: ASCII, line ends of every kind, UTF-8 characters of 2-4 bytes,
# Windows-1252 letters (not UTF-8), a byte neither reads (0x81)
PARTS = st.sampled_from([b"a", b";", b"1", b"\r", b"\n", b"\r\n", b'"', "é".encode(), "€".encode(),
                         "𝄞".encode(), b"\xe9", b"\x80", b"\x81", b" "])
DATA = st.lists(PARTS, max_size=60).map(b"".join)


def _decoded_in_pieces(data: bytes, size: int) -> tuple[str, list[int], int, list[int]]:
    text, legacy, unreadable, utf8, line = [], [], [], 0, 1
    for s, e in byte_chunks(data, size=size):
        d = decode_lines(data[s:e], line)
        text.append(d.text)
        legacy += d.legacy_lines
        unreadable += d.unreadable_lines
        utf8 += d.utf8_lines
        line += chunks.line_breaks(data[s:e])
    return "".join(text), legacy, min(utf8, 1), unreadable


@settings(max_examples=400, deadline=None)
@given(DATA, st.integers(1, 12))
def test_byte_pieces_end_at_line_ends_and_decode_as_the_whole(data, size):
    cuts = list(byte_chunks(data, size=size))
    assert b"".join(data[s:e] for s, e in cuts) == data
    for s, e in cuts[:-1]:
        piece = data[s:e]
        assert piece.endswith(b"\n") or (piece.endswith(b"\r") and data[e:e + 1] != b"\n")
    whole = decode_lines(data)
    text, legacy, utf8, unreadable = _decoded_in_pieces(data, size)
    assert (text, legacy, unreadable) == (whole.text, whole.legacy_lines, whole.unreadable_lines)
    assert utf8 == min(whole.utf8_lines, 1)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "\r", "\n", "\r\n", "é", ";"]), max_size=40).map("".join),
       st.lists(st.integers(0, 40), max_size=6))
def test_text_pieces_recut_at_line_ends(text, cuts):
    bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:])]
    out = list(whole_lines(pieces))
    assert "".join(out) == text
    for piece in out[:-1]:
        assert piece.endswith("\n") or piece.endswith("\r")
    assert sum(len(p.splitlines()) for p in out) == len(text.splitlines())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab;\r\né€𝄞\u2028", max_size=50), st.integers(1, 9),
       st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-32"]))
def test_strict_decoding_in_pieces_is_the_whole_decoding(text, size, codec):
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    assert "".join(strict_pieces(data, codec, size=size)) == data.decode(codec)


def _result(data: bytes, **options):
    res = read_import_data(data, "cijfers.csv", DS, **options)
    rows = [(r.line, r.cell, r.metric, str(r.period), r.value, r.approximate, r.note, r.status)
            for r in res.rows]
    problems = [(p.line, p.column, p.code, p.message.en) for p in res.problems]
    return rows, problems, res.encoding, res.delimiter, res.number_style, res.error_count


LINES = st.sampled_from([
    "hotline_reports;2021;1.234", "hotline_reports;2022;1.300\r", "removed_urls;2021;12,5",
    "removed_urls;2022;\"13,5\"", "Chats;2023;12;meldingen", "Chats;2024;1.500;meldingen",
    "hotline_reports;2023;-5", "nl_share_pct;2022;140", "onbekend;2021;4", "removed_urls;2021;12,5",
    "Chats;2024;café", "", "hotline_reports;2024;2.000", "a\u2028b;2021;3",
])
ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(LINES, ENDINGS, st.sampled_from(["utf-8", "cp1252"])), max_size=14),
       st.integers(1, 40), st.sampled_from([None, "cp1252", "utf-8"]), st.booleans())
def test_reading_in_small_pieces_gives_what_reading_at_once_gives(lines, size, encoding, sep):
    head = ("sep=;\r\n" if sep else "") + "metriek;periode;waarde;eenheid\r\n"
    data = head.encode() + b"".join((text + end).encode(enc, "replace") for text, end, enc in lines)
    original = chunks.CHUNK_BYTES
    try:
        chunks.CHUNK_BYTES = 1 << 30  # the whole file as one piece
        whole = _result(data, encoding=encoding)
        chunks.CHUNK_BYTES = size
        pieces = _result(data, encoding=encoding)
    finally:
        chunks.CHUNK_BYTES = original
    assert pieces == whole


def test_rows_keep_columns_and_read_as_import_rows():
    res = read_import_data(b"metriek;periode;waarde;bron\nhotline_reports;2021;1234;CBS\n"
                           b"hotline_reports;2021;1234;CBS\nremoved_urls;2022;12,5;\n",
                           "c.csv", DS)
    assert isinstance(res.rows, Rows) and len(res.rows) == 2
    first, second = res.rows
    assert (first.metric, str(first.period), first.value, first.line, first.publisher) == \
        ("hotline_reports", "2021", 1234.0, 2, "CBS")
    assert (second.metric, str(second.period), second.value, second.line) == ("removed_urls", "2022", 12.5, 4)
    assert res.rows[-1] == second and res.rows[:1] == [first] and "repeated" in res.codes


def test_progress_is_asked_per_piece_while_the_encoding_is_decided(monkeypatch):
    monkeypatch.setattr(chunks, "CHUNK_BYTES", 64)
    monkeypatch.setattr(chunks, "CHECK_BYTES", 64)
    data = b"metriek;periode;waarde\n" + b"".join(b"hotline_reports;%d;%d\n" % (1990 + i, i + 1)
                                                  for i in range(100))
    seen: list[float] = []
    res = read_import_data(data, "c.csv", DS, progress=lambda f: seen.append(f) is None)
    assert len(res.rows) == 100 and not res.has_errors
    assert len([f for f in seen if f < 0.05]) >= len(data) // 128 and seen == sorted(seen)
    stopped = read_import_data(data, "c.csv", DS, progress=lambda f: False)
    assert stopped.unusable and stopped.codes == {"cancelled"} and not stopped.rows
