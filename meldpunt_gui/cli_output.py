"""What the command line prints, made safe for a terminal.

File text reaches the terminal in many lines (a series' name in list-metrics, a cell quoted in a
problem of check or import). A workbook cell may hold ESC, which starts a terminal escape
sequence, or a direction override that turns the rest of the line around. Every write goes
through here: such characters are printed as '?', everything else as it is.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

# C0 and C1 controls except tab and newline, DEL, and the bidi embeddings, overrides and isolates
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class SafeStream:
    """A text stream that prints terminal-unsafe characters as '?'; the rest passes through."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(_UNSAFE.sub("?", text))

    def __getattr__(self, name: str) -> Any:  # flush, fileno, isatty, encoding, ...
        return getattr(self._stream, name)
