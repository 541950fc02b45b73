"""File names every system can hold.

Staff share stories and packs between Windows laptops and other machines. Windows refuses a file
whose name, before its first dot, is a device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9), whatever
the extension and the case: `con.toml` cannot be written there, and on older Pythons such a path
even "exists". A story saved elsewhere under such a name must not reach a Windows data folder.
"""

from __future__ import annotations

_DEVICES = frozenset({"con", "prn", "aux", "nul",
                      *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))})


def reserved_on_windows(name: str) -> bool:
    """True for a file name (with or without extension) that Windows keeps for a device."""
    return name.split(".", 1)[0].strip().lower() in _DEVICES
