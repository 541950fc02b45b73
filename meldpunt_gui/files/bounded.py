"""Reading a file the user handed us, or left in the data folder: bounded, and regular files only.

A size the file system reports is not a limit: `/dev/zero`, a named pipe fed by another program
and files under /proc report a size of 0 and never end, and a named pipe nobody writes to blocks
`open()` for ever. So the file is opened with O_NONBLOCK (a FIFO opens at once instead of
waiting for a writer), the opened descriptor is checked with fstat (so a link is judged by what it
points to, and nothing can be swapped in between the check and the read), and the limit is
enforced while reading: at most `limit + 1` bytes are ever read. Everything else is refused with
a `ReadRefused` whose `text` names the file in Dutch and English.

No Qt and, until there is something to report, no data model: this runs on the start-up path.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Union

if TYPE_CHECKING:
    from meldpunt_gui.model.domain import Text

PathLike = Union[str, "os.PathLike[str]"]
Refusal = Literal["missing", "folder", "fifo", "device", "socket", "not_regular", "too_big",
                  "no_permission", "unreadable"]

CHUNK = 1 << 20
_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
          | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0))


class ReadRefused(OSError):
    """A file that was not read; `kind` says why, `text` says it to the user (nl/en)."""

    def __init__(self, path: PathLike, kind: Refusal, limit: int = 0,
                 cause: OSError | None = None) -> None:
        self.path = Path(path)
        self.kind: Refusal = kind
        self.limit = limit
        from meldpunt_gui.files.os_reason import os_reason

        self.detail = os_reason(cause) if cause is not None else None
        code = cause.errno if cause is not None and cause.errno else 0
        super().__init__(code, self.text.en, os.fspath(path))

    @property
    def text(self) -> Text:
        return refusal_text(self.path, self.kind, self.limit, self.detail)

    def __str__(self) -> str:
        return self.text.en

    def __reduce__(self):  # type: ignore[no-untyped-def]  # keep pickling working
        return (type(self), (self.path, self.kind, self.limit))


def size_text(limit: int) -> tuple[str, str]:
    """'256 MB' / '64 kB' in Dutch and English (the same words in both)."""
    if limit >= 1 << 20:
        return f"{limit >> 20} MB", f"{limit >> 20} MB"
    return f"{max(limit >> 10, 1)} kB", f"{max(limit >> 10, 1)} kB"


def refusal_text(path: Path, kind: Refusal, limit: int = 0, detail: Text | None = None) -> Text:
    """Why `path` was not read, naming it, in both languages."""
    from meldpunt_gui.model.domain import Text
    from meldpunt_gui.text.plain import shown_name

    name, full = shown_name(path.name or str(path)), shown_name(str(path))
    if kind == "missing":
        return Text(f"{name} bestaat niet ({full}).", f"{name} does not exist ({full}).")
    if kind == "folder":
        return Text(f"{name} is een map, geen bestand.", f"{name} is a folder, not a file.")
    if kind == "too_big":
        nl, en = size_text(limit)
        return Text(f"{name} is groter dan {nl}.", f"{name} is larger than {en}.")
    what = {
        "fifo": Text("een named pipe", "a named pipe"),
        "device": Text("een apparaat (zoals /dev/zero)", "a device (such as /dev/zero)"),
        "socket": Text("een socket", "a socket"),
        "not_regular": Text("geen gewoon bestand", "not a regular file"),
    }.get(kind)
    if what is not None:
        if kind == "not_regular":
            return Text(f"{name} is {what.nl} en is niet gelezen.",
                        f"{name} is {what.en} and was not read.")
        return Text(f"{name} is {what.nl}, geen gewoon bestand, en is niet gelezen.",
                    f"{name} is {what.en}, not a regular file, and was not read.")
    if kind == "no_permission":
        return Text(f"{name} is niet te lezen: geen toestemming om het te openen.",
                    f"{name} cannot be read: no permission to open it.")
    nl = detail.nl if detail is not None and detail.nl else "onbekende fout"
    en = detail.en if detail is not None and detail.en else "unknown error"
    return Text(f"{name} is niet te lezen: {nl}.", f"{name} cannot be read: {en}.")


def _kind_of(mode: int) -> Refusal | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "not_regular"


def _open(path: Path) -> int:
    try:
        return os.open(path, _FLAGS)
    except FileNotFoundError as exc:
        raise ReadRefused(path, "missing", cause=exc) from None
    except IsADirectoryError as exc:  # Windows; POSIX opens a folder and fstat tells it
        raise ReadRefused(path, "folder", cause=exc) from None
    except PermissionError as exc:
        if os.path.isdir(path):
            raise ReadRefused(path, "folder", cause=exc) from None
        raise ReadRefused(path, "no_permission", cause=exc) from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a FIFO opened for writing only
            raise ReadRefused(path, "socket", cause=exc) from None
        raise ReadRefused(path, "unreadable", cause=exc) from None


def check_regular(path: PathLike, limit: int) -> int:
    """The size of `path` when it is a regular file (after links) within `limit`; raises
    ReadRefused otherwise. For readers that must hand the path to a library (QSettings,
    SQLite): the library still reads the file itself, so that read is not bounded."""
    path = Path(path)
    fd = _open(path)
    try:
        info = os.fstat(fd)
    finally:
        os.close(fd)
    kind = _kind_of(info.st_mode)
    if kind is not None:
        raise ReadRefused(path, kind)
    if info.st_size > limit:
        raise ReadRefused(path, "too_big", limit)
    return info.st_size


def read_bounded(path: PathLike, limit: int) -> bytes:
    """The bytes of `path`, at most `limit` of them; raises ReadRefused for anything that is not
    a regular file once links are followed, and for a file that turns out longer than `limit`
    while it is read (whatever size it reported)."""
    path = Path(path)
    fd = _open(path)
    try:
        info = os.fstat(fd)
        kind = _kind_of(info.st_mode)
        if kind is not None:
            raise ReadRefused(path, kind)
        if info.st_size > limit:
            raise ReadRefused(path, "too_big", limit)
        pieces: list[bytes] = []
        total = 0
        while True:
            try:
                piece = os.read(fd, min(CHUNK, limit + 1 - total))
            except BlockingIOError:  # pragma: no cover - regular files never block
                raise ReadRefused(path, "not_regular") from None
            except OSError as exc:
                raise ReadRefused(path, "unreadable", cause=exc) from None
            if not piece:
                break
            pieces.append(piece)
            total += len(piece)
            if total > limit:
                raise ReadRefused(path, "too_big", limit)
        return b"".join(pieces)
    finally:
        os.close(fd)


def read_text_bounded(path: PathLike, limit: int, encoding: str = "utf-8") -> str:
    """read_bounded, decoded; a UnicodeDecodeError is the caller's to report."""
    return read_bounded(path, limit).decode(encoding)
