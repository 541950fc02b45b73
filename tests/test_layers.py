"""What the import contracts cannot see: the order in which the window loads its parts.

That the core imports no Qt, directly or through another module, is proved by the
import-linter contracts in pyproject.toml (`lint-imports`, run by .ci/run).
"""

import subprocess
import sys


def test_window_module_does_not_load_pyqtgraph_before_the_chart():
    """pyqtgraph loads lazily, so the window can paint before it is imported."""
    code = (
        "import sys\n"
        "import meldpunt_gui.ui.main_window\n"
        "print('pyqtgraph' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
