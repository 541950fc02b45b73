"""Why the user store cannot be used, in both languages: the error its operations raise, the
states a file may be found in (damaged, written by a newer viewer) and SQLite's English errors in
our own words. Kept apart from opening and writing so every message is in one place.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from meldpunt_gui.files.bounded import ReadRefused, check_regular
from meldpunt_gui.model.domain import Text


class StoreError(Exception):
    """A store operation that cannot be done; `message` says why in both languages."""

    def __init__(self, message: Text, code: str = "") -> None:
        super().__init__(message.en)
        self.message = message
        self.code = code


class Damaged(Exception):
    def __init__(self, reason: Text) -> None:
        super().__init__(reason.en)
        self.reason = reason


class Newer(Exception):
    """The store was written by a newer version of the viewer: keep it, open it read-only."""

    def __init__(self, version: int) -> None:
        super().__init__(f"schema version {version}")
        self.version = version


def not_a_file(path: Path) -> Text | None:
    """Why the store's path cannot be a store (a folder, a named pipe, a device), or None."""
    try:
        check_regular(path, 1 << 62)
    except ReadRefused as refused:
        if refused.kind in ("missing", "no_permission", "unreadable"):
            return None  # a new store, or one SQLite will explain below
        what = refused.text
        return Text(f"{what.nl} Uw eigen gegevens ({path}) kunnen daarom niet worden gebruikt; de "
                    "viewer toont alleen de meegeleverde cijfers en kan nu niets importeren. Het is "
                    "niet aangeraakt.",
                    f"{what.en} Your own data ({path}) cannot be used; the viewer shows the bundled "
                    "figures only and cannot import now. It was left untouched.")
    return None


def read_only_file_text(path: Path) -> Text:
    return Text(f"Het bestand met uw eigen gegevens ({path}) is alleen-lezen. Uw cijfers worden "
                "getoond, maar er kan niets worden geïmporteerd of ongedaan gemaakt; maak het "
                "bestand schrijfbaar om dat weer te kunnen.",
                f"The file with your own data ({path}) is read-only. Your figures are shown, but "
                "nothing can be imported or undone; make the file writable to do that again.")


def read_only_folder_text(path: Path) -> Text:
    return Text(f"De map {path.parent} is alleen-lezen, dus {path.name} kan niet worden bijgewerkt. "
                "Uw cijfers worden getoond, maar er kan niets worden geïmporteerd of ongedaan "
                "gemaakt.",
                f"The folder {path.parent} is read-only, so {path.name} cannot be updated. Your "
                "figures are shown, but nothing can be imported or undone.")


def out_of_rules_text(path: Path, imports: list[int]) -> Text:
    listed = ", ".join(str(i) for i in imports[:10]) + (" …" if len(imports) > 10 else "")
    return Text(f"{path.name} bevat waarden die geen import zou schrijven (een jaar buiten 1990-2100 of "
                f"een onbekend halfjaar), in import {listed}; het bestand is buiten de viewer bewerkt. "
                "Die waarden zijn weggelaten; de rest wordt getoond. Maak de import zo nodig ongedaan "
                "in Gegevens > Importgeschiedenis.",
                f"{path.name} holds values no import would write (a year outside 1990-2100 or an "
                f"unknown half-year), in import {listed}; the file was edited outside the viewer. "
                "Those values are left out; the rest is shown. Undo the import if need be in "
                "Data > Import history.")


def newer_text(path: Path, version: int, known: int) -> Text:
    return Text(f"Uw eigen gegevens ({path}) zijn opgeslagen door een nieuwere versie van de viewer "
                f"(opslagversie {version}, deze versie kent {known}). Het bestand is "
                "ongewijzigd gelaten en alleen-lezen geopend; werk de viewer bij om te importeren.",
                f"Your own data ({path}) was saved by a newer version of the viewer (store version "
                f"{version}, this version knows {known}). The file was left unchanged and "
                "opened read-only; update the viewer to import.")


_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_FULL = 5, 6, 8, 13


def is_busy(exc: sqlite3.Error) -> bool:
    """True when another connection holds the file (another window, a second viewer importing,
    DB Browser with unsaved changes): nothing is wrong with it, it is only not free now."""
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(exc).lower()
    return code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text or "busy" in text


def busy_text(path: Path) -> Text:
    """The store could not be opened because another program holds it: said as that, not as
    an SQLite error, and that the file was left as it is."""
    return Text(f"Uw eigen gegevens in {path.name} zijn nu bezet door een ander programma of venster "
                "(bijvoorbeeld een tweede viewer die importeert); het bestand is niet aangeraakt. "
                "Probeer het zo opnieuw.",
                f"Your own data in {path.name} is busy in another program or window right now (for "
                "example a second viewer importing); the file was left untouched. Try again in a moment.")

_SQLITE_READONLY_DBMOVED = _SQLITE_READONLY | (4 << 8)  # 1032


