"""Where the bundled files are: inside the installed package, or next to it in a checkout."""

from __future__ import annotations

from pathlib import Path


def resource_root() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if (candidate / "data").is_dir():
            return candidate
    return here / "resources"
