"""The settings file seen from outside Qt: is it one we could have written, and if not, keep it.

QSettings reads some damaged INI files without complaint (a NUL byte inside a value, text in
another encoding than UTF-8, which Qt itself never writes) and would then write the default view
over them at the first save, so the bytes are checked here as well. A damaged file is moved
aside, never deleted, like a damaged user store (DESIGN §5), and the messages say what happened
in Dutch and English.

Nothing here imports Qt, and the data model (for `Text`) is imported only when there is
something to report: this runs on the start-up path, before the window frame is shown.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from meldpunt_gui.model.domain import Text

SETTINGS_NAME = "settings.ini"

MAX_SETTINGS_BYTES = 1 << 20  # ours are a few kB; QSettings would read a stream without end

Damage = Literal["nul", "encoding", "format", "not_regular", "too_big"]


def damage(path: Path) -> Damage | None:
    """What makes the file at `path` unusable as our settings file, or None when it is fine,
    empty or absent. QSettings' own verdict ("format") is added by the caller, and only asked
    for when this says None: QSettings reads the file itself, without a limit, and a named pipe
    would keep it waiting for ever."""
    from meldpunt_gui.files.bounded import ReadRefused, read_bounded

    try:
        data = read_bounded(path, MAX_SETTINGS_BYTES)
    except ReadRefused as refused:
        if refused.kind in ("folder", "fifo", "device", "socket", "not_regular"):
            return "not_regular"
        if refused.kind == "too_big":
            return "too_big"
        return None  # absent or unreadable: nothing to keep aside
    if b"\0" in data:
        return "nul"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "encoding"
    return None


# ----------------------------------------------------------------------------- messages

def _reason(kind: Damage) -> Text:
    from meldpunt_gui.model.domain import Text

    return {
        "nul": Text("het bevat nul-bytes", "it contains NUL bytes"),
        "encoding": Text("het is geen UTF-8-tekst", "it is not UTF-8 text"),
        "format": Text("het is geen leesbaar INI-bestand", "it is not a readable INI file"),
        "not_regular": Text("het is geen gewoon bestand maar een map, named pipe of apparaat",
                            "it is not a regular file but a folder, named pipe or device"),
        "too_big": Text(f"het is groter dan {MAX_SETTINGS_BYTES >> 20} MB",
                        f"it is larger than {MAX_SETTINGS_BYTES >> 20} MB"),
    }[kind]


def _os_reason(exc: OSError) -> Text:
    """Why a folder or file could not be written, in words a user can act on."""
    from meldpunt_gui.files.os_reason import os_reason
    from meldpunt_gui.model.domain import Text

    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return Text("geen toestemming om daar te schrijven", "no permission to write there")
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        return Text("er staat een bestand met die naam in de weg", "a file of that name is in the way")
    if exc.errno == errno.EROFS:
        return Text("de schijf is alleen-lezen", "the drive is read-only")
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return Text("de schijf is vol", "the disk is full")
    return os_reason(exc)


def damaged_message(path: Path, aside: Path, kind: Damage) -> Text:
    """A damaged settings file was kept as `aside`; the viewer starts with the default view."""
    from meldpunt_gui.model.domain import Text

    why = _reason(kind)
    return Text(
        f"De instellingen in {path.name} waren beschadigd ({why.nl}). Het bestand is bewaard als "
        f"{aside.name}; de viewer begint met de standaardweergave.",
        f"The settings in {path.name} were damaged ({why.en}). The file was kept as {aside.name}; "
        "the viewer starts with the default view.")


def not_set_aside_message(path: Path, kind: Damage, exc: OSError) -> Text:
    """A damaged settings file that could not be moved: left as it is, nothing saved over it."""
    from meldpunt_gui.model.domain import Text

    why, cause = _reason(kind), _os_reason(exc)
    return Text(
        f"De instellingen in {path} zijn beschadigd ({why.nl}) en het bestand kan niet opzij worden "
        f"gezet ({cause.nl}). De viewer begint met de standaardweergave en bewaart wijzigingen in de "
        "weergave niet.",
        f"The settings in {path} are damaged ({why.en}) and the file cannot be moved aside "
        f"({cause.en}). The viewer starts with the default view and will not keep changes to it.")


def no_folder_message(folder: Path, exc: OSError, store_read_only: bool) -> Text:
    """The data folder could not be made: nothing the user changes can be kept. With
    `store_read_only` this one message replaces the store's own, which would name the same folder."""
    from meldpunt_gui.model.domain import Text

    cause = _os_reason(exc)
    if store_read_only:
        return Text(
            f"De map voor eigen gegevens ({folder}) kan niet worden aangemaakt ({cause.nl}). De viewer "
            "toont alleen de meegeleverde cijfers, kan niets importeren en bewaart uw weergave en "
            "instellingen niet.",
            f"The folder for your own data ({folder}) cannot be created ({cause.en}). The viewer shows "
            "the bundled figures only, cannot import, and will not keep your view and settings.")
    return Text(
        f"Uw weergave en instellingen worden niet bewaard: de map {folder} kan niet worden aangemaakt "
        f"({cause.nl}).",
        f"Your view and settings will not be kept: the folder {folder} cannot be created ({cause.en}).")