def store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    full = getattr(exc, "sqlite_errorcode", 0) or 0
    code = full & 0xFF
    text = str(exc).lower()
    if full == _SQLITE_READONLY_DBMOVED:  # the file was moved or replaced under the open window
        return StoreError(Text(f"{path.name} is verplaatst of vervangen terwijl de viewer open was; er is "
                               "niets gewijzigd. Start de viewer opnieuw om het bestand te lezen zoals het nu is.",
                               f"{path.name} was moved or replaced while the viewer was open; nothing was "
                               "changed. Start the viewer again to read the file as it is now."), "moved")
    if is_busy(exc):
        return StoreError(Text(f"{path.name} is bezet door een ander programma of venster; er is niets "
                               "gewijzigd. Probeer het zo opnieuw.",
                               f"{path.name} is busy in another program or window; nothing was changed. "
                               "Try again in a moment."), "busy")
    if code == _SQLITE_FULL or "disk is full" in text:
        return StoreError(Text(f"{path.name} kan niet worden bijgewerkt: de schijf is vol. Er is niets "
                               "gewijzigd; maak ruimte vrij en probeer het opnieuw.",
                               f"{path.name} cannot be updated: the disk is full. Nothing was changed; "
                               "free some space and try again."), "disk_full")
    if code == _SQLITE_READONLY or "readonly" in text:
        return StoreError(Text(f"{path.name} kan niet worden bijgewerkt: de map {path.parent} is "
                               "alleen-lezen. Er is niets gewijzigd.",
                               f"{path.name} cannot be updated: the folder {path.parent} is read-only. "
                               "Nothing was changed."), "read_only")
    why = sqlite_reason(exc)
    return StoreError(Text(f"{path} kan niet worden bijgewerkt: {why.nl}. Er is niets gewijzigd.",
                           f"{path} cannot be updated: {why.en}. Nothing was changed."), "sqlite")


CHECK_SUFFIX = "-check"  # beside the store: a read found it damaged; the next opening checks all


def damage_marker(path: Path) -> Path:
    return path.with_name(path.name + CHECK_SUFFIX)


def mark_damaged(path: Path) -> None:
    """A read found a damaged page (in a large store only the small tables are checked at
    opening): the next opening checks the whole file, and a damaged one is set aside as at
    any start (DESIGN §5). Best effort: a folder that cannot be written keeps no mark."""
    try:
        damage_marker(path).touch()
    except OSError:
        pass


def read_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """A failed read of the store in words about reading (store_error speaks of updating): busy
    while another program holds it, damaged where SQLite finds a broken page (a large store's
    values are checked only as they are read), or SQLite's reason in our words."""
    full = getattr(exc, "sqlite_errorcode", 0) or 0
    text = str(exc).lower()
    if is_busy(exc):
        return StoreError(Text(f"Uw eigen cijfers in {path.name} kunnen nu niet worden gelezen: het bestand is "
                               "bezet door een ander programma of venster. Probeer het zo opnieuw.",
                               f"Your own figures in {path.name} cannot be read now: the file is busy in "
                               "another program or window. Try again in a moment."), "busy")
    if (full & 0xFF) in (11, 26) or "malformed" in text or "not a database" in text:
        return StoreError(Text(f"Uw eigen cijfers in {path.name} kunnen niet worden gelezen: het bestand is "
                               "beschadigd. Bij de volgende start wordt het opzij gezet (bewaard) en begint de "
                               "viewer met de meegeleverde cijfers.",
                               f"Your own figures in {path.name} cannot be read: the file is damaged. At the "
                               "next start it is set aside (kept) and the viewer starts with the bundled "
                               "figures."), "damaged")
    why = sqlite_reason(exc)
    return StoreError(Text(f"Uw eigen cijfers in {path.name} kunnen niet worden gelezen: {why.nl}.",
                           f"Your own figures in {path.name} cannot be read: {why.en}."), "unreadable")


_SQLITE_REASONS = (
    ("unable to open", Text("het bestand kan niet worden geopend (is het een map, of mag de map "
                            "niet worden beschreven?)",
                            "the file cannot be opened (is it a folder, or may the folder not be "
                            "written?)")),
    ("disk i/o error", Text("de schijf gaf een lees- of schrijffout",
                            "the drive reported a read or write error")),
    ("readonly", Text("het bestand is alleen-lezen", "the file is read-only")),
    ("malformed", Text("het bestand is beschadigd", "the file is damaged")),
    ("not a database", Text("het is geen SQLite-bestand", "it is not an SQLite file")),
)


def sqlite_reason(exc: sqlite3.Error) -> Text:
    """SQLite's English error in our own words, in both languages."""
    text = str(exc).lower()
    for key, reason in _SQLITE_REASONS:
        if key in text:
            return reason
    return Text(f"onverwachte fout van SQLite ({exc})", f"unexpected SQLite error ({exc})")
