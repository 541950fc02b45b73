"""Stories: curated views (a selection, a view mode, highlighted periods and a short text).

Stories are TOML files, bundled in resources/stories/ and optionally in the user's data folder
(`stories/*.toml`), so staff can add one without touching code. Loading checks every reference
against the dataset and names file and field on a mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tomllib

from meldpunt_gui.model.domain import Dataset, Period, PeriodError, Text
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.model.vocabulary import MODES, YEAR_MAX, YEAR_MIN


class StoryError(ValueError):
    def __init__(self, file: str, field: str, reason: str):
        super().__init__(f"{file}: {field}: {reason}")
        self.file, self.field, self.reason = file, field, reason


@dataclass(frozen=True)
class Story:
    id: str
    title: Text
    text: Text
    metrics: tuple[str, ...]
    first_year: int
    last_year: int
    granularity: str = "year"
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


def _text(doc: dict, key: str, file: str) -> Text:
    value = doc.get(key)
    if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value.get(k).strip()
                                              for k in ("nl", "en")):
        raise StoryError(file, key, "needs a Dutch and an English text (nl = ..., en = ...)")
    return Text(value["nl"].strip(), value["en"].strip())


def parse_story(path: Path, ds: Dataset, user: bool = False) -> Story:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoryError(path.name, "-", f"not a readable TOML file ({exc})") from None
    return parse_story_bytes(data, path.name, ds, user)


def parse_story_bytes(data: bytes, name: str, ds: Dataset, user: bool = False) -> Story:
    """A story from a file's bytes (a pack member is checked before it is written anywhere)."""
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise StoryError(name, "-", f"not a readable TOML file ({exc})") from None
    sid = doc.get("id", Path(name).stem)
    if not isinstance(sid, str) or not sid.replace("_", "").replace("-", "").isalnum():
        raise StoryError(name, "id", "use letters, digits, - and _ only")
    metrics = doc.get("metrics")
    if not isinstance(metrics, list) or not metrics or not all(isinstance(m, str) for m in metrics):
        raise StoryError(name, "metrics", "a list of metric ids is required")
    unknown = [m for m in metrics if m not in ds.metrics]
    if unknown:
        raise StoryError(name, "metrics", f"unknown metric {', '.join(unknown)}")
    years = doc.get("years")
    if (not isinstance(years, list) or len(years) != 2 or not all(isinstance(y, int) for y in years)
            or not YEAR_MIN <= years[0] <= years[1] <= YEAR_MAX):
        raise StoryError(name, "years", "give [first, last], e.g. [2015, 2024]")
    gran = doc.get("periods", "year")
    if gran not in ("year", "half"):
        raise StoryError(name, "periods", "'year' or 'half'")
    mode = doc.get("mode", "absolute")
    if mode not in MODES:
        raise StoryError(name, "mode", f"one of {', '.join(MODES)}")
    base = doc.get("base_year")
    if base is not None and (not isinstance(base, int) or not years[0] <= base <= years[1]):
        raise StoryError(name, "base_year", "a year inside 'years'")
    highlight = []
    for raw in doc.get("highlight", []):
        try:
            highlight.append(Period.parse(str(raw)))
        except PeriodError:
            raise StoryError(name, "highlight", f"'{raw}' is not a year or half-year") from None
    return Story(sid, _text(doc, "title", name), _text(doc, "text", name), tuple(metrics),
                 years[0], years[1], gran, mode, base, tuple(highlight),
                 bool(doc.get("events", True)), user)


def load_stories(ds: Dataset, folders: list[Path]) -> tuple[list[Story], list[StoryError]]:
    """Every story in the folders, in file-name order; a bad user file is reported, not fatal."""
    stories: list[Story] = []
    problems: list[StoryError] = []
    seen: set[str] = set()
    for i, folder in enumerate(folders):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                story = parse_story(path, ds, user=i > 0)
            except StoryError as exc:
                problems.append(exc)
                continue
            if story.id in seen:
                problems.append(StoryError(path.name, "id", f"'{story.id}' is used twice"))
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
