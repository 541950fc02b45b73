"""What was left out of a file in the data folder, said the way an import says it.

events.csv, stories/*.toml, settings.ini and the user store are the user's own files, so a bad
line in one of them is named (`file:line: field: reason`, in the user's language) and left out,
and the rest still loads. The window lists these in its message bar, the command line on stderr.
"""

from __future__ import annotations

from typing import Protocol

from meldpunt_gui.model.domain import Text
from meldpunt_gui.model.values import Frozen
from meldpunt_gui.text.plain import shown_name

_set = object.__setattr__  # Frozen types set their fields once, in __init__


class Reportable(Protocol):
    """Anything the message bar and stderr can list: a FileProblem, a StoryError, a Note."""

    def format(self, lang: str) -> str: ...


class FileProblem(Frozen):
    """One thing left out: `line` is None for the whole file, `field` "" for a whole line."""

    __slots__ = ("file", "line", "field", "message")
    file: str
    line: int | None
    field: str
    message: Text

    def __init__(self, file: str, line: int | None, field: str, message: Text) -> None:
        _set(self, "file", shown_name(file))  # a story named with a direction override
        _set(self, "line", line)
        _set(self, "field", field)
        _set(self, "message", message)

    def format(self, lang: str) -> str:
        text = self.message.get(lang)
        if self.line is None and not self.field and text.startswith(self.file):
            return text  # a whole-file message names the file itself
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field and self.field != "-" else ""
        return f"{where}:{field} {text}"


class Note(Frozen):
    """A sentence about the data folder that is not tied to a line (the store, the settings)."""

    __slots__ = ("message",)
    message: Text

    def __init__(self, message: Text) -> None:
        _set(self, "message", message)

    def format(self, lang: str) -> str:
        return self.message.get(lang)
