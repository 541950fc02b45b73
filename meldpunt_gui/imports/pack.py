"""Reading a colleague's data pack: refuse what is damaged, tampered or too large, then import.

A pack (`exports/pack.py`) is a zip a colleague mailed, so every byte of it is untrusted. It is
read bounded (the file, each member's declared size and its actual inflated size while reading,
and the total), its members must be exactly the ones the manifest lists with matching SHA-256,
and names that could escape the data folder, links, folders and encrypted members are refused.
Nothing in it is run: the figures go through the import's own reader and checks, the stories
through the story parser, the events through the events reader, and all of it is text.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import json
import os
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from meldpunt_gui.exports.pack import (
    FORMAT,
    MANIFEST,
    MAX_EVENTS_BYTES,
    MAX_STORY_BYTES,
    OBSERVATIONS,
    STORIES,
    VERSION,
    safe_story_name,
)
from meldpunt_gui.files.bounded import ReadRefused, read_bounded
from meldpunt_gui.imports.model import ImportResult
from meldpunt_gui.imports.reader import read_import_data
from meldpunt_gui.imports.rowset import Rows
from meldpunt_gui.model.domain import Dataset, Text
from meldpunt_gui.text.plain import shown_name

EVENTS = "events.csv"
MAX_PACK_BYTES = 64 * 2**20
MAX_OBSERVATIONS_BYTES = 64 * 2**20
MAX_MANIFEST_BYTES = 1 * 2**20
MAX_TOTAL_BYTES = 128 * 2**20
MAX_MEMBERS = 1 + 1 + 1 + 500
_CHUNK = 1 << 16
# What zipfile raises for bytes that are not a sound zip: bad headers, an unknown compression or
# version ("zip file version 6.4"), a broken deflate stream, fields past the end of the data.
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, struct.error, KeyError, IndexError, OverflowError, UnicodeDecodeError)


class PackError(Exception):
    """A pack that is refused; `message` names the file (and member) and says why, nl and en."""

    def __init__(self, message: Text, code: str) -> None:
        super().__init__(message.en)
        self.message = message
        self.code = code  # "damaged", "tampered", "too_big", "newer", "unreadable"


@dataclass
class Pack:
    """A pack whose every member has been checked against its manifest."""

    file: str
    sha256: str
    creator: str
    created: str
    members: dict[str, bytes] = field(default_factory=dict)

    @property
    def date(self) -> str:
        return self.created[:10]

    def provenance(self) -> Text:
        """Where imported figures came from, kept in their note."""
        nl, en = (self.creator, self.creator) if self.creator else ("onbekend", "unknown")
        return Text(f"via pakket van {nl}, {self.date}", f"via pack from {en}, {self.date}")

    @property
    def stories(self) -> dict[str, bytes]:
        return {n[len(STORIES):]: d for n, d in self.members.items() if n.startswith(STORIES)}


def _limit(name: str) -> int | None:
    """The largest size allowed for a member name, or None when the name is not a pack member."""
    if name == MANIFEST:
        return MAX_MANIFEST_BYTES
    if name == OBSERVATIONS:
        return MAX_OBSERVATIONS_BYTES
    if name == EVENTS:
        return MAX_EVENTS_BYTES
    if name.startswith(STORIES) and safe_story_name(name[len(STORIES):]):
        return MAX_STORY_BYTES
    return None


def read_pack(path: str | os.PathLike[str]) -> Pack:
    """Read and verify the pack at `path`; raises PackError with a clear message."""
    p = Path(path)
    name = shown_name(p.name or str(p))
    try:  # a named pipe is refused at once (a plain open() waited for a writer for ever)
        data = read_bounded(p, MAX_PACK_BYTES)
    except ReadRefused as exc:
        if exc.kind == "too_big":
            raise _too_big(name, Text("het bestand", "the file"), MAX_PACK_BYTES) from None
        raise PackError(exc.text, "unreadable") from None
    return read_pack_bytes(data, name)


def _too_big(name: str, what: Text, limit: int) -> PackError:
    mb = max(1, limit >> 20)
    return PackError(Text(f"{name} wordt geweigerd: {what.nl} is groter dan {mb} MB.",
                          f"{name} is refused: {what.en} is larger than {mb} MB."), "too_big")


def _tampered(name: str, why: Text) -> PackError:
    return PackError(Text(f"{name} wordt geweigerd: {why.nl}. Het pakket is veranderd of niet door "
                          "deze viewer gemaakt; vraag de afzender om een nieuw pakket.",
                          f"{name} is refused: {why.en}. The pack was changed or not made by this "
                          "viewer; ask the sender for a new pack."), "tampered")


def _damaged(name: str, detail: str = "") -> PackError:
    extra = f" ({detail})" if detail else ""
    return PackError(Text(f"{name} is beschadigd of geen pakket van deze viewer{extra}.",
                          f"{name} is damaged or not a pack of this viewer{extra}."), "damaged")


def read_pack_bytes(data: bytes, name: str) -> Pack:
    """`read_pack` for bytes already in memory."""
    name = shown_name(name)
    if len(data) > MAX_PACK_BYTES:
        raise _too_big(name, Text("het bestand", "the file"), MAX_PACK_BYTES)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        raise _damaged(name) from None
    with zf:
        members = _read_members(zf, name)
    return _verified(members, name, hashlib.sha256(data).hexdigest())


def _read_members(zf: zipfile.ZipFile, name: str) -> dict[str, bytes]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _tampered(name, Text(f"het bevat {len(infos)} delen", f"it holds {len(infos)} members"))
    declared = 0
    for info in infos:
        member = info.filename
        kind = (info.external_attr >> 16) & 0o170000
        if kind == stat.S_IFLNK:
            raise _tampered(name, Text(f"'{member}' is een koppeling", f"'{member}' is a link"))
        if info.flag_bits & 0x1:
            raise _tampered(name, Text(f"'{member}' is versleuteld", f"'{member}' is encrypted"))
        limit = _limit(member)
        if limit is None or info.is_dir() or kind not in (0, stat.S_IFREG):
            raise _tampered(name, Text(f"'{member[:80]}' hoort niet in een pakket",
                                       f"'{member[:80]}' does not belong in a pack"))
        if info.file_size > limit:
            raise _too_big(name, Text(f"'{member}'", f"'{member}'"), limit)
        declared += info.file_size
    if declared > MAX_TOTAL_BYTES:
        raise _too_big(name, Text("de inhoud", "its contents"), MAX_TOTAL_BYTES)
    members: dict[str, bytes] = {}
    for info in infos:
        if info.filename in members:
            raise _tampered(name, Text(f"'{info.filename}' staat er twee keer in",
                                       f"'{info.filename}' is in it twice"))
        members[info.filename] = _read_member(zf, info, name)
    return members


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """One member, inflated chunk by chunk: a zip bomb that lies about its size stops at the
    declared size instead of filling the memory."""
    limit = min(info.file_size, _limit(info.filename) or 0)
    parts: list[bytes] = []
    size = 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise _too_big(name, Text(f"'{info.filename}'", f"'{info.filename}'"), limit)
                parts.append(chunk)
    except PackError:
        raise
    except _ZIP_ERRORS as exc:
        raise _damaged(name, f"{info.filename}: {exc}"[:160]) from None
    return b"".join(parts)


def _clean(text: object, limit: int) -> str:
    """Text from the manifest as one plain line: no control characters, bounded."""
    if not isinstance(text, str):
        return ""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())[:limit]


def _verified(members: dict[str, bytes], name: str, digest: str) -> Pack:
    head = members.pop(MANIFEST, None)
    if head is None:
        raise _damaged(name, "manifest.json")
    try:
        doc = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _damaged(name, "manifest.json") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("members"), dict):
        raise _damaged(name, "manifest.json")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _damaged(name, "manifest.json")
    if version > VERSION:
        raise PackError(Text(f"{name} is gemaakt door een nieuwere versie van de viewer (pakketversie "
                             f"{version}); werk de viewer bij om het te openen.",
                             f"{name} was made by a newer version of the viewer (pack version {version}); "
                             "update the viewer to open it."), "newer")
    listed: dict[str, object] = doc["members"]
    for member in sorted(members.keys() - listed.keys()):
        raise _tampered(name, Text(f"'{member}' staat niet in de inhoudsopgave",
                                   f"'{member}' is not in its manifest"))
    for member in sorted(listed.keys() - members.keys()):
        raise _tampered(name, Text(f"'{member[:80]}' ontbreekt", f"'{member[:80]}' is missing"))
    for member, data in members.items():
        entry = listed[member]
        if (not isinstance(entry, dict) or entry.get("sha256") != hashlib.sha256(data).hexdigest()
                or entry.get("size") != len(data)):
            raise _tampered(name, Text(f"de controlesom van '{member}' klopt niet",
                                       f"the checksum of '{member}' does not match"))
    created = _clean(doc.get("created"), 40)
    try:
        _dt.date.fromisoformat(created[:10])
    except ValueError:
        created = ""
    return Pack(name, digest, _clean(doc.get("creator"), 100), created, members)


def preview_pack(pack: Pack, dataset: Dataset, lang: str) -> ImportResult:
    """What importing the pack's figures would do, checked as any import file is; every row's
    note carries where it came from, in the language of the one who imports it."""
    data = pack.members.get(OBSERVATIONS, b"")
    member = f"{pack.file}/{OBSERVATIONS}"
    if not data:
        res = ImportResult(file=member, path=pack.file, kind="csv")
    else:
        res = read_import_data(data, member, dataset, number_style="en", delimiter=";")
    res.sha256 = pack.sha256
    via = pack.provenance().get(lang)
    def noted(extras: tuple[str, str, str, str]) -> tuple[str, str, str, str]:
        publisher, url, published, note = extras
        return publisher, url, published, f"{note}; {via}" if note else via

    if isinstance(res.rows, Rows):
        res.rows.map_extras(noted)
    else:
        for row in res.rows:
            row.note = noted(("", "", "", row.note))[3]
    return res

