"""Taking a verified pack into the data folder: figures through the store, stories and events beside.

The figures are one import in the store's log (so they are listed and undone like a CSV import);
the stories and events are copied into the data folder only after the figures are stored, and a
failure there undoes the import, so a pack lands whole or not at all. Nothing already there is
overwritten: a story file of the same name or id, or an event already listed, is left as it is
and named in the summary.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from meldpunt_gui.data.store import ImportRecord, UserStore
from meldpunt_gui.data.stories import StoryError, load_stories, parse_story_bytes, story_folders
from meldpunt_gui.data.user_events import FILE_NAME as EVENTS_NAME
from meldpunt_gui.data.user_events import EventProblem, event_rows
from meldpunt_gui.exports.pack import MAX_EVENTS_BYTES, read_small
from meldpunt_gui.files.portable_names import reserved_on_windows
from meldpunt_gui.files.safewrite import SaveError, write_atomic
from meldpunt_gui.imports.model import ImportResult
from meldpunt_gui.imports.pack import EVENTS, Pack
from meldpunt_gui.imports.pack_events import EventsRefused, events_bytes
from meldpunt_gui.model.domain import Dataset, Text
from meldpunt_gui.model.overlay import with_observations


@dataclass
class Extras:
    """What the pack's stories and events would add, and what is left out (with why)."""

    stories: list[tuple[str, bytes]] = field(default_factory=list)
    events: list[dict[str, str]] = field(default_factory=list)
    skipped: list[Text] = field(default_factory=list)
    # what importing does to the user's own files beyond adding (events.csv gaining columns):
    # said, but nothing of the pack is left out for it
    notes: list[Text] = field(default_factory=list)

    @property
    def partly(self) -> bool:
        """Something of the pack is left out (named in `skipped`): it is imported in part, which
        the command line says in its exit code."""
        return bool(self.skipped)


@dataclass(frozen=True)
class Applied:
    record: ImportRecord | None
    stories: tuple[str, ...]
    events: int


def _key(row: dict[str, str]) -> tuple[str, str]:
    return row.get("date", ""), row.get("title_nl", "")


def plan_extras(pack: Pack, dataset: Dataset, res: ImportResult, data_dir: Path) -> Extras:
    """Check the pack's stories and events against what the data folder already holds."""
    out = Extras()
    checked = with_observations(dataset, [], res.metrics.values())  # stories may use the pack's series
    known = {s.id for s in load_stories(checked, story_folders(data_dir))[0]}
    for name, data in sorted(pack.stories.items()):
        shown = f"{pack.file}/stories/{name}"
        if reserved_on_windows(name):
            out.skipped.append(Text(
                f"{shown}: Windows kan geen bestand met deze naam bewaren; niet overgenomen. Vraag de "
                "afzender het verhaal onder een andere titel te bewaren.",
                f"{shown}: Windows cannot keep a file of this name; not taken in. Ask the sender to "
                "save the story under another title."))
            continue
        try:
            story = parse_story_bytes(data, name, checked, user=True)
        except StoryError as exc:
            where = f"{shown}:{exc.line}" if exc.line else shown
            field_ = f" {exc.field}:" if exc.field else ""
            out.skipped.append(Text(f"{where}:{field_} {exc.message.nl}; het verhaal is niet overgenomen.",
                                    f"{where}:{field_} {exc.message.en}; the story was not taken in."))
            continue
        target = data_dir / "stories" / name
        if target.exists() or story.id in known:
            if read_small(target, len(data)) != data:
                out.skipped.append(Text(f"{shown}: er is al een verhaal '{story.id}'; niet overschreven.",
                                        f"{shown}: a story '{story.id}' exists already; not overwritten."))
            continue
        known.add(story.id)
        out.stories.append((name, data))
    events = pack.members.get(EVENTS)
    if events and not _events_readable(data_dir):
        out.skipped.append(Text(
            f"{EVENTS_NAME} in de gegevensmap is niet te lezen; de gebeurtenissen uit {pack.file} zijn "
            "niet toegevoegd.",
            f"{EVENTS_NAME} in the data folder cannot be read; the events from {pack.file} were not added."))
    elif events:
        out.events, problems = _new_events(events, data_dir)
        out.skipped += [Text(f"{pack.file}/{p.format('nl')}", f"{pack.file}/{p.format('en')}")
                        for p in problems]
        if out.events:  # said now, in the summary, what adding them will do to the user's file
            try:
                _data, added = events_bytes(_existing_events(data_dir), out.events, pack.file)
            except EventsRefused as refused:
                out.skipped.append(refused.text)
                out.events = []
            else:
                if added:
                    names = ", ".join(added)
                    out.notes.append(Text(
                        f"{EVENTS_NAME} in de gegevensmap krijgt de kolommen {names} erbij, voor de "
                        f"gebeurtenissen uit {pack.file}.",
                        f"{EVENTS_NAME} in the data folder gains the columns {names}, for the events "
                        f"from {pack.file}."))
    return out


def _existing_events(data_dir: Path) -> bytes:
    return read_small(data_dir / EVENTS_NAME, MAX_EVENTS_BYTES) or b""


def _events_readable(data_dir: Path) -> bool:
    """False when an events file is there but too large or not a file: it is never replaced."""
    path = data_dir / EVENTS_NAME
    return not (path.exists() or path.is_symlink()) or read_small(path, MAX_EVENTS_BYTES) is not None


def _new_events(data: bytes, data_dir: Path) -> tuple[list[dict[str, str]], list[EventProblem]]:
    """The pack's events the events reader accepts and the data folder does not list yet, read by
    that same reader (a row count of its own drifted from the reader's line numbers at a blank
    line or a title over two lines, and copied a bad row while dropping a good one)."""
    with tempfile.TemporaryDirectory() as tmp:  # the same reader and rules as the data folder's file
        (Path(tmp) / EVENTS_NAME).write_bytes(data)
        rows, problems = event_rows(Path(tmp))
    have = {_key(r) for r in event_rows(data_dir)[0]}
    new = []
    for row in rows:
        if _key(row) not in have:
            have.add(_key(row))
            new.append(row)
    return new, problems


def apply_pack(pack: Pack, res: ImportResult, extras: Extras, store: UserStore, data_dir: Path) -> Applied:
    """Store the figures as one import, then copy stories and events; all or nothing."""
    record = store.apply(res, pack.file) if res.to_store else None
    written: list[Path] = []
    try:
        for name, data in extras.stories:
            target = data_dir / "stories" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data, own=True)
            written.append(target)
        if extras.events and _events_readable(data_dir):
            path = data_dir / EVENTS_NAME
            try:  # checked by plan_extras; the file may have changed since
                data, _added = events_bytes(_existing_events(data_dir), extras.events, pack.file)
            except EventsRefused as refused:
                raise SaveError(path, "other", refused.text) from None
            write_atomic(path, data, own=True)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        if record is not None:
            store.undo(record.id)
        raise
    return Applied(record, tuple(name for name, _ in extras.stories), len(extras.events))
