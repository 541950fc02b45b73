"""Why the system refused a file, in the window's language.

The system's own words (`strerror`) are English on most machines, so a Dutch message ended in
"Too many levels of symbolic links". The common causes get words of our own in both languages;
any other is passed on as the system says it. Free of Qt.
"""

from __future__ import annotations

import errno

from meldpunt_gui.model.bilingual import Text

_REASONS: dict[int, Text] = {
    errno.ENOENT: Text("het bestand of de map bestaat niet", "the file or folder does not exist"),
    errno.EACCES: Text("geen toestemming", "no permission"),
    errno.EPERM: Text("geen toestemming", "no permission"),
    errno.ELOOP: Text("een koppeling (symlink) wijst in een kring naar zichzelf",
                      "a symbolic link points round in a loop"),
    errno.ENOSPC: Text("de schijf is vol", "the disk is full"),
    errno.EROFS: Text("de schijf is alleen-lezen", "the disk is read-only"),
    errno.EISDIR: Text("het is een map", "it is a folder"),
    errno.ENOTDIR: Text("een deel van het pad is geen map", "part of the path is not a folder"),
    errno.ENAMETOOLONG: Text("de naam is te lang", "the name is too long"),
    errno.EBUSY: Text("het bestand is in gebruik", "the file is in use"),
    errno.EMFILE: Text("er zijn te veel bestanden open", "too many files are open"),
    errno.ENFILE: Text("er zijn te veel bestanden open", "too many files are open"),
    errno.EIO: Text("de schijf gaf een lees- of schrijffout", "the disk gave a read or write error"),
    errno.EEXIST: Text("het bestaat al", "it exists already"),
}


def os_reason(exc: BaseException | None) -> Text:
    """The reason of an OSError as words in both languages ('' parts when there is none)."""
    if not isinstance(exc, OSError):
        text = str(exc) if exc is not None else ""
        return Text(text, text)
    known = _REASONS.get(exc.errno or 0)
    if known is not None:
        return known
    text = exc.strerror or str(exc)
    return Text(text, text)
