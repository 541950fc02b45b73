"""Stories: curated views (a selection, a view mode, highlighted periods and a short text).

Stories are TOML files, bundled in resources/stories/ and optionally in the user's data folder
(`stories/*.toml`), so staff can add one without touching code. Loading checks every reference
against the dataset and names file and field on a mistake.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from meldpunt_gui.data.file_problems import FileProblem
from meldpunt_gui.files.bounded import ReadRefused, read_bounded
from meldpunt_gui.files.os_reason import os_reason
from meldpunt_gui.model.domain import Dataset, Period, PeriodError, Text
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.model.vocabulary import MODES, YEAR_MAX, YEAR_MIN, Granularity, is_granularity
from meldpunt_gui.text.plain import printable, shown_name
from meldpunt_gui.text.plural import listed

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, as the package it came from
    import tomli as tomllib


class StoryError(ValueError):
    """A story file that was left out: `file`, `line` (None when unknown), `field`, and why
    (`message` in both languages; `reason` is the English one)."""

    def __init__(self, file: str, field: str, reason: str | Text, line: int | None = None):
        message = reason if isinstance(reason, Text) else Text(reason, reason)
        super().__init__(f"{shown_name(file)}: {field}: {message.en}")
        self.file, self.field, self.line, self.message = shown_name(file), field, line, message
        self.reason = message.en

    def format(self, lang: str) -> str:
        return FileProblem(self.file, self.line, self.field, self.message).format(lang)


@dataclass(frozen=True)
class Story:
    id: str
    title: Text
    text: Text
    metrics: tuple[str, ...]
    first_year: int
    last_year: int
    granularity: Granularity = "year"
    mode: str = "absolute"
    base_year: int | None = None
    highlight: tuple[Period, ...] = ()
    show_events: bool = True
    user: bool = False

    def state(self) -> ViewState:
        return ViewState(metrics=self.metrics, first_year=self.first_year,
                         last_year=self.last_year, granularity=self.granularity,
                         show_events=self.show_events, mode=self.mode, base_year=self.base_year,
                         story=self.id)


MAX_STORY_BYTES = 256 << 10  # a story is a page of text; a quarter of a megabyte is plenty
_TOML_LINE = re.compile(r"at line (\d+)")
_TOML_REASONS = (
    ("Invalid value", "geen geldige waarde", "not a valid value"),
    ("Cannot overwrite a value", "een sleutel staat er twee keer in", "a key appears twice"),
    ("Unclosed", "iets wordt niet gesloten (een haakje of aanhalingsteken)",
     "something is not closed (a bracket or quote)"),
    ("Illegal character", "een teken dat in TOML niet mag", "a character TOML does not allow"),
)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Doc:
    """The parsed TOML and its source text, to name a field's line when something is wrong."""

    def __init__(self, name: str, source: str, doc: dict[str, object]) -> None:
        self.name, self.source, self.doc = name, source, doc

    def get(self, key: str, default: object = None) -> object:
        return self.doc.get(key, default)

    def fail(self, key: str, nl: str, en: str) -> StoryError:
        return StoryError(self.name, key, Text(nl, en), self.line_of(key))

    def line_of(self, key: str) -> int | None:
        """The line where `key` is set (`key = ...` or a `[key]` table), if it is plain to see."""
        pattern = re.compile(rf"^\s*(?:{re.escape(key)}\s*=|\[\s*{re.escape(key)}\s*\])", re.M)
        match = pattern.search(self.source)
        return self.source.count("\n", 0, match.start()) + 1 if match else None


def _read(path: Path) -> _Doc:
    try:
        data = read_bounded(path, MAX_STORY_BYTES)
    except ReadRefused as refused:
        raise StoryError(path.name, "", refused.text) from None
    return _parse(data, path.name)


