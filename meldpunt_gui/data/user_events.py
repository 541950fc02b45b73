"""Events staff add themselves: `events.csv` in the data folder, drawn like the bundled ones.

Columns: date (YYYY, YYYY-MM or YYYY-MM-DD), title_nl, title_en, url (optional), note (optional).
A bad row is reported with file, line and field and left out; the others still show.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from meldpunt_gui.model.domain import YEAR_MAX, YEAR_MIN, Dataset, Event, Source, Text

FILE_NAME = "events.csv"
_DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")


@dataclass(frozen=True)
class EventProblem:
    file: str
    line: int
    field: str
    message: Text

    def format(self, lang: str) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message.get(lang)}"


def load_user_events(data_dir: Path | None) -> tuple[list[Event], list[Source], list[EventProblem]]:
    if data_dir is None or not (Path(data_dir) / FILE_NAME).is_file():
        return [], [], []
    path = Path(data_dir) / FILE_NAME
    events, sources, problems = [], [], []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return [], [], [EventProblem(path.name, 0, "-", Text(
            "het bestand is niet te lezen als UTF-8-tekst", "the file cannot be read as UTF-8 text"))]
    header = text.splitlines()[0] if text else ""
    sep = max(("\t", ";", ","), key=header.count)  # the header line decides the separator
    reader = csv.DictReader(text.splitlines(), delimiter=sep)
    for number, row in enumerate(reader, start=2):
        def bad(field: str, nl: str, en: str, number: int = number) -> None:
            problems.append(EventProblem(path.name, number, field, Text(nl, en)))

        date = (row.get("date") or row.get("datum") or "").strip()
        match = _DATE.match(date)
        if not match or not YEAR_MIN <= int(match.group(1)) <= YEAR_MAX:
            bad("date", f"'{date}' is geen datum (JJJJ, JJJJ-MM of JJJJ-MM-DD)",
                f"'{date}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            continue
        title_nl = (row.get("title_nl") or row.get("titel_nl") or "").strip()
        title_en = (row.get("title_en") or row.get("titel_en") or "").strip() or title_nl
        if not title_nl:
            bad("title_nl", "een titel is verplicht", "a title is required")
            continue
        url = (row.get("url") or "").strip()
        if url and not url.startswith(("http://", "https://")):
            bad("url", "een adres begint met http:// of https://",
                "an address starts with http:// or https://")
            continue
        note = (row.get("note") or row.get("toelichting") or "").strip()
        source_id = f"user-event-{number}"
        sources.append(Source(source_id, "eigen invoer", title_nl, url, date, False, True))
        events.append(Event(f"user-{number}", date, int(match.group(1)), Text(title_nl, title_en),
                            source_id, (), Text(note, note)))
    return events, sources, problems


def with_user_events(ds: Dataset, data_dir: Path | None) -> tuple[Dataset, list[EventProblem]]:
    events, sources, problems = load_user_events(data_dir)
    if not events:
        return ds, problems
    merged = ds.with_observations([], sources=sources)
    merged.events = [*ds.events, *events]
    return merged, problems
