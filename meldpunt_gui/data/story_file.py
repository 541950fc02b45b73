"""Saving the current view as a story file of the user's own ("Bewaar als verhaal").

The file is the same TOML the curated stories use, written to `stories/` in the data folder, so
it appears in the Verhalen menu, `meldpunt list-stories` and data packs like any other. The
standard library reads TOML but does not write it; the few keys a story has are written here,
with every string escaped as TOML's basic strings require, and the file is read back through
the story parser before it counts as saved.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from meldpunt_gui.data.stories import Story, StoryError, parse_story_bytes
from meldpunt_gui.files.portable_names import reserved_on_windows
from meldpunt_gui.files.safewrite import write_atomic
from meldpunt_gui.imports.header import slug
from meldpunt_gui.model.domain import Dataset, Period, Text
from meldpunt_gui.model.view import ViewState, year_range
from meldpunt_gui.text.plain import printable

MAX_TITLE = 200
MAX_TEXT = 20_000
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


class StorySaveError(Exception):
    """A story that cannot be saved; `message` says why, nl and en."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


def toml_string(text: str) -> str:
    """`text` as a TOML basic string: quotes, backslashes and every control character escaped."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif 0xD800 <= ord(ch) <= 0xDFFF:  # a lone surrogate is no character TOML (or UTF-8) can hold
            out.append("\\uFFFD")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def story_toml(story_id: str, title: Text, text: Text, state: ViewState, years: tuple[int, int],
               highlight: Iterable[Period] = ()) -> str:
    lines = [
        f"id = {toml_string(story_id)}",
        "metrics = [" + ", ".join(toml_string(m) for m in state.metrics) + "]",
        f"years = [{int(years[0])}, {int(years[1])}]",
        f"periods = {toml_string(state.granularity)}",
        f"mode = {toml_string(state.mode)}",
    ]
    if state.mode == "index" and state.base_year is not None and years[0] <= state.base_year <= years[1]:
        lines.append(f"base_year = {int(state.base_year)}")
    lines.append("highlight = [" + ", ".join(toml_string(str(p)) for p in highlight) + "]")
    lines.append(f"events = {'true' if state.show_events else 'false'}")
    for table, value in (("title", title), ("text", text)):
        lines += ["", f"[{table}]", f"nl = {toml_string(value.nl)}", f"en = {toml_string(value.en)}"]
    return "\n".join(lines) + "\n"


def new_story_id(title: str, taken: Iterable[str]) -> str:
    """An id (and file name) from the title: letters, digits and '-', unique among `taken`."""
    base = slug(title).replace("_", "-")[:60].strip("-") or "verhaal"
    if reserved_on_windows(base):  # "Con" would be con.toml, which Windows cannot hold
        base = f"{base}-verhaal"
    used = set(taken)
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def parse_highlight(text: str) -> tuple[Period, ...]:
    """'2022, 2023-H1' -> periods; raises StorySaveError naming the bad entry."""
    out = []
    for raw in text.replace(";", ",").split(","):
        if raw.strip():
            try:
                out.append(Period.parse(raw.strip()))
            except ValueError:
                shown = raw.strip()[:20]
                raise StorySaveError(Text(f"'{shown}' is geen jaar of halfjaar (zoals 2022 of 2023-H1).",
                                          f"'{shown}' is not a year or half-year (such as 2022 or 2023-H1).")
                                     ) from None
    return tuple(out)


def save_story(data_dir: str | os.PathLike[str], ds: Dataset, state: ViewState, title: str, text: str,
               highlight: Iterable[Period] = (), taken: Iterable[str] = ()) -> Story:
    """Write the view as `stories/<id>.toml` in the data folder (a safe write) and return it as
    read back. The user's own title and text serve both languages."""
    title, text = " ".join(printable(title).split())[:MAX_TITLE], printable(text).strip()[:MAX_TEXT]
    if not title or not text:
        raise StorySaveError(Text("Geef het verhaal een titel en een tekst.",
                                  "Give the story a title and a text."))
    if not state.metrics:
        raise StorySaveError(Text("Kies eerst een of meer reeksen.", "Choose one or more series first."))
    folder = Path(data_dir) / "stories"
    existing = {p.stem for p in folder.glob("*.toml")} if folder.is_dir() else set()
    story_id = new_story_id(title, {*existing, *taken})
    body = story_toml(story_id, Text(title, title), Text(text, text), state, year_range(ds, state),
                      tuple(highlight)).encode("utf-8")
    name = f"{story_id}.toml"
    try:
        story = parse_story_bytes(body, name, ds, user=True)
    except StoryError as exc:  # a view the story format cannot hold: say so, write nothing
        raise StorySaveError(Text(f"Deze weergave kan geen verhaal worden: {exc.field}: {exc.message.nl}.",
                                  f"This view cannot become a story: {exc.field}: {exc.message.en}.")) from None
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / name, body, own=True)
    return story
