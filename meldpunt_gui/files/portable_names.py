"""File names every system can hold.

Staff share stories and packs between Windows laptops and other machines. Windows refuses a file
whose name, before its first dot, is a device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9), whatever
the extension and the case: `con.toml` cannot be written there, and on older Pythons such a path
even "exists". A story saved elsewhere under such a name must not reach a Windows data folder.
"""

from __future__ import annotations

import unicodedata

_DEVICES = frozenset({"con", "prn", "aux", "nul",
                      *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))})


def reserved_on_windows(name: str) -> bool:
    """True for a file name (with or without extension) that Windows keeps for a device."""
    return name.split(".", 1)[0].strip().lower() in _DEVICES


def portable_stem(stem: str, fallback: str) -> str:
    """A suggested file name (without extension) that every system holds: ASCII letters, digits,
    '-' and '_' kept, an accent a translation brings dropped from its letter, anything else (a
    space, a slash) made '-'. Where nothing is left, or a device name, `fallback`: an export
    dialog always offers a name that can be written on the laptop it is shared to."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", stem) if not unicodedata.combining(c))
    kept = "".join(c if (c.isascii() and c.isalnum()) or c in "-_" else "-" for c in plain.strip())
    kept = kept.strip("-_")
    return fallback if not kept or reserved_on_windows(kept) else kept
