"""The frozen program's start: one script for both executables of the bundle.

`meldpunt-gui` (no console on Windows) opens the window; `meldpunt` is the command line. Both run
the same code; the executable's own name picks the entry, as the installed scripts do.
"""

import sys
from pathlib import Path

from meldpunt_gui.cli import gui_main, main

if __name__ == "__main__":
    entry = gui_main if Path(sys.executable).stem.lower() == "meldpunt-gui" else main
    raise SystemExit(entry())