def _parse(data: bytes, name: str) -> _Doc:
    try:
        source = data.decode("utf-8-sig")  # Notepad saves UTF-8 with a byte order mark
    except UnicodeDecodeError as exc:
        raise StoryError(name, "", Text(
            f"het is geen UTF-8-tekst (byte {exc.start}); sla het op als UTF-8",
            f"it is not UTF-8 text (byte {exc.start}); save it as UTF-8")) from None
    try:
        doc = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        why = next(((nl, en) for key, nl, en in _TOML_REASONS if str(exc).startswith(key)),
                   ("geen leesbaar TOML", "not readable TOML"))
        raise StoryError(name, "", Text(*why), int(found.group(1)) if found else None) from None
    except RecursionError:  # arrays nested a thousand deep
        raise StoryError(name, "", Text("te diep geneste lijsten; geen verhaal",
                                        "lists nested too deeply; not a story")) from None
    return _Doc(name, source, doc)


def _text(doc: _Doc, key: str) -> Text:
    value = doc.get(key)
    # a direction override in a title would turn the viewer's own words after it around
    if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and printable(value[k]).strip()
                                              for k in ("nl", "en")):
        raise doc.fail(key, "vraagt een Nederlandse en een Engelse tekst (nl = ..., en = ...)",
                       "needs a Dutch and an English text (nl = ..., en = ...)")
    return Text(printable(value["nl"]).strip(), printable(value["en"]).strip())


def parse_story(path: Path, ds: Dataset, user: bool = False) -> Story:
    """The story in `path`; raises StoryError naming the file, line and field of a mistake."""
    return _story(_read(path), ds, user)


def parse_story_bytes(data: bytes, name: str, ds: Dataset, user: bool = False) -> Story:
    """A story from a file's bytes (a pack member is checked before it is written anywhere)."""
    if len(data) > MAX_STORY_BYTES:
        raise StoryError(name, "", Text(f"groter dan {MAX_STORY_BYTES} bytes; geen verhaal",
                                        f"larger than {MAX_STORY_BYTES} bytes; not a story"))
    return _story(_parse(data, name), ds, user)


STORY_KEYS = ("id", "metrics", "years", "periods", "mode", "base_year", "highlight", "events", "title", "text")


def _unknown_key(doc: _Doc) -> StoryError | None:
    """A key the story format does not have ('modus', 'highlights'): it would be ignored, and
    the story show another view than its author wrote, so it is named with a likely meaning."""
    for key in doc.doc:
        if key in STORY_KEYS:
            continue
        shown = printable(str(key))[:40]
        guess = difflib.get_close_matches(shown.lower().replace("-", "_"), STORY_KEYS, 1, 0.6)
        nl = f"de sleutel '{shown}' bestaat niet in een verhaal" + (f"; bedoeld: {guess[0]}?" if guess else "")
        en = f"the key '{shown}' does not exist in a story" + (f"; did you mean {guess[0]}?" if guess else "")
        return doc.fail(str(key), nl, en)
    return None


