"""The data folder's own files, which no export may be written over.

An export's target is chosen by the user, and a save dialog or `--out` accepts any name: an
export written as `meldpunt.sqlite` in the data folder replaced the store with a CSV, and every
import was gone with no way back. The folders in use are named here once (the command line and
the window, as they find their data folder; a pack export for the folder it packs), and every
safe write (files/safewrite.py) refuses their store, its journal files, `settings.ini`,
`events.csv` and the stories folder, unless the writer says the file is its own to write (a
saved story, a pack's events).
"""

from __future__ import annotations

import os
from pathlib import Path

from meldpunt_gui.model.domain import Text

STORE = "meldpunt.sqlite"  # files/locations.STORE_NAME
OWN_NAMES = (STORE, STORE + "-journal", STORE + "-wal", STORE + "-shm", STORE + "-check", "settings.ini",
             "events.csv")
STORIES = "stories"

_folders: set[str] = set()


def _key(path: str | os.PathLike[str]) -> str:
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):
        real = os.path.abspath(path)
    return os.path.normcase(real)


def guard_data_folder(folder: str | os.PathLike[str] | None) -> None:
    """From now on, safe writes refuse the own files of `folder` (None: nothing to guard)."""
    if folder is not None:
        _folders.add(_key(folder))


def forget_data_folders() -> None:
    """For tests: no folder is guarded any more."""
    _folders.clear()


def own_file(path: str | os.PathLike[str]) -> bool:
    """True when `path` (links followed) is one of the own files of a guarded data folder."""
    if not _folders:
        return False
    real = _key(path)
    parent, name = os.path.split(real)
    if parent in _folders and name in {os.path.normcase(n) for n in OWN_NAMES}:
        return True
    grand, folder = os.path.split(parent)
    return grand in _folders and folder == os.path.normcase(STORIES)


def own_file_text(path: Path) -> Text:
    return Text(
        f"Kan {path} niet opslaan: dat is een bestand van de viewer zelf in de gegevensmap (uw eigen "
        "cijfers, instellingen, gebeurtenissen of verhalen) en een export zou het overschrijven. Kies "
        "een andere bestandsnaam of map.",
        f"Cannot save {path}: it is one of the viewer's own files in the data folder (your own figures, "
        "settings, events or stories), and an export would overwrite it. Choose another file name or "
        "folder.")
