"""A data pack: my own figures with their sources, my events and my stories as one file.

Staff give a colleague "what I added" as one `.meldpunt` file instead of a CSV and a few story
files by hand. The pack is a plain zip: `manifest.json` (format, version, when, by whom, and the
SHA-256 and size of every other member), `observations.csv` in the import's own long layout (so
the receiving side reads it with the same reader, checks and preview as any import), the data
folder's `events.csv` and `stories/*.toml`. Reading a pack back is `imports/pack.py`.
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

from meldpunt_gui.data.store import UserStore
from meldpunt_gui.data.user_events import FILE_NAME as EVENTS_NAME
from meldpunt_gui.files.bounded import read_bounded
from meldpunt_gui.files.own_files import guard_data_folder
from meldpunt_gui.files.safewrite import write_atomic
from meldpunt_gui.model.domain import Dataset, Observation, Text
from meldpunt_gui.text.plain import printable

FORMAT = "meldpunt-pack"
VERSION = 1
SUFFIX = ".meldpunt"
MANIFEST = "manifest.json"
OBSERVATIONS = "observations.csv"
STORIES = "stories/"
MAX_STORY_BYTES = 256 * 1024  # a story is a few lines of TOML
MAX_EVENTS_BYTES = 4 * 2**20
# The import reader's own long layout: these headers are what `imports/header.py` recognises.
COLUMNS = ("metric", "label", "unit", "unit nl", "unit en", "period", "value", "approximate", "source", "url",
           "published", "note")


class PackExportError(Exception):
    """A pack that cannot be made; `message` says why in both languages."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


def _number(value: float) -> str:
    """A value as the reader's English style reads it: no grouping, a decimal point."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def observations_csv(ds: Dataset) -> tuple[bytes, int]:
    """The user's shown own values (newest import per metric and period) as a long-layout CSV."""
    newest: dict[tuple[str, str], Observation] = {}
    for obs in ds.observations:
        if obs.user:  # the store lists them in import order: a later one replaces an earlier one
            newest[(obs.metric, str(obs.period))] = obs
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\n")
    writer.writerow(COLUMNS)
    for obs in newest.values():
        metric = ds.metrics[obs.metric]
        source = ds.sources.get(obs.source)
        # text as the receiver's reader takes it: a control character stored from a workbook
        # before imports left them out made the colleague's viewer refuse the whole pack
        unit = ds.units.get(metric.unit)  # a new unit's axis labels travel with it ("removal orders")
        writer.writerow([obs.metric, printable(metric.label.nl), metric.unit,
                         printable(unit.label.nl) if unit else "", printable(unit.label.en) if unit else "",
                         str(obs.period), _number(obs.value),
                         "yes" if obs.approximate else "no", printable(source.publisher) if source else "",
                         printable(source.url) if source else "", source.published if source else "",
                         printable(obs.note.nl)])
    return (buf.getvalue().encode("utf-8") if newest else b""), len(newest)


def read_small(path: Path, limit: int) -> bytes | None:
    """A regular file's bytes, read with `limit` enforced while reading; None when it is absent,
    not a regular file or larger than `limit` (a pack never carries what the viewer would refuse)."""
    try:  # bounded, and a named pipe refused at once instead of waiting for a writer
        return read_bounded(path, limit)
    except OSError:  # ReadRefused among them
        return None


def pack_members(data_dir: Path, ds: Dataset) -> tuple[dict[str, bytes], int]:
    """Every member but the manifest (figures, the events file and the story files), and how
    many figures went in."""
    members: dict[str, bytes] = {}
    figures, count = observations_csv(ds)
    if figures:
        members[OBSERVATIONS] = figures
    events = read_small(data_dir / EVENTS_NAME, MAX_EVENTS_BYTES)
    if events and events.strip():
        members[EVENTS_NAME] = events
    stories = data_dir / "stories"
    if stories.is_dir():
        for path in sorted(stories.glob("*.toml")):
            data = read_small(path, MAX_STORY_BYTES)
            if data is not None and safe_story_name(path.name):
                members[STORIES + path.name] = data
    return members, count


def safe_story_name(name: str) -> bool:
    """A story file name that is one plain file in one folder on every system."""
    stem, dot, ext = name.rpartition(".")
    return (dot == "." and ext == "toml" and 0 < len(stem) <= 80
            and all(c.isascii() and (c.isalnum() or c in "-_") for c in stem))


def manifest(members: dict[str, bytes], creator: str, created: str) -> dict[str, object]:
    return {
        "format": FORMAT, "version": VERSION, "created": created, "creator": creator,
        "members": {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                    for name, data in sorted(members.items())},
    }


def build_pack(members: dict[str, bytes], creator: str, created: str | None = None) -> bytes:
    """The zip itself, the manifest first so a reader can check it before anything else."""
    created = created or _dt.datetime.now().astimezone().isoformat(timespec="seconds")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        head = json.dumps(manifest(members, creator, created), ensure_ascii=False, indent=2)
        zf.writestr(MANIFEST, head.encode("utf-8"))
        for name, data in sorted(members.items()):
            zf.writestr(name, data)
    return buf.getvalue()


def export_pack(out: str | os.PathLike[str], data_dir: str | os.PathLike[str], bundled: Dataset,
                creator: str) -> dict[str, int]:
    """Write the pack of `data_dir` to `out` (a safe write); how many figures, event files and
    stories went in. Raises PackExportError when there is nothing of one's own to pack."""
    folder = Path(data_dir)
    guard_data_folder(folder)  # the pack is never written over the files it packs
    with UserStore.open(folder) as store:
        ds = store.overlay(bundled)
    members, figures = pack_members(folder, ds)
    if not members:
        raise PackExportError(Text(
            "Er is niets om in te pakken: nog geen eigen cijfers, gebeurtenissen of verhalen.",
            "There is nothing to pack: no own figures, events or stories yet."))
    name = " ".join(creator.split())[:100]
    write_atomic(out, build_pack(members, name))
    return {"figures": figures, "events": int(EVENTS_NAME in members),
            "stories": sum(1 for n in members if n.startswith(STORIES))}