def _story(doc: _Doc, ds: Dataset, user: bool) -> Story:
    if (unknown_key := _unknown_key(doc)) is not None:
        raise unknown_key
    sid = doc.get("id", Path(doc.name).stem)
    if not isinstance(sid, str) or not sid.replace("_", "").replace("-", "").isalnum():
        raise doc.fail("id", "gebruik alleen letters, cijfers, - en _",
                       "use letters, digits, - and _ only")
    metrics = doc.get("metrics")
    if not isinstance(metrics, list) or not metrics or not all(isinstance(m, str) for m in metrics):
        raise doc.fail("metrics", "een lijst van reeks-id's is verplicht",
                       "a list of metric ids is required")
    unknown = list(dict.fromkeys(m for m in metrics if m not in ds.metrics))
    if unknown:  # named up to a message's length, the rest counted
        names = listed(unknown)
        many = len(unknown) > 1
        raise doc.fail("metrics", f"onbekende reeks{'en' if many else ''} {names.nl}",
                       f"unknown metric{'s' if many else ''} {names.en}")
    years = doc.get("years")
    if (not isinstance(years, list) or len(years) != 2 or not all(_is_int(y) for y in years)
            or not YEAR_MIN <= years[0] <= years[1] <= YEAR_MAX):
        raise doc.fail("years", "geef [eerste, laatste], bijvoorbeeld [2015, 2024]",
                       "give [first, last], e.g. [2015, 2024]")
    gran = doc.get("periods", "year")
    if not is_granularity(gran):
        raise doc.fail("periods", "'year' of 'half'", "'year' or 'half'")
    mode = doc.get("mode", "absolute")
    if not isinstance(mode, str) or mode not in MODES:
        raise doc.fail("mode", f"een van {', '.join(MODES)}", f"one of {', '.join(MODES)}")
    base = doc.get("base_year")
    if base is not None and (not _is_int(base) or not years[0] <= base <= years[1]):
        raise doc.fail("base_year", "een jaar binnen 'years'", "a year inside 'years'")
    base_year = base if isinstance(base, int) else None
    raw_highlight = doc.get("highlight", [])
    if not isinstance(raw_highlight, list):
        raise doc.fail("highlight", 'een lijst van perioden, bijvoorbeeld ["2022", "2023-H1"]',
                       'a list of periods, e.g. ["2022", "2023-H1"]')
    highlight = []
    for raw in raw_highlight:
        try:
            if not isinstance(raw, str) and not _is_int(raw):
                raise PeriodError(raw)
            highlight.append(Period.parse(str(raw)))
        except PeriodError:
            shown = printable(str(raw))[:40]
            raise doc.fail("highlight", f"'{shown}' is geen jaar of halfjaar",
                           f"'{shown}' is not a year or half-year") from None
    # each period once (a few hundred at most): a file of 35.000 repeats took the window 105 s
    # and 1,4 GB to draw
    highlight = list(dict.fromkeys(highlight))
    outside = [p for p in highlight if not years[0] <= p.year <= years[1]]
    if outside:  # a highlight the chart never shows: the author meant another year
        raise doc.fail("highlight", f"'{outside[0]}' valt buiten years ({years[0]}-{years[1]})",
                       f"'{outside[0]}' lies outside years ({years[0]}-{years[1]})")
    events = doc.get("events", True)
    if not isinstance(events, bool):
        raise doc.fail("events", "true of false", "true or false")
    return Story(sid, _text(doc, "title"), _text(doc, "text"), tuple(dict.fromkeys(metrics)),
                 years[0], years[1], gran, mode, base_year, tuple(highlight), events, user)


def load_stories(ds: Dataset, folders: list[Path]) -> tuple[list[Story], list[StoryError]]:
    """Every story in the folders, in file-name order; a bad user file is reported, not fatal."""
    stories: list[Story] = []
    problems: list[StoryError] = []
    seen: set[str] = set()
    for i, folder in enumerate(folders):
        try:
            paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
        except OSError as exc:  # a folder we may not look into: say so, start anyway
            why = os_reason(exc)
            problems.append(StoryError(folder.name, "", Text(
                f"de map is niet te lezen: {why.nl}", f"the folder cannot be read: {why.en}")))
            continue
        for path in paths:
            try:
                story = parse_story(path, ds, user=i > 0)
            except StoryError as exc:
                problems.append(exc)
                continue
            except Exception as exc:  # a mistake here must cost this story, not the start-up
                problems.append(StoryError(path.name, "", Text(
                    f"kon niet gelezen worden (interne fout: {type(exc).__name__})",
                    f"could not be read (internal error: {type(exc).__name__})")))
                continue
            if story.id in seen:
                problems.append(StoryError(path.name, "id", Text(
                    f"'{story.id}' wordt al door een ander verhaal gebruikt",
                    f"'{story.id}' is used twice")))
                continue
            seen.add(story.id)
            stories.append(story)
    return stories, problems


def story_folders(data_dir: Path | None) -> list[Path]:
    from meldpunt_gui.files.resources import resource_root

    folders = [resource_root() / "stories"]
    if data_dir is not None:
        folders.append(Path(data_dir) / "stories")
    return folders
