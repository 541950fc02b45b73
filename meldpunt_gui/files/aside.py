"""Damaged files are kept, never deleted: the user store and the settings file are both moved to
<name>.damaged-YYYYMMDD-HHMMSS, so whoever looks into the data folder finds what was there.

No Qt and no data model: this runs on the start-up path, before the window frame is shown.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path


def set_aside(path: Path) -> Path:
    """Rename `path` to <name>.damaged-YYYYMMDD-HHMMSS (with -2, -3, ... when that name is taken,
    so an earlier kept file is never replaced); raises OSError when it cannot be moved."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, aside)
    return aside
