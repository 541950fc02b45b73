"""Where the shipped resources (data, texts, icons, translations) live.

The wheel puts `resources/` inside the package; a source checkout keeps it next to the package.
Both layouts must work, so callers never build these paths themselves.
"""

from __future__ import annotations

from pathlib import Path


def resource_root() -> Path:
    """The `resources/` folder: inside the installed package, else beside it in a source checkout."""
    here = Path(__file__).resolve().parents[1]  # the package folder
    installed = here / "resources"
    checkout = here.parent / "resources"
    for candidate in (installed, checkout):
        if candidate.is_dir():
            return candidate
    return installed
