"""Events staff add themselves: `events.csv` in the data folder, drawn like the bundled ones.

Columns: date (YYYY, YYYY-MM or YYYY-MM-DD), title_nl, title_en, url (optional), note (optional).
The file is read like an import (bounded, regular files only, the import's encodings: UTF-8 with
or without BOM, UTF-16 with BOM, Windows-1252 as Dutch Excel saves it). A bad row is reported
with file, line and field and left out; the others still show. A quote that is never closed
costs its own line only: a quoted field may span at most a few lines, so it cannot swallow
the rest of the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

from meldpunt_gui.data.file_problems import FileProblem
from meldpunt_gui.files.bounded import ReadRefused, read_bounded
from meldpunt_gui.model.domain import YEAR_MAX, YEAR_MIN, Dataset, Event, Source, Text
from meldpunt_gui.model.overlay import with_observations
from meldpunt_gui.text.plain import printable

FILE_NAME = "events.csv"
MAX_EVENTS_BYTES = 4 << 20  # some thousand events fit in a few hundred kB
MAX_QUOTED_LINES = 20  # a quoted field (a note with line breaks) spans at most this many lines
_DATE = re.compile(r"^([0-9]{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?)?$")  # ASCII digits, as imports
_LINE_END = re.compile(r"\r\n|\r|\n")
_LINE_START = re.compile(r"[0-9]{4}(?:-[0-9]{1,2}){0,2}")
_COLUMNS = {"date": "date", "datum": "date", "title_nl": "title_nl", "titel_nl": "title_nl",
            "title_en": "title_en", "titel_en": "title_en", "url": "url", "note": "note",
            "toelichting": "note"}

EventProblem = FileProblem  # the name this module used to give it
WIDTH = "#cells"  # in a header's roles: how many cells the header line has (no column is named so)


def _text(path: Path) -> tuple[str | None, list[FileProblem]]:
    """The decoded text of the file, or None and why not."""
    try:
        data = read_bounded(path, MAX_EVENTS_BYTES)
    except ReadRefused as refused:
        return None, [FileProblem(path.name, None, "", refused.text)]
    return decode_events(data, path.name)


def decode_events(data: bytes, name: str = FILE_NAME) -> tuple[str | None, list[FileProblem]]:
    """An events file's text in any of the import's encodings, or None and why not (a pack
    adding events decodes the file it adds to with this, so a Windows-1252 or UTF-16 file keeps
    every character)."""
    # the import's decoder (and zipfile with it) only when there is a file: most folders have none
    from meldpunt_gui.imports.files import decode
    from meldpunt_gui.imports.model import ImportResult

    res = ImportResult(file=name)
    text = decode(data, None, res)
    lines = data.split(b"\n") if text is None and any(p.code == "binary" for p in res.problems) else []
    bad = [i for i, line in enumerate(lines, start=1) if b"\x00" in line]
    if bad and len(bad) * 2 < sum(1 for line in lines if line.strip()):
        # a few stray NUL bytes in a text file (a paste from another program): those lines are
        # named and left out, the rest loads, as with any other bad line (UTF-16 without a byte
        # order mark has them on every line and stays refused as a whole)
        kept = b"\n".join(b"" if b"\x00" in line else line for line in lines)
        text = decode(kept, None, ImportResult(file=name))
        if text is not None:
            return text, [FileProblem(name, i, "", Text(
                "de regel bevat een nul-teken (0x00) en is overgeslagen",
                "the line holds a NUL character (0x00) and was left out")) for i in bad]
    if text is None:
        if any(p.code == "empty" for p in res.problems):
            return "", []  # an empty file is no events, not a mistake
        return None, [FileProblem(name, None, "", p.message) for p in res.problems[:1]]
    return text, []


def event_rows(data_dir: Path | None) -> tuple[list[dict[str, str]], list[FileProblem]]:
    """The events `events.csv` holds as rows of its columns (date, title_nl, title_en, url,
    note), as the reader accepts them, and what it left out: a pack copies these, never its
    own reading of the file's lines."""
    events, sources, problems = load_user_events(data_dir)
    urls = {s.id: s.url for s in sources}
    return [{"date": e.date, "title_nl": e.title.nl, "title_en": e.title.en,
             "url": urls.get(e.source, ""), "note": e.note.nl} for e in events], problems


