"""The core stays free of Qt: it must run (and be tested) on a machine without a display."""

import subprocess
import sys

CORE = ["domain", "formatting", "view", "describe", "tabular", "bundled", "importers", "store",
        "exporters", "safewrite", "numbers", "import_cli", "cli", "stories", "transforms",
        "user_events", "settings_file"]


def test_core_imports_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    try:\n"
        "        importlib.import_module('meldpunt_gui.' + name)\n"
        "    except ModuleNotFoundError as exc:\n"
        "        if exc.name != 'meldpunt_gui.' + name: raise\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt loaded by the core: {out.stdout}"


def test_window_module_does_not_load_pyqtgraph_before_the_chart():
    """pyqtgraph loads lazily, so the window can paint before it is imported."""
    code = (
        "import sys\n"
        "import meldpunt_gui.ui.main_window\n"
        "print('pyqtgraph' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
