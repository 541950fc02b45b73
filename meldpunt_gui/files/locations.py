"""Where the user's data folder is: the one answer for the window and the command line, without Qt.

The folder is the one Qt's `QStandardPaths.AppDataLocation` gives for organisation ORG and
application APP (a test compares the two on the machine it runs on), so the command line finds
the same store as the window without paying for loading Qt. Portable mode (`--portable`, or a
file `portable.txt` next to the program) keeps data and settings beside the program instead: for
a USB stick or a profile that cannot be written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

ORG = "Meldpunt viewer"
APP = "meldpunt-gui"
# the reverse-domain id of the menu entry, its icon and metainfo; the window names it too
APP_ID = "nl.meldpuntviewer.MeldpuntViewer"
PORTABLE_MARKER = "portable.txt"
PORTABLE_FOLDER = "meldpunt-data"
STORE_NAME = "meldpunt.sqlite"  # the user store in the data folder (data/store.py)


class DataLocation(NamedTuple):  # a NamedTuple: a third of a dataclass's import cost
    """The data folder and how it was chosen (the About box says when it is portable)."""

    folder: Path
    portable: bool = False
    given: bool = False  # --data-dir


def program_folder() -> Path:
    """The folder of the launched program: the executable of a frozen bundle, the installed
    `meldpunt-gui` / `meldpunt` script, or for `python -m meldpunt_gui` the interpreter's folder.
    Not resolved through links: a marker goes beside what the user starts."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).absolute().parent
    launched = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if launched is not None and launched.name != "__main__.py" and launched.suffix != ".py" \
            and launched.is_file():
        return launched.absolute().parent
    return Path(sys.executable).absolute().parent


def portable_folder(program: Path | None = None) -> Path:
    """The data folder in portable mode: `meldpunt-data` beside the program."""
    return (program or program_folder()) / PORTABLE_FOLDER


def standard_folder() -> Path:
    """QStandardPaths.AppDataLocation for ORG/APP, computed as Qt computes it."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / ORG / APP
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / ORG / APP
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / ORG / APP


def data_location(given: Path | str | None = None, portable: bool = False,
                  program: Path | None = None) -> DataLocation:
    """`--data-dir` first, then portable mode (`--portable` or the marker file), else the
    per-user folder."""
    if given:
        return DataLocation(Path(given), given=True)
    folder = program or program_folder()
    if portable or (folder / PORTABLE_MARKER).is_file():
        return DataLocation(portable_folder(folder), portable=True)
    return DataLocation(standard_folder())
