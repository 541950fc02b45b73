"""A pack's events added to the data folder's events.csv, so that the events reader reads them
back as they were sent and every event the file held stays as it was.

The file's own header decides where each value goes, found as the reader finds it: the first
line that is not blank, its names in any case ("Date;Title_NL"), a byte order mark before it.
A column the header lacks (a file of only date;title_nl) is added at its end, so no English
title, link or note is dropped. What is written is read back with the events reader; unless it
gives the file's events followed by the pack's, nothing is written and the summary says why.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path

from meldpunt_gui.data.user_events import FILE_NAME as EVENTS_NAME
from meldpunt_gui.data.user_events import decode_events, event_rows, header_roles
from meldpunt_gui.model.domain import Text

COLUMNS = ("date", "title_nl", "title_en", "url", "note")
_LINE = re.compile(r"[^\r\n]*(\r\n|\r|\n|$)")  # a line with its own ending, as the reader splits
_BOM = b"\xef\xbb\xbf"


class EventsRefused(Exception):
    """The pack's events cannot be added to this events.csv; `text` says why, naming the files."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def _decoded(existing: bytes) -> tuple[str, bool]:
    """The file's text as the events reader decodes it, and whether it was plain UTF-8."""
    if not existing:
        return "", True
    try:
        return existing.decode("utf-8-sig").lstrip("\ufeff"), True
    except UnicodeDecodeError:
        text, _problems = decode_events(existing)
        if text is None:
            raise EventsRefused(Text(f"{EVENTS_NAME} in de gegevensmap is niet te lezen.",
                                     f"{EVENTS_NAME} in the data folder cannot be read.")) from None
        return text.lstrip("\ufeff"), False


def _read_back(data: bytes) -> list[dict[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:  # the very reader the window starts with
        (Path(tmp) / EVENTS_NAME).write_bytes(data)
        return event_rows(Path(tmp))[0]


def events_bytes(existing: bytes, rows: list[dict[str, str]], pack_file: str) -> tuple[bytes, list[str]]:
    """The data folder's events file (`existing`, b"" when there is none) with `rows` added in
    its own separator and line ends, and the columns its header gained. Decoded as the events
    reader decodes it (Windows-1252, UTF-16 or UTF-8) and written back as UTF-8, with a byte order
    mark where it was not plain UTF-8, so Excel still opens it right. Raises EventsRefused."""
    text, plain_utf8 = _decoded(existing)
    lines = [m for m in _LINE.finditer(text) if m.group()]
    first = next((m for m in lines if m.group().strip()), None)
    added: list[str] = []
    roles: dict[str, int] | None
    if first is None:  # no file, or blank lines only: a file of our own columns
        sep, eol, body = ";", "\n", ""
        roles = {c: i for i, c in enumerate(COLUMNS)}
        head = sep.join(COLUMNS)
        start = end = 0
    else:
        line = first.group().rstrip("\r\n")
        sep, roles = header_roles(line)
        if roles is None:
            raise EventsRefused(Text(
                f"{EVENTS_NAME} in de gegevensmap heeft geen kopregel die de viewer leest "
                f"(date;title_nl;title_en;url;note); de gebeurtenissen uit {pack_file} zijn niet toegevoegd.",
                f"{EVENTS_NAME} in the data folder has no header row the viewer reads "
                f"(date;title_nl;title_en;url;note); the events from {pack_file} were not added."))
        added = [c for c in COLUMNS if c not in roles]
        head = line + "".join(sep + c for c in added)
        roles = header_roles(head)[1] or {}
        eol = first.group()[len(line):] or "\n"
        start, end, body = first.start(), first.start() + len(line), text
    width = max(roles.values()) + 1
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator=eol)
    for row in rows:
        cells = [""] * width
        for column in COLUMNS:
            cells[roles[column]] = row.get(column, "")
        writer.writerow(cells)
    kept = body[:start] + head + (eol if first is None else "") + body[end:]
    if not kept.endswith(("\n", "\r")):
        kept += eol
    bom = existing.startswith(_BOM) or not plain_utf8
    data = (("\ufeff" if bom else "") + kept + buf.getvalue()).encode("utf-8")
    if _read_back(data) != _read_back(existing) + rows:
        raise EventsRefused(Text(
            f"De gebeurtenissen uit {pack_file} zijn niet toegevoegd: in {EVENTS_NAME} van de gegevensmap "
            "zouden zij of de gebeurtenissen die er al staan anders gelezen worden dan ze zijn. Voeg ze "
            "met de hand toe.",
            f"The events from {pack_file} were not added: in {EVENTS_NAME} of the data folder they, or "
            "the events already there, would be read otherwise than they are. Add them by hand."))
    return data, added
