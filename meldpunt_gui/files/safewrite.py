"""Write a file so that a failure never leaves a damaged or half-written file behind (DESIGN §5).

The bytes go to a temporary file in the target's folder; every write is checked for its full
length (a short write means the disk is full: QSaveFile has been seen to commit a truncated file
in that case), the data is flushed and fsynced, and only then is the temporary file renamed over
the target. A target that is open in Excel on Windows cannot be replaced for a moment, so the
rename is retried a few times within about a second. Whatever goes wrong, the temporary file is
removed, the old file is untouched, and a `SaveError` says in one sentence (Dutch and English)
what the user can do about it.

The target is looked at before anything is written: a symlink is followed (a chain too, and a
link to a file that does not exist yet), so the file it points to is replaced in its own folder
and the link stays; an existing target that is not a regular file (a device such as /dev/full, a
FIFO, a socket, a folder) is refused, never replaced by a plain file.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path
from typing import Literal, Union

from meldpunt_gui.files.os_reason import os_reason
from meldpunt_gui.files.own_files import own_file, own_file_text
from meldpunt_gui.model.domain import Text

PathLike = Union[str, "os.PathLike[str]"]
Reason = Literal["missing_folder", "read_only", "disk_full", "locked", "is_folder", "not_a_file",
                 "link_loop", "own_file", "other"]

# Pauses between attempts to replace a locked target: 5 retries, about 1 s in all.
RETRY_DELAYS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.3, 0.35)
CHUNK = 1 << 20  # write in pieces so every piece can be checked (and no single write is huge)

_sleep = time.sleep  # replaced in tests

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}
_WINERROR_LOCKED = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


class ShortWriteError(OSError):
    """The operating system accepted fewer bytes than given: treated as a full disk."""

    def __init__(self, written: int, expected: int) -> None:
        super().__init__(errno.ENOSPC, f"short write: {written} of {expected} bytes")


class SaveError(OSError):
    """A file could not be saved; `text` says why in Dutch and English, naming the file.

    Show `err.text.get(lang)`; `reason` tells callers and tests what kind of failure it was.
    """

    def __init__(self, path: PathLike, reason: Reason, text: Text,
                 cause: BaseException | None = None) -> None:
        code = cause.errno if isinstance(cause, OSError) and cause.errno else 0
        super().__init__(code, text.en, os.fspath(path))
        self.path = Path(path)
        self.reason: Reason = reason
        self.text = text
        if cause is not None:
            self.__cause__ = cause

    @property
    def message(self) -> Text:
        """Same as `text`."""
        return self.text

    def __str__(self) -> str:
        return self.text.en

    def __reduce__(self) -> tuple[type[SaveError], tuple[Path, Reason, Text]]:
        # keep pickling working despite the custom signature
        return (type(self), (self.path, self.reason, self.text))


def _message(reason: Reason, path: Path, kind: str = "", why: Text | None = None) -> Text:
    """The save error's sentence; `kind`: what a non-regular target is, `why`: the system's
    reason for any other failure."""
    folder = path.parent
    if reason == "missing_folder":
        return Text(f"Kan {path} niet opslaan: de map {folder} bestaat niet.",
                    f"Cannot save {path}: the folder {folder} does not exist.")
    if reason == "read_only":
        return Text(f"Kan {path} niet opslaan: het bestand of de map {folder} is alleen-lezen "
                    "(geen schrijfrechten).",
                    f"Cannot save {path}: the file or the folder {folder} is read-only "
                    "(no permission to write).")
    if reason == "disk_full":
        return Text(f"Kan {path} niet opslaan: de schijf is vol; het oude bestand is ongewijzigd.",
                    f"Cannot save {path}: the disk is full; the old file is unchanged.")
    if reason == "locked":
        return Text(f"Kan {path} niet opslaan: het bestand is geopend in een ander programma "
                    "(bijvoorbeeld Excel) of is alleen-lezen; sluit het en probeer het opnieuw.",
                    f"Cannot save {path}: the file is open in another program (for example "
                    "Excel) or is read-only; close it and try again.")
    if reason == "is_folder":
        return Text(f"Kan niet opslaan: {path} is een map, geen bestand.",
                    f"Cannot save: {path} is a folder, not a file.")
    if reason == "not_a_file":
        what = _KINDS.get(kind, _KINDS["special"])
        return Text(f"Kan niet opslaan: {path} is {what.nl}, geen gewoon bestand; kies een "
                    "andere bestandsnaam.",
                    f"Cannot save: {path} is {what.en}, not a regular file; choose another "
                    "file name.")
    if reason == "link_loop":
        return Text(f"Kan {path} niet opslaan: de snelkoppeling (symlink) wijst in een kring "
                    "naar zichzelf.",
                    f"Cannot save {path}: the symbolic link points round in a loop.")
    nl = why.nl if why is not None and why.nl else "onbekende fout"
    en = why.en if why is not None and why.en else "unknown error"
    return Text(f"Kan {path} niet opslaan: {nl}.", f"Cannot save {path}: {en}.")


# what an existing target is when it is not a regular file, for the message
_KINDS = {
    "device": Text("een apparaat", "a device"),
    "fifo": Text("een pipe (FIFO)", "a pipe (FIFO)"),
    "socket": Text("een socket", "a socket"),
    "special": Text("een speciaal bestand", "a special file"),
}


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special"


def resolve_target(path: PathLike, *, own: bool = False) -> Path:
    """The file a save to `path` replaces: links followed, checked to be a regular file or absent.

    Raises SaveError (naming the file the link leads to) for a folder, a device, a FIFO or a
    socket, and for a link that loops; and for a file of a data folder in use (own_files.py)
    unless `own` says the writer is the one that keeps it. Callers name the returned path when
    they report success.
    """
    given = Path(path)
    if not own and own_file(given):
        raise SaveError(given, "own_file", own_file_text(given))
    try:
        real = Path(os.path.realpath(given)) if given.is_symlink() else given
    except OSError:  # a folder we may not look into: writing there says why, in our words
        return given
    try:
        mode = os.lstat(real).st_mode
    except FileNotFoundError:
        return real  # a new file (also where a dangling link points)
    except NotADirectoryError:
        return real  # the folder part is a file: creating the temporary file says so
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise _fail(given, "link_loop", err) from err
        return real
    if stat.S_ISLNK(mode):  # realpath stops at a loop
        raise _fail(given, "link_loop")
    if stat.S_ISDIR(mode):
        raise _fail(real, "is_folder")
    if not stat.S_ISREG(mode):
        raise SaveError(real, "not_a_file", _message("not_a_file", real, _kind(mode)))
    return real


def _fail(path: Path, reason: Reason, cause: BaseException | None = None) -> SaveError:
    why = os_reason(cause) if reason == "other" and isinstance(cause, OSError) else None
    return SaveError(path, reason, _message(reason, path, why=why), cause)


def _is_dir(path: Path) -> bool:
    """Path.is_dir that never raises (a folder we may not look into counts as absent)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _classify(err: OSError, path: Path, stage: Literal["create", "write", "replace"]) -> Reason:
    if isinstance(err, ShortWriteError) or err.errno in _DISK_FULL:
        return "disk_full"
    if stage == "create" and (isinstance(err, (FileNotFoundError, NotADirectoryError))
                              or not _is_dir(path.parent)):
        return "missing_folder"
    if isinstance(err, IsADirectoryError) or _is_dir(path):
        return "is_folder"
    if stage == "replace" and (isinstance(err, PermissionError)
                               or getattr(err, "winerror", None) in _WINERROR_LOCKED):
        return "locked"
    if isinstance(err, PermissionError) or err.errno in _READ_ONLY:
        return "read_only"
    return "other"


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte or raise: a short write is an error, never silently accepted."""
    view = memoryview(data)
    for start in range(0, len(view), CHUNK):
        piece = view[start:start + CHUNK]
        written = os.write(fd, piece)
        if written != len(piece):
            raise ShortWriteError(start + (written or 0), len(view))


def _create_temp(path: Path) -> tuple[int, Path]:
    """A new file next to the target, created with O_EXCL so nothing else is overwritten."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(20):
        tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp  # the umask applies, as for any new file
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", os.fspath(path))