def _records(text: str, sep: str, name: str,
             problems: list[FileProblem]) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) for every non-empty record; a record whose quote never closes is reported
    and only its first line left out."""
    lines = _LINE_END.split(text)
    i = 0
    while i < len(lines):
        start = i
        record = lines[i]
        i += 1
        if not record.strip():
            continue
        while True:
            try:
                rows = list(csv.reader(io.StringIO(record, newline=""), delimiter=sep, strict=True))
                break
            except csv.Error as exc:
                if "unexpected end of data" in str(exc) and i < len(lines) \
                        and i - start < MAX_QUOTED_LINES and not _starts_event(lines[i], sep):
                    record += "\n" + lines[i]
                    i += 1
                    continue
                rows = []
                i = start + 1
                problems.append(FileProblem(name, start + 1, "", _quote_text(str(exc))))
                break
        for cells in rows[:1]:
            yield start + 1, cells


def _starts_event(line: str, sep: str) -> bool:
    """A line that begins with a date and a separator starts an event of its own: it is never
    the rest of a quoted cell left open on the line before."""
    head = line.lstrip(" ").lstrip('"')
    date = _LINE_START.match(head)
    # spaces only: with tabs as the separator, stripping all white space took the tab away
    # too, and two lines with stray quotes were read as one event titled "0<tab>x<newline>2020"
    return date is not None and head[date.end():].lstrip('"').lstrip(" ").startswith(sep)


def _quote_text(reason: str) -> Text:
    if "unexpected end of data" in reason:
        return Text("een aanhalingsteken wordt niet gesloten; de regel is overgeslagen",
                    "a quote is never closed; the line was left out")
    if "field limit" in reason:
        return Text("een cel is langer dan 128 kB; de regel is overgeslagen",
                    "a cell is longer than 128 kB; the line was left out")
    return Text("een aanhalingsteken midden in een cel; zet de hele cel tussen aanhalingstekens "
                "en verdubbel het aanhalingsteken erin; de regel is overgeslagen",
                "a quote in the middle of a cell; put the whole cell in quotes and double the "
                "quote inside it; the line was left out")


def load_user_events(data_dir: Path | None) -> tuple[list[Event], list[Source], list[FileProblem]]:
    """The events in `events.csv` of the data folder, their sources, and what was left out."""
    if data_dir is None:
        return [], [], []
    path = Path(data_dir) / FILE_NAME
    if not path.exists() and not path.is_symlink():
        return [], [], []
    text, problems = _text(path)
    if not text:
        return [], [], problems
    events: list[Event] = []
    sources: list[Source] = []
    first = next((line for line in _LINE_END.split(text, maxsplit=50) if line.strip()), "")
    sep = max(("\t", ";", ","), key=first.count)  # the header line decides the separator
    records = _records(text, sep, path.name, problems)
    header: dict[str, int] | None = None
    for number, cells in records:
        if header is None:
            header = _header(cells, path.name, number, problems)
            if header is None:
                problems.append(FileProblem(path.name, number, "", Text(
                    "geen kopregel; de eerste regel moet de kolommen noemen: "
                    "date;title_nl;title_en;url;note. Er is niets geladen",
                    "no header row; the first line must name the columns: "
                    "date;title_nl;title_en;url;note. Nothing was loaded")))
                return [], [], problems
            continue
        event = _event(cells, header, number, path.name, problems)
        if event is not None:
            events.append(event[0])
            sources.append(event[1])
    return events, sources, problems


def _on_the_calendar(match: re.Match[str]) -> bool:
    """A full date must be a day that exists (2021-02-30 is none)."""
    year, month, day = match.groups()
    if day is None:
        return True
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _header(cells: list[str], name: str = FILE_NAME, line: int = 1,
            problems: list[FileProblem] | None = None) -> dict[str, int] | None:
    """Column role -> index, when the cells are our header (date and title_nl at least), and
    WIDTH -> its number of cells; a column named twice is said (the first is read)."""
    roles: dict[str, int] = {}
    for i, cell in enumerate(cells):
        text = cell.strip().lstrip("\ufeff").strip()
        role = _COLUMNS.get(text.lower())
        if role and role in roles and problems is not None:
            problems.append(FileProblem(name, line, text[:40], Text(
                f"de kolom staat er twee keer in; de eerste (kolom {roles[role] + 1}) wordt gelezen",
                f"the column is there twice; the first (column {roles[role] + 1}) is read")))
        elif role:
            roles[role] = i
    if not {"date", "title_nl"} <= roles.keys():
        return None
    roles[WIDTH] = len(cells)
    return roles


def header_roles(line: str) -> tuple[str, dict[str, int] | None]:
    """The separator of an events file's header line and its column roles (date, title_nl, ...
    -> index), found as the reader finds them; None when the reader would not take the line
    as its header. A pack adding events writes them into these columns."""
    sep = max(("\t", ";", ","), key=line.count)
    try:
        cells = next(csv.reader(io.StringIO(line, newline=""), delimiter=sep, strict=True), [])
    except csv.Error:
        return sep, None
    roles = _header(cells)
    if roles is not None:
        roles.pop(WIDTH)
    return sep, roles


def _event(cells: list[str], header: dict[str, int], number: int, name: str,
           problems: list[FileProblem]) -> tuple[Event, Source] | None:
    def bad(field: str, nl: str, en: str) -> None:
        problems.append(FileProblem(name, number, field, Text(nl, en)))

    width = max(header[WIDTH], max(i for r, i in header.items() if r != WIDTH) + 1)
    if len(cells) > width and any(c.strip() for c in cells[width:]):
        bad("", f"de regel heeft {len(cells)} cellen, de kopregel {width}; staat er een "
                 "scheidingsteken in een titel? Zet die titel tussen aanhalingstekens",
            f"the line has {len(cells)} cells, the header {width}; is there a separator in a "
            "title? Put that title in quotes")
        return None

    def cell(role: str) -> str:
        i = header.get(role)
        raw = cells[i].strip() if i is not None and i < len(cells) else ""
        text = printable(raw)
        if text != raw:  # a direction override would turn the viewer's own text around it
            bad(role, "onzichtbare stuur- of richtingstekens weggelaten",
                "invisible control or direction characters left out")
        return text

    date = cell("date")
    match = _DATE.match(date)
    if not match or not YEAR_MIN <= int(match.group(1)) <= YEAR_MAX or not _on_the_calendar(match):
        bad("date", f"'{date}' is geen datum (JJJJ, JJJJ-MM of JJJJ-MM-DD)",
            f"'{date}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return None
    title_nl = cell("title_nl")
    title_en = cell("title_en") or title_nl
    if not title_nl:
        bad("title_nl", "een titel is verplicht", "a title is required")
        return None
    url = cell("url")
    if url and not url[:8].lower().startswith(("http://", "https://")):
        bad("url", "een adres begint met http:// of https://",
            "an address starts with http:// or https://")
        return None
    note = cell("note")
    source_id = f"user-event-{number}"
    source = Source(source_id, "eigen invoer", title_nl, url, date, False, True)
    return (Event(f"user-{number}", date, int(match.group(1)), Text(title_nl, title_en),
                  source_id, (), Text(note, note)), source)


def with_user_events(ds: Dataset, data_dir: Path | None) -> tuple[Dataset, list[FileProblem]]:
    events, sources, problems = load_user_events(data_dir)
    if not events:
        return ds, problems
    merged = with_observations(ds, [], sources=sources)
    merged.events = [*ds.events, *events]
    return merged, problems