def _replace(tmp: Path, path: Path) -> None:
    """os.replace with a short, bounded retry: a target open in Excel is often free a moment later."""
    for delay in (*RETRY_DELAYS, None):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if delay is None:
                raise
            _sleep(delay)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: PathLike, data: bytes, *, own: bool = False) -> Path:
    """Replace `path` by `data`, all or nothing; raises SaveError and keeps the old file on failure.

    Returns the file written: `path` itself, or the file a symlink at `path` leads to. `own`:
    the file is one of the data folder's own that this writer keeps (a story, events.csv).
    """
    path = resolve_target(path, own=own)
    try:
        if path.exists() and not os.access(path, os.W_OK):
            raise _fail(path, "read_only")  # a file marked read-only is not silently replaced
        fd, tmp = _create_temp(path)
    except SaveError:
        raise
    except OSError as err:
        raise _fail(path, _classify(err, path, "create"), err) from err

    stage: Literal["write", "replace"] = "write"
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        try:  # keep the permissions of the file being replaced
            if path.exists():
                os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        except OSError:
            pass
        stage = "replace"
        resolve_target(path, own=own)  # still a regular file (or absent) right before it is replaced
        _replace(tmp, path)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(err, SaveError):
            raise
        if isinstance(err, OSError):
            raise _fail(path, _classify(err, path, stage), err) from err
        raise
    _fsync_folder(path.parent)
    return path


def write_text_atomic(path: PathLike, text: str, encoding: str = "utf-8") -> Path:
    """write_atomic for text; written as given (no newline translation).

    A character the encoding cannot hold raises UnicodeEncodeError before anything is written.
    """
    return write_atomic(path, text.encode(encoding))
